import GSLKit

/// Fitted regression coefficients with their joint covariance, ready to draw from in a Monte Carlo.
///
/// ```swift
/// let joint = try fit.fittedCoefficients.multivariateNormal()
/// let draw = joint.sample(using: stream)          // one vector of log rate ratios
/// let rr = exp(draw[fit.fittedCoefficients.index(of: "hasMSC")!])
/// ```
public struct FittedCoefficients: Sendable, Equatable {
    /// Coefficient names in design order (`intercept`, predictors, `factor[level]`).
    public let names: [String]
    /// Point estimates (log scale for a Poisson fit).
    public let estimates: [Double]
    /// Their covariance (quasi-Poisson scaled when the fit estimated the dispersion).
    public let covariance: [[Double]]

    public init(names: [String], estimates: [Double], covariance: [[Double]]) {
        self.names = names
        self.estimates = estimates
        self.covariance = covariance
    }

    /// The position of a coefficient by name.
    public func index(of name: String) -> Int? { names.firstIndex(of: name) }

    /// The standard error of the coefficient at `index`.
    public func standardError(at index: Int) -> Double { covariance[index][index].squareRoot() }

    /// The joint normal distribution of the estimates (GSL Cholesky factorisation).
    public func multivariateNormal() throws(GSLError) -> MultivariateNormal {
        try MultivariateNormal(mean: estimates, covariance: covariance)
    }
}

/// One coefficient of a fit with its test and interval.
public struct CoefficientEstimate: Sendable, Equatable {
    public let name: String
    /// The estimate (log rate ratio in a Poisson fit).
    public let estimate: Double
    public let standardError: Double
    /// estimate / standardError (z for a Poisson fit, t for least squares).
    public let statistic: Double
    /// Two-sided p-value of the statistic.
    public let pValue: Double
    /// Lower end of the 95% confidence interval.
    public let lower95: Double
    /// Upper end of the 95% confidence interval.
    public let upper95: Double

    /// Builds the test and interval; `degreesOfFreedom` nil uses the normal distribution, else Student's t.
    public init(name: String, estimate: Double, standardError: Double, degreesOfFreedom: Int?) {
        self.name = name
        self.estimate = estimate
        self.standardError = standardError
        statistic = estimate / standardError
        let multiplier: Double
        if let df = degreesOfFreedom {
            pValue = 2 * CumulativeDistribution.studentTUpperTail(abs(statistic), degreesOfFreedom: Double(df))
            multiplier = CumulativeDistribution.studentTQuantile(0.975, degreesOfFreedom: Double(df))
        } else {
            pValue = 2 * CumulativeDistribution.standardNormalUpperTail(abs(statistic))
            multiplier = Quantiles.standardNormal(0.975)
        }
        lower95 = estimate - multiplier * standardError
        upper95 = estimate + multiplier * standardError
    }
}
