import ArgumentParser
import GSLKit
import Foundation
import MSCModel
import MSCReport
import MSCSimulation

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
        // The plan applies the deployment rule to the councils in force each year and costs the
        // posts at full economic cost, as run, compare and export do.
        try ScenarioRuns.noteUnusedSettings(common, output: .appraisal)
        let plan = try ScenarioRuns.load(scenario, common: common)
        let loaded = plan.loaded
        let assumptions = loaded.assumptions

        let postsByYear = plan.postsInPlaceByYear
        let funding = ScenarioFunding.analyse(plan, runs: runs, seed: seed)
        var report = FundingReport(scenario: loaded.scenario, postCount: postsByYear.first ?? 0,
                                   allPostsCostByYear: plan.fullyFundedPostCostByYear,
                                   analytic: funding.analytic, simulated: funding.simulated, groups: funding.groups,
                                   largestSharedPost: plan.deployment.posts.map(\.members.count).max() ?? 1,
                                   postsByYear: postsByYear, structureNotes: plan.structureNotes)
        report.costBases = plan.postCostBases()
        let manifest = RunManifest(seed: seed, runs: runs, method: .monteCarlo, gslVersion: GSLLibrary.version,
                                   filePaths: [scenario, common.authoritiesPath] + assumptions.files,
                                   command: ScenarioRuns.commandLine)
        emit(report, format: common.format, manifest: manifest)
    }
}
