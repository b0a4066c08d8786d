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
/// thresholds. Each post then takes one pass over its decisions, keeping only the shares that lapse
/// uncovered, with no per-post array, closure or reference counting.
final class FundingLapseKernel {
    /// What one iteration's draw settles about one funding source for every post that faces it.
    enum SourceOutcome: UInt8 {
        /// Funds the post for the whole horizon: renewed for certain, a term as long as the
        /// horizon, or a national decision to keep it.
        case lastsTheHorizon
        /// Lapses in a year known before any post is drawn (`knownYear`): a national decision,
        /// or a renewal probability of 0 (the first term's end).
        case lapsesInKnownYear
        /// Each post draws a uniform against the source's renewal thresholds, which fall from
        /// one renewal point to the next (as `q^k` does): the renewals a uniform passes are then
        /// the first few, so counting them gives the lapse.
        case drawnAgainstThresholds
        /// As ``drawnAgainstThresholds``, for thresholds that do not fall throughout (powers of a
        /// `q` within rounding of 1 may not): the first renewal point the uniform fails is searched for.
        case drawnAgainstUnorderedThresholds
    }

    private let horizonYears: Int
    private let sourceCount: Int
    // Raw buffers, not arrays: the inner loop reads them without reference counting.
    private let absorbable: UnsafeMutableBufferPointer<Bool>
    private let termYears: UnsafeMutableBufferPointer<Int>
    private let national: UnsafeMutableBufferPointer<Bool>
    private let outcome: UnsafeMutableBufferPointer<SourceOutcome>
    private let knownYear: UnsafeMutableBufferPointer<Int>
    private let thresholdStart: UnsafeMutableBufferPointer<Int>
    private let thresholdEnd: UnsafeMutableBufferPointer<Int>
    private var thresholds: UnsafeMutableBufferPointer<Double>
    private var absorbProbability = 0.0
    private var gapTolerance = 0.0
    /// The uncovered lapses of the post being drawn: year and share, in decision order.
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
        outcome = buffer(Array(repeating: SourceOutcome.lastsTheHorizon, count: mix.sources.count))
        knownYear = buffer(zeros)
        thresholdStart = buffer(zeros)
        thresholdEnd = buffer(zeros)
        thresholds = .allocate(capacity: 1)
        thresholds.initialize(repeating: 0)
        lapsedYear = .allocate(capacity: max(largestPost, 1))
        lapsedShare = .allocate(capacity: max(largestPost, 1))
    }

    deinit {
        for pointer in [absorbable.baseAddress, national.baseAddress] as [UnsafeMutablePointer<Bool>?] { pointer?.deallocate() }
        for buffer in [termYears, knownYear, thresholdStart, thresholdEnd, lapsedYear] { buffer.deallocate() }
        outcome.deallocate()
        thresholds.deallocate()
        lapsedShare.deallocate()
    }

    /// Settles what the iteration's `draw` decides for every post (as `FundingMix.lapseYear` would).
    func prepare(_ draw: FundingDraw) {
        let values = draw.thresholdValues
        if thresholds.count < values.count {
            thresholds.deallocate()
            thresholds = .allocate(capacity: values.count)
        }
        _ = thresholds.initialize(from: values)
        absorbProbability = draw.absorbProbability
        gapTolerance = draw.gapTolerance
        for source in 0..<sourceCount {
            if national[source] {
                let year = draw.nationalLapseYears[source]
                outcome[source] = year == Int.max ? .lastsTheHorizon : .lapsesInKnownYear
                knownYear[source] = year
                continue
            }
            let q = draw.renewalProbabilities[source], term = termYears[source]
            if term >= horizonYears || !(q < 1) {
                outcome[source] = .lastsTheHorizon
            } else if !(q > 0) {
                outcome[source] = .lapsesInKnownYear
                knownYear[source] = term
            } else {
                let start = draw.thresholdBounds[source], end = draw.thresholdBounds[source + 1]
                var falling = true
                for k in (start + 1)..<max(start + 1, end) where !(thresholds[k] <= thresholds[k - 1]) { falling = false }
                outcome[source] = falling ? .drawnAgainstThresholds : .drawnAgainstUnorderedThresholds
                thresholdStart[source] = start
                thresholdEnd[source] = end
            }
        }
    }

    /// The years one post with these decisions stays funded; `draws` counts the uniforms taken.
    @inline(__always)
    func fundedYears(parts: UnsafeBufferPointer<FundingMix.Part>, uniforms: inout BufferedUniforms, draws: inout Int) -> Int {
        var lapsed = 0
        // Stored properties read once into locals: the loop then makes no access checks.
        let absorb = absorbProbability, gapTolerance = gapTolerance, thresholds = thresholds
        for part in parts {
            let source = part.source
            var year = Int.max
            switch outcome[source] {
            case .lastsTheHorizon: break
            case .lapsesInKnownYear: year = knownYear[source]
            case .drawnAgainstThresholds:
                let v = 1 - uniforms.uniform()
                draws += 1
                let start = thresholdStart[source], end = thresholdEnd[source]
                // At or below the last threshold, v passes every renewal point, as the readable
                // draw's first test says: the source lasts the horizon. Most posts' sources do
                // (a yearly budget renewed with chance 0.98 lasts nine rounds five times in six),
                // so this is asked first, and the count below is made only for a lapse.
                if end == start || v <= thresholds[end &- 1] { break }
                // With falling thresholds the renewal points v passes (v ≤ q^k) are the first
                // `renewed`, and the source lapses at the next one: the same year as the first k
                // with v > q^k. A count of comparisons, not a search, so the loop carries no
                // dependence from one point to the next. Each comparison added as its bit: written
                // as `? 1 : 0`, the compiler made the addition a branch on the comparison.
                var renewed = 0
                for k in start..<end { renewed &+= Int(unsafeBitCast(v <= thresholds[k], to: UInt8.self)) }
                year = termYears[source] &* (renewed &+ 1)
            case .drawnAgainstUnorderedThresholds:
                let v = 1 - uniforms.uniform()
                draws += 1
                let start = thresholdStart[source], end = thresholdEnd[source]
                // The first renewal point k with v > q^k, found walking back from the last and
                // keeping the lowest that passes; the year is kept only if the last passes (else
                // the source lasts the horizon), as the readable draw decides.
                var first = end - 1
                for k in stride(from: end - 2, through: start, by: -1) { first = v > thresholds[k] ? k : first }
                let lapseYear = termYears[source] &* (first &- start &+ 1)
                year = v > thresholds[end - 1] ? lapseYear : Int.max
            }
            let lapses = year != Int.max
            // A host that may absorb the share takes a uniform only for a lapse (as the readable
            // draw does); whether it applies is the same for every post of the iteration.
            if absorb > 0 && absorbable[source] && lapses {
                draws += 1
                if uniforms.uniform() < absorb { continue }
            }
            // Written every time, counted only for a lapse: a branch here would be mispredicted
            // as often as the uniform above falls either way.
            lapsedYear[lapsed] = year
            lapsedShare[lapsed] = part.share
            lapsed &+= lapses ? 1 : 0
        }
        // As FundingMix.fundedYears: the first lapse year at which the uncovered shares, summed in
        // decision order, exceed the tolerated gap.
        var lost = Int.max
        for candidate in 0..<lapsed where lapsedYear[candidate] < lost {
            var uncovered = 0.0
            for index in 0..<lapsed where lapsedYear[index] <= lapsedYear[candidate] { uncovered += lapsedShare[index] }
            if uncovered > gapTolerance + FundingMix.shareSumTolerance { lost = lapsedYear[candidate] }
        }
        return min(max(horizonYears, 0), lost)
    }
}
