import ArgumentParser
import MSCReport
import MSCSimulation
import MSCUseCases

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
        let request = Compare.Request(selection: try ScenarioRuns.selection(scenarios, baseline: baseline, common: common),
                                      settings: runOptions.settings, command: ScenarioRuns.commandLine)
        let result = try ScenarioRuns.call { try Compare.run(request, control: ScenarioRuns.control(runOptions)) }
        emit(result.comparison, format: common.format)
    }
}
