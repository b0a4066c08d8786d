import Foundation

/// How one funding decision of a simulated post ends within the horizon (DESIGN 3.2): a source, or
/// one council's part of a source decided per council (``FundingMix/Part``).
public struct SourceLapse: Sendable, Equatable {
    /// The year the source is not renewed (its share stops being paid from then on), or
    /// ``never`` when it is renewed at every renewal point within the horizon.
    public var year: Int
    /// True when the host council took the lapsed share over (so nothing is left uncovered).
    public var absorbed: Bool
    /// Index of the source in the mix.
    public var source: Int
    /// Share of the post's cost this decision pays at the start.
    public var share: Double

    /// A source renewed to the end of the horizon.
    public static let never = SourceLapse(year: Int.max, absorbed: false)

    public init(year: Int, absorbed: Bool, source: Int = 0, share: Double = 0) {
        self.year = year
        self.absorbed = absorbed
        self.source = source
        self.share = share
    }
}

/// The draws of one Monte Carlo iteration that every post of a funding mix shares: each source's
/// renewal probability, the host's chance to absorb a lapsed share and the tolerated gap, and for
/// each source decided nationally the year its single national decision ends it.
public struct FundingDraw: Sendable, Equatable {
    public fileprivate(set) var renewalProbabilities: [Double]
    public var absorbProbability: Double
    public var gapTolerance: Double
    /// One entry per source: the national lapse year (`Int.max` for none within the horizon, and
    /// for sources decided per post).
    public var nationalLapseYears: [Int]
    /// Every source's `q^k` for each renewal point k inside the horizon
    /// (``FundingMix/renewalThresholds(renewalProbability:termYears:horizonYears:)``), one after
    /// the other, worked out once for all the posts that share this draw; source i's are at
    /// `thresholdBounds[i]..<thresholdBounds[i + 1]` (none when the outcome needs no draw). Flat,
    /// so a post's draw reads them without retaining an array per source.
    public fileprivate(set) var thresholdValues: [Double]
    public fileprivate(set) var thresholdBounds: [Int]

    /// A draw with nothing in it yet, for ``FundingMix/draw(into:renewalProbability:absorbProbability:gapTolerance:horizonYears:uniform:)``
    /// to fill and refill (a Monte Carlo worker keeps one per mix and reuses its storage).
    public init() {
        self.init(renewalProbabilities: [], absorbProbability: 0, gapTolerance: 0, nationalLapseYears: [],
                  thresholdValues: [], thresholdBounds: [0])
    }

    init(renewalProbabilities: [Double], absorbProbability: Double, gapTolerance: Double,
         nationalLapseYears: [Int], thresholdValues: [Double], thresholdBounds: [Int]) {
        self.renewalProbabilities = renewalProbabilities
        self.thresholdValues = thresholdValues
        self.thresholdBounds = thresholdBounds
        self.absorbProbability = absorbProbability
        self.gapTolerance = gapTolerance
        self.nationalLapseYears = nationalLapseYears
    }
}

extension FundingMix {
    /// The year a source renewed every `termYears` years with chance `renewalProbability` at each
    /// renewal point first fails (`Int.max` when it survives every point before `horizonYears`).
    ///
    /// Renewal decisions are independent, so the number of renewals before the first failure is
    /// geometric: with V uniform on (0, 1], K = the number of points k with `V ≤ q^k` has
    /// `P(K ≥ k) = q^k` (the same K as `⌊log V / log q⌋`), and the source lapses at year `T·(K + 1)`.
    /// One draw replaces one per renewal point (there are nine for a yearly budget over ten years),
    /// and comparing V with the powers of q needs no logarithm; no draw is made when the outcome is
    /// certain (q = 1, q = 0, or no renewal point inside the horizon).
    public static func firstLapseYear(termYears: Int, renewalProbability q: Double, horizonYears: Int,
                                      uniform: () -> Double) -> Int {
        guard termYears < horizonYears, q < 1 else { return Int.max }
        guard q > 0 else { return termYears }
        return renewalThresholds(renewalProbability: q, termYears: termYears, horizonYears: horizonYears)
            .withUnsafeBufferPointer { firstLapseYear(termYears: termYears, thresholds: $0, uniform: uniform) }
    }

