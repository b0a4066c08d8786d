import Foundation
import GSLKit
import MSCModel

/// What a pilot is worth (DESIGN 10): for each design of a grid of sizes and durations, its
/// expected value of sample information for the decision between the options, what it costs, and
/// the expected net benefit of sampling (ENBS). The one use case behind `msc pilot`; a web handler
/// builds the same ``Request`` and calls ``value(problem:pilotPool:comparisonPool:draws:discountFactors:request:)``.
///
/// Scale: EVSI is on the net benefits of the decision problem, which are present values of the
/// whole programme over its horizon, exactly as `msc decide` reports EVPI and EVPPI.
///
/// Costs and the delay, stated rule: the national decision waits for the pilot's T years, so
/// - the value of the information arrives T years later: `D_T × EVSI`, with `D_T` the model's
///   discount factor T years on (relative to the first year);
/// - the posts cost each pilot council's central yearly post cost (the model's own, from the
///   scenario) in each pilot year, discounted with the model's factors;
/// - the evaluation costs `pilotEvaluationCostPerYear` in each pilot year, discounted the same way;
/// - the option best on current information, if it beats the comparator on average, starts T
///   years later: its expected incremental net benefit is deferred, losing `(1 − D_T) × max(0, best mean INB)`.
/// `ENBS = D_T × EVSI − posts − evaluation − delay`. The pilot posts' own identifications are not
/// counted as a benefit (conservative).
public enum PilotValuation {
    public struct Request: Sendable, Equatable {
        /// Pilot sizes (councils with a post) and durations (years) whose every combination is valued.
        public var councils: [Int]
        public var years: [Int]
        /// Comparison councils per pilot council.
        public var comparisonPerPilot: Int
        /// Years of counts before the posts start.
        public var beforeYears: Int
        /// Evaluation cost a pilot year (£).
        public var evaluationCostPerYear: Double
        public var seed: UInt64
        public var threads: Int
        public var standardErrorSamples: Int
        /// Value of one additional identification (£) to use instead of the model's own uncertain value.
        public var threshold: Double?

        public init(councils: [Int] = [5, 10, 20, 40, 80], years: [Int] = [1, 2, 3], comparisonPerPilot: Int = 1, beforeYears: Int = 2,
                    evaluationCostPerYear: Double, seed: UInt64, threads: Int = 1, standardErrorSamples: Int = 100, threshold: Double? = nil) {
            self.threshold = threshold
            self.councils = councils
            self.years = years
            self.comparisonPerPilot = comparisonPerPilot
            self.beforeYears = beforeYears
            self.evaluationCostPerYear = evaluationCostPerYear
            self.seed = seed
            self.threads = threads
            self.standardErrorSamples = standardErrorSamples
        }
    }

    /// The inputs of the pilot's simulation, one value per Monte Carlo iteration.
    public struct Draws: Sendable {
        public let rateRatio: [Double]
        public let rampUpYears: [Double]
        /// The iteration's baseline identification rate over the central one.
        public let baselineScale: [Double]

        public init(rateRatio: [Double], rampUpYears: [Double], baselineScale: [Double]) {
            self.rateRatio = rateRatio
            self.rampUpYears = rampUpYears
            self.baselineScale = baselineScale
        }
    }

    /// One design's value.
    public struct DesignValue: Sendable {
        public let design: PilotDesign
        /// EVSI as if the data were in hand now (£, present value of the programme).
        public let evsi: PartialValueOfInformation.Estimate
        /// `D_T × EVSI`.
        public let discountedEVSI: Double
        public let postCost: Double
        public let evaluationCost: Double
        public let delayCost: Double
        public var totalCost: Double { postCost + evaluationCost + delayCost }
        public var enbs: Double { discountedEVSI - totalCost }
    }

    public struct Result: Sendable {
        public let request: Request
        public let optionNames: [String]
        public let baselineIndex: Int
        public let meanNetBenefit: [Double]
        public let evpi: ExpectedValueOfInformation.Estimate
        /// EVPPI of the identification rate ratio: the most any study of it could be worth.
        public let evppiRateRatio: PartialValueOfInformation.Estimate
        /// Every design of the grid, sizes within durations.
        public let designs: [DesignValue]
        public let iterations: Int
        /// The design with the highest ENBS (nil when the grid is empty).
        public var best: DesignValue? {
            designs.enumerated().max { a, b in
                a.element.enbs != b.element.enbs ? a.element.enbs < b.element.enbs : a.offset > b.offset
            }?.element
        }
    }

