import ArgumentParser
import MSCReport
import MSCSimulation

/// `msc compare A B [C…]`: scenarios side by side with intervals and within-iteration differences.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare scenarios side by side: central values, 90% intervals and differences against a baseline.")

    @Argument(help: "Scenario files, e.g. Scenarios/status-quo.yaml Scenarios/national-rollout.yaml.")
    var scenarios: [String]

    @Option(help: ArgumentHelp("Compare every scenario with this one (a name or file) instead of the baseline each declares; loaded if not listed.",
                               valueName: "name"))
    var baseline: String?

    @OptionGroup var common: CommonOptions
    @OptionGroup var runOptions: RunOptions

    func validate() throws {
        guard scenarios.count >= 2 else { throw ValidationError("give at least two scenario files to compare") }
    }

    func run() throws {
        let resolved = try ScenarioRuns.comparisonPlans(scenarios, baseline: baseline, common: common)
        let plans = resolved.plans
        // The comparison reports each scenario's yearly values only as fans.
        let results = try ScenarioRuns.simulate(plans, options: runOptions, keepYearlyIterations: false)
        let report = try ComparisonReport.appraised(resolved, results: results,
                                                    manifest: ScenarioRuns.manifest(plans, options: runOptions, runs: results.first?.iterations ?? 0,
                                                                                    command: ScenarioRuns.commandLine))
        emit(report, format: common.format)
    }
}