    /// `q^k` for the renewal points k = 1, 2, … that fall inside the horizon (year `T·k` at most
    /// `horizonYears − 1`): the chance of at least k renewals. Empty when no draw is needed
    /// (q outside (0, 1) or no renewal point inside the horizon).
    public static func renewalThresholds(renewalProbability q: Double, termYears: Int, horizonYears: Int) -> [Double] {
        var thresholds: [Double] = []
        appendRenewalThresholds(to: &thresholds, renewalProbability: q, termYears: termYears, horizonYears: horizonYears)
        return thresholds
    }

    /// ``renewalThresholds(renewalProbability:termYears:horizonYears:)`` added to the end of `thresholds`.
    static func appendRenewalThresholds(to thresholds: inout [Double], renewalProbability q: Double, termYears: Int,
                                        horizonYears: Int) {
        guard termYears > 0, termYears < horizonYears, q > 0, q < 1 else { return }
        for k in 1...((horizonYears - 1) / termYears) { thresholds.append(pow(q, Double(k))) }
    }

    /// ``firstLapseYear(termYears:renewalProbability:horizonYears:uniform:)`` from its thresholds,
    /// for the many posts of one iteration that share a renewal probability: the first renewal
    /// point k whose threshold V exceeds is where the source lapses.
    @inlinable
    public static func firstLapseYear(termYears: Int, thresholds: UnsafeBufferPointer<Double>, uniform: () -> Double) -> Int {
        let v = 1 - uniform()                       // (0, 1]
        // The thresholds fall, so V at or below the last one passes every renewal point: one
        // comparison settles the most common outcome (a source that lasts the horizon).
        guard let last = thresholds.last, v > last else { return Int.max }
        for k in thresholds.indices where v > thresholds[k] { return termYears * (k + 1) }
        return Int.max
    }

    /// ``firstLapseYear(termYears:renewalProbability:horizonYears:uniform:)`` with the draw's
    /// thresholds: the certain outcomes first, then the comparison.
    @inlinable
    static func lapseYear(termYears: Int, renewalProbability q: Double, thresholds: UnsafeBufferPointer<Double>, horizonYears: Int,
                          uniform: () -> Double) -> Int {
        guard termYears < horizonYears, q < 1 else { return Int.max }
        guard q > 0 else { return termYears }
        return firstLapseYear(termYears: termYears, thresholds: thresholds, uniform: uniform)
    }

    /// One iteration's funding draw: the given parameters, each source's renewal thresholds, and
    /// for each source decided nationally the year one national decision ends it (`Int.max` when
    /// it survives the horizon, and for sources decided per post), drawn from `uniform` once and
    /// shared by every post, so a national grant withdrawn ends all its posts together. One renewal
    /// probability per source (a precondition).
    public func draw(renewalProbabilities: [Double], absorbProbability: Double, gapTolerance: Double, horizonYears: Int,
                     uniform: () -> Double) -> FundingDraw {
        precondition(renewalProbabilities.count == sources.count, "one renewal probability per source")
        var draw = FundingDraw()
        self.draw(into: &draw, renewalProbability: { renewalProbabilities[$0] }, absorbProbability: absorbProbability,
                  gapTolerance: gapTolerance, horizonYears: horizonYears, uniform: uniform)
        return draw
    }

    /// ``draw(renewalProbabilities:absorbProbability:gapTolerance:horizonYears:uniform:)`` into
    /// `draw`, reusing its storage: the Monte Carlo draws every mix in every iteration, and making
    /// its arrays afresh each time was most of that draw's work. `renewalProbability(i)` is source
    /// i's.
    public func draw(into draw: inout FundingDraw, renewalProbability: (Int) -> Double, absorbProbability: Double,
                     gapTolerance: Double, horizonYears: Int, uniform: () -> Double) {
        draw.renewalProbabilities.removeAll(keepingCapacity: true)
        draw.thresholdValues.removeAll(keepingCapacity: true)
        draw.thresholdBounds.removeAll(keepingCapacity: true)
        draw.nationalLapseYears.removeAll(keepingCapacity: true)
        draw.absorbProbability = absorbProbability
        draw.gapTolerance = gapTolerance
        draw.thresholdBounds.append(0)
        for index in sources.indices {
            let q = renewalProbability(index)
            draw.renewalProbabilities.append(q)
            Self.appendRenewalThresholds(to: &draw.thresholdValues, renewalProbability: q, termYears: termYears[index],
                                         horizonYears: horizonYears)
            draw.thresholdBounds.append(draw.thresholdValues.count)
        }
        // In source order, so a national decision takes the same uniform whatever else is drawn.
        for index in sources.indices {
            guard nationalDecisions[index] else {
                draw.nationalLapseYears.append(Int.max)
                continue
            }
            let bounds = draw.thresholdBounds[index]..<draw.thresholdBounds[index + 1]
            let year = draw.thresholdValues.withUnsafeBufferPointer { thresholds in
                Self.lapseYear(termYears: termYears[index], renewalProbability: draw.renewalProbabilities[index],
                               thresholds: UnsafeBufferPointer(rebasing: thresholds[bounds]),
                               horizonYears: horizonYears, uniform: uniform)
            }
            draw.nationalLapseYears.append(year)
        }
    }

