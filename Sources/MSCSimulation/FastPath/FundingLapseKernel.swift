import CKernels
import GSLKit
import MSCModel

/// How long each post of one funding mix lasts in one iteration, flattened for the Monte Carlo's
/// inner loop: the readable version is ``FundingMix/drawLapses(horizonYears:draw:parts:into:uniform:)``
/// followed by ``FundingMix/fundedYears(horizonYears:lapses:gapTolerance:)``, which this matches
/// draw for draw and year for year (a property test holds it to them).
///
/// What one iteration's draw settles for every post is worked out once per iteration
/// (``prepare(_:)``): for each source, whether it lasts the horizon for certain, lapses in a known
/// year (a national decision, or a renewal probability of 0) or needs a uniform compared with its
/// thresholds. A group's posts are then drawn together (``fundedYears(parts:posts:uniforms:draws:)``),
/// with no per-post array, closure or reference counting, and no branch on what a uniform drew.
final class FundingLapseKernel {
    private let horizonYears: Int
    private let sourceCount: Int
    // Raw buffers, not arrays: the inner loop reads them without reference counting.
    private let absorbable: UnsafeMutableBufferPointer<Bool>
    private let termYears: UnsafeMutableBufferPointer<Int>
    private let national: UnsafeMutableBufferPointer<Bool>
    /// What the iteration's draw settles about each source, for every post that faces it, in one
    /// form whatever the source, as the first pass reads it for each part (`msc_part_rule`). A post
    /// takes `uniformsTaken` uniforms (0 or 1); the source lapses when that uniform u is below its
    /// bound (`lapseBound`: −∞ for a source that lasts for certain, +∞ for one that lapses in a
    /// known year; ``lapsesBelow(lastThreshold:)`` for a drawn one). `askBound` is the same bound
    /// for the lapses that ask the host to absorb (−∞, which no uniform is below, when none does).
    /// Both are kept as the bit pattern of the double: for the uniforms, all in [0, 1), and these
    /// bounds, `u < bound` exactly when the difference of the bit patterns, read as signed
    /// integers, is negative (`msc_bits_below`), a subtraction and a shift, not a floating-point
    /// comparison and its flag, on the chain of loads from which each part's uniform is found.
    /// The year a source lapses in is then picked from `yearAfterRenewals[yearStart + count]` by
    /// the count of renewal points v = 1 − u passes among the source's `pointStride` in
    /// `renewalPoints`. One form, so the draw has no branch on what a source is, and none on what
    /// a uniform drew.
    private let sourceRules: UnsafeMutableBufferPointer<msc_part_rule>
    private let yearStart: UnsafeMutableBufferPointer<Int>
    /// Each drawn source's renewal thresholds `q^k`, each held to the lowest so far: the first
    /// renewal point k with v > q^k is then the count of points with v ≤ it, since those are a run
    /// from the first (for falling thresholds, as `q^k` almost always is, they are the thresholds).
    /// Source s's are at `s × pointStride`, every source's padded to that length with −∞, which
    /// no v passes (a source not drawn has only padding): the count is then a loop of one
    /// length for every lapse.
    private var renewalPoints: UnsafeMutableBufferPointer<Double>
    private var pointStride = 0
    /// By source, its lapse year after 0, 1, … renewals (`T·(k + 1)`, then `Int.max` for all of
    /// them); one entry, the known year or `Int.max`, for a source not drawn.
    private let yearAfterRenewals: UnsafeMutableBufferPointer<Int>
    private var absorbProbability = 0.0
    private var gapTolerance = 0.0
    /// Per post and part of the group being drawn (`post × parts + part`): the year the part
    /// lapses uncovered in, `Int.max` for none.
    private var cellYear: UnsafeMutableBufferPointer<Int>
    /// The parts that lapse uncovered, in the order drawn: cell, source and renewal uniform.
    private var lapsed: UnsafeMutableBufferPointer<msc_part_lapse>
    /// Each part of the group being drawn: its source's rule, and its share, as the passes read them.
    private let partRules: UnsafeMutableBufferPointer<msc_part_rule>
    private let partShares: UnsafeMutableBufferPointer<Double>
    /// The years of the group's posts, as ``fundedYears(parts:posts:uniforms:draws:)`` returns them.
    private var postYears: UnsafeMutableBufferPointer<Int>
    /// The uncovered lapses of the post being settled: year and share, in decision order.
    private let lapsedYear: UnsafeMutableBufferPointer<Int>
    private let lapsedShare: UnsafeMutableBufferPointer<Double>

