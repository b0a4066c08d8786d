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
    /// Public costs the additional identifications trigger each year (Home Office decisions and
    /// support contract, NHS, police, council), real pounds, undiscounted; no optimism bias.
    public var triggeredCostByYear: [Double]
    /// Additional child NRM referrals each year (``ChildIdentifications``); not in `identificationsByYear`.
    public var childIdentificationsByYear: [Double]
    /// The children's part of `benefitByYear` and of `triggeredCostByYear`.
    public var childBenefitByYear: [Double]
    public var childTriggeredCostByYear: [Double]

    /// Present value of all costs: the programme's with optimism bias, plus the triggered costs.
    public var presentValueCosts = 0.0
    public var presentValueBenefits = 0.0
    /// Present value of the programme's costs (posts and training) with optimism bias.
    public var presentValueProgrammeCosts = 0.0
    /// Present value of the triggered costs.
    public var presentValueTriggeredCosts = 0.0
    /// Additional identifications discounted like money (for cost per identification).
    public var presentValueIdentifications = 0.0
    /// Present value of the programme's costs at the starting optimism bias, before mitigation.
    public var presentValueProgrammeCostsAtStartingOptimismBias = 0.0
    /// The children's part of the present values of benefits and of triggered costs.
    public var presentValueChildBenefits = 0.0
    public var presentValueChildTriggeredCosts = 0.0

    /// NPV of the adults alone: the child component's benefits and triggered costs taken out.
    public var netPresentValueWithoutChildren: Double {
        netPresentValue - presentValueChildBenefits + presentValueChildTriggeredCosts
    }

    /// NPV with the programme's costs at the starting optimism bias (unmitigated), all else the same.
    public var netPresentValueAtStartingOptimismBias: Double {
        presentValueBenefits - presentValueTriggeredCosts - presentValueProgrammeCostsAtStartingOptimismBias
    }

    public init(horizonYears: Int) {
        costByYear = Array(repeating: 0, count: horizonYears)
        benefitByYear = Array(repeating: 0, count: horizonYears)
        identificationsByYear = Array(repeating: 0, count: horizonYears)
        postsByYear = Array(repeating: 0, count: horizonYears)
        triggeredCostByYear = Array(repeating: 0, count: horizonYears)
        childIdentificationsByYear = Array(repeating: 0, count: horizonYears)
        childBenefitByYear = Array(repeating: 0, count: horizonYears)
        childTriggeredCostByYear = Array(repeating: 0, count: horizonYears)
    }

    /// Sets benefits and triggered costs from the identifications: adults' at `perIdentification`
    /// and children's at `perChildReferral` (value, triggered cost) each. With no children the
    /// totals are the adults' exactly.
    public mutating func value(perIdentification: (value: Double, triggered: Double),
                               perChildReferral: (value: Double, triggered: Double)) {
        for t in identificationsByYear.indices {
            childBenefitByYear[t] = childIdentificationsByYear[t] * perChildReferral.value
            childTriggeredCostByYear[t] = childIdentificationsByYear[t] * perChildReferral.triggered
            benefitByYear[t] = identificationsByYear[t] * perIdentification.value + childBenefitByYear[t]
            triggeredCostByYear[t] = identificationsByYear[t] * perIdentification.triggered + childTriggeredCostByYear[t]
        }
    }

    /// Sets the present values from the yearly flows (``Appraisal/summary(costs:benefits:optimismBias:discountFactors:)``):
    /// optimism bias raises the programme's costs; the triggered costs are added without it (they
    /// carry their own ranges).
    /// `startingOptimismBias` (nil: the same) gives ``netPresentValueAtStartingOptimismBias``.
    /// `benefitDiscountFactors` (nil: `discountFactors`) discount the benefits (health effects at the health rate).
    public mutating func appraise(optimismBias: Double, discountFactors: [Double], startingOptimismBias: Double? = nil,
                                  benefitDiscountFactors: [Double]? = nil) {
        let summary = Appraisal.summary(costs: costByYear, benefits: benefitByYear, optimismBias: optimismBias,
                                        discountFactors: discountFactors)
        presentValueProgrammeCosts = summary.pvCosts
        presentValueProgrammeCostsAtStartingOptimismBias = Appraisal.withOptimismBias(
            summary.pvCostsBeforeOptimismBias, optimismBias: startingOptimismBias ?? optimismBias)
        presentValueTriggeredCosts = Appraisal.presentValue(flows: triggeredCostByYear, discountFactors: discountFactors)
        presentValueIdentifications = Appraisal.presentValue(flows: identificationsByYear, discountFactors: discountFactors)
        presentValueCosts = presentValueProgrammeCosts + presentValueTriggeredCosts
        presentValueBenefits = benefitDiscountFactors.map { Appraisal.presentValue(flows: benefitByYear, discountFactors: $0) }
            ?? summary.pvBenefits
        presentValueChildBenefits = Appraisal.presentValue(flows: childBenefitByYear,
                                                           discountFactors: benefitDiscountFactors ?? discountFactors)
        presentValueChildTriggeredCosts = Appraisal.presentValue(flows: childTriggeredCostByYear, discountFactors: discountFactors)
    }

    /// Net present value: benefits less costs, both discounted.
    public var netPresentValue: Double { presentValueBenefits - presentValueCosts }
    /// Benefit-cost ratio (present values).
    public var benefitCostRatio: Double { presentValueCosts > 0 ? presentValueBenefits / presentValueCosts : 0 }
    /// Cost in the first year.
    public var firstYearCost: Double { costByYear.first ?? 0 }
    /// Additional identifications over the horizon.
    public var totalIdentifications: Double { identificationsByYear.reduce(0, +) }
    /// Additional child NRM referrals over the horizon.
    public var totalChildIdentifications: Double { childIdentificationsByYear.reduce(0, +) }
    /// Posts still funded in the last year of the horizon.
    public var postsAtHorizon: Double { postsByYear.last ?? 0 }
    /// Cost per additional identification: the programme's present value of costs (with optimism
    /// bias) over the additional identifications discounted at the same rates (infinite when none).
    /// The costs identifications trigger are left out: they follow from identification, not from
    /// buying it.
    public var costPerIdentification: Double {
        presentValueIdentifications > 0 ? presentValueProgrammeCosts / presentValueIdentifications : .infinity
    }
}
