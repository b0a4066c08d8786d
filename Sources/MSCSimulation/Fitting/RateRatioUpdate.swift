import Foundation
import MSCModel

/// A rate ratio's prior updated by a fitted one: the prior is lognormal, `log RR ~ N(m₀, s₀²)`,
/// and the fit's likelihood for `log RR` is approximated as normal with mean its estimate `b` and
/// standard deviation its standard error `se` (the usual large-sample approximation to a Poisson
/// GLM's likelihood). The posterior is then lognormal with precision-weighted
/// `1/s² = 1/s₀² + 1/se²` and `m = s² (m₀/s₀² + b/se²)` (conjugate normal–normal updating, e.g.
/// Gelman et al., Bayesian Data Analysis, 3rd ed., section 2.5).
public struct RateRatioUpdate: Sendable, Equatable {
    public let priorLogMean: Double
    public let priorLogStandardDeviation: Double
    public let dataLogEstimate: Double
    public let dataLogStandardError: Double
    public let posteriorLogMean: Double
    public let posteriorLogStandardDeviation: Double

    public init(priorLogMean: Double, priorLogStandardDeviation: Double, dataLogEstimate: Double, dataLogStandardError: Double) {
        self.priorLogMean = priorLogMean
        self.priorLogStandardDeviation = priorLogStandardDeviation
        self.dataLogEstimate = dataLogEstimate
        self.dataLogStandardError = dataLogStandardError
        let priorPrecision = 1 / (priorLogStandardDeviation * priorLogStandardDeviation)
        let dataPrecision = 1 / (dataLogStandardError * dataLogStandardError)
        let precision = priorPrecision + dataPrecision
        posteriorLogMean = (priorLogMean * priorPrecision + dataLogEstimate * dataPrecision) / precision
        posteriorLogStandardDeviation = (1 / precision).squareRoot()
    }

    /// The prior of `name` in `assumptions`: its lognormal distribution, or a one-line error.
    public static func prior(_ name: String, in assumptions: AssumptionSet) throws -> (logMean: Double, logStandardDeviation: Double) {
        let assumption = try assumptions.assumption(name)
        guard case .lognormal(let logMean, let logStandardDeviation) = assumption.distribution, logStandardDeviation > 0 else {
            throw InputError(file: assumption.origin, key: name,
                             message: "--prior needs \(name) to have a lognormal distribution with a log standard deviation above 0 (the prior to update)")
        }
        return (logMean, logStandardDeviation)
    }

    /// The posterior's central 95% interval of the rate ratio.
    public var interval95: ClosedRange<Double> {
        exp(posteriorLogMean - 1.959963984540054 * posteriorLogStandardDeviation)...exp(posteriorLogMean + 1.959963984540054 * posteriorLogStandardDeviation)
    }
}
