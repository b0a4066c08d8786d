import Dispatch
import Foundation
import GSLKit
import MSCModel

/// Where first: which posts a budget should fund (`msc target`).
///
/// The units a budget can buy are the scenario's candidate posts: each council's own post, one post
/// per county area (the county and its districts) and one per police force area, built by the
/// deployment rules themselves (``Deployment/build(rule:sharing:authorities:assumptions:observedReferrals:)``).
/// Councils with a coordinator today keep it, outside the budget, and no new unit serves them.
/// A unit's identifications in a draw are the model's own: its effect base
/// (``ScenarioModel/effectBase(_:)``, the council's baseline times coverage, with the area incidence
/// index) times the net uplift (``ScenarioModel/netUplift(_:)``), a year at full effect, the post
/// funded. Its cost is ``Post/annualCost(fte:fullTimeSalary:rates:)`` at the central salary and rates.
/// The set is chosen on the expected values over the Monte Carlo's draws (the engine's own, so every
/// unit and both indices see the same draws) by the exact ``SetPackingKnapsack``.
public enum Targeting {
    /// What the set maximises.
    public enum Objective: String, CaseIterable, Sendable, Codable {
        /// Expected additional identifications a year (needs no money value of harm).
        case identifications
        /// Expected identifications a year times the value of an identification, less the cost a year.
        case netBenefit = "net-benefit"
    }

    /// What to choose within: a budget a year (pounds) or a number of posts.
    public enum Limit: Sendable, Equatable {
        case budget(Double)
        case posts(Int)
    }

    /// A request, as the command line and a server handler both make it.
    public struct Request: Sendable {
        public var scenarioPath: String
        public var assumptionsDirectory: String
        public var authoritiesPath: String
        public var settings: [AssumptionSetting]
        public var limit: Limit
        public var objective: Objective
        public var runs: Int
        public var seed: UInt64
        public var threads: Int
        /// Budgets of the frontier (0 when none is wanted).
        public var frontierSteps: Int
        /// Scenario files whose first-year posts are placed on the frontier's chart as labelled points.
        public var markedScenarioPaths: [String]

        public init(scenarioPath: String, assumptionsDirectory: String, authoritiesPath: String, settings: [AssumptionSetting] = [],
                    limit: Limit, objective: Objective = .identifications, runs: Int = 10_000, seed: UInt64 = 20250101,
                    threads: Int = 1, frontierSteps: Int = 0, markedScenarioPaths: [String] = []) {
            self.scenarioPath = scenarioPath
            self.assumptionsDirectory = assumptionsDirectory
            self.authoritiesPath = authoritiesPath
            self.settings = settings
            self.limit = limit
            self.objective = objective
            self.runs = runs
            self.seed = seed
            self.threads = threads
            self.frontierSteps = frontierSteps
            self.markedScenarioPaths = markedScenarioPaths
        }
    }

    /// One candidate post.
    public struct Unit: Sendable, Equatable {
        public let id: String
        public let name: String
        public let kind: AreaKind
        /// The area's name as a scenario file names it (``Post/areaName``), e.g. "Kent".
        public let areaName: String
        public let councilCodes: [String]
        public let fte: Double
        /// Cost a year, pounds (central salary and rates of the price base year).
        public let annualCost: Double
    }

    /// A chosen unit with its figures under one index.
    public struct ChosenUnit: Sendable, Equatable {
        public let unit: Unit
        /// Expected additional identifications a year at full effect.
        public let expectedIdentifications: Double
        /// Share of the draws whose own optimum includes the unit, among the draws that decide
        /// anything (``IndexResult/decisiveDrawShare``).
        public let probabilityInDrawOptimum: Double
    }

    /// One point of the efficiency frontier.
    public struct FrontierPoint: Sendable, Equatable {
        public let budget: Double
        public let posts: Int
        public let cost: Double
        public let expectedIdentifications: Double
        /// Expected identifications a year times the value of an identification less the cost a year.
        public let netBenefitPerYear: Double
        /// Expected net present value over the horizon (``Targeting/presentValueFactors``): each
        /// post at full effect and funded in every year, benefits and triggered costs from its
        /// identifications, its cost with optimism bias, discounted as the appraisal discounts.
        public let netPresentValue: Double
    }

