/// A scenario compiled into flat numbers: what one evaluation of its horizon needs and nothing else.
///
/// Built once per run from the scenario, its deployment, the funding mixes and the impact
/// assumptions; then evaluated once for the central case or once per Monte Carlo iteration.
public struct ScenarioModel: Sendable {
    /// One coordinator post as the evaluation sees it.
    public struct Post: Sendable {
        /// A short label (host authority or area name).
        public let name: String
        /// Full-time equivalent of the post.
        public let fte: Double
        /// Baseline adult identifications a year in the authorities it serves, each weighted by its
        /// coverage (so `(RR − 1) × effectBase` is the post's extra identifications at full effect).
        public let effectBase: Double
        /// Index of the post's funding mix in `fundingMixNames`.
        public let fundingIndex: Int
        /// Extra training costs a year that the post's councils incur while it is in post (staff
        /// time and delivery beyond what they would spend without it); empty when none.
        public let trainingCostByYear: [Double]

        public init(name: String, fte: Double, effectBase: Double, fundingIndex: Int, trainingCostByYear: [Double] = []) {
            self.name = name
            self.fte = fte
            self.effectBase = effectBase
            self.fundingIndex = fundingIndex
            self.trainingCostByYear = trainingCostByYear
        }
    }

    public let name: String
    /// Years evaluated: year 0 is the first year of the posts.
    public let horizonYears: Int
    public let posts: [Post]
    /// Names of the funding mixes the posts use (for labelling per-funder costs).
    public let fundingMixNames: [String]
    /// Employer NI rate and threshold for the price base year (fixed: set by law, not uncertain).
    public let employerNIRate: Double
    public let niSecondaryThreshold: Double
    /// Green Book discount factor for each year of the horizon.
    public let discountFactors: [Double]
    /// Fraction of the full effect reached in each year (ramp-up as a post beds in).
    public let rampByYear: [Double]
    /// The posts' FTE and effect base as flat arrays: the evaluation loop reads these rather than
    /// the ``Post`` values, so it touches no strings (and no reference counts) per post.
    @usableFromInline let postFTE: [Double]
    @usableFromInline let postEffectBase: [Double]
    /// Training cost of each post in each year, `post × horizon + year` (zeros without training).
    @usableFromInline let postTrainingCost: [Double]

    public init(name: String, horizonYears: Int, posts: [Post], fundingMixNames: [String], employerNIRate: Double,
                niSecondaryThreshold: Double, discountFactors: [Double], rampByYear: [Double]) {
        self.name = name
        self.horizonYears = horizonYears
        self.posts = posts
        self.fundingMixNames = fundingMixNames
        self.employerNIRate = employerNIRate
        self.niSecondaryThreshold = niSecondaryThreshold
        self.discountFactors = discountFactors
        self.rampByYear = rampByYear
        self.postFTE = posts.map(\.fte)
        self.postTrainingCost = posts.flatMap { post in
            (0..<horizonYears).map { t in t < post.trainingCostByYear.count ? post.trainingCostByYear[t] : 0 }
        }
        self.postEffectBase = posts.map(\.effectBase)
    }
}

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

    public init(pensionRate: Double, apprenticeshipLevyRate: Double, overheadRate: Double, realPayGrowth: Double,
                rateRatio: Double, valuePerIdentification: Double, optimismBias: Double) {
        self.pensionRate = pensionRate
        self.apprenticeshipLevyRate = apprenticeshipLevyRate
        self.overheadRate = overheadRate
        self.realPayGrowth = realPayGrowth
        self.rateRatio = rateRatio
        self.valuePerIdentification = valuePerIdentification
        self.optimismBias = optimismBias
    }
}

/// Per-post inputs of one evaluation, in flat arrays indexed by post (and year for `alive`).
public struct PostInputs: Sendable {
    /// Full-time salary in year 0 of each post.
    public var salary: [Double]
    /// Operational budget of each post a year.
    public var operationalBudget: [Double]
    /// Whether (1) or how likely (0...1) each post is funded in each year: index `post × horizon + year`.
    public var alive: [Double]

    public init(postCount: Int, horizonYears: Int) {
        salary = Array(repeating: 0, count: postCount)
        operationalBudget = Array(repeating: 0, count: postCount)
        alive = Array(repeating: 0, count: postCount * horizonYears)
    }
}

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

extension ScenarioModel {
    /// Evaluates the horizon for one set of inputs (DESIGN 3.1, 3.4, 3.5, 3.7).
    ///
    /// Costs: each funded post's employer cost with salaries growing at real pay growth. Benefits:
    /// `effectBase × (RR − 1) × ramp(t)` extra identifications times the value of one. Present
    /// values use the Green Book factors; optimism bias scales the present value of costs.
    public func evaluate(national: NationalInputs, posts postInputs: PostInputs, into outcome: inout ScenarioOutcome) {
        let years = horizonYears
        for t in 0..<years {
            outcome.costByYear[t] = 0
            outcome.identificationsByYear[t] = 0
            outcome.postsByYear[t] = 0
        }
        let proportional = 1 + national.pensionRate + national.apprenticeshipLevyRate + national.overheadRate
        let uplift = national.rateRatio - 1
        let growthFactor = 1 + national.realPayGrowth
        let niRate = employerNIRate, threshold = niSecondaryThreshold
        postInputs.alive.withUnsafeBufferPointer { alive in
        postInputs.salary.withUnsafeBufferPointer { salary in
        postInputs.operationalBudget.withUnsafeBufferPointer { budgets in
        postFTE.withUnsafeBufferPointer { fte in
        postEffectBase.withUnsafeBufferPointer { effectBase in
        rampByYear.withUnsafeBufferPointer { ramp in
        postTrainingCost.withUnsafeBufferPointer { training in
        outcome.costByYear.withUnsafeMutableBufferPointer { cost in
        outcome.identificationsByYear.withUnsafeMutableBufferPointer { identifications in
        outcome.postsByYear.withUnsafeMutableBufferPointer { funded in
            for index in 0..<fte.count {
                let budget = budgets[index]
                var paid = salary[index] * fte[index]
                let extraPerYear = effectBase[index] * uplift
                let base = index * years
                for t in 0..<years {
                    let share = alive[base + t]
                    if share > 0 {
                        let postCost = paid * proportional + niRate * Swift.max(0, paid - threshold) + budget
                            + training[base + t]
                        cost[t] += share * postCost
                        identifications[t] += share * extraPerYear * ramp[t]
                        funded[t] += share
                    }
                    paid *= growthFactor
                }
            }
        }}}}}}}}}}
        var pvCosts = 0.0, pvBenefits = 0.0
        for t in 0..<years {
            let benefit = outcome.identificationsByYear[t] * national.valuePerIdentification
            outcome.benefitByYear[t] = benefit
            pvCosts += outcome.costByYear[t] * discountFactors[t]
            pvBenefits += benefit * discountFactors[t]
        }
        outcome.presentValueCosts = pvCosts * (1 + national.optimismBias)
        outcome.presentValueBenefits = pvBenefits
    }
}
