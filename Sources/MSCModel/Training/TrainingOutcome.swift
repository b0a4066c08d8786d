/// One tier's results over a horizon, for one authority or summed over many: what reports print.
public struct TrainingTierOutcome: Sendable, Equatable {
    public let tier: TrainingTier
    /// The people the tier must reach (staff, plus councillors for Tier 2).
    public let audience: TrainingAudience
    /// People trained or renewed each year (index 0 is the first year).
    public let traineesByYear: [Double]
    /// People holding current training at the end of each year.
    public let trainedByYear: [Double]
    /// Cost each year, trainees' time plus delivery, pounds, real.
    public let costByYear: [Double]
    /// Years to full coverage; for several authorities, the slowest one's. Nil when not reached.
    public let yearsToCoverage: Double?
    /// Authorities whose tier is never fully covered (0 or 1 for a single authority).
    public let authoritiesNotCovered: Int
    /// Authorities summed.
    public let authorityCount: Int

    public init(tier: TrainingTier, audience: TrainingAudience, traineesByYear: [Double], trainedByYear: [Double],
                costByYear: [Double], yearsToCoverage: Double?, authoritiesNotCovered: Int, authorityCount: Int) {
        self.tier = tier
        self.audience = audience
        self.traineesByYear = traineesByYear
        self.trainedByYear = trainedByYear
        self.costByYear = costByYear
        self.yearsToCoverage = yearsToCoverage
        self.authoritiesNotCovered = authoritiesNotCovered
        self.authorityCount = authorityCount
    }

    /// The tier's results for one authority's plan over `horizon` years.
    public init(plan: TrainingPlan.Tier, horizon: Int) {
        self.init(tier: plan.tier, audience: plan.audience, traineesByYear: plan.traineesByYear(horizon),
                  trainedByYear: plan.trainedByYear(horizon), costByYear: plan.costByYear(horizon),
                  yearsToCoverage: plan.yearsToCoverage, authoritiesNotCovered: plan.yearsToCoverage == nil ? 1 : 0,
                  authorityCount: 1)
    }

    /// The sum of several authorities' results for the same tier and horizon. Coverage is complete
    /// when the slowest authority's is; nil if any authority never gets there.
    public static func total(_ parts: [TrainingTierOutcome], tier: TrainingTier) -> TrainingTierOutcome {
        func sum(_ series: (TrainingTierOutcome) -> [Double]) -> [Double] {
            let length = parts.map { series($0).count }.max() ?? 0
            return (0..<length).map { year in parts.reduce(0) { $0 + (year < series($1).count ? series($1)[year] : 0) } }
        }
        let notCovered = parts.reduce(0) { $0 + $1.authoritiesNotCovered }
        let slowest = notCovered > 0 ? nil : parts.compactMap(\.yearsToCoverage).max() ?? 0
        return TrainingTierOutcome(
            tier: tier,
            audience: TrainingAudience(staff: parts.reduce(0) { $0 + $1.audience.staff },
                                       councillors: parts.reduce(0) { $0 + $1.audience.councillors }),
            traineesByYear: sum(\.traineesByYear), trainedByYear: sum(\.trainedByYear), costByYear: sum(\.costByYear),
            yearsToCoverage: slowest, authoritiesNotCovered: notCovered,
            authorityCount: parts.reduce(0) { $0 + $1.authorityCount })
    }

    /// Average people trained a year over the horizon.
    public var averageTraineesPerYear: Double { Self.mean(traineesByYear) }

    /// Average cost a year over the horizon, pounds, real.
    public var averageCostPerYear: Double { Self.mean(costByYear) }

    /// Share of the audience holding current training at the end of the horizon (0 when empty).
    public var trainedShareAtHorizon: Double {
        guard let last = trainedByYear.last, audience.total > 0 else { return 0 }
        return last / audience.total
    }

    private static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
    }
}
