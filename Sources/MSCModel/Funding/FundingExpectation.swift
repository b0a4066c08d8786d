/// The expected funding of one post year by year: the survival curve and who pays (DESIGN 3.2).
///
/// Produced exactly by ``FundingMix/analyticFunding(horizonYears:)`` and
/// ``FundingMix/expectedFunding(horizonYears:renewalProbabilities:)``, and estimated by the
/// Monte Carlo in MSCSimulation; the same shape either way so reports can set them side by side.
public struct FundingExpectation: Sendable, Equatable {
    /// Chance the post is funded in each year of the horizon; `survival[0] == 1`.
    public let survival: [Double]
    /// Expected share of the post's cost each funder pays in each year (0 when the post is lost):
    /// `shareByFunder[funder][year]`, funders in ``FundingMix/funderLabels`` order.
    public let shareByFunder: [[Double]]
    /// Expected share of the cost left unpaid each year while the post runs with a tolerated gap.
    public let uncoveredShare: [Double]
    /// False when a post shared by many councils, each deciding its own part, was worked out with
    /// its parts' shares rounded up to a fine grid (``UncoveredShares``): survival is then
    /// understated, never overstated, and only by combinations of lapses within a grid step of
    /// the tolerated gap.
    public let isExact: Bool

    public init(survival: [Double], shareByFunder: [[Double]], uncoveredShare: [Double], isExact: Bool = true) {
        self.survival = survival
        self.shareByFunder = shareByFunder
        self.uncoveredShare = uncoveredShare
        self.isExact = isExact
    }

    /// Years in the horizon.
    public var horizonYears: Int { survival.count }

    /// Chance the post is lost within the horizon: not funded in its last year, `1 − S(H − 1)`.
    public var probabilityLost: Double { 1 - (survival.last ?? 1) }

    /// Expected funded post-years over the horizon, `Σ_t S(t)`.
    public var expectedPostYears: Double { survival.reduce(0, +) }

    /// Expected cost to each funder over the horizon given the cost of a funded post in each year
    /// (pounds): `Σ_t share_f(t) × cost(t)`, funders in order.
    public func costByFunder(postCostByYear: [Double]) -> [Double] {
        shareByFunder.map { shares in zip(shares, postCostByYear).reduce(0) { $0 + $1.0 * $1.1 } }
    }

    /// Expected cost left unpaid over the horizon (tolerated gaps), pounds.
    public func uncoveredCost(postCostByYear: [Double]) -> Double {
        zip(uncoveredShare, postCostByYear).reduce(0) { $0 + $1.0 * $1.1 }
    }
}
