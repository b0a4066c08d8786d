import CGSL

/// Cumulative distribution functions and tail probabilities, for p-values and intervals.
///
/// They return NaN for invalid parameters (such as non-positive degrees of freedom) rather than
/// letting GSL's error path run.
public enum CumulativeDistribution {
    /// P(Z <= x) for a standard normal Z (`gsl_cdf_ugaussian_P`).
    public static func standardNormal(_ x: Double) -> Double {
        ErrorHandler.ensureInstalled()
        return gsl_cdf_ugaussian_P(x)
    }

    /// P(Z > x) for a standard normal Z, accurate far into the tail (`gsl_cdf_ugaussian_Q`).
    public static func standardNormalUpperTail(_ x: Double) -> Double {
        ErrorHandler.ensureInstalled()
        return gsl_cdf_ugaussian_Q(x)
    }

    /// P(X > x) for a chi-squared X with the given degrees of freedom (`gsl_cdf_chisq_Q`).
    ///
    /// Used for deviance and Pearson goodness-of-fit p-values.
    public static func chiSquaredUpperTail(_ x: Double, degreesOfFreedom: Double) -> Double {
        guard degreesOfFreedom > 0, !x.isNaN else { return .nan }
        ErrorHandler.ensureInstalled()
        return gsl_cdf_chisq_Q(x, degreesOfFreedom)
    }

    /// The value t with P(T <= t) = p for Student's t with the given degrees of freedom
    /// (`gsl_cdf_tdist_Pinv`); e.g. p = 0.975 gives the multiplier of a 95% two-sided interval.
    public static func studentTQuantile(_ p: Double, degreesOfFreedom: Double) -> Double {
        guard p >= 0, p <= 1, degreesOfFreedom > 0 else { return .nan }
        ErrorHandler.ensureInstalled()
        return gsl_cdf_tdist_Pinv(p, degreesOfFreedom)
    }

    /// P(T > t) for Student's t with the given degrees of freedom (`gsl_cdf_tdist_Q`).
    ///
    /// A two-sided p-value for a t statistic is 2 * studentTUpperTail(abs(t), ...).
    public static func studentTUpperTail(_ t: Double, degreesOfFreedom: Double) -> Double {
        guard degreesOfFreedom > 0, !t.isNaN else { return .nan }
        ErrorHandler.ensureInstalled()
        return gsl_cdf_tdist_Q(t, degreesOfFreedom)
    }
}
