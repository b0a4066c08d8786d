import ArgumentParser
import Foundation
import MSCModel
import MSCReport

/// `msc training`: the three tiers of First Responder training for one authority or all of them,
/// with and without a coordinator.
struct TrainingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "training",
        abstract: "Three-tier staff training: people to reach, trained and cost a year, years to full coverage, with and without a coordinator.",
        discussion: """
        Tier 1 e-learning for all staff, Tier 2 face-to-face training for frontline staff and \
        councillors, Tier 3 advanced training for specialists who make NRM referrals (Middlesex \
        University / Anti-Slavery International framework, May 2025). A coordinator adds face-to-face \
        places (one trained 1,300 people in two and a half years: Acting Local, Jan 2025). Without \
        --authority, totals over all authorities, each with its own coordinator. A SCENARIO file \
        supplies its assumption overrides, its horizon and its coordinators (each authority's cost \
        share of the posts serving it) unless --coordinator-fte gives every authority its own post.
        """)

    @OptionGroup var common: CommonOptions

    @Argument(help: ArgumentHelp("Scenario file whose assumption overrides, horizon and coordinators to use.", valueName: "scenario"))
    var scenario: String?

    @Option(help: ArgumentHelp("One authority by ONS code (E09000007) or exact name (Camden); default: all.", valueName: "code"))
    var authority: String?

    @Option(help: ArgumentHelp("Years to average over and run (default: the scenario's, else 10).", valueName: "years"))
    var horizon: Int?

    @Option(name: .customLong("coordinator-fte"),
            help: ArgumentHelp("Give every authority its own coordinator of this FTE (default: the scenario's posts, else the assumption 'fte').", valueName: "fte"))
    var coordinatorFTE: Double?

    /// The horizon when neither the command line nor a scenario gives one.
    static let defaultHorizonYears = 10

    func validate() throws {
        try checkNameOption("--authority", authority)

        if let horizon, !InputBounds.horizonYears.contains(horizon) {
            throw ValidationError("--horizon must be \(InputBounds.horizonYears.lowerBound) to \(InputBounds.horizonYears.upperBound) years")
        }
        if let coordinatorFTE, !InputBounds.postFTE.contains(coordinatorFTE) {
            throw ValidationError("--coordinator-fte must be \(InputBounds.describe(InputBounds.postFTE)) (1 = one full-time post)")
        }
    }

    func run() throws {
        var assumptions = try common.loadAssumptions()
        let table = try common.loadAuthorities()
        var years = horizon
        var loaded: LoadedScenario?
        if let scenario {
            loaded = try Scenario.load(path: scenario, assumptions: assumptions, authorities: table)
            assumptions = loaded?.assumptions ?? assumptions
            years = years ?? loaded?.scenario.horizonYears
        }
        // The scenario's basis (its price base year, pay brought forward to it), else the report's.
        let basis = try CostBasis(assumptions: assumptions, scenario: loaded?.scenario)
        let training = try TrainingAssumptions(from: assumptions, authorities: table, basis: basis)
        let chosen = try authority.map { [try Self.resolve($0, in: table)] } ?? table.authorities
        let horizonYears = years ?? Self.defaultHorizonYears

        let comparison: TrainingComparison
        var deploymentLabel: String?
        if let loaded, coordinatorFTE == nil {
            // The scenario's posts: each authority gets the coordinator time that serves it, the
            // same `fteServing` the scenario's own training costs use (a county council in a shared
            // county post is served by the whole post, not by its cost share of it).
            let deployment = try Deployment.build(scenario: loaded.scenario, authorities: table, assumptions: assumptions)
            deploymentLabel = "scenario \(loaded.scenario.name) (\(loaded.scenario.deployment.kind.rawValue))"
            comparison = try TrainingComparison.compare(chosen, assumptions: training, horizon: horizonYears) {
                deployment.fteServing[$0.code] ?? 0
            }
        } else {
            let fte = try coordinatorFTE ?? assumptions.value(.fte)
            comparison = try TrainingComparison.compare(chosen, assumptions: training, coordinatorFTE: fte,
                                                        horizon: horizonYears)
        }
        let report = TrainingReport(comparison: comparison, assumptions: training, assumptionSet: assumptions,
                                    taxYear: basis.taxYear, scenarioName: loaded?.scenario.name,
                                    deploymentLabel: deploymentLabel)
        emit(report, format: common.format)
    }

    /// The authority `--authority` names, or a failure naming the option and the near matches.
    static func resolve(_ text: String, in table: AuthorityTable) throws -> Authority {
        do {
            return try table.resolve(text)
        } catch {
            // `resolve` throws only a LookupFailure (typed throws), so `error` is one.
            throw CommandFailure(message: "--authority \"\(text)\": \(error.message)")
        }
    }
}
