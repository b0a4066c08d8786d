import MSCModel
import MSCReport
import MSCSimulation

/// How likely each option is worthwhile against a baseline, by value of an identification, and
/// which inputs are worth resolving first (EVPI, EVPPI): `msc decide` and the page's decide.
public enum Decide {
    public struct Request {
        /// The options, listed; `selection.baseline` is the option the others are measured
        /// against (nil: ``ComparisonPlans/decisionBaseline(_:requested:)``'s rule).
        public var selection: ScenarioSelection
        public var settings: SimulationSettings
        /// A fixed value of one additional identification (£), instead of the model's own uncertain value.
        public var threshold: Double?
        /// Threads for the regressions (the figures do not depend on it).
        public var analysisThreads: Int
        public var command: String

        public init(selection: ScenarioSelection, settings: SimulationSettings, threshold: Double? = nil,
                    analysisThreads: Int? = nil, command: String) {
            self.selection = selection
            self.settings = settings
            self.threshold = threshold
            self.analysisThreads = analysisThreads ?? settings.threads
            self.command = command
        }
    }

    /// Why runs made with `settings` cannot be decided among, or nil when they can: the
    /// regressions on the draws need each shared input drawn alike in every scenario (not so
    /// under Sobol), at least 100 iterations, and the same iterations for every scenario.
    public static func refusal(_ settings: SimulationSettings) -> String? {
        if settings.method == .sobol { return "sampling sobol is not available for decision analysis; expected mc or lhs" }
        if settings.targetNPVStandardError != nil { return "a standard error target is not available for decision analysis (every scenario needs the same iterations)" }
        if !DecisionAnalysis.canDecide(sampling: settings.method, iterations: settings.runs) { return "decision analysis needs at least 100 iterations" }
        return nil
    }

    /// Runs the listed options (the baseline asked for is checked first, so a wrong name costs no
    /// run) and weighs them.
    ///
    /// - Throws: ``ComparisonPlans/BaselineError`` for a baseline that is not among the options,
    ///   ``DecisionError`` when the runs cannot be compared, ``UseCaseError/stopped(afterIterations:)``.
    public static func run(_ request: Request, control: WorkControl = WorkControl()) throws -> DecisionReport {
        let options = try request.selection.uncompared()
        _ = try ComparisonPlans.decisionBaseline(options.plans, requested: request.selection.baseline)
        var settings = request.settings
        settings.keepInputDraws = true
        let runs = try SimulatedScenarios.run(options, settings: settings, control: control)
        return try analyse(runs, options: Array(runs.plans.indices), baseline: request.selection.baseline,
                           threshold: request.threshold, threads: request.analysisThreads, control: control,
                           manifest: runs.manifest(command: request.command))
    }

    /// The one decision pipeline on runs already made (with their input draws kept): the options
    /// at `options` among `runs`, measured against `baseline` (or the rule's), written up with `manifest`.
    public static func analyse(_ runs: SimulatedScenarios, options: [Int], baseline: String?, threshold: Double?, threads: Int,
                               control: WorkControl, manifest: RunManifest) throws -> DecisionReport {
        let plans = options.map { runs.plans[$0] }
        let analysis = try DecisionAnalysis.decide(plans: plans, results: options.map { runs.results[$0] },
                                                   request: DecisionRequest(baseline: baseline, threshold: threshold,
                                                                            seed: runs.settings.seed, threads: threads),
                                                   shouldStop: control.shouldStop)
        try control.checkNotStopped(afterIterations: runs.iterations)
        return DecisionReport(analysis: analysis, descriptions: ScenarioPlan.assumptionDescriptions(plans), manifest: manifest)
    }
}