    /// A scenario's own first-year posts placed beside the frontier (less the councils with a post today).
    public struct MarkedPoint: Sendable, Equatable {
        public let scenarioName: String
        public let point: FrontierPoint
    }

    /// The answer under one index.
    public struct IndexResult: Sendable {
        public let index: IncidenceIndexKind
        /// In order of expected identifications per pound, best first.
        public let chosen: [ChosenUnit]
        public let cost: Double
        public let expectedIdentifications: Double
        public let expectedNetBenefitPerYear: Double
        /// Mean over draws of (the draw's best value − the chosen set's value in that draw), in the objective's unit.
        public let expectedRegret: Double
        /// Share of the draws that decide anything (``ChosenUnit/probabilityInDrawOptimum`` is over these).
        public let decisiveDrawShare: Double
        public let frontier: [FrontierPoint]
        /// Every council in its own post (less today's), as a point on the frontier's chart.
        public let universal: FrontierPoint
        /// The first frontier budget at which the marginal cost of an identification passes the
        /// expected value of one (nil when it never does within the frontier).
        public let thresholdCrossingBudget: Double?
        /// The frontier budget before it: the marginal cost first passes the value somewhere
        /// between the two (nil with ``thresholdCrossingBudget``).
        public let thresholdCrossingFromBudget: Double?
        /// The frontier budgets at which expected net benefit a year, and expected net present
        /// value, are highest (the first, on a tie; nil without a frontier). They differ when the
        /// NPV's optimism bias on the posts' cost and the public costs identifications trigger
        /// make the last posts before the crossing lose money over the horizon.
        public let netBenefitPeakBudget: Double?
        public let netPresentValuePeakBudget: Double?
        /// The marked scenarios' posts, valued like the candidates (same draws, same index).
        public let marked: [MarkedPoint]
    }

    /// The whole answer.
    public struct Result: Sendable {
        public let scenarioName: String
        public let limit: Limit
        public let objective: Objective
        public let runs: Int
        public let seed: UInt64
        public let candidateCount: Int
        public let councilCount: Int
        /// Councils with a post today, kept outside the budget.
        public var existingCouncils: Int { existingCouncilCodes.count }
        /// Their codes, sorted.
        public let existingCouncilCodes: [String]
        /// Expected value of one additional identification (pounds), the marginal-cost threshold.
        public let expectedValuePerIdentification: Double
        /// Years the frontier's net present value covers.
        public let horizonYears: Int
        /// The police-force-area index as used (for its caveat and prior).
        public let areaIndex: AreaIncidenceIndex
        public let results: [IndexResult]
        public let caveats: [String]
    }

    /// Runs the request: the Monte Carlo once (its draws kept), then the choice under each index.
    /// `cancellation` or `shouldStop` (asked between draws) stops the run, which then throws ``Stopped``.
    public static func run(_ request: Request, cancellation: CancellationToken? = nil) throws -> Result {
        func load(_ path: String) throws -> ScenarioPlan {
            try ScenarioPlan.load(path: path, assumptionsDirectory: request.assumptionsDirectory,
                                  authoritiesPath: request.authoritiesPath, settings: request.settings)
        }
        return try run(try load(request.scenarioPath), marking: try request.markedScenarioPaths.map(load),
                       published: try AuthorityTable.load(path: request.authoritiesPath), request: request, cancellation: cancellation)
    }