    init(mix: FundingMix, horizonYears: Int, largestPost: Int) {
        self.horizonYears = horizonYears
        sourceCount = mix.sources.count
        func buffer<T>(_ values: [T]) -> UnsafeMutableBufferPointer<T> {
            let result = UnsafeMutableBufferPointer<T>.allocate(capacity: max(values.count, 1))
            _ = result.initialize(from: values)
            return result
        }
        absorbable = buffer(mix.sources.map(\.kind.isAbsorbableByHost))
        termYears = buffer(mix.sources.map(\.termYears))
        national = buffer(mix.sources.map(\.decidedNationally))
        let zeros = Array(repeating: 0, count: mix.sources.count)
        sourceRules = buffer(mix.sources.indices.map { msc_part_rule(lapseBound: 0, askBound: 0, uniformsTaken: 0, source: $0) })
        yearStart = buffer(zeros)
        renewalPoints = buffer([0.0])
        // At most (horizon − 1) / T renewal points per source inside the horizon, and one more year each.
        let years = mix.sources.reduce(0) { $0 + 1 + ($1.termYears > 0 ? max(0, horizonYears - 1) / $1.termYears : 0) }
        yearAfterRenewals = buffer(Array(repeating: Int.max, count: years))
        cellYear = buffer([0])
        lapsed = .allocate(capacity: 1)
        postYears = buffer([0])
        // `largestPost` is the most parts any post of the mix has.
        partRules = .allocate(capacity: max(largestPost, 1))
        partShares = .allocate(capacity: max(largestPost, 1))
        lapsedYear = .allocate(capacity: max(largestPost, 1))
        lapsedShare = .allocate(capacity: max(largestPost, 1))
    }

    deinit {
        for pointer in [absorbable.baseAddress, national.baseAddress] as [UnsafeMutablePointer<Bool>?] { pointer?.deallocate() }
        for buffer in [termYears, yearStart, yearAfterRenewals, cellYear, postYears, lapsedYear] {
            buffer.deallocate()
        }
        for buffer in [renewalPoints, lapsedShare, partShares] { buffer.deallocate() }
        lapsed.deallocate()
        partRules.deallocate()
        sourceRules.deallocate()
    }

    /// Settles what the iteration's `draw` decides for every post (as `FundingMix.lapseYear` would).
    func prepare(_ draw: FundingDraw) {
        let values = draw.thresholdValues, bounds = draw.thresholdBounds
        // The most points any source has, rounded up to a multiple of 4 (whole vectors, no remainder).
        var most = 0
        for source in 0..<sourceCount { most = max(most, bounds[source + 1] - bounds[source]) }
        pointStride = (most + 3) & ~3
        if renewalPoints.count < sourceCount * pointStride {
            renewalPoints.deallocate()
            renewalPoints = .allocate(capacity: sourceCount * pointStride)
        }
        _ = renewalPoints.initialize(repeating: -.infinity)
        absorbProbability = draw.absorbProbability
        gapTolerance = draw.gapTolerance
        var nextYear = 0
        for source in 0..<sourceCount {
            yearStart[source] = nextYear
            sourceRules[source].uniformsTaken = 0
            let q = draw.renewalProbabilities[source], term = termYears[source]
            let known: Int?
            if national[source] {
                known = draw.nationalLapseYears[source]
            } else if term >= horizonYears || !(q < 1) {
                known = Int.max
            } else if !(q > 0) {
                known = term
            } else {
                known = nil
            }
            if let known {
                // No uniform: every post lapses in the known year, or none does.
                sourceRules[source].lapseBound = Self.bits(known == Int.max ? -.infinity : .infinity)
                yearAfterRenewals[nextYear] = known
                nextYear += 1
                continue
            }
            let start = bounds[source], end = bounds[source + 1]
            sourceRules[source].uniformsTaken = 1
            // As the readable draw's first test: v at or below the last threshold passes every
            // renewal point (with no threshold at all, the source lasts).
            sourceRules[source].lapseBound = Self.bits(end > start ? Self.lapsesBelow(lastThreshold: values[end - 1]) : -.infinity)
            var lowest = Double.infinity
            for k in start..<end {
                lowest = min(values[k], lowest)
                renewalPoints[source * pointStride + k - start] = lowest
            }
            for renewed in 0..<(end - start) { yearAfterRenewals[nextYear + renewed] = term * (renewed + 1) }
            yearAfterRenewals[nextYear + end - start] = Int.max
            nextYear += end - start + 1
        }
        for source in 0..<sourceCount {
            // A lapse the host may absorb takes one more uniform, as the readable draw asks.
            sourceRules[source].askBound = draw.absorbProbability > 0 && absorbable[source]
                ? sourceRules[source].lapseBound : Self.bits(-.infinity)
        }
    }

    /// A bound as the lapse tests read it: the bit pattern of the double, as a signed integer.
    private static func bits(_ bound: Double) -> Int64 { Int64(bitPattern: bound.bitPattern) }

    /// 1 when `uniformBits`, the bit pattern of a uniform in [0, 1), is below the bound whose
    /// pattern is `bound` (see `sourceRules`), else 0: the sign of their difference. The patterns
    /// run from −∞'s (negative as an integer) to +∞'s, so the difference never overflows.
    @inline(__always)
    static func below(_ uniformBits: Int64, _ bound: Int64) -> Int {
        msc_bits_below(uniformBits, bound)
    }

