import CGSL
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Inverse cumulative distribution functions, to turn uniform points (Latin hypercube strata,
/// Sobol points) into draws from the model's input distributions.
///
/// Each function maps a probability p in [0, 1] to the value x with P(X <= x) = p. They return
/// NaN for p outside [0, 1] or invalid parameters, rather than letting GSL's error path run.
/// p = 0 and p = 1 give the support's ends (possibly infinite).
public enum Quantiles {
    /// The standard normal quantile (`gsl_cdf_ugaussian_Pinv`); standardNormal(0.975) = 1.959963984540054.
    public static func standardNormal(_ p: Double) -> Double {
        guard p >= 0, p <= 1 else { return .nan }
        ErrorHandler.ensureInstalled()
        return gsl_cdf_ugaussian_Pinv(p)
    }

    /// The normal quantile, mean + standardDeviation times the standard normal quantile.
    public static func normal(_ p: Double, mean: Double, standardDeviation: Double) -> Double {
        guard standardDeviation >= 0, standardDeviation.isFinite, mean.isFinite else { return .nan }
        return mean + standardDeviation * standardNormal(p)
    }

    /// The lognormal quantile, exp(logMean + logStandardDeviation z_p) (`gsl_cdf_lognormal_Pinv`).
    public static func lognormal(_ p: Double, logMean: Double, logStandardDeviation: Double) -> Double {
        guard p >= 0, p <= 1, logStandardDeviation > 0, logStandardDeviation.isFinite, logMean.isFinite else {
            // A zero log-SD is a point mass at exp(logMean); GSL would divide by zero.
            if p >= 0, p <= 1, logStandardDeviation == 0, logMean.isFinite { return exp(logMean) }
            return .nan
        }
        ErrorHandler.ensureInstalled()
        return gsl_cdf_lognormal_Pinv(p, logMean, logStandardDeviation)
    }

    /// The Beta(alpha, beta) quantile on [0, 1] (`gsl_cdf_beta_Pinv`).
    public static func beta(_ p: Double, alpha: Double, beta: Double) -> Double {
        guard p >= 0, p <= 1, alpha > 0, beta > 0, alpha.isFinite, beta.isFinite else { return .nan }
        ErrorHandler.ensureInstalled()
        return gsl_cdf_beta_Pinv(p, alpha, beta)
    }

    /// The Gamma quantile for shape k and scale theta (mean k theta) (`gsl_cdf_gamma_Pinv`).
    public static func gamma(_ p: Double, shape: Double, scale: Double) -> Double {
        guard p >= 0, p <= 1, shape > 0, scale > 0, shape.isFinite, scale.isFinite else { return .nan }
        ErrorHandler.ensureInstalled()
        return gsl_cdf_gamma_Pinv(p, shape, scale)
    }

    /// The uniform quantile on [lower, upper]: lower + p (upper - lower).
    @inlinable
    public static func uniform(_ p: Double, lower: Double, upper: Double) -> Double {
        guard p >= 0, p <= 1, lower.isFinite, upper.isFinite, lower <= upper else { return .nan }
        return lower + p * (upper - lower)
    }

    /// The triangular quantile on [minimum, maximum] with peak at `mode`, in closed form
    /// (``TriangularQuantile``).
    @inlinable
    public static func triangular(_ p: Double, minimum: Double, mode: Double, maximum: Double) -> Double {
        guard p >= 0, p <= 1, let quantile = TriangularQuantile(minimum: minimum, mode: mode, maximum: maximum) else {
            return .nan
        }
        return quantile(p)
    }

    /// The Beta-PERT quantile on [minimum, maximum] with most likely value `mode`.
    ///
    /// minimum + (maximum - minimum) times the Beta(alpha, beta) quantile, with
    /// alpha = 1 + shape (mode - minimum) / (maximum - minimum) and
    /// beta = 1 + shape (maximum - mode) / (maximum - minimum); shape 4 is the classic PERT.
    public static func pert(_ p: Double, minimum: Double, mode: Double, maximum: Double, shape: Double = 4) -> Double {
        guard p >= 0, p <= 1,
              let (alpha, beta) = pertShapes(minimum: minimum, mode: mode, maximum: maximum, shape: shape)
        else { return .nan }
        if maximum == minimum { return minimum }
        return minimum + (maximum - minimum) * Quantiles.beta(p, alpha: alpha, beta: beta)
    }

    /// The Beta shapes of a PERT distribution, or nil when the parameters are invalid.
    ///
    /// A zero-width range returns (1, 1) so callers can short-circuit to the point mass.
    static func pertShapes(minimum: Double, mode: Double, maximum: Double, shape: Double) -> (Double, Double)? {
        guard minimum.isFinite, maximum.isFinite, shape.isFinite, shape >= 0,
              minimum <= mode, mode <= maximum else { return nil }
        let width = maximum - minimum
        if width == 0 { return (1, 1) }
        return (1 + shape * (mode - minimum) / width, 1 + shape * (maximum - mode) / width)
    }
}

/// The triangular quantile on [minimum, maximum] with peak at `mode`, with what does not depend on
/// the probability worked out once: the Monte Carlo draws a salary through it for every post in
/// every iteration.
///
/// With F_c = (mode - min) / (max - min): x = min + sqrt(p (max - min)(mode - min)) for p < F_c,
/// else x = max - sqrt((1 - p)(max - min)(max - mode)).
public struct TriangularQuantile: Sendable, Equatable {
    public let minimum: Double
    public let maximum: Double
    public let width: Double
    public let modeFraction: Double
    public let belowMode: Double
    public let aboveMode: Double

    /// Nil unless the bounds are finite and minimum <= mode <= maximum.
    @inlinable
    public init?(minimum: Double, mode: Double, maximum: Double) {
        guard minimum.isFinite, maximum.isFinite, minimum <= mode, mode <= maximum else { return nil }
        self.minimum = minimum
        self.maximum = maximum
        width = maximum - minimum
        modeFraction = width == 0 ? 0 : (mode - minimum) / width
        belowMode = mode - minimum
        aboveMode = maximum - mode
    }

    /// The value below which a fraction `p` (in [0, 1]) of draws fall.
    @inlinable
    public func callAsFunction(_ p: Double) -> Double {
        if width == 0 { return minimum }
        // With F_c above: p below it takes the rising side, else the falling side. Which side is
        // random, so a branch on it is mispredicted half the time; both sides' values are worked
        // out and one is kept by a bit mask instead. The operations, and so the values, are those
        // of the formula above.
        let keepBelow: UInt64 = 0 &- (p < modeFraction ? 1 : 0)
        let area = Self.choose(p * width * belowMode, else: (1 - p) * width * aboveMode, mask: keepBelow)
        let root = area.squareRoot()
        return Self.choose(minimum + root, else: maximum - root, mask: keepBelow)
    }

    /// `first` where `mask` is all ones, `second` where it is all zeros, with no branch.
    @inlinable @inline(__always)
    static func choose(_ first: Double, else second: Double, mask: UInt64) -> Double {
        Double(bitPattern: (first.bitPattern & mask) | (second.bitPattern & ~mask))
    }
}