    /// The same on plans already built (the server's, on its overridden assumptions): `request`'s
    /// paths and settings are not read again, only its limit, objective, runs, seed, threads and
    /// frontier; `published` is the published authority table the area index is built on.
    public static func run(_ scenarioPlan: ScenarioPlan, marking markedPlans: [ScenarioPlan], published: AuthorityTable,
                           request: Request, cancellation: CancellationToken? = nil,
                           shouldStop: (@Sendable () -> Bool)? = nil) throws -> Result {
        let stop: @Sendable () -> Bool = { cancellation?.isCancelled == true || shouldStop?() == true }
        let plan = scenarioPlan.plan
        let model = plan.model
        let authorities = try AuthorityTable(authorities: scenarioPlan.authorityRows.map(\.authority))
        let areaIndex = try AreaIncidenceIndex.load(assumptionsDirectory: request.assumptionsDirectory, authorities: published)
        let existing = scenarioPlan.existingHostCodes

        // Candidate units: own posts, county-area posts, police-force-area posts, none touching a
        // council with a post today.
        let fteRule = scenarioPlan.scenario.deployment.fte
        var posts: [Post] = []
        for rule in [DeploymentRule.everyAuthority(fte: fteRule), .countyArea(fte: fteRule), .policeForceArea(fte: fteRule)] {
            let deployment = try Deployment.build(rule: rule, sharing: scenarioPlan.scenario.sharing, authorities: authorities,
                                                  assumptions: scenarioPlan.assumptions)
            posts += deployment.posts.filter { post in
                (rule.kind == .everyAuthority || post.area != .authority) && !post.members.contains { existing.contains($0.code) }
            }
        }
        // A police force area whose councils are exactly a county area's is the same post: it is
        // offered once, as the police force area (the wider of the two areas a scenario can name,
        // listed last), so that which name the answer gives does not turn on rounding in the last
        // digit of two equal values.
        var offered = Set<[String]>()
        posts = posts.reversed().filter { $0.area == .authority || offered.insert($0.members.map(\.code).sorted()).inserted }.reversed()
        let central = plan.nationalInputs(plan.centralNationalValues)
        let rates = model.costRates(central, operationalBudget: plan.operationalBudget.value)
        let units = posts.map { post in
            Unit(id: post.id, name: post.name, kind: post.area, areaName: post.areaName, councilCodes: post.members.map(\.code), fte: post.fte,
                 annualCost: Post.annualCost(fte: post.fte, fullTimeSalary: plan.salary.value, rates: rates))
        }
        let councilIndex = Dictionary(uniqueKeysWithValues: authorities.authorities.enumerated().map { ($1.code, $0) })
        let byCode = Dictionary(uniqueKeysWithValues: authorities.authorities.map { ($0.code, $0) })

        // The engine's draws (common random numbers for every unit and both indices).
        var settings = SimulationSettings(runs: request.runs, seed: request.seed, threads: request.threads)
        settings.keepInputDraws = true
        let simulation = try SimulationEngine.run(plan, settings: settings, shouldStop: stop)
        if simulation.interrupted || stop() { throw Stopped() }
        guard let draws = simulation.inputDraws else {
            throw InputError(file: scenarioPlan.scenario.file, message: "the Monte Carlo kept no draws; expected one set of inputs an iteration")
        }
        let positions = draws.names.map { name in plan.nationalAssumptions.firstIndex { $0.name == name }! }
        let iterations = draws.iterations
        let nationals: [NationalInputs] = (0..<iterations).map { i in
            var values = plan.centralNationalValues
            for (column, position) in positions.enumerated() { values[position] = draws.values[i * positions.count + column] }
            return plan.nationalInputs(values)
        }
        let valuePerIdentification = draws.valuePerIdentification
        let expectedValue = valuePerIdentification.reduce(0, +) / Double(max(1, iterations))

        // Present-value factors of a year's flows held over the horizon, per draw (NPV of the frontier).
        let factors = presentValueFactors(model: model, nationals: nationals)
        // The marked scenarios' own first-year posts, less the councils with a post today.
        let marked: [(name: String, posts: [Post], costs: [Double])] = markedPlans.map { other in
            let otherRates = other.model.costRates(other.plan.nationalInputs(other.plan.centralNationalValues),
                                                   operationalBudget: other.plan.operationalBudget.value)
            let kept = other.deployment.posts.compactMap { post -> Post? in
                let members = post.members.filter { !existing.contains($0.code) && byCode[$0.code] != nil }
                return members.isEmpty ? nil : Post(id: post.id, name: post.name, area: post.area, areaName: post.areaName,
                                                    hostCode: post.hostCode, fte: post.fte, residentsServed: post.residentsServed,
                                                    members: members)
            }
            return (other.scenario.name, kept, kept.map { Post.annualCost(fte: $0.fte, fullTimeSalary: other.plan.salary.value, rates: otherRates) })
        }

        // The police-force-area index as uncertain as its counts: each draw takes every area's
        // index from its posterior gamma (shape y + a, rate E + b; ``AreaIncidenceIndex/Area``),
        // from a stream of its own per draw, so the answer is the same whatever the threads.
        let indexDraws = areaIndexDraws(areaIndex, iterations: iterations, seed: request.seed, threads: request.threads)
        let areaPosition = Dictionary(uniqueKeysWithValues: areaIndex.areas.enumerated().map { ($1.code, $0) })

        var results: [IndexResult] = []
        for kind in IncidenceIndexKind.allCases {
            let indexByCouncil = kind == .uniform ? [:] : try areaIndex.indexByCouncil(authorities)
            // Identifications a year by draw and post (row-major draw × post), worked out in
            // parallel chunks, each draw by one worker: the same numbers whatever the threads.
            // A post's effect base is linear in its councils' index, so a post within one police
            // force area takes its uniform-index effect times that area's drawn index; a post
            // spanning areas (a regional hub) takes each council's posterior mean.
            func identificationTable(_ posts: [Post]) -> DrawTable {
                let uniform = postsModel(posts, like: model, authorities: byCode, indexByCouncil: [:])
                let area: [Int?] = posts.map { post in
                    let areas = Set(post.members.map { byCode[$0.code]?.policeForceAreaCode.flatMap { areaPosition[$0] } })
                    return areas.count == 1 ? areas.first! : nil
                }
                let spanning = kind == .uniform || area.allSatisfy({ $0 != nil }) ? nil
                    : postsModel(posts, like: model, authorities: byCode, indexByCouncil: indexByCouncil)
                let table = DrawTable(rows: iterations, columns: posts.count)
                concurrentChunks(iterations, threads: request.threads) { range in
                    for i in range {
                        let effect = uniform.effectBase(nationals[i]), uplift = model.netUplift(nationals[i])
                        let mean = spanning?.effectBase(nationals[i])
                        for u in 0..<posts.count {
                            let base = kind == .uniform ? effect[u] : area[u].map { effect[u] * indexDraws[i, $0] } ?? mean![u]
                            table[i, u] = base * uplift
                        }
                    }
                }
                return table
            }
            let n = units.count
            let identifications = identificationTable(posts)
            let objective = request.objective
            @Sendable func objectiveValue(draw i: Int, unit u: Int) -> Double {
                switch objective {
                case .identifications: return identifications[i, u]
                case .netBenefit: return identifications[i, u] * valuePerIdentification[i] - units[u].annualCost
                }
            }
            var meanIdentifications = [Double](repeating: 0, count: n), meanObjective = [Double](repeating: 0, count: n)
            for i in 0..<iterations {
                for u in 0..<n {
                    meanIdentifications[u] += identifications[i, u]
                    meanObjective[u] += objectiveValue(draw: i, unit: u)
                }
            }
            let meanIds = meanIdentifications.map { $0 / Double(iterations) }
            let meanObj = meanObjective.map { $0 / Double(iterations) }
            let meanNet = (0..<n).map { meanIds[$0] * expectedValue - units[$0].annualCost }
            let meanNPV = factors.netPresentValues(identifications, costs: units.map(\.annualCost))
            let elements = units.map { $0.councilCodes.compactMap { councilIndex[$0] } }
            let limit = request.limit
            let costs: [Double]
            switch limit {
            case .budget: costs = units.map(\.annualCost)
            case .posts: costs = Array(repeating: 1, count: n)
            }
            // One solver (its tree built once) for the expected values and every draw's.
            let solver = SetPackingKnapsack(costs: costs, elements: elements, elementCount: authorities.authorities.count)
            let capacity: Double
            switch request.limit {
            case .budget(let amount): capacity = amount
            case .posts(let count): capacity = Double(count)
            }
            let solution = solver.solve(values: meanObj, budget: capacity)

            // Robustness: each draw's own optimum, and the chosen set's shortfall from it.
            let inOptimum = DrawTable(rows: iterations, columns: n)
            // Column 0 the regret; column 1 is 1 when the draw decides anything: under the
            // identifications objective a draw in which no post adds an identification (the rate
            // ratio at or below 1) ties every set at nothing, so it says nothing of which posts.
            let regret = DrawTable(rows: iterations, columns: 2)
            concurrentChunks(iterations, threads: request.threads) { range in
                for i in range where !stop() {
                    let values = (0..<n).map { objectiveValue(draw: i, unit: $0) }
                    let chosenValue = solution.chosen.reduce(0) { $0 + values[$1] }
                    guard objective == .netBenefit || values.contains(where: { $0 > 0 }) else {
                        // No post adds anything: the best set is none (the solver never takes a
                        // unit worth 0 or less), so nothing to solve.
                        regret[i, 0] = 0 - chosenValue
                        continue
                    }
                    let best = solver.solve(values: values, budget: capacity)
                    regret[i, 0] = best.value - chosenValue
                    regret[i, 1] = 1
                    for u in best.chosen { inOptimum[i, u] = 1 }
                }
            }
            if stop() { throw Stopped() }
            var probability = [Double](repeating: 0, count: n)
            var totalRegret = 0.0, decisive = 0.0
            for i in 0..<iterations {
                for u in 0..<n { probability[u] += inOptimum[i, u] }
                totalRegret += regret[i, 0]
                decisive += regret[i, 1]
            }
            let chosen = solution.chosen.map { u in
                ChosenUnit(unit: units[u], expectedIdentifications: meanIds[u],
                           probabilityInDrawOptimum: decisive > 0 ? probability[u] / decisive : 0)
            }.sorted { a, b in
                let ra = a.expectedIdentifications / a.unit.annualCost, rb = b.expectedIdentifications / b.unit.annualCost
                return ra != rb ? ra > rb : a.unit.id < b.unit.id
            }

            // The frontier: budgets from 0 to every council's own post (on expected values).
            let own = (0..<n).filter { units[$0].kind == .authority }
            let universalCost = own.reduce(0) { $0 + units[$1].annualCost }
            @Sendable func point(budget: Double, chosen: [Int]) -> FrontierPoint {
                FrontierPoint(budget: budget, posts: chosen.count, cost: chosen.reduce(0) { $0 + units[$1].annualCost },
                              expectedIdentifications: chosen.reduce(0) { $0 + meanIds[$1] },
                              netBenefitPerYear: chosen.reduce(0) { $0 + meanNet[$1] },
                              netPresentValue: chosen.reduce(0) { $0 + meanNPV[$1] })
            }
            var frontier: [FrontierPoint] = []
            if request.frontierSteps > 0 {
                let costProblem = SetPackingKnapsack(costs: units.map(\.annualCost), elements: elements,
                                                     elementCount: authorities.authorities.count)
                let budgets = (0...request.frontierSteps).map { universalCost * Double($0) / Double(request.frontierSteps) }
                let slots = Slots<FrontierPoint>(count: budgets.count)
                concurrentChunks(budgets.count, threads: request.threads) { range in
                    for k in range { slots[k] = point(budget: budgets[k], chosen: costProblem.solve(values: meanIds, budget: budgets[k]).chosen) }
                }
                frontier = slots.values
            }
            var crossing: (from: Double, to: Double)?
            for (previous, next) in zip(frontier, frontier.dropFirst()) {
                let added = next.expectedIdentifications - previous.expectedIdentifications
                let spent = next.cost - previous.cost
                if spent > 0, added <= 0 || spent / added > expectedValue { crossing = (previous.budget, next.budget); break }
            }
            func peak(_ value: (FrontierPoint) -> Double) -> Double? {
                frontier.reduce(nil as FrontierPoint?) { best, point in best.map { value(point) > value($0) ? point : $0 } ?? point }?.budget
            }
            let total = solution.chosen.reduce(0) { $0 + meanIds[$1] }
            let markedPoints = marked.map { scenario -> MarkedPoint in
                let table = identificationTable(scenario.posts)
                let ids = (0..<scenario.posts.count).map { u in (0..<iterations).reduce(0) { $0 + table[$1, u] } / Double(iterations) }
                let cost = scenario.costs.reduce(0, +), expected = ids.reduce(0, +)
                return MarkedPoint(scenarioName: scenario.name, point: FrontierPoint(
                    budget: cost, posts: scenario.posts.count, cost: cost, expectedIdentifications: expected,
                    netBenefitPerYear: expected * expectedValue - cost,
                    netPresentValue: factors.netPresentValues(table, costs: scenario.costs).reduce(0, +)))
            }
            results.append(IndexResult(
                index: kind, chosen: chosen, cost: solution.chosen.reduce(0) { $0 + units[$1].annualCost },
                expectedIdentifications: total, expectedNetBenefitPerYear: solution.chosen.reduce(0) { $0 + meanNet[$1] },
                expectedRegret: totalRegret / Double(iterations), decisiveDrawShare: decisive / Double(iterations), frontier: frontier,
                universal: point(budget: universalCost, chosen: own), thresholdCrossingBudget: crossing?.to,
                thresholdCrossingFromBudget: crossing?.from, netBenefitPeakBudget: peak(\.netBenefitPerYear),
                netPresentValuePeakBudget: peak(\.netPresentValue), marked: markedPoints))
        }
        var caveats = [
            "Identifications are additional adult identifications a year at full effect, net of displacement, the posts funded; "
                + "costs are a year's employer cost at the central salary of \(scenarioPlan.scenario.priceBaseYear).",
            "Councils with a coordinator today (\(existing.count)) keep it outside the budget; no new unit serves them. "
                + "A county area whose councils are exactly one police force area's is offered once, as the police force area.",
            "Chosen on expected values over \(iterations) Monte Carlo draws (seed \(request.seed)); robustness is each draw's own optimum.",
            AreaIncidenceIndex.caveat,
            "Police-force-area index: referrals made over \(areaIndex.quarters.first ?? "")–\(areaIndex.quarters.last ?? "") pooled, "
                + "per mid-2024 resident, relative to England and Wales, shrunk toward 1 by a gamma prior fitted by moments "
                + "(shape \(String(format: "%.2f", areaIndex.priorShape)), between-area variance \(String(format: "%.4f", areaIndex.betweenAreaVariance))); "
                + "BTP and the ROCUs (not territorial), Scotland and Northern Ireland left out. "
                + "Each draw takes each area's index from its posterior (gamma, shape y + a, rate E + b), so P(in draw's optimum) and the regret carry the index's uncertainty.",
        ]
        if request.objective == .netBenefit {
            caveats.append("Net benefit: identifications × the value of an identification in each draw (mean £\(Int(expectedValue.rounded()))) less the cost a year.")
        }
        return Result(scenarioName: scenarioPlan.scenario.name, limit: request.limit, objective: request.objective, runs: iterations,
                      seed: request.seed, candidateCount: units.count, councilCount: authorities.authorities.count,
                      existingCouncilCodes: existing.sorted(), expectedValuePerIdentification: expectedValue,
                      horizonYears: model.horizonYears, areaIndex: areaIndex,
                      results: results, caveats: caveats)
    }

