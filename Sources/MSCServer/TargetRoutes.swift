import Foundation
import Hummingbird
import MSCModel
import MSCReport
import MSCSimulation
import MSCUseCases

/// `POST /api/target`, the page's "Where first?": the posts a budget a year should fund, under
/// both indices, with the frontier and the map, by the same use case as `msc target`
/// (`TargetPosts.run`, MSCUseCases).
///
/// Body: the scenario request's keys (the first scenario is targeted; every further one is
/// marked on the frontier) with `budget` (pounds a year, required) and `frontier` (budgets on
/// the frontier, default 20). Plain Monte Carlo only; at most ``maximumTargetIterations``.
extension API {
    static let targetKeys = ["budget", "frontier"]
    /// Each draw keeps a value per candidate post (about 700) under each index: 20,000 draws keep
    /// about 110 MB a table, within the memory the work budget allows a decision analysis.
    static let maximumTargetIterations = 20_000

    /// What the request asks besides its scenarios: the budget and the frontier's steps.
    struct TargetAsk: Sendable {
        let budget: Double
        let frontierSteps: Int
    }

    static func targetAsk(_ members: [(key: String, value: StrictJSON)], _ parsed: ScenarioRequest) throws -> TargetAsk {
        let object = StrictJSON.object(members)
        guard let budgetValue = object["budget"] else {
            throw APIError.badRequest("budget: required, expected pounds a year from 0 to 10,000,000,000")
        }
        guard let budget = budgetValue.doubleValue, budget.isFinite, (0...1e10).contains(budget) else {
            throw APIError.badRequest("budget: expected pounds a year from 0 to 10,000,000,000")
        }
        var steps = 20
        if let value = object["frontier"] {
            guard let count = value.wholeNumber, (0...40).contains(count) else {
                throw APIError.badRequest("frontier: expected a whole number of budgets from 0 to 40")
            }
            steps = count
        }
        guard parsed.sampling == .monteCarlo else { throw APIError.badRequest("sampling: expected mc (where-first draws plain Monte Carlo)") }
        guard parsed.iterations <= maximumTargetIterations else {
            throw APIError.badRequest("iterations: expected at most \(DigitGroups.grouped(String(maximumTargetIterations))) for where-first")
        }
        return TargetAsk(budget: budget, frontierSteps: steps)
    }

    /// Parse, call the use case in the simulation lane (cancelled with the client's connection or
    /// the page's newer run), encode: the report's JSON, its tables and the SVGs of each index.
    func target(_ request: Request, _ context: Context) async throws -> Response {
        let start = ContinuousClock.now
        let members = try ScenarioRequest.object(try await body(of: request, context))
        let parsed = try ScenarioRequest.parse(members: members, extraKeys: Self.targetKeys, maximumIterations: settings.maximumIterations)
        let ask = try Self.targetAsk(members, parsed)
        // One Monte Carlo, its draws and each unit's values kept: counted as a decision analysis.
        try settings.workBudget.check(scenarios: 1, iterations: parsed.iterations, analysis: .decision)
        let workspace = workspace, threads = settings.simulationThreads, api = self
        // No client name: the page's own Monte Carlo must not cancel this (nor this it); the page
        // aborts its previous where-first request instead, and the closed connection stops it.
        let json = try await withWork(simulationLane, context) { ticket -> JSONValue in
            let plans = try workspace.plans(for: parsed)
            let result = try api.answer(ticket) {
                let targeting = Targeting.Request(
                    scenarioPath: plans[0].scenario.file, assumptionsDirectory: workspace.assumptionsDirectory,
                    authoritiesPath: workspace.authoritiesPath, limit: .budget(ask.budget), runs: parsed.iterations, seed: parsed.seed,
                    threads: threads, frontierSteps: ask.frontierSteps)
                return try TargetPosts.run(TargetPosts.Request(scenario: plans[0], marked: Array(plans.dropFirst()),
                                                               published: workspace.authorities, targeting: targeting),
                                           control: WorkControl(shouldStop: { ticket.isCancelled }))
            }
            let section = TargetPackSection(result: result, layout: workspace.hexLayout, authorities: workspace.authorities)
            guard case .object(var pairs) = section.report.json else { throw APIError(status: 500, "where-first could not be written") }
            pairs.append(("headline", .string(section.headline)))
            pairs.append(("tables", .array(section.namedTables.map { Self.tableJSON($0.table) })))
            pairs.append(("charts", .array(section.charts.map(Self.chartJSON))))
            return .object(pairs)
        }
        return Self.timed(start, JSONResponse.ok(JSONText.write(json)))
    }
}