    /// The grid's designs for a pool of eligible councils, or an error naming the limit.
    static func designs(_ request: Request, pilotPool: [PilotCouncil], comparisonPool: [PilotCouncil], horizon: Int) throws -> [PilotDesign] {
        guard !request.councils.isEmpty, !request.years.isEmpty else { throw DecisionError(description: "expected at least one pilot size and one duration") }
        var designs: [PilotDesign] = []
        for t in request.years {
            guard t >= 1, t < horizon else {
                throw DecisionError(description: "a pilot of \(t) years: expected 1 to \(horizon - 1) years (within the \(horizon)-year horizon)")
            }
            for k in request.councils {
                let comparison = k * request.comparisonPerPilot
                let pilotCodes = Set(pilotPool.prefix(k).map(\.code))
                guard k >= 1, k <= pilotPool.count, comparison <= comparisonPool.count,
                      !comparisonPool.prefix(comparison).contains(where: { pilotCodes.contains($0.code) }) else {
                    let distinct = Set(pilotPool.map(\.code) + comparisonPool.map(\.code)).count
                    throw DecisionError(description: "a pilot of \(k) councils with \(comparison) comparison councils: expected at most \(distinct) councils in all, none in both groups")
                }
                designs.append(PilotDesign(councils: k, years: t, comparisonCouncils: comparison, beforeYears: request.beforeYears))
            }
        }
        return designs
    }

    /// Values every design of `request` for the decision `problem` (its options' net benefits at
    /// `request.threshold` per identification, or the model's own value). The pilot councils are the first of
    /// `pilotPool`, the comparison councils the first of `comparisonPool` (disjoint pools).
    /// The same seed gives the same result whatever `request.threads`.
    public static func value(problem: DecisionProblem, pilotPool: [PilotCouncil], comparisonPool: [PilotCouncil], draws: Draws,
                             discountFactors: [Double], request: Request) throws -> Result {
        let n = problem.iterations
        guard draws.rateRatio.count == n, draws.rampUpYears.count == n, draws.baselineScale.count == n else {
            throw DecisionError(description: "the pilot's draws have a different number of iterations from the decision (\(n))")
        }
        guard request.beforeYears >= 1 else { throw DecisionError(description: "expected at least one year of counts before the pilot") }
        guard request.comparisonPerPilot >= 1 else { throw DecisionError(description: "expected at least one comparison council per pilot council") }
        guard request.evaluationCostPerYear.isFinite, request.evaluationCostPerYear >= 0 else {
            throw DecisionError(description: "the evaluation cost a year must be a non-negative amount in pounds")
        }
        let designs = try Self.designs(request, pilotPool: pilotPool, comparisonPool: comparisonPool, horizon: discountFactors.count)
        let netBenefits = problem.netBenefits(valuePerIdentification: request.threshold)
        let evpi = ExpectedValueOfInformation.perfect(netBenefits: netBenefits)
        let evppi = try PartialValueOfInformation.estimate(
            netBenefits: netBenefits, baselineIndex: problem.baselineIndex, inputs: [draws.rateRatio],
            seed: request.seed ^ streamKey("evppi identificationRateRatio"), samples: request.standardErrorSamples)
        let means = netBenefits.map { $0.reduce(0, +) / Double(max(1, n)) }
        let bestIncremental = max(0, means.indices.map { means[$0] - means[problem.baselineIndex] }.max() ?? 0)
        let first = discountFactors[0]

        let slots = ResultSlots<Result.DesignOutcome>(count: designs.count)
        forEachClaimed(designs.count, workers: max(1, request.threads)) { k in
            let design = designs[k]
            let key = streamKey("pilot \(design.councils) \(design.years) \(design.comparisonCouncils) \(design.beforeYears)")
            let summary = PilotEvaluation.simulateSummaries(
                design: design, pilotPool: pilotPool, comparisonPool: comparisonPool, rateRatio: draws.rateRatio,
                rampUpYears: draws.rampUpYears, baselineScale: draws.baselineScale, seed: request.seed ^ key)
            slots.set(k, Result.DesignOutcome(result: Swift.Result(catching: {
                try SampleInformation.estimate(netBenefits: netBenefits, baselineIndex: problem.baselineIndex, summary: summary,
                                               seed: request.seed ^ key ^ streamKey("evsi"), samples: request.standardErrorSamples)
            })))
        }
        var values: [DesignValue] = []
        for (design, outcome) in zip(designs, slots.values()) {
            let evsi = try outcome.result.get()
            let yearsFactor = discountFactors[0..<design.years].reduce(0, +) / first
            let deferral = discountFactors[design.years] / first
            let posts = pilotPool.prefix(design.councils).reduce(0) { $0 + $1.annualCost } * yearsFactor
            values.append(DesignValue(design: design, evsi: evsi, discountedEVSI: deferral * evsi.value, postCost: posts,
                                      evaluationCost: request.evaluationCostPerYear * yearsFactor,
                                      delayCost: (1 - deferral) * bestIncremental))
        }
        return Result(request: request, optionNames: problem.options.map(\.name), baselineIndex: problem.baselineIndex,
                      meanNetBenefit: means, evpi: evpi, evppiRateRatio: evppi, designs: values, iterations: n)
    }
}

