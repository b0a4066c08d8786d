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