    /// The bound below which a uniform u lapses a source whose last renewal threshold is `last`:
    /// the readable draw lapses it when v = 1 − u, as computed, is above `last`. Asked of u itself,
    /// the test skips the subtraction on the path that decides where the next post's uniforms
    /// start. 1 − u never rises as u does, so the u that lapse are those below the least u with
    /// 1 − u ≤ `last`, which is found among the doubles by their bit patterns (ordered as the
    /// values are, for those from 0 to 1): exact, whatever the rounding of 1 − u.
    static func lapsesBelow(lastThreshold last: Double) -> Double {
        // The ends first: `v > last` is false for a NaN (no u lapses), true for every v when
        // `last` is below the least 1 − u (every u lapses), and false for every v when `last` is
        // 1 or more (u = 0 is the least that does not lapse, so none does).
        if last.isNaN { return -.infinity }
        if !((1 - 1.0.nextDown) <= last) { return .infinity }
        if (1 - 0.0) <= last { return 0 }
        // 1 − high ≤ last holds and 1 − low ≤ last does not; the least u between them where it
        // holds is sought. The bound lies within 2⁻⁵² of 1 − last, so the search starts there
        // (about ten halvings, not sixty), widened to the whole range if that bracket misses.
        func holds(_ bits: UInt64) -> Bool { (1 - Double(bitPattern: bits)) <= last }
        let guess = 1 - last, reach = 0x1p-52
        var low = max(0, guess - reach).bitPattern, high = min(1.0.nextDown, guess + reach).bitPattern
        if holds(low) || !holds(high) { (low, high) = (UInt64(0), (1.0.nextDown).bitPattern) }
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if holds(middle) { high = middle } else { low = middle }
        }
        return Double(bitPattern: high)
    }

    /// How long each of `posts` posts, every one with the decisions `parts`, stays funded: the
    /// years, post by post, in the order the readable draw takes them one after the other.
    /// `draws` counts the uniforms taken. The buffer returned is the kernel's, good until the next call.
    ///
    /// Whether a part lapses, and whether its host absorbs it, falls either way at random, so no
    /// pass here branches on a uniform. The work comes in three passes, each doing only what it must:
    /// - where each part's uniforms are and whether it lapses uncovered: a part takes its renewal
    ///   uniform and, if it lapses and its host may absorb it, one more. Where the next part's
    ///   start hangs on that, so this pass does only it, with one comparison of u per part, and
    ///   lists the uncovered lapses;
    /// - the year each listed lapse falls in (most parts do not lapse, and are not looked at);
    /// - each post's first year whose uncovered shares exceed the tolerated gap.
    func fundedYears(parts: UnsafeBufferPointer<FundingMix.Part>, posts: Int,
                     uniforms: inout BufferedUniforms, draws: inout Int) -> UnsafeBufferPointer<Int> {
        let partCount = parts.count, cells = posts * partCount
        if cellYear.count < cells {
            cellYear.deallocate()
            lapsed.deallocate()
            cellYear = .allocate(capacity: cells)
            lapsed = .allocate(capacity: cells)
        }
        if postYears.count < posts {
            postYears.deallocate()
            postYears = .allocate(capacity: posts)
        }
        // u < absorb asked of the bit patterns too (`absorb` is only read when it is above 0).
        let absorbBound = Self.bits(absorbProbability > 0 ? absorbProbability : -.infinity)
        // Two uniforms at most per part, and two read ahead past the last part's (never taken).
        let window = uniforms.peek(2 &* cells &+ 2)
        for (index, part) in parts.enumerated() {
            partRules[index] = sourceRules[part.source]
            partShares[index] = part.share
        }
        var pass = msc_funding_parts(
            window: window, rules: partRules.baseAddress, partCount: partCount, posts: posts, absorbBound: absorbBound,
            cellYear: cellYear.baseAddress, lapsed: lapsed.baseAddress)
        var used = 0
        let lapses = msc_funding_part_lapses(&pass, &used)
        uniforms.skip(used)
        draws &+= used

        var yearsPass = msc_funding_years(
            lapses: lapses, lapsed: lapsed.baseAddress, pointStride: pointStride, yearStart: yearStart.baseAddress,
            renewalPoints: renewalPoints.baseAddress, yearAfterRenewals: yearAfterRenewals.baseAddress, cellYear: cellYear.baseAddress, posts: posts,
            partCount: partCount, partShare: partShares.baseAddress,
            allowedGap: gapTolerance + FundingMix.shareSumTolerance, horizonYears: max(horizonYears, 0),
            lapsedYear: lapsedYear.baseAddress, lapsedShare: lapsedShare.baseAddress, postYears: postYears.baseAddress)
        msc_funding_lapse_years(&yearsPass)
        return UnsafeBufferPointer(rebasing: postYears[0..<posts])
    }
}