    /// Each draw's index of each area of `index` (draw × area, areas in `index.areas` order): a
    /// posterior gamma draw, or 1 when the areas do not vary beyond chance (`τ² = 0`).
    static func areaIndexDraws(_ index: AreaIncidenceIndex, iterations: Int, seed: UInt64, threads: Int) -> DrawTable {
        let table = DrawTable(rows: iterations, columns: index.areas.count)
        let key = seed ^ streamKey("area incidence index")
        concurrentChunks(iterations, threads: threads) { range in
            for i in range {
                let stream = RandomStream.derived(seed: key, chunk: i, algorithm: SimulationEngine.generator)
                for (k, area) in index.areas.enumerated() {
                    table[i, k] = area.posteriorRate.isFinite
                        ? stream.gamma(shape: area.posteriorShape, scale: 1 / area.posteriorRate) : 1
                }
            }
        }
        return table
    }

    /// The run was cancelled (its token) before the answer was complete: nothing is returned.
    public struct Stopped: Error, Sendable {}

    /// A model of `posts` alone, with `like`'s rates, discounting and calibration, each member
    /// council at its residents, tier and incidence index (1 when `indexByCouncil` has none).
    static func postsModel(_ posts: [Post], like model: ScenarioModel, authorities byCode: [String: Authority],
                           indexByCouncil: [String: Double]) -> ScenarioModel {
        var members: [ScenarioModel.Member] = []
        for (u, post) in posts.enumerated() {
            for member in post.members {
                let authority = byCode[member.code]!
                members.append(ScenarioModel.Member(post: u, residents: Double(authority.population), shareOfCoordinatorTime: 1,
                                                    fteServing: member.fteServing, role: ScenarioModel.TierRole(tier: authority.tier),
                                                    incidenceIndex: indexByCouncil[member.code] ?? 1))
            }
        }
        return ScenarioModel(
            name: model.name, horizonYears: model.horizonYears,
            posts: posts.map { ScenarioModel.Post(name: $0.name, fte: $0.fte, fundingIndex: 0) }, members: members,
            fundingGroupNames: [model.name], employerNIRate: model.employerNIRate, niSecondaryThreshold: model.niSecondaryThreshold,
            discountFactors: model.discountFactors, unitCostDeflatorProjection: model.unitCostDeflatorProjection, nrmShare: model.nrmShare,
            hostCalibration: model.hostCalibration, startingOptimismBias: model.startingOptimismBias,
            healthDiscountFactors: model.healthDiscountFactors)
    }