extension PilotValuation.Result {
    struct DesignOutcome: Sendable {
        let result: Swift.Result<PartialValueOfInformation.Estimate, any Error>
    }
}

extension PilotValuation {
    /// The pilot's councils and draws for a scenario: every council the scenario gives a post
    /// (coverage above 0) is eligible, in a random order fixed by `seed`, with the councils in
    /// `listed` (codes) first. Pilot councils are taken from the front of that order and
    /// comparison councils from its back, so the two never overlap while there are enough councils,
    /// and a larger pilot contains every smaller one. Baselines, coverage and post costs are the
    /// scenario's own central figures (``ScenarioPlan/authorityRows``); the draws are the decision's
    /// (`identificationRateRatio`, `rampUpYears`, `baselineIdentificationRate` over its central value).
    public static func inputs(plan: ScenarioPlan, result: SimulationResult, listed: [String], seed: UInt64) throws
        -> (pilotPool: [PilotCouncil], comparisonPool: [PilotCouncil], draws: Draws) {
        guard let inputDraws = result.inputDraws else {
            throw DecisionError(description: "\(result.scenarioName) was run without keeping its input draws")
        }
        let n = result.iterations
        var eligible = plan.authorityRows.filter { $0.coverage > 0 && $0.postName != nil }.map {
            PilotCouncil(code: $0.authority.code, baselinePerYear: $0.baselineIdentifications, coverage: $0.coverage, annualCost: $0.annualCost)
        }
        guard !eligible.isEmpty else {
            throw DecisionError(description: "\(plan.scenario.file): the scenario gives no council a post; expected a scenario with posts to pilot")
        }
        // Fisher–Yates on a stream of its own.
        let stream = RandomStream(seed: seed ^ streamKey("pilot councils"), algorithm: SimulationEngine.generator)
        for i in stride(from: eligible.count - 1, to: 0, by: -1) { eligible.swapAt(i, stream.integer(below: i + 1)) }
        var front: [PilotCouncil] = []
        for code in listed {
            guard let index = eligible.firstIndex(where: { $0.code == code }) else {
                throw DecisionError(description: "--councils: \(code) is not a council with a post in \(plan.scenario.name); expected an authority code such as E06000001")
            }
            front.append(eligible.remove(at: index))
        }
        let order = front + eligible
        let central = (try? plan.assumptions.value(.baselineIdentificationRate)) ?? 0
        let ones = [Double](repeating: 1, count: n)
        let scale = inputDraws.column(AssumptionName.baselineIdentificationRate.rawValue).map { column in central > 0 ? column.map { $0 / central } : ones } ?? ones
        let rateRatio = inputDraws.column(AssumptionName.identificationRateRatio.rawValue)
            ?? [Double](repeating: (try? plan.assumptions.value(.identificationRateRatio)) ?? 1, count: n)
        let ramp = inputDraws.column(AssumptionName.rampUpYears.rawValue) ?? [Double](repeating: (try? plan.assumptions.value(.rampUpYears)) ?? 0, count: n)
        return (order, Array(order.reversed().filter { council in !front.contains(council) }),
                Draws(rateRatio: rateRatio, rampUpYears: ramp, baselineScale: scale))
    }
}

extension PilotValuation {
    /// The whole use case from two runs: a pilot of `plan`'s posts against `comparator` (each run
    /// with the same seed and its input draws kept), the councils in `listed` first. `msc pilot`,
    /// `msc export --pilot` and a web handler call this; the seed is `request.seed`.
    public static func value(plan: ScenarioPlan, result: SimulationResult, comparator: ScenarioPlan, comparatorResult: SimulationResult,
                             listed: [String] = [], request: Request) throws -> Result {
        let problem = try DecisionProblem.build(plans: [comparator, plan], results: [comparatorResult, result], baselineIndex: 0)
        let (pilotPool, comparisonPool, draws) = try inputs(plan: plan, result: result, listed: listed, seed: request.seed)
        return try value(problem: problem, pilotPool: pilotPool, comparisonPool: comparisonPool, draws: draws,
                         discountFactors: plan.discountFactors, request: request)
    }
}
