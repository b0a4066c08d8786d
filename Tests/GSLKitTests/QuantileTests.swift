import CGSL
import Foundation
import GSLKit
import Testing

@Test func normalQuantilesMatchKnownValues() {
    #expect(abs(Quantiles.standardNormal(0.975) - 1.959963984540054) < 1e-14)
    #expect(abs(Quantiles.standardNormal(0.025) + 1.959963984540054) < 1e-14)
    #expect(Quantiles.standardNormal(0.5) == 0)
    #expect(abs(Quantiles.standardNormal(0.95) - 1.6448536269514722) < 1e-14)
    #expect(Quantiles.standardNormal(0) == -.infinity)
    #expect(Quantiles.standardNormal(1) == .infinity)
    #expect(abs(Quantiles.normal(0.975, mean: 10, standardDeviation: 2) - (10 + 2 * 1.959963984540054)) < 1e-13)
    // Lognormal: the median is exp(logMean); p = 0.975 is exp(m + 1.96 s).
    #expect(abs(Quantiles.lognormal(0.5, logMean: 1, logStandardDeviation: 0.5) - M_E) < 1e-14)
    #expect(abs(Quantiles.lognormal(0.975, logMean: 1, logStandardDeviation: 0.5) - exp(1 + 0.5 * 1.959963984540054)) < 1e-12)
}

@Test func quantilesInvertTheirCDFs() {
    // Round trips through GSL's CDFs (the P functions), across the range of probabilities.
    for p in stride(from: 0.01, through: 0.99, by: 0.049) {
        #expect(abs(CumulativeDistribution.standardNormal(Quantiles.standardNormal(p)) - p) < 1e-14)
        #expect(abs(gsl_cdf_beta_P(Quantiles.beta(p, alpha: 2, beta: 5), 2, 5) - p) < 1e-10)
        #expect(abs(gsl_cdf_gamma_P(Quantiles.gamma(p, shape: 3, scale: 2), 3, 2) - p) < 1e-10)
        #expect(abs(gsl_cdf_lognormal_P(Quantiles.lognormal(p, logMean: 0.5, logStandardDeviation: 0.4), 0.5, 0.4) - p) < 1e-12)
        // PERT(1, 2, 6) is 1 + 5 Beta(1.8, 4.2).
        let x = Quantiles.pert(p, minimum: 1, mode: 2, maximum: 6)
        #expect(abs(gsl_cdf_beta_P((x - 1) / 5, 1.8, 4.2) - p) < 1e-10)
    }
    // Closed forms: Beta(1, 1) is uniform; Gamma(1, theta) is exponential with quantile -theta log(1 - p).
    #expect(abs(Quantiles.beta(0.3, alpha: 1, beta: 1) - 0.3) < 1e-12)
    #expect(abs(Quantiles.gamma(0.3, shape: 1, scale: 2) - (-2 * log(0.7))) < 1e-12)
    #expect(Quantiles.uniform(0.25, lower: 2, upper: 6) == 3)
}

@Test func triangularQuantileIsAnalytic() {
    // Symmetric (0, 1, 2): F(x) = x^2 / 2 below the mode, so p = 0.125 gives 0.5, p = 0.875 gives 1.5.
    #expect(abs(Quantiles.triangular(0.125, minimum: 0, mode: 1, maximum: 2) - 0.5) < 1e-15)
    #expect(abs(Quantiles.triangular(0.875, minimum: 0, mode: 1, maximum: 2) - 1.5) < 1e-15)
    #expect(Quantiles.triangular(0.5, minimum: 0, mode: 1, maximum: 2) == 1)
    // Asymmetric (1, 2, 6): F(mode) = 0.2, the ends map to the support's ends.
    #expect(Quantiles.triangular(0, minimum: 1, mode: 2, maximum: 6) == 1)
    #expect(Quantiles.triangular(1, minimum: 1, mode: 2, maximum: 6) == 6)
    #expect(abs(Quantiles.triangular(0.2, minimum: 1, mode: 2, maximum: 6) - 2) < 1e-15)
    // Round trip through the triangular CDF.
    func cdf(_ x: Double) -> Double {
        x < 2 ? (x - 1) * (x - 1) / (5 * 1) : 1 - (6 - x) * (6 - x) / (5 * 4)
    }
    for p in stride(from: 0.0, through: 1.0, by: 0.05) {
        #expect(abs(cdf(Quantiles.triangular(p, minimum: 1, mode: 2, maximum: 6)) - p) < 1e-14)
    }
    // Modes at either end are allowed (right and left triangles).
    #expect(abs(Quantiles.triangular(0.25, minimum: 0, mode: 0, maximum: 1) - 0.5 * (1 - 0.75.squareRoot()) * 2) < 1e-15)
    #expect(abs(Quantiles.triangular(0.25, minimum: 0, mode: 1, maximum: 1) - 0.5) < 1e-15)
}