    /// Draws how each decision of one post ends within the horizon, into `lapses` (one per
    /// ``Part`` of the post, in ``parts(split:)`` order; its storage is reused, so the Monte Carlo's
    /// inner loop allocates nothing once it has seen the post's size).
    ///
    /// A source decided nationally lapses in the iteration's national year; any other decision
    /// draws its own first failure (``firstLapseYear(termYears:renewalProbability:horizonYears:uniform:)``),
    /// so each council's part of a source decided per council lapses on its own. A lapsed share
    /// goes to the host with the draw's absorb probability (one more uniform, made only when that
    /// probability is positive and the source can be absorbed); an absorbed share stays with the
    /// host for the rest of the horizon (mainstreamed into its base budget, which is far stickier
    /// than a grant), so it has no renewal points of its own. `split` is the councils' shares of the
    /// post's cost (empty, or one entry, for a post of one council).
    public func drawLapses(horizonYears: Int, draw: FundingDraw, split: [Double] = [], into lapses: inout [SourceLapse],
                           uniform: () -> Double) {
        drawLapses(horizonYears: horizonYears, draw: draw, parts: parts(split: split), into: &lapses, uniform: uniform)
    }

    /// ``drawLapses(horizonYears:draw:split:into:uniform:)`` for a post's decisions worked out
    /// once (``parts(split:)``), as the Monte Carlo's inner loop calls it for every post.
    @inlinable
    public func drawLapses(horizonYears: Int, draw: FundingDraw, parts: [Part], into lapses: inout [SourceLapse],
                           uniform: () -> Double) {
        var count = 0
        draw.thresholdValues.withUnsafeBufferPointer { thresholds in
            for part in parts {
                let index = part.source, share = part.share
                let year = nationalDecisions[index]
                    ? draw.nationalLapseYears[index]
                    : Self.lapseYear(termYears: termYears[index], renewalProbability: draw.renewalProbabilities[index],
                                     thresholds: UnsafeBufferPointer(rebasing: thresholds[draw.thresholdBounds[index]..<draw.thresholdBounds[index + 1]]),
                                     horizonYears: horizonYears, uniform: uniform)
                let absorbed = year != Int.max && draw.absorbProbability > 0 && absorbable[index]
                    && uniform() < draw.absorbProbability
                let lapse = SourceLapse(year: year, absorbed: absorbed, source: index, share: share)
                if count < lapses.count { lapses[count] = lapse } else { lapses.append(lapse) }
                count += 1
            }
        }
        if lapses.count > count { lapses.removeLast(lapses.count - count) }
    }

    /// Years the post stays funded (alive in years `0..<n`) given how its decisions lapse: it is
    /// lost in the first year its uncovered share (lapsed, not absorbed) exceeds the gap tolerance.
    /// With no absorption and no tolerated gap the chance of lasting to year t is `Π q_i^⌊t/T_i⌋`.
    @inlinable
    public func fundedYears(horizonYears: Int, lapses: [SourceLapse], gapTolerance: Double) -> Int {
        var lost = Int.max
        for candidate in lapses where !candidate.absorbed && candidate.year < lost {
            var uncovered = 0.0
            for lapse in lapses where !lapse.absorbed && lapse.year <= candidate.year {
                uncovered += lapse.share
            }
            if uncovered > gapTolerance + Self.shareSumTolerance { lost = candidate.year }
        }
        return min(max(horizonYears, 0), lost)
    }

