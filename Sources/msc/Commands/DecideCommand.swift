import ArgumentParser
import MSCModel
import MSCReport
import MSCSimulation
import MSCUseCases

/// `msc decide A B [C…]`: how likely each option is worthwhile, and which evidence is worth buying.
struct DecideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decide",
        abstract: "Decision analysis: probability each scenario is worthwhile by value of an identification, EVPI and the value of resolving each input first (EVPPI).",
        discussion: """
        Runs every scenario with the same seed, so iteration i of each uses the same draw of every \
        input they share, then compares them on those iterations. Net benefit uses the model's own \
        (uncertain) value of an identification unless --threshold fixes one.
        """)

    @Argument(help: "Scenario files, e.g. Scenarios/status-quo.yaml Scenarios/national-rollout.yaml Scenarios/county-shared.yaml.")
    var scenarios: [String]

    @Option(help: ArgumentHelp("The option the others are measured against: a scenario name or one of the files given (default: the baseline the first scenario declares, when given; else the first).", valueName: "scenario"))
    var baseline: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Value of one additional identification (£) to use instead of the model's own uncertain value.", valueName: "pounds"))
    var threshold: Double?

    @OptionGroup var common: CommonOptions
    @OptionGroup var runOptions: RunOptions

    func validate() throws {
        guard scenarios.count >= 2 else { throw ValidationError("give at least two scenario files to decide among") }
        let value = MSCModel.Unit.gbpPerPerson.plausibleRange
        if let threshold, !value.contains(threshold) {
            throw ValidationError("--threshold must be an amount in pounds per identification \(InputBounds.describe(value)), found \(threshold)")
        }
        try checkNameOption("--baseline", baseline)
        // Regression on the draws needs each shared input drawn the same in every scenario, which a
        // Sobol design (dimensions in each scenario's own order) does not give.
        if runOptions.sampling == .sobol { throw ValidationError("--sampling sobol is not available for decide; expected mc or lhs") }
        if runOptions.targetMCSE != nil {
            throw ValidationError("--target-mcse is not available for decide (every scenario needs the same iterations); expected --runs")
        }
        guard runOptions.runs >= 100 else { throw ValidationError("--runs must be at least 100 for decide (the regressions need them)") }
    }

    func run() throws {
        let selection = try ScenarioRuns.selection(scenarios, baseline: baseline, common: common)
        let request = Decide.Request(selection: selection, settings: runOptions.settings, threshold: threshold,
                                     command: ScenarioRuns.commandLine)
        let report = try ScenarioRuns.call {
            do { return try Decide.run(request, control: ScenarioRuns.control(runOptions)) }
            catch let error as ComparisonPlans.BaselineError { throw ValidationError("--baseline: \(error.message)") }
        }
        emit(report, format: common.format)
    }
}
