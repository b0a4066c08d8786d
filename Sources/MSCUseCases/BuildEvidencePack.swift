import MSCModel
import MSCReport
import MSCSimulation

/// The evidence pack: the comparison, each scenario's checklist, tables, charts and maps, the
/// decision whenever the runs allow one, and (when asked) where the first posts go and what a
/// pilot is worth. `msc export` and the page's download build it here; the files are written by
/// ``EvidencePackWriter``.
public enum BuildEvidencePack {
    public struct Request {
        public var selection: ScenarioSelection
        public var settings: SimulationSettings
        public var command: String
        /// Threads for the decision's and the pilot's regressions.
        public var analysisThreads: Int
        /// The hexagon layout and councils the maps are drawn on (no maps without them).
        public var maps: (layout: HexLayout, authorities: AuthorityTable)?
        /// Value a pilot of the first scenario's posts against its baseline (the default design).
        public var pilot: Bool
        /// Add where the first posts go within this budget a year: the first scenario's rules and
        /// draws (its seed and iterations), every listed scenario marked on the frontier.
        public var targetBudget: Double?
        /// The folder of the area-need index's files (for ``targetBudget``).
        public var assumptionsDirectory: String?
        public var title: String?

        public init(selection: ScenarioSelection, settings: SimulationSettings, command: String, analysisThreads: Int? = nil,
                    maps: (layout: HexLayout, authorities: AuthorityTable)? = nil, pilot: Bool = false,
                    targetBudget: Double? = nil, assumptionsDirectory: String? = nil, title: String? = nil) {
            self.selection = selection
            self.settings = settings
            self.command = command
            self.analysisThreads = analysisThreads ?? settings.threads
            self.maps = maps
            self.pilot = pilot
            self.targetBudget = targetBudget
            self.assumptionsDirectory = assumptionsDirectory
            self.title = title
        }

        /// Whether the pack carries a decision: as on every front end, whenever the runs allow
        /// one (a lone scenario is weighed against the baseline it declares).
        public var decides: Bool { Decide.refusal(settings) == nil }
    }

    /// - Throws: ``UseCaseError/noComparator(scenario:)`` when a pilot is asked of a scenario
    ///   without a baseline; the errors of ``Compare`` and ``ValuePilot`` otherwise.
    public static func run(_ request: Request, control: WorkControl = WorkControl()) throws -> EvidencePack {
        let resolved = try request.selection.compared()
        if request.pilot, resolved.baselineIndex[0] == nil {
            throw UseCaseError.noComparator(scenario: resolved.plans[0].scenario.name)
        }
        let deciding = request.decides
        var settings = request.settings
        settings.keepInputDraws = deciding && resolved.plans.count >= 2
        let runs = try SimulatedScenarios.run(resolved, settings: settings, control: control)
        let analysis = try EvidenceAnalysis(
            plans: runs.plans, results: runs.results,
            decision: deciding ? DecisionRequest(baseline: request.selection.baseline, seed: settings.seed, threads: request.analysisThreads) : nil,
            decisionOptions: DecisionAnalysis.options(of: resolved))
        try control.checkNotStopped(afterIterations: runs.iterations)
        let comparison = try ComparisonReport.appraised(resolved, results: runs.results, manifest: runs.manifest(command: request.command),
                                                        centralCases: analysis.scenarios.map(\.centralCase))
        var pack = try EvidencePack(analysis: analysis, comparison: comparison, title: request.title, maps: request.maps)
        if let budget = request.targetBudget, let maps = request.maps, let folder = request.assumptionsDirectory {
            let listed = Array(runs.plans.prefix(resolved.listedCount))
            let targeting = Targeting.Request(scenarioPath: listed[0].scenario.file, assumptionsDirectory: folder, authoritiesPath: "",
                                              limit: .budget(budget), runs: settings.runs, seed: settings.seed, threads: settings.threads,
                                              frontierSteps: 20, markedScenarioPaths: listed.map(\.scenario.file))
            let result = try TargetPosts.run(TargetPosts.Request(scenario: listed[0], marked: listed, published: maps.authorities,
                                                                 targeting: targeting), control: control)
            pack.target = TargetPackSection(result: result, layout: maps.layout, authorities: maps.authorities)
        }
        if request.pilot, let comparator = resolved.baselineIndex[0] {
            pack.pilot = try ValuePilot.value(runs.plans[0], runs.results[0], against: runs.plans[comparator], runs.results[comparator],
                                              design: ValuePilot.Design(), seed: settings.seed, threads: request.analysisThreads)
        }
        try control.checkNotStopped(afterIterations: runs.iterations)
        return pack
    }
}