    /// Simulates one post's funding over `horizonYears`, given each source's renewal probability and
    /// a source of uniform random numbers in [0, 1); returns how long it lasts and who pays.
    ///
    /// Pure and deterministic given the uniforms, so the Monte Carlo engine owns the randomness
    /// (DESIGN 3.2): ``drawLapses(horizonYears:draw:into:uniform:)`` then ``fundedYears(horizonYears:lapses:gapTolerance:)``,
    /// with the mix's central absorb probability and gap tolerance.
    public func simulatePath(horizonYears: Int, renewalProbabilities: [Double], split: [Double] = [],
                             uniform: () -> Double) -> FundingPath {
        var path = FundingPath()
        simulatePath(horizonYears: horizonYears, renewalProbabilities: renewalProbabilities, split: split, uniform: uniform,
                     into: &path)
        return path
    }

    /// Like ``simulatePath(horizonYears:renewalProbabilities:uniform:)`` but writes into `path`,
    /// reusing its buffers: no allocation once the path has been used for this mix and horizon.
    public func simulatePath(horizonYears: Int, renewalProbabilities: [Double], split: [Double] = [],
                             uniform: () -> Double, into path: inout FundingPath) {
        precondition(renewalProbabilities.count == termYears.count,
                     "simulatePath needs one renewal probability per source (\(termYears.count)), got \(renewalProbabilities.count)")
        let draw = self.draw(renewalProbabilities: renewalProbabilities, absorbProbability: absorbProbability,
                             gapTolerance: gapTolerance, horizonYears: horizonYears, uniform: uniform)
        drawLapses(horizonYears: horizonYears, draw: draw, split: split, into: &path.lapses, uniform: uniform)
        let funded = fundedYears(horizonYears: horizonYears, lapses: path.lapses, gapTolerance: gapTolerance)
        path.reset(horizonYears: horizonYears, funderCount: funderCount)
        path.fundedYears = funded
        let host = hostAbsorbedIndex
        for year in 0..<funded {
            let row = year * funderCount
            for lapse in path.lapses {
                if year < lapse.year {
                    path.shares[row + lapse.source] += lapse.share
                } else if lapse.absorbed {
                    path.shares[row + host] += lapse.share
                }
            }
        }
    }

    /// Only the number of funded years of one simulated post: the same draws and result as
    /// ``simulatePath(horizonYears:renewalProbabilities:uniform:)`` without keeping the shares.
    public func simulateFundedYears(horizonYears: Int, renewalProbabilities: [Double], uniform: () -> Double) -> Int {
        simulatePath(horizonYears: horizonYears, renewalProbabilities: renewalProbabilities, uniform: uniform).fundedYears
    }

    /// True when some source is decided once for all posts.
    public var hasNationalDecisions: Bool { sources.contains { $0.decidedNationally } }

    /// True when, with this draw, every post of the mix is funded for exactly the same years: every
    /// source is decided nationally and no lapsed share can be absorbed (absorption is each host's
    /// own decision, drawn per post). ``drawLapses(horizonYears:draw:into:uniform:)`` then makes no
    /// draw and gives every post the same lapses, so one post's answer serves them all.
    public func fundsEveryPostAlike(_ draw: FundingDraw) -> Bool {
        nationalDecisions.allSatisfy { $0 } && (draw.absorbProbability == 0 || !absorbable.contains(true))
    }
}

extension FundingMix {
    /// This mix with the host's absorb probability and the tolerated gap of one draw (a Monte Carlo
    /// iteration, or a central case with one input moved), keeping its sources.
    ///
    /// Unlike ``init(sources:absorbProbability:gapTolerance:)`` nothing is validated: drawn values
    /// are held to [0, 1] by their unit, and a tolerated gap of 1 or more simply never loses a post.
    public func with(absorbProbability: Double, gapTolerance: Double) -> FundingMix {
        FundingMix(copying: self, absorbProbability: absorbProbability, gapTolerance: gapTolerance)
    }

    private init(copying mix: FundingMix, absorbProbability: Double, gapTolerance: Double) {
        sources = mix.sources
        self.absorbProbability = absorbProbability
        self.gapTolerance = gapTolerance
        absorbAssumption = mix.absorbAssumption
        gapToleranceAssumption = mix.gapToleranceAssumption
        termYears = mix.termYears
        initialShares = mix.initialShares
        absorbable = mix.absorbable
        nationalDecisions = mix.nationalDecisions
        councilDecisions = mix.councilDecisions
    }
}
