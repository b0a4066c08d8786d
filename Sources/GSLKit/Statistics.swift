import CGSL
import CKernels

/// Summary statistics of samples (GSL's `gsl_stats_*` and `gsl_sort`).
///
/// Empty inputs give NaN rather than reaching GSL, which would divide by zero or read past the end.
public enum Statistics {
    /// The arithmetic mean (`gsl_stats_mean`, a running mean that resists overflow); NaN if empty.
    public static func mean(_ x: [Double]) -> Double {
        guard !x.isEmpty else { return .nan }
        ErrorHandler.ensureInstalled()
        return x.withUnsafeBufferPointer { gsl_stats_mean($0.baseAddress, 1, $0.count) }
    }

    /// The sample variance with divisor n - 1 (`gsl_stats_variance`); NaN for fewer than 2 values.
    public static func variance(_ x: [Double]) -> Double {
        guard x.count >= 2 else { return .nan }
        ErrorHandler.ensureInstalled()
        return x.withUnsafeBufferPointer { gsl_stats_variance($0.baseAddress, 1, $0.count) }
    }

    /// The sample standard deviation, sqrt of the n - 1 variance (`gsl_stats_sd`); NaN for fewer than 2 values.
    public static func standardDeviation(_ x: [Double]) -> Double {
        guard x.count >= 2 else { return .nan }
        ErrorHandler.ensureInstalled()
        return x.withUnsafeBufferPointer { gsl_stats_sd($0.baseAddress, 1, $0.count) }
    }

    /// The quantile of already sorted data by linear interpolation (`gsl_stats_quantile_from_sorted_data`).
    ///
    /// With n values and probability f, the result is (1 - d) x[i] + d x[i + 1] where
    /// i = floor((n - 1) f) and d = (n - 1) f - i: R's default (type 7) quantile. NaN for empty
    /// data or a probability outside [0, 1]. The data must be sorted ascending (see ``sorted(_:)``).
    public static func quantile(sorted: [Double], probability: Double) -> Double {
        guard !sorted.isEmpty, probability >= 0, probability <= 1 else { return .nan }
        ErrorHandler.ensureInstalled()
        return sorted.withUnsafeBufferPointer {
            gsl_stats_quantile_from_sorted_data($0.baseAddress, 1, $0.count, probability)
        }
    }

    /// The quantiles of unsorted data at each probability, each exactly
    /// ``quantile(sorted:probability:)`` of the sorted data, found by selection rather than a sort.
    ///
    /// GSL's interpolation needs the values of rank i = ⌊(n − 1) f⌋ and i + 1, which
    /// `gsl_stats_select` (quickselect, O(n) each) finds without sorting all n; for the three
    /// percentiles of a Monte Carlo summary that is several times faster than `gsl_sort`'s heapsort
    /// of 100,000 values. `x` may be reordered (not when ranks are bracketed, see
    /// ``quantilesByBracketing(_:probabilities:)``). NaN for empty data or a probability outside
    /// [0, 1]; NaN values in `x` have no rank, so remove them first.
    public static func quantiles(selectingIn x: inout [Double], probabilities: [Double]) -> [Double] {
        x.withUnsafeMutableBufferPointer { quantiles(selectingIn: $0, probabilities: probabilities) }
    }

    /// ``quantiles(selectingIn:probabilities:)-([Double],_)`` of values in a buffer (which may be reordered).
    public static func quantiles(selectingIn buffer: UnsafeMutableBufferPointer<Double>, probabilities: [Double]) -> [Double] {
        let n = buffer.count
        guard n > 0 else { return probabilities.map { _ in .nan } }
        ErrorHandler.ensureInstalled()
        if n >= bracketingMinimumCount, let bracketed = quantilesByBracketing(UnsafeBufferPointer(buffer), probabilities: probabilities) {
            return bracketed
        }
        return quantilesBySelecting(buffer, probabilities: probabilities)
    }

    /// The quantiles by quickselect over all the values (reordered): the reference the bracketed
    /// path must equal bit for bit, and its fallback.
    static func quantilesBySelecting(_ buffer: UnsafeMutableBufferPointer<Double>, probabilities: [Double]) -> [Double] {
        let n = buffer.count
        guard n > 0 else { return probabilities.map { _ in .nan } }
        ErrorHandler.ensureInstalled()
        // gsl_stats_select is Numerical Recipes' quickselect: it leaves the k-th smallest at k,
        // nothing larger before it and nothing smaller after it. So once rank k is selected,
        // the values before k + 1 are settled in place, the next rank is the least of the
        // rest (one scan, swapped into place), and any later rank is selected among the rest
        // only: each probability costs a pass over what is left, not two selections over all.
        // Nothing before `settled` moves again. Ranks are asked for in rising order, so a rank
        // below `settled` is one already placed: the last selected or the one scanned after it.
        var settled = 0
        func rank(_ k: Int) -> Double {
            if k < settled { return buffer[k] }
            if k == settled {
                var least = k
                for index in (k + 1)..<n where buffer[index] < buffer[least] { least = index }
                buffer.swapAt(k, least)
            } else {
                _ = gsl_stats_select(buffer.baseAddress! + settled, 1, n - settled, k - settled)
            }
            settled = k + 1
            return buffer[k]
        }
        var results = Array(repeating: Double.nan, count: probabilities.count)
        let order = probabilities.indices.filter { probabilities[$0] >= 0 && probabilities[$0] <= 1 }
            .sorted { probabilities[$0] < probabilities[$1] }
        for position in order {
            let point = InterpolationPoint(probability: probabilities[position], count: n)
            let below = rank(point.lower)
            results[position] = point.value(below: below, above: point.upper > point.lower ? rank(point.upper) : below)
        }
        return results
    }

