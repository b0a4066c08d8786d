import Foundation
import GSLKit

/// Expected value of partial perfect information (EVPPI) of some inputs: what it would be worth
/// to learn their true values before choosing, by the regression method of Strong, Oakley and
/// Brennan (2014, Medical Decision Making 34:311): fit each option's incremental net benefit on
/// the inputs' draws by least squares (the design with the lowest BIC among
/// ``RegressionBasis/candidates(_:)``), then
/// `EVPPI = mean_i max_d ĝ_d(x_i) − max_d mean_i ĝ_d(x_i)`, with ĝ of the baseline zero.
///
/// Standard error, as in Strong et al.: draw the fits' coefficients from their sampling
/// distribution (normal, least-squares covariance), recompute EVPPI each time, take the standard
/// deviation. It is conditional on the designs chosen: an input whose best design is the constant
/// has EVPPI and standard error zero.
public enum PartialValueOfInformation {
    public struct Estimate: Sendable, Equatable {
        public let value: Double
        public let standardError: Double
        /// Columns of the design chosen for each non-baseline option (1: the constant, the input
        /// explains nothing beyond noise).
        public let regressionColumns: [Int]
        /// Share of the variance of the incremental net benefit the fit explains, per non-baseline option.
        public let rSquared: [Double]
    }

    /// EVPPI of the inputs whose draws are `inputs` (one array per input, one value per iteration)
    /// for a choice among options with `netBenefits`, with `samples` coefficient draws for the
    /// standard error from a stream seeded with `seed`.
    public static func estimate(netBenefits: [[Double]], baselineIndex: Int, inputs: [[Double]],
                                seed: UInt64, samples: Int = 100) throws -> Estimate {
        let n = netBenefits.first?.count ?? 0
        let others = netBenefits.indices.filter { $0 != baselineIndex }
        guard n > 1, !others.isEmpty else {
            return Estimate(value: 0, standardError: 0, regressionColumns: others.map { _ in 1 }, rSquared: others.map { _ in 0 })
        }
        let candidates = try RegressionBasis.candidates(inputs)
        var chosen: [(design: RegressionBasis.Design, fit: LinearFit)] = []
        var rSquared: [Double] = []
        for d in others {
            let incremental = zip(netBenefits[d], netBenefits[baselineIndex]).map { $0 - $1 }
            var best: (design: RegressionBasis.Design, fit: LinearFit, bic: Double)?
            for design in candidates where design.columns < n {
                let p = design.columns
                let rows = (0..<n).map { i in Array(design.values[(i * p)..<((i + 1) * p)]) }
                let fit = try LeastSquares.ordinary(design: rows, response: incremental)
                let bic = Double(n) * log(max(fit.residualSumOfSquares, .leastNormalMagnitude) / Double(n)) + Double(p) * log(Double(n))
                if best.map({ bic < $0.bic }) ?? true { best = (design, fit, bic) }
            }
            guard let best else { throw DecisionError(description: "too few iterations (\(n)) for a regression") }
            chosen.append((best.design, best.fit))
            // Centred R²: a B-spline design carries the intercept without a column of ones, so
            // the fit's own R² would be measured about zero, not about the mean.
            let mean = Statistics.mean(incremental)
            let total = incremental.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            rSquared.append(total > 0 ? max(0, 1 - best.fit.residualSumOfSquares / total) : 0)
        }
        // No set of inputs is worth more than perfect information on all of them: the EVPI of the
        // same draws (the formula on the incremental net benefits themselves) bounds the estimate,
        // which a regression fitted to few draws can otherwise overshoot by fitting noise.
        let ceiling = evppi(fitted: others.map { d in zip(netBenefits[d], netBenefits[baselineIndex]).map { $0 - $1 } })
        let value = min(evppi(fitted: chosen.map(\.fit.fittedValues)), ceiling)

        // Coefficient draws: one multivariate normal per fit; a constant fit, or one with no
        // residual (net benefit an exact function of the inputs), moves EVPPI not at all.
        let samplers: [MultivariateNormal?] = chosen.map { item in
            item.design.columns > 1 && item.fit.residualSumOfSquares > 0
                ? try? MultivariateNormal(mean: item.fit.coefficients, covariance: item.fit.covariance) : nil
        }
        var standardError = 0.0
        if samplers.contains(where: { $0 != nil }), samples > 1 {
            let stream = RandomStream(seed: seed, algorithm: SimulationEngine.generator)
            var estimates: [Double] = []
            var fitted = chosen.map(\.fit.fittedValues)
            for _ in 0..<samples {
                for (k, item) in chosen.enumerated() {
                    guard let sampler = samplers[k] else { continue }
                    let beta = sampler.sample(using: stream), p = item.design.columns
                    item.design.values.withUnsafeBufferPointer { x in
                        for i in 0..<n {
                            var sum = 0.0
                            for j in 0..<p { sum += x[i * p + j] * beta[j] }
                            fitted[k][i] = sum
                        }
                    }
                }
                estimates.append(min(evppi(fitted: fitted), ceiling))
            }
            standardError = Statistics.standardDeviation(estimates)
        }
        return Estimate(value: value, standardError: standardError, regressionColumns: chosen.map(\.design.columns),
                        rSquared: rSquared)
    }

    /// `mean_i max(0, max_d g_d,i) − max(0, max_d mean_i g_d,i)` for incremental fits g.
    static func evppi(fitted: [[Double]]) -> Double {
        let n = fitted.first?.count ?? 0
        var sumOfMaxima = 0.0
        for i in 0..<n {
            var top = 0.0
            for g in fitted { top = Swift.max(top, g[i]) }
            sumOfMaxima += top
        }
        let bestMean = fitted.map { $0.reduce(0, +) / Double(n) }.reduce(0.0) { Swift.max($0, $1) }
        return Swift.max(0, sumOfMaxima / Double(n) - bestMean)
    }
}
