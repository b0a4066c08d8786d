/// Present values, net present value and benefit-cost ratio of a proposal (Green Book, DESIGN 3.7).
///
/// Costs are raised by the optimism-bias uplift before discounting (Green Book supplementary
/// guidance: appraisers' cost estimates are systematically too low), benefits are not.
public struct AppraisalSummary: Sendable, Equatable {
    /// Present value of costs before the optimism-bias uplift (pounds, price base year).
    public let pvCostsBeforeOptimismBias: Double
    /// The uplift applied to costs, e.g. 0.1 for 10%.
    public let optimismBias: Double
    /// Present value of costs including optimism bias (pounds).
    public let pvCosts: Double
    /// Present value of benefits (pounds).
    public let pvBenefits: Double
    /// Net present value, pvBenefits − pvCosts (pounds).
    public let npv: Double
    /// Benefit-cost ratio pvBenefits / pvCosts; nil when there are no costs.
    public let bcr: Double?

    public init(pvCostsBeforeOptimismBias: Double, optimismBias: Double, pvBenefits: Double) {
        self.pvCostsBeforeOptimismBias = pvCostsBeforeOptimismBias
        self.optimismBias = optimismBias
        self.pvCosts = pvCostsBeforeOptimismBias * (1 + optimismBias)
        self.pvBenefits = pvBenefits
        self.npv = pvBenefits - pvCosts
        self.bcr = pvCosts != 0 ? pvBenefits / pvCosts : nil
    }
}

/// The Green Book summary of flows of costs and benefits.
public enum Appraisal {
    /// Discounts per-year real costs and benefits (year 0 first) and applies optimism bias to costs.
    ///
    /// - Parameters:
    ///   - costs: costs per year in pounds at the price base year, year 0 first.
    ///   - benefits: benefits per year in pounds at the price base year, year 0 first.
    ///   - optimismBias: uplift on costs as a fraction (`optimismBias` assumption; 0.1 = 10%).
    ///   - discounting: the discount schedule (``GreenBook``).
    public static func summary(costs: [Double], benefits: [Double], optimismBias: Double,
                               discounting: GreenBook) -> AppraisalSummary {
        summary(costs: costs, benefits: benefits, optimismBias: optimismBias,
                discountFactors: discounting.discountFactors(count: max(costs.count, benefits.count)))
    }

    /// The same with the discount factor of each year given (year 0 first, at least as many as flows).
    public static func summary(costs: [Double], benefits: [Double], optimismBias: Double,
                               discountFactors: [Double]) -> AppraisalSummary {
        AppraisalSummary(pvCostsBeforeOptimismBias: presentValue(flows: costs, discountFactors: discountFactors),
                         optimismBias: optimismBias,
                         pvBenefits: presentValue(flows: benefits, discountFactors: discountFactors))
    }

    /// The present value of real flows: `Σ_t flow_t · discountFactor_t`.
    public static func presentValue(flows: [Double], discountFactors: [Double]) -> Double {
        precondition(discountFactors.count >= flows.count, "one discount factor per year of flows")
        var total = 0.0
        for (t, flow) in flows.enumerated() { total += flow * discountFactors[t] }
        return total
    }

    /// Costs with the optimism-bias uplift: cost · (1 + optimismBias).
    public static func withOptimismBias(_ cost: Double, optimismBias: Double) -> Double {
        cost * (1 + optimismBias)
    }
}
