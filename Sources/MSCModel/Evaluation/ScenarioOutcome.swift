/// What one evaluation of a scenario gives: yearly flows and the appraisal totals.
public struct ScenarioOutcome: Sendable, Equatable {
    /// Cost of the posts (and their training) each year, real pounds, undiscounted, before optimism bias.
    public var costByYear: [Double]
    /// Social value each year, real pounds, undiscounted.
    public var benefitByYear: [Double]
    /// Additional identifications each year.
    public var identificationsByYear: [Double]
    /// Posts funded each year (expected number in the central case).
    public var postsByYear: [Double]

    public var presentValueCosts = 0.0
    public var presentValueBenefits = 0.0

    public init(horizonYears: Int) {
        costByYear = Array(repeating: 0, count: horizonYears)
        benefitByYear = Array(repeating: 0, count: horizonYears)
        identificationsByYear = Array(repeating: 0, count: horizonYears)
        postsByYear = Array(repeating: 0, count: horizonYears)
    }

    /// Sets the present values from the yearly flows (``Appraisal/summary(costs:benefits:optimismBias:discountFactors:)``).
    public mutating func appraise(optimismBias: Double, discountFactors: [Double]) {
        let summary = Appraisal.summary(costs: costByYear, benefits: benefitByYear, optimismBias: optimismBias,
                                        discountFactors: discountFactors)
        presentValueCosts = summary.pvCosts
        presentValueBenefits = summary.pvBenefits
    }

    /// Net present value: benefits less costs, both discounted.
    public var netPresentValue: Double { presentValueBenefits - presentValueCosts }
    /// Benefit-cost ratio (present values).
    public var benefitCostRatio: Double { presentValueCosts > 0 ? presentValueBenefits / presentValueCosts : 0 }
    /// Cost in the first year.
    public var firstYearCost: Double { costByYear.first ?? 0 }
    /// Additional identifications over the horizon.
    public var totalIdentifications: Double { identificationsByYear.reduce(0, +) }
    /// Posts still funded in the last year of the horizon.
    public var postsAtHorizon: Double { postsByYear.last ?? 0 }
    /// Undiscounted cost over the horizon per additional identification (infinite when none).
    public var costPerIdentification: Double {
        let ids = totalIdentifications
        return ids > 0 ? costByYear.reduce(0, +) / ids : .infinity
    }
}
