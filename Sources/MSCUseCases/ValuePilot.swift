import MSCModel
import MSCReport
import MSCSimulation

/// What a pilot of a scenario's posts is worth before the full rollout is decided: the
/// expected value of its sample information and net of its cost, over a grid of sizes and
/// durations (``PilotValuation``). `msc pilot`, the page's pilot and `msc export --pilot`.
public enum ValuePilot {
    /// The pilot's design; the seed and iterations come from the runs' settings.
    public struct Design: Sendable, Equatable {
        public var sizes: [Int]
        public var years: [Int]
        public var comparisonPerPilot: Int
        public var beforeYears: Int
        /// Authority codes included in the pilot first.
        public var councils: [String]
        /// A fixed value of one additional identification (£), instead of the model's own uncertain value.
        public var threshold: Double?

        public init(sizes: [Int] = [5, 10, 20, 40, 80], years: [Int] = [1, 2, 3], comparisonPerPilot: Int = 1, beforeYears: Int = 2,
                    councils: [String] = [], threshold: Double? = nil) {
            self.sizes = sizes
            self.years = years
            self.comparisonPerPilot = comparisonPerPilot
            self.beforeYears = beforeYears
            self.councils = councils
            self.threshold = threshold
        }
    }

    public struct Request {
        /// The one scenario piloted; `selection.baseline` is its comparator (nil: the baseline it declares).
        public var selection: ScenarioSelection
        public var settings: SimulationSettings
        public var design: Design
        /// Threads for the regressions (the figures do not depend on it).
        public var analysisThreads: Int
        public var command: String

        public init(selection: ScenarioSelection, settings: SimulationSettings, design: Design = Design(),
                    analysisThreads: Int? = nil, command: String) {
            self.selection = selection
            self.settings = settings
            self.design = design
            self.analysisThreads = analysisThreads ?? settings.threads
            self.command = command
        }
    }

    public struct Result {
        public let report: PilotReport
        public let manifest: RunManifest
    }

    /// Runs the comparator and the piloted scenario (the comparator first, each with the same
    /// seed and its input draws kept) and values the pilot.
    ///
    /// - Throws: ``UseCaseError/noComparator(scenario:)`` or ``UseCaseError/comparatorIsPiloted(scenario:)``
    ///   before any run; ``DecisionError`` for a design the runs cannot value.
    public static func run(_ request: Request, control: WorkControl = WorkControl()) throws -> Result {
        let resolved = try request.selection.compared()
        let piloted = resolved.plans[0]
        guard let comparatorIndex = resolved.baselineIndex[0] else { throw UseCaseError.noComparator(scenario: piloted.scenario.name) }
        let comparator = resolved.plans[comparatorIndex]
        guard comparator.scenario.name != piloted.scenario.name else {
            throw UseCaseError.comparatorIsPiloted(scenario: piloted.scenario.name)
        }
        var settings = request.settings
        settings.keepInputDraws = true
        let runs = try SimulatedScenarios.run(.uncompared([comparator, piloted]), settings: settings, control: control)
        let result = try value(runs.plans[1], runs.results[1], against: runs.plans[0], runs.results[0], design: request.design,
                               seed: settings.seed, threads: request.analysisThreads)
        try control.checkNotStopped(afterIterations: runs.iterations)
        return Result(report: result, manifest: runs.manifest(command: request.command))
    }

    /// The valuation on runs already made (with their input draws kept): the pilot of `plan`'s
    /// posts against `comparator`, priced at the piloted scenario's evaluation cost.
    public static func value(_ plan: ScenarioPlan, _ result: SimulationResult, against comparator: ScenarioPlan,
                             _ comparatorResult: SimulationResult, design: Design, seed: UInt64, threads: Int) throws -> PilotReport {
        let request = PilotValuation.Request(
            councils: design.sizes, years: design.years, comparisonPerPilot: design.comparisonPerPilot, beforeYears: design.beforeYears,
            evaluationCostPerYear: try plan.assumptions.value(.pilotEvaluationCostPerYear), seed: seed, threads: threads,
            threshold: design.threshold)
        let valued = try PilotValuation.value(plan: plan, result: result, comparator: comparator, comparatorResult: comparatorResult,
                                              listed: design.councils, request: request)
        return PilotReport(result: valued, scenarioName: plan.scenario.name, comparatorName: comparator.scenario.name)
    }
}
