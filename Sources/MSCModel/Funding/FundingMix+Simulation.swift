extension FundingMix {
    /// Simulates one post's funding over `horizonYears`, given each source's renewal probability and
    /// a source of uniform random numbers in [0, 1); returns how long it lasts and who pays.
    ///
    /// Pure and deterministic given the uniforms, so the Monte Carlo engine owns the randomness
    /// (DESIGN 3.2). At the start of each year t ≥ 1, each live source whose term ends (t a multiple
    /// of its term) is renewed when a uniform draw is below its renewal probability. A lapsed share
    /// goes to the host with probability ``absorbProbability`` (one more draw, made only when that
    /// probability is positive and the source can be absorbed), or else is uncovered. When the
    /// uncovered share exceeds ``gapTolerance`` the post is lost from year t: `fundedYears = t`.
    /// With no absorption and no tolerated gap the chance of lasting to year t is `Π q_i^⌊t/T_i⌋`.
    /// An absorbed share stays with the host for the rest of the horizon (mainstreamed into its
    /// base budget, which is far stickier than a grant), so it has no renewal points of its own.
    public func simulatePath(horizonYears: Int, renewalProbabilities: [Double], uniform: () -> Double) -> FundingPath {
        var path = FundingPath()
        simulatePath(horizonYears: horizonYears, renewalProbabilities: renewalProbabilities, uniform: uniform, into: &path)
        return path
    }

    /// Like ``simulatePath(horizonYears:renewalProbabilities:uniform:)`` but writes into `path`,
    /// reusing its buffers: no allocation once the path has been used for this mix and horizon.
    public func simulatePath(horizonYears: Int, renewalProbabilities: [Double], uniform: () -> Double,
                             into path: inout FundingPath) {
        precondition(renewalProbabilities.count == termYears.count,
                     "simulatePath needs one renewal probability per source (\(termYears.count)), got \(renewalProbabilities.count)")
        let funders = funderCount
        let host = hostAbsorbedIndex
        path.reset(horizonYears: horizonYears, funderCount: funders)
        for index in termYears.indices { path.current[index] = initialShares[index] }
        var uncovered = 0.0
        for year in 0..<horizonYears {
            if year > 0 {
                for index in termYears.indices where path.current[index] > 0 && year % termYears[index] == 0 {
                    if uniform() < renewalProbabilities[index] { continue }
                    let lapsed = path.current[index]
                    path.current[index] = 0
                    if absorbProbability > 0, absorbable[index], uniform() < absorbProbability {
                        path.current[host] += lapsed
                    } else {
                        uncovered += lapsed
                    }
                }
                if uncovered > gapTolerance + Self.shareSumTolerance {
                    path.fundedYears = year
                    return
                }
            }
            let row = year * funders
            for funder in 0..<funders { path.shares[row + funder] = path.current[funder] }
        }
        path.fundedYears = horizonYears
    }

    /// Only the number of funded years of one simulated post (alive in years `0..<n`): the same
    /// draws and result as ``simulatePath(horizonYears:renewalProbabilities:uniform:)`` without
    /// keeping the shares; for engines that need only survival (the packed form below allocates nothing).
    public func simulateFundedYears(horizonYears: Int, renewalProbabilities: [Double], uniform: () -> Double) -> Int {
        simulateFundedYears(horizonYears: horizonYears, renewalProbabilities: renewalProbabilities,
                            absorbProbability: absorbProbability, gapTolerance: gapTolerance, uniform: uniform)
    }

    /// The same, with the host's chance to absorb a lapsed share and the tolerated gap given (one
    /// Monte Carlo draw of those assumptions) instead of the mix's central values.
    ///
    /// `nationalLapseYears`, when given, holds for each source decided nationally the year its
    /// single national decision ends it (`Int.max` when it is never ended within the horizon, or
    /// for a source decided per post); see ``drawNationalLapseYears(horizonYears:renewalProbabilities:uniform:)``.
    public func simulateFundedYears(horizonYears: Int, renewalProbabilities: [Double], absorbProbability: Double,
                                    gapTolerance: Double, nationalLapseYears: [Int]? = nil, uniform: () -> Double) -> Int {
        precondition(renewalProbabilities.count == termYears.count,
                     "simulateFundedYears needs one renewal probability per source (\(termYears.count)), got \(renewalProbabilities.count)")
        var packed = renewalProbabilities + [absorbProbability, gapTolerance]
        if let nationalLapseYears { packed += nationalLapseYears.map { $0 == Int.max ? .infinity : Double($0) } }
        return simulateFundedYears(horizonYears: horizonYears, packedParameters: packed, uniform: uniform)
    }

    /// The same as ``simulateFundedYears(horizonYears:renewalProbabilities:absorbProbability:gapTolerance:nationalLapseYears:uniform:)``
    /// with its parameters packed in one array, for the Monte Carlo's inner loop (no allocation):
    /// the n sources' renewal probabilities, then the absorb probability and the gap tolerance,
    /// then, when some source is decided nationally, the n sources' national lapse years
    /// (`.infinity` for none).
    public func simulateFundedYears(horizonYears: Int, packedParameters p: [Double], uniform: () -> Double) -> Int {
        let n = termYears.count
        let absorb = p[n], gap = p[n + 1]
        let hasLapses = p.count >= 2 * n + 2
        var live: UInt32 = (1 << UInt32(n)) &- 1
        var uncovered = 0.0
        var year = 1
        while year < horizonYears {
            for index in 0..<n where live & (1 << UInt32(index)) != 0 && year % termYears[index] == 0 {
                if hasLapses, nationalDecisions[index] {
                    if Double(year) < p[n + 2 + index] { continue }
                } else if uniform() < p[index] {
                    continue
                }
                live &= ~(1 << UInt32(index))
                if absorb > 0, absorbable[index], uniform() < absorb { continue }
                uncovered += initialShares[index]
            }
            if uncovered > gap + Self.shareSumTolerance { return year }
            year += 1
        }
        return max(horizonYears, 0)
    }

    /// For each source decided nationally, the year one national decision ends it: the first
    /// renewal point whose draw fails (`Int.max` when it survives the horizon); `Int.max` for
    /// sources decided per post. Drawn once per Monte Carlo iteration and shared by every post,
    /// so a national grant withdrawn ends all the posts it pays for together.
    public func drawNationalLapseYears(horizonYears: Int, renewalProbabilities: [Double], uniform: () -> Double) -> [Int] {
        sources.indices.map { index in
            guard nationalDecisions[index] else { return Int.max }
            var year = termYears[index]
            while year < horizonYears {
                if uniform() >= renewalProbabilities[index] { return year }
                year += termYears[index]
            }
            return Int.max
        }
    }

    /// True when some source is decided once for all posts.
    public var hasNationalDecisions: Bool { sources.contains { $0.decidedNationally } }
}
