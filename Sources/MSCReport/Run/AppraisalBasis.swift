import MSCModel
import MSCSimulation

/// What a scenario's money figures rest on, read from the assumptions it ran with: price base,
/// horizon, the discount rates that apply within the horizon and the optimism bias on costs.
/// Footnotes are written from these, so a scenario run at 1.5% never prints "3.5%".
public struct AppraisalBasis: Sendable, Equatable {
    public let scenarioName: String
    public let priceBaseYear: String
    public let horizonYears: Int
    /// The real discount rate of each band that starts within the horizon, in order (e.g. [0.035]).
    public let discountRates: [Double]
    /// The optimism bias uplift on costs in the central case, a fraction.
    public let optimismBias: Double
    /// How the optimism bias is drawn in the Monte Carlo ("fixed" or a distribution summary).
    public let optimismBiasDistribution: String

    public init(scenarioName: String, priceBaseYear: String, horizonYears: Int, discountRates: [Double],
                optimismBias: Double, optimismBiasDistribution: String) {
        self.scenarioName = scenarioName
        self.priceBaseYear = priceBaseYear
        self.horizonYears = horizonYears
        self.discountRates = discountRates
        self.optimismBias = optimismBias
        self.optimismBiasDistribution = optimismBiasDistribution
    }

    /// The basis of a loaded scenario plan.
    public init(plan: ScenarioPlan) throws {
        let greenBook = try GreenBook(assumptions: plan.assumptions)
        let years = plan.scenario.horizonYears
        // The value the run applies (after mitigations), not the starting value.
        let bias = try plan.plan.nationalAssumptions.first { $0.name == AssumptionName.optimismBias.rawValue } ?? plan.assumptions.assumption(.optimismBias)
        self.init(scenarioName: plan.scenario.name, priceBaseYear: plan.scenario.priceBaseYear, horizonYears: years,
                  discountRates: greenBook.bands.filter { $0.firstYear < years }.map(\.rate),
                  optimismBias: bias.value, optimismBiasDistribution: bias.distribution.summary)
        optimismBiasStart = plan.adjustments.optimismBiasStart
        if let rate = try? plan.assumptions.value(.healthDiscountRate), let share = try? plan.assumptions.value(.healthShareOfAvoidableHarm) {
            healthDiscount = (rate: rate, shareOfHarm: share)
        }
    }

    /// The Green Book health rate and the share of the avoidable harm (QALY-based) discounted at
    /// it, when the assumptions carry them.
    public var healthDiscount: (rate: Double, shareOfHarm: Double)? = nil

    public static func == (lhs: AppraisalBasis, rhs: AppraisalBasis) -> Bool {
        lhs.scenarioName == rhs.scenarioName && lhs.priceBaseYear == rhs.priceBaseYear && lhs.horizonYears == rhs.horizonYears
            && lhs.discountRates == rhs.discountRates && lhs.optimismBias == rhs.optimismBias
            && lhs.optimismBiasDistribution == rhs.optimismBiasDistribution && lhs.optimismBiasStart == rhs.optimismBiasStart
            && lhs.healthDiscount?.rate == rhs.healthDiscount?.rate && lhs.healthDiscount?.shareOfHarm == rhs.healthDiscount?.shareOfHarm
    }

    /// The optimism bias before mitigation, when it differs from the value applied.
    public var optimismBiasStart: Double? = nil

    /// "3.5% real discount rate" (or "3.5% then 3% real discount rates" past year 30).
    var discountText: String {
        let rates = discountRates.map { Self.percent($0) }
        let standard = rates.count == 1 ? "\(rates[0]) real discount rate" : "\(rates.joined(separator: " then ")) real discount rates"
        guard let health = healthDiscount, health.shareOfHarm > 0 else { return standard }
        return standard + " (health effects, \(Self.percent(health.shareOfHarm)) of the harm avoided, at the health rate of \(Self.percent(health.rate)))"
    }

    /// "optimism bias of 10% on costs (triangular(0, 0.1, 0.41) in the Monte Carlo)".
    var optimismText: String {
        let drawn = optimismBiasDistribution == "fixed" ? "" : " (drawn from \(optimismBiasDistribution) in the Monte Carlo)"
        let start = optimismBiasStart.flatMap { $0 != optimismBias ? " (\(Self.percent($0)) before mitigation; that result is shown beside)" : nil } ?? ""
        return "optimism bias of \(Self.percent(optimismBias)) on programme costs\(start)\(drawn)"
    }

    /// The sentence for one scenario, or for several that share every figure.
    var sentenceBody: String {
        "\(horizonYears) years, real pounds at \(priceBaseYear) prices, \(discountText) (HM Treasury Green Book), \(optimismText)"
    }

    static func percent(_ fraction: Double) -> String { NumberText.plain((fraction * 10000).rounded() / 100) + "%" }

    /// Footnote lines for a set of scenarios: one line when they share a basis, else one per scenario.
    public static func notes(_ bases: [AppraisalBasis]) -> [String] {
        guard let first = bases.first else { return [] }
        let benefits = "Benefits value additional identifications (referrals net of displacement, not confirmed victims) at the Home Office unit cost of modern slavery, uprated."
        if bases.allSatisfy({ $0.sentenceBody == first.sentenceBody }) {
            return ["NPV and BCR: \(first.sentenceBody). \(benefits)"]
        }
        return bases.map { "NPV and BCR of \($0.scenarioName): \($0.sentenceBody)." } + [benefits]
    }
}
