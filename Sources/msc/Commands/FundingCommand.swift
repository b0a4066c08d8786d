import ArgumentParser
import GSLKit
import Foundation
import MSCModel
import MSCReport
import MSCSimulation
import MSCUseCases

/// `msc funding SCENARIO`: how likely the scenario's posts are to survive their funding.
struct FundingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "funding",
        abstract: "Survival of a scenario's posts through their funding renewals, and the expected cost to each funder.",
        discussion: """
        Prints the chance a post is still funded in each year, the chance it is lost within the horizon, the \
        expected funded post-years and the expected cost to each funder, per post and for all the scenario's \
        posts: exact values where they have a closed form beside a Monte Carlo estimate with its standard error.
        """)

    @Argument(help: "Scenario file, e.g. Scenarios/local-mix.yaml.")
    var scenario: String

    @Option(help: ArgumentHelp("Simulated posts for the Monte Carlo estimate.", valueName: "n"))
    var runs = 10_000

    @Option(help: ArgumentHelp("Seed of the random stream (the same seed gives the same numbers).", valueName: "n"))
    var seed: UInt64 = 20250101

    @OptionGroup var common: CommonOptions

    func validate() throws {
        if !(1...10_000_000).contains(runs) { throw ValidationError("--runs must be between 1 and 10,000,000") }
    }

    func run() throws {
        try ScenarioRuns.noteUnusedSettings(common, output: .appraisal)
        let outlook = FundingOutlook.run(FundingOutlook.Request(plan: try ScenarioRuns.load(scenario, common: common), runs: runs,
                                                                seed: seed, command: ScenarioRuns.commandLine))
        emit(outlook.report, format: common.format, manifest: outlook.manifest)
    }
}
