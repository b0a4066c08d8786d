import MSCModel
import MSCReport
import MSCSimulation

/// One or more scenarios, each on its own: their Monte Carlo, or their central case.
public enum RunScenario {
    public struct Request {
        public var selection: ScenarioSelection
        public var settings: SimulationSettings
        /// How the request was made, for the manifest (the command line as typed, or the request as sent).
        public var command: String

        public init(selection: ScenarioSelection, settings: SimulationSettings, command: String) {
            self.selection = selection
            self.settings = settings
            self.command = command
        }
    }

    /// Each scenario's Monte Carlo, summarised with its Green Book checklist; none compared.
    public static func monteCarlo(_ request: Request, control: WorkControl = WorkControl()) throws -> ComparisonReport {
        let runs = try SimulatedScenarios.run(try request.selection.uncompared(), settings: request.settings, control: control)
        let report = try ComparisonReport.appraised(runs.resolved, results: runs.results, manifest: runs.manifest(command: request.command))
        // The checklists take a moment after the runs: work stopped meanwhile ends here.
        try control.checkNotStopped(afterIterations: runs.iterations)
        return report
    }

    /// Each scenario's central case: every input at its central value, posts weighted by their
    /// expected survival; with `solvingSwitchingValues`, the value of each input at which the
    /// net present value would be zero.
    public static func centralCases(_ plans: [ScenarioPlan], solvingSwitchingValues: Bool = true) throws -> [CentralCaseReport] {
        try ScenarioPlan.requireDistinctNames(plans)
        return try plans.map { plan in
            CentralCaseReport(plan: plan, analysis: try CentralCaseAnalysis(plan: plan.plan, solvingSwitchingValues: solvingSwitchingValues))
        }
    }
}
