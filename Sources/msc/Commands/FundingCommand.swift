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
        let (loaded, _, deployment) = try common.loadScenario(scenario)
        let assumptions = loaded.assumptions
        let taxYear = loaded.scenario.priceBaseYear
        let rates = try PostCostRates.central(from: assumptions, taxYear: taxYear)
        let salary = try assumptions.value("salary")
        let growth = try assumptions.value("realPayGrowth")
        let years = loaded.scenario.horizonYears
        let costByYear = (0..<years).map { year in
            let yearSalary = PostCost.salary(salary, afterYears: year, growthRate: growth)
            return deployment.posts.reduce(0) { $0 + $1.annualCost(fullTimeSalary: yearSalary, rates: rates) }
        }
        let mix = loaded.scenario.funding
        let report = FundingReport(scenario: loaded.scenario, postCount: deployment.posts.count, allPostsCostByYear: costByYear,
                                   analytic: mix.analyticFunding(horizonYears: years),
                                   simulated: FundingSimulation.run(mix: mix, horizonYears: years, runs: runs, seed: seed),
                                   largestSharedPost: deployment.posts.map(\.members.count).max() ?? 1)
        let manifest = RunManifest(seed: seed, runs: runs, method: .monteCarlo, gslVersion: GSLLibrary.version,
                                   filePaths: [scenario, common.authoritiesPath] + assumptions.files,
                                   command: ScenarioRuns.commandLine)
        emit(common.format == .json ? JSONText.write(manifest.attached(to: report.json))
                                    : report.tables.map { $0.rendered(as: common.format) }.joined(separator: "\n"))
    }
}
