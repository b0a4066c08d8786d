/// The national (scenario-wide) inputs of one evaluation: central values, or one Monte Carlo draw.
public struct NationalInputs: Sendable, Equatable {
    public var pensionRate: Double
    public var apprenticeshipLevyRate: Double
    public var overheadRate: Double
    /// Real growth of salaries per year.
    public var realPayGrowth: Double
    /// Rate ratio of identifications with a coordinator at full coverage and full ramp-up.
    public var rateRatio: Double
    /// Social value of one additional identification, pounds at the price base year.
    public var valuePerIdentification: Double
    /// Green Book optimism bias uplift on costs, a fraction.
    public var optimismBias: Double
    /// Adult identifications (NRM + Duty to Notify) a year per 100,000 residents without a post.
    public var baselineRatePer100k: Double
    /// Share of a two-tier area's identifications credited to the county council.
    public var countyShareOfTwoTier: Double
    /// Coordinator FTE per 100,000 residents at which coverage is full.
    public var coverageBenchmark: Double
    /// Elasticity of the effect to coverage below the benchmark.
    public var coverageElasticity: Double
    /// Years for a post to reach its full effect.
    public var rampUpYears: Double

    public init(pensionRate: Double, apprenticeshipLevyRate: Double, overheadRate: Double, realPayGrowth: Double,
                rateRatio: Double, valuePerIdentification: Double, optimismBias: Double,
                baselineRatePer100k: Double, countyShareOfTwoTier: Double, coverageBenchmark: Double,
                coverageElasticity: Double, rampUpYears: Double) {
        self.pensionRate = pensionRate
        self.apprenticeshipLevyRate = apprenticeshipLevyRate
        self.overheadRate = overheadRate
        self.realPayGrowth = realPayGrowth
        self.rateRatio = rateRatio
        self.valuePerIdentification = valuePerIdentification
        self.optimismBias = optimismBias
        self.baselineRatePer100k = baselineRatePer100k
        self.countyShareOfTwoTier = countyShareOfTwoTier
        self.coverageBenchmark = coverageBenchmark
        self.coverageElasticity = coverageElasticity
        self.rampUpYears = rampUpYears
    }
}

/// Per-post inputs of one evaluation, in flat arrays indexed by post (and year for `alive`).
public struct PostInputs: Sendable {
    /// Full-time salary in year 0 of each post.
    public var salary: [Double]
    /// Operational budget of each post (each person in it) a year.
    public var operationalBudget: [Double]
    /// Whether (1) or how likely (0...1) each post is funded in each year: index `post × horizon + year`.
    public var alive: [Double]

    public init(postCount: Int, horizonYears: Int) {
        salary = Array(repeating: 0, count: postCount)
        operationalBudget = Array(repeating: 0, count: postCount)
        alive = Array(repeating: 0, count: postCount * horizonYears)
    }
}