    /// Splits `0..<count` into contiguous chunks run on up to `threads` workers.
    static func concurrentChunks(_ count: Int, threads: Int, _ body: @Sendable (Range<Int>) -> Void) {
        let workers = max(1, min(threads, count))
        let size = (count + workers - 1) / max(1, workers)
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            let range = min(count, w * size)..<min(count, (w + 1) * size)
            if !range.isEmpty { body(range) }
        }
    }
}

/// A table of doubles written by several workers, each cell by one.
final class DrawTable: @unchecked Sendable {
    let columns: Int
    private let storage: UnsafeMutableBufferPointer<Double>
    init(rows: Int, columns: Int) {
        self.columns = columns
        storage = .allocate(capacity: max(1, rows * columns))
        storage.initialize(repeating: 0)
    }
    deinit { storage.deallocate() }
    subscript(row: Int, column: Int) -> Double {
        get { storage[row * columns + column] }
        set { storage[row * columns + column] = newValue }
    }
}

/// Values written by several workers, each slot by one, read after all have finished.
final class Slots<Value>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Value?>
    init(count: Int) {
        storage = .allocate(capacity: max(1, count))
        storage.initialize(repeating: nil)
        self.count = count
    }
    let count: Int
    deinit {
        _ = storage.deinitialize()
        storage.deallocate()
    }
    subscript(index: Int) -> Value? {
        get { storage[index] }
        set { storage[index] = newValue }
    }
    var values: [Value] { (0..<count).map { storage[$0]! } }
}
