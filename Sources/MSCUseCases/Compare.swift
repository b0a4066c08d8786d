import MSCModel
import MSCReport
import MSCSimulation

/// Scenarios side by side, each against its baseline, with (when asked) the decision among them
/// and the evidence pack's charts: `msc compare` and the page's compare.
public enum Compare {
    public struct Request {
        public var selection: ScenarioSelection
        public var settings: SimulationSettings
        public var command: String
        /// Weigh the listed scenarios too (``Decide/analyse(_:options:baseline:threshold:threads:control:manifest:)``),
        /// when two or more are listed and the runs allow it.
        public var decision: Bool
        /// Threads for the decision's regressions.
        public var analysisThreads: Int
        /// Draw the evidence pack's charts of the comparison (and of the decision).
        public var charts: Bool

        public init(selection: ScenarioSelection, settings: SimulationSettings, command: String, decision: Bool = false,
                    analysisThreads: Int? = nil, charts: Bool = false) {
            self.selection = selection
            self.settings = settings
            self.command = command
            self.decision = decision
            self.analysisThreads = analysisThreads ?? settings.threads
            self.charts = charts
        }

        /// Whether this comparison carries a decision: asked for, two or more options listed.
        public var decides: Bool { decision && selection.listed.count >= 2 }
    }

    public struct Result {
        public let comparison: ComparisonReport
        public let decision: DecisionReport?
        /// The evidence pack's charts of this comparison (empty unless asked for).
        public let charts: [Chart]
        /// The plans run: the listed scenarios, then baselines loaded beside them.
        public let plans: [ScenarioPlan]
    }

    public static func run(_ request: Request, control: WorkControl = WorkControl()) throws -> Result {
        let resolved = try request.selection.compared()
        var settings = request.settings
        settings.keepInputDraws = request.decides
        // Without charts the comparison reports each scenario's yearly values only as fans, and
        // several scenarios then hold far less memory.
        settings.keepYearlyIterations = request.charts
        let runs = try SimulatedScenarios.run(resolved, settings: settings, control: control)
        let comparison = try ComparisonReport.appraised(resolved, results: runs.results, manifest: runs.manifest(command: request.command))
        try control.checkNotStopped(afterIterations: runs.iterations)
        var decision: DecisionReport?
        if request.decides {
            decision = try Decide.analyse(runs, options: DecisionAnalysis.options(of: resolved), baseline: request.selection.baseline,
                                          threshold: nil, threads: request.analysisThreads, control: control,
                                          manifest: comparison.manifest)
        }
        var charts: [Chart] = []
        if request.charts {
            // The charts need no switching values, so their root searches are skipped.
            let analysis = try EvidenceAnalysis(plans: runs.plans, results: comparison.results, solvingSwitchingValues: false)
            var pack = try EvidencePack(analysis: analysis, comparison: comparison)
            pack.decision = decision
            charts = Charts.all(for: pack)
            try control.checkNotStopped(afterIterations: runs.iterations)
        }
        return Result(comparison: comparison, decision: decision, charts: charts, plans: runs.plans)
    }
}