    /// Where a probability falls among n sorted values, as gsl_stats_quantile_from_sorted_data
    /// places it: index (n − 1) f, its whole part and the rest; one rule for both ways of finding ranks.
    struct InterpolationPoint {
        let lower: Int
        let upper: Int
        let delta: Double

        init(probability: Double, count n: Int) {
            let index = probability * Double(n - 1)
            lower = Int(index)
            delta = index - Double(lower)
            upper = lower == n - 1 ? lower : lower + 1
        }

        /// (1 − d) × the value of rank `lower` + d × that of rank `upper`; the first alone at the top.
        func value(below: Double, above: Double) -> Double {
            upper == lower ? below : (1 - delta) * below + delta * above
        }
    }

    /// From this many values on, ``quantiles(selectingIn:probabilities:)`` first tries bracketing.
    static let bracketingMinimumCount = 2048

    /// ``quantiles(selectingIn:probabilities:)`` for many values, without reordering them: the same
    /// ranks, so the same values to the last bit, or nil when a bracket misses (the caller then
    /// selects in the whole array).
    ///
    /// Quickselect on 100,000 Monte Carlo values spends most of its time on comparisons it cannot
    /// predict. Here the ranks i and i + 1 of each probability are first bracketed between two values
    /// of an evenly spaced sample of the data, sorted, taken a few standard errors of the sample rank
    /// either side of where they should fall; one pass then counts the values below the bracket
    /// (without a branch) and keeps those inside it, a few per cent, among which the two ranks are
    /// selected. The counts say whether both ranks did fall inside; if not (data whose order
    /// defeats the even spacing), nil. Also nil for data with a NaN (no rank), and when a rank's
    /// value is zero and the data hold a −0: quickselect over all the values then decides which of
    /// −0 and +0 stands at the rank, so only it gives the same bits. Without a −0 every zero is +0
    /// (equal values other than zeros have equal bits), so a rank has one value whichever way it is
    /// found: a run's yearly values are often 0 in many iterations (a year before the first post,
    /// or a grant withdrawn), and those columns are bracketed too.
    static func quantilesByBracketing(_ x: UnsafeBufferPointer<Double>, probabilities: [Double]) -> [Double]? {
        let n = x.count
        // Looked for only once a rank's value is zero; nil until then.
        var holdsNegativeZero: Bool?
        let sampleCount = 2048
        let sample = (0..<sampleCount).map { x[$0 * n / sampleCount] }.sorted()
        var results = Array(repeating: Double.nan, count: probabilities.count)
        for (position, probability) in probabilities.enumerated() where probability >= 0 && probability <= 1 {
            let point = InterpolationPoint(probability: probability, count: n)
            let lower = point.lower, upper = point.upper
            // Where the ranks fall in the sample, and a margin of about four standard errors.
            let fraction = Double(lower) / Double(n)
            let samplePosition = lower * sampleCount / n
            let margin = Int(4 * (Double(sampleCount) * fraction * (1 - fraction)).squareRoot()) + 8
            let low = samplePosition - margin >= 0 ? sample[samplePosition - margin] : -Double.infinity
            let high = samplePosition + margin + 1 < sampleCount ? sample[samplePosition + margin + 1] : Double.infinity
            // First count, with no branch (in C, where the comparisons vectorise); then gather the
            // few inside.
            var belowCount = 0, withinCount = 0, aboveCount = 0
            msc_count_below_within_above(x.baseAddress!, n, low, high, &belowCount, &withinCount, &aboveCount)
            let below = belowCount, within = withinCount
            guard below + within + aboveCount == n, below <= lower, upper < below + within else { return nil }
            var inside = [Double](unsafeUninitializedCapacity: within + 1) { buffer, initialized in
                initialized = msc_gather_within(x.baseAddress!, n, low, high, buffer.baseAddress!)
            }
            let (lowerValue, upperValue) = inside.withUnsafeMutableBufferPointer { buffer -> (Double, Double) in
                let k = lower - below
                _ = gsl_stats_select(buffer.baseAddress!, 1, buffer.count, k)
                // Nothing larger before k: the next rank is the least after it.
                var next = k
                if upper > lower {
                    next = k + 1
                    for candidate in (k + 1)..<buffer.count where buffer[candidate] < buffer[next] { next = candidate }
                }
                return (buffer[k], buffer[next])
            }
            if lowerValue == 0 || upperValue == 0 {
                let negativeZero = (-0.0).bitPattern
                if holdsNegativeZero == nil { holdsNegativeZero = x.contains { $0.bitPattern == negativeZero } }
                if holdsNegativeZero == true { return nil }
            }
            results[position] = point.value(below: lowerValue, above: upperValue)
        }
        return results
    }

    /// A copy of `x` sorted ascending (`gsl_sort`, an in-place heapsort on the copy).
    ///
    /// NaN values have no order; remove them first if they may occur.
    public static func sorted(_ x: [Double]) -> [Double] {
        var copy = x
        guard copy.count > 1 else { return copy }
        ErrorHandler.ensureInstalled()
        copy.withUnsafeMutableBufferPointer { gsl_sort($0.baseAddress, 1, $0.count) }
        return copy
    }
}
