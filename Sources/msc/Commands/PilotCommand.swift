import ArgumentParser
import MSCModel
import MSCReport
import MSCSimulation
import MSCUseCases

/// `msc pilot SCENARIO`: what a staged rollout's pilot is worth (EVSI), what it costs, and the best size.
struct PilotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pilot",
        abstract: "Value a pilot of the scenario's posts: EVSI and expected net benefit of sampling over a grid of sizes and durations.",
        discussion: """
        Runs the scenario and its comparator (the scenario's declared baseline unless --comparator \
        names one) with the same seed, simulates a pilot of K posts for T years with comparison \
        councils in every iteration, and values its information for the choice between them by \
        regression (Strong et al. 2015). The pilot councils are drawn at random among the councils \
        the scenario gives a post (fixed by --seed), with those in --councils first.
        """)

    @Argument(help: "Scenario file to pilot, e.g. Scenarios/national-rollout.yaml.")
    var scenario: String

    @Option(help: ArgumentHelp("Scenario to compare with (default: the scenario's baseline).", valueName: "file"))
    var comparator: String?

    @Option(help: ArgumentHelp("Pilot sizes (councils with a post), comma-separated.", valueName: "k,k"))
    var sizes: String = "5,10,20,40,80"

    @Option(help: ArgumentHelp("Pilot durations in years, comma-separated.", valueName: "t,t"))
    var years: String = "1,2,3"

    @Option(name: .customLong("comparison-per-pilot"), help: ArgumentHelp("Comparison councils per pilot council.", valueName: "n"))
    var comparisonPerPilot: Int = 1

    @Option(name: .customLong("before-years"), help: ArgumentHelp("Years of referral counts before the posts start.", valueName: "n"))
    var beforeYears: Int = 2

    @Option(help: ArgumentHelp("Authority codes to include in the pilot first, comma-separated.", valueName: "codes"))
    var councils: String = ""

    @Option(parsing: .unconditional, help: ArgumentHelp("Value of one additional identification (£) to use instead of the model's own uncertain value.", valueName: "pounds"))
    var threshold: Double?

    @OptionGroup var common: CommonOptions
    @OptionGroup var runOptions: RunOptions

    func validate() throws {
        _ = try Self.integers(sizes, option: "--sizes", range: 1...400)
        _ = try Self.integers(years, option: "--years", range: 1...20)
        guard (1...10).contains(comparisonPerPilot) else { throw ValidationError("--comparison-per-pilot must be a whole number from 1 to 10, found \(comparisonPerPilot)") }
        guard (1...10).contains(beforeYears) else { throw ValidationError("--before-years must be a whole number from 1 to 10, found \(beforeYears)") }
        try checkNameOption("--comparator", comparator)
        let value = MSCModel.Unit.gbpPerPerson.plausibleRange
        if let threshold, !value.contains(threshold) {
            throw ValidationError("--threshold must be an amount in pounds per identification \(InputBounds.describe(value)), found \(threshold)")
        }
        if runOptions.sampling == .sobol { throw ValidationError("--sampling sobol is not available for pilot; expected mc or lhs") }
        if runOptions.targetMCSE != nil { throw ValidationError("--target-mcse is not available for pilot; expected --runs") }
        guard runOptions.runs >= 100 else { throw ValidationError("--runs must be at least 100 for pilot (the regressions need them)") }
    }

    /// Comma-separated whole numbers in `range`, or a one-line error naming the option.
    static func integers(_ text: String, option: String, range: ClosedRange<Int>) throws -> [Int] {
        let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let values = parts.compactMap { Int($0) }
        guard !parts.isEmpty, values.count == parts.count, values.allSatisfy(range.contains) else {
            throw ValidationError("\(option) must be comma-separated whole numbers from \(range.lowerBound) to \(range.upperBound), found \"\(text)\"")
        }
        return values
    }

    func run() throws {
        let design = ValuePilot.Design(
            sizes: try Self.integers(sizes, option: "--sizes", range: 1...400), years: try Self.integers(years, option: "--years", range: 1...20),
            comparisonPerPilot: comparisonPerPilot, beforeYears: beforeYears, councils: FitCommand.list(councils), threshold: threshold)
        let request = ValuePilot.Request(selection: try ScenarioRuns.selection([scenario], baseline: comparator, common: common),
                                         settings: runOptions.settings, design: design, command: ScenarioRuns.commandLine)
        let result = try ScenarioRuns.call {
            do { return try ValuePilot.run(request, control: ScenarioRuns.control(runOptions)) }
            catch UseCaseError.noComparator {
                throw CommandFailure(message: "\(scenario): the scenario declares no baseline; give --comparator, e.g. Scenarios/status-quo.yaml")
            } catch UseCaseError.comparatorIsPiloted {
                throw ValidationError("--comparator: expected a scenario other than the one piloted")
            }
        }
        emit(result.report, format: common.format, manifest: result.manifest)
    }
}
