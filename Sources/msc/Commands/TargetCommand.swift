import ArgumentParser
import Foundation
import MSCModel
import MSCReport
import MSCSimulation

/// `msc target SCENARIO --budget AMOUNT` (or `--posts N`): which posts a budget should fund.
struct TargetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "target",
        abstract: "Where first: the posts (own, county-area, police-force-area) a budget a year should fund, under both incidence indices, with robustness and the frontier.",
        discussion: """
        Chooses, from every council's own post, one post per county area and one per police force area \
        (councils with a coordinator today keep it, outside the budget), the set that maximises the expected \
        additional identifications a year (or --objective net-benefit) within --budget pounds a year or \
        --posts N, no council served twice. Exact (branch and bound with a proven bound). Expected values \
        are over the Monte Carlo's draws; robustness is each draw's own optimum. Shown under the uniform index \
        and the police-force-area index (NRM referrals made by each force: police activity as much as incidence).
        """)

    @Argument(help: "Scenario file, e.g. Scenarios/national-rollout.yaml (its salary, FTE rule, sharing and assumptions are used).")
    var scenario: String

    @Option(parsing: .unconditional, help: ArgumentHelp("Budget a year in pounds, e.g. 5000000.", valueName: "pounds"))
    var budget: Double?

    @Option(parsing: .unconditional, help: ArgumentHelp("A number of posts instead of a budget.", valueName: "n"))
    var posts: Int?

    @Option(help: ArgumentHelp("identifications (default) or net-benefit (identifications × the value of one, less the cost).", valueName: "objective"))
    var objective: Targeting.Objective = .identifications

    @Option(parsing: .unconditional, help: ArgumentHelp("Budgets on the frontier, from 0 to every council's own post (0: no frontier).", valueName: "n"))
    var frontier: Int = 20

    @Option(parsing: .unconditional, help: "Iterations (Monte Carlo runs).")
    var runs: Int = 10_000

    @Option(help: "Random seed: the same seed gives the same output to the last digit, whatever the thread count.")
    var seed: UInt64 = 20250101

    @Option(parsing: .unconditional, help: "Worker threads (default: the number of cores).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var common: CommonOptions

    func validate() throws {
        switch (budget, posts) {
        case (nil, nil): throw ValidationError("give --budget POUNDS or --posts N")
        case (.some, .some): throw ValidationError("give --budget or --posts, not both")
        case (.some(let amount), nil):
            guard amount.isFinite, amount >= 0, amount <= 1e10 else {
                throw ValidationError("--budget must be pounds a year from 0 to 10,000,000,000, found \(amount)")
            }
        case (nil, .some(let count)):
            guard count >= 0, count <= 10_000 else { throw ValidationError("--posts must be a whole number from 0 to 10,000, found \(count)") }
        }
        guard (0...200).contains(frontier) else { throw ValidationError("--frontier must be from 0 to 200, found \(frontier)") }
        guard (1...1_000_000).contains(runs) else { throw ValidationError("--runs must be from 1 to 1,000,000, found \(runs)") }
        guard (1...256).contains(threads) else { throw ValidationError("--threads must be from 1 to 256, found \(threads)") }
    }

    func run() throws {
        let request = Targeting.Request(
            scenarioPath: scenario, assumptionsDirectory: common.assumptionsDirectory, authoritiesPath: common.authoritiesPath,
            settings: try common.settings(), limit: budget.map { .budget($0) } ?? .posts(posts ?? 0), objective: objective,
            runs: runs, seed: seed, threads: threads, frontierSteps: frontier)
        emit(TargetReport(result: try Targeting.run(request)), format: common.format)
    }
}

extension Targeting.Objective: ExpressibleByArgument {}