@Test func pertQuantileProperties() {
    // Symmetric PERT: the median is the mode.
    #expect(abs(Quantiles.pert(0.5, minimum: 0, mode: 5, maximum: 10) - 5) < 1e-10)
    #expect(Quantiles.pert(0, minimum: 1, mode: 2, maximum: 6) == 1)
    #expect(Quantiles.pert(1, minimum: 1, mode: 2, maximum: 6) == 6)
    #expect(Quantiles.pert(0.3, minimum: 4, mode: 4, maximum: 4) == 4)
}

@Test func invalidQuantileArgumentsGiveNaN() {
    #expect(Quantiles.standardNormal(1.5).isNaN)
    #expect(Quantiles.standardNormal(-0.1).isNaN)
    #expect(Quantiles.standardNormal(.nan).isNaN)
    #expect(Quantiles.beta(0.5, alpha: -1, beta: 1).isNaN)
    #expect(Quantiles.gamma(2, shape: 1, scale: 1).isNaN)
    #expect(Quantiles.triangular(0.5, minimum: 3, mode: 1, maximum: 2).isNaN)
    #expect(Quantiles.pert(0.5, minimum: 0, mode: 1, maximum: 2, shape: -1).isNaN)
    #expect(Quantiles.normal(0.5, mean: 0, standardDeviation: -1).isNaN)
}

@Test func cumulativeDistributionsForTests() {
    #expect(abs(CumulativeDistribution.standardNormal(1.959963984540054) - 0.975) < 1e-15)
    #expect(abs(CumulativeDistribution.standardNormalUpperTail(1.959963984540054) - 0.025) < 1e-15)
    // Far tail: Q(10) = 7.619853024160527e-24, which 1 - P(10) cannot represent.
    #expect(abs(CumulativeDistribution.standardNormalUpperTail(10) / 7.619853024160527e-24 - 1) < 1e-12)
    // Chi-squared: the 5% critical value for 1 df is 3.841458820694124 (= 1.959964^2).
    #expect(abs(CumulativeDistribution.chiSquaredUpperTail(3.841458820694124, degreesOfFreedom: 1) - 0.05) < 1e-14)
    // For 4 df the upper tail has the closed form exp(-x/2) (1 + x/2).
    for x in [0.5, 5.129141077, 20.0] {
        let exact = exp(-x / 2) * (1 + x / 2)
        #expect(abs(CumulativeDistribution.chiSquaredUpperTail(x, degreesOfFreedom: 4) - exact) <= 1e-13 * exact)
    }
    // Student's t: qt(0.975, 10) = 2.228138851986274.
    #expect(abs(CumulativeDistribution.studentTQuantile(0.975, degreesOfFreedom: 10) - 2.228138851986274) < 1e-12)
    #expect(abs(CumulativeDistribution.studentTUpperTail(2.228138851986274, degreesOfFreedom: 10) - 0.025) < 1e-14)
    #expect(CumulativeDistribution.studentTQuantile(0.975, degreesOfFreedom: 0).isNaN)
    #expect(CumulativeDistribution.chiSquaredUpperTail(1, degreesOfFreedom: -1).isNaN)
}
