import CGSL

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
    /// of 100,000 values. `x` is reordered. NaN for empty data or a probability outside [0, 1];
    /// NaN values in `x` have no rank, so remove them first.
    public static func quantiles(selectingIn x: inout [Double], probabilities: [Double]) -> [Double] {
        let n = x.count
        guard n > 0 else { return probabilities.map { _ in .nan } }
        ErrorHandler.ensureInstalled()
        return x.withUnsafeMutableBufferPointer { buffer in
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
                // As gsl_stats_quantile_from_sorted_data: index (n − 1) f, its whole part and the rest.
                let index = probabilities[position] * Double(n - 1)
                let lower = Int(index)
                let delta = index - Double(lower)
                let below = rank(lower)
                results[position] = lower == n - 1 ? below : (1 - delta) * below + delta * rank(lower + 1)
            }
            return results
        }
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
