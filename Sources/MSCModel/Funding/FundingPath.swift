/// One simulated funding history of a post: how long it stays funded and who pays each year.
///
/// Storage is one flat buffer of `horizonYears × funderCount` shares that
/// ``FundingMix/simulatePath(horizonYears:renewalProbabilities:uniform:into:)`` reuses from call to
/// call, so a Monte Carlo run over hundreds of posts and many iterations does not allocate per path.
public struct FundingPath: Sendable {
    /// Years the post is funded: it is alive in years `0..<fundedYears` and lost from then on.
    public internal(set) var fundedYears: Int
    /// Years simulated.
    public internal(set) var horizonYears: Int
    /// Payers per year: each source of the mix, then the host council's absorbed shares.
    public internal(set) var funderCount: Int
    /// Shares by year then funder: `shares[year × funderCount + funder]`; zero after `fundedYears`.
    @usableFromInline var shares: [Double]
    /// How each source ended on this path (scratch, reused).
    var lapses: [SourceLapse]

    /// An empty path, ready to be filled by a simulation.
    public init() {
        fundedYears = 0
        horizonYears = 0
        funderCount = 0
        shares = []
        lapses = []
    }

    /// The share of the post's cost `funder` pays in `year` (0 once the post is lost).
    @inlinable
    public func share(ofFunder funder: Int, inYear year: Int) -> Double {
        shares[year * funderCount + funder]
    }

    /// The share of the post's cost nobody pays in `year` (a tolerated gap); 0 once the post is lost.
    public func uncoveredShare(inYear year: Int) -> Double {
        guard year < fundedYears else { return 0 }
        var paid = 0.0
        for funder in 0..<funderCount { paid += share(ofFunder: funder, inYear: year) }
        return max(0, 1 - paid)
    }

    /// Whether the post is funded (alive) in `year`.
    @inlinable
    public func isFunded(inYear year: Int) -> Bool { year < fundedYears }

    /// Clears the path for `horizonYears` years and `funderCount` payers, keeping its buffers.
    @usableFromInline
    mutating func reset(horizonYears: Int, funderCount: Int) {
        self.horizonYears = horizonYears
        self.funderCount = funderCount
        fundedYears = 0
        let size = horizonYears * funderCount
        if shares.count != size {
            shares = Array(repeating: 0, count: size)
        } else {
            for index in shares.indices { shares[index] = 0 }
        }
    }
}
