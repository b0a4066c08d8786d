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
        let incrementals = others.map { d in zip(netBenefits[d], netBenefits[baselineIndex]).map { $0 - $1 } }
        // Each design is factorised once and every option's incremental net benefit fitted to it.
        // Only the chosen designs' values and fits are kept, not their factorisations.
        var best: [(design: RegressionBasis.Design, fit: FactorisedDesign.Fit, bic: Double)?] = others.map { _ in nil }
        for candidate in candidates where candidate.columns < n {
            let design = try FactorisedDesign(rowMajor: candidate.values, columns: candidate.columns)
            let p = candidate.columns
            for (k, incremental) in incrementals.enumerated() {
                let fit = try design.fit(incremental)
                let bic = Double(n) * log(max(fit.residualSumOfSquares, .leastNormalMagnitude) / Double(n)) + Double(p) * log(Double(n))
                if best[k].map({ bic < $0.bic }) ?? true { best[k] = (candidate, fit, bic) }
            }
        }
        var chosen: [(design: RegressionBasis.Design, fit: FactorisedDesign.Fit)] = []
        var rSquared: [Double] = []
        for (k, incremental) in incrementals.enumerated() {
            guard let choice = best[k] else { throw DecisionError(description: "too few iterations (\(n)) for a regression") }
            chosen.append((choice.design, choice.fit))
            // Centred R²: a B-spline design carries the intercept without a column of ones, so
            // the fit's own R² would be measured about zero, not about the mean.
            let mean = Statistics.mean(incremental)
            let total = incremental.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            rSquared.append(total > 0 ? max(0, 1 - choice.fit.residualSumOfSquares / total) : 0)
        }
        // No set of inputs is worth more than perfect information on all of them: the EVPI of the
        // same draws (the formula on the incremental net benefits themselves) bounds the estimate,
        // which a regression fitted to few draws can otherwise overshoot by fitting noise.
        let ceiling = evppi(fitted: incrementals)
        let value = min(evppi(fitted: chosen.map(\.fit.fittedValues)), ceiling)
        let standardError = try redrawnStandardError(chosen, seed: seed, samples: samples, ceiling: ceiling)
        return Estimate(value: value, standardError: standardError, regressionColumns: chosen.map(\.design.columns),
                        rSquared: rSquared)
    }

    /// The standard deviation of EVPPI over `samples` draws of every chosen fit's coefficients
    /// from their sampling distribution (normal, least-squares covariance), from a stream seeded
    /// with `seed`: all the draws first, in the order one draw per fit per sample, then each fit's
    /// fitted values for all samples in one pass over its design.
    static func redrawnStandardError(_ chosen: [(design: RegressionBasis.Design, fit: FactorisedDesign.Fit)], seed: UInt64,
                                     samples: Int, ceiling: Double = .infinity) throws -> Double {
        // A constant fit, or one with no residual (net benefit an exact function of the inputs),
        // moves EVPPI not at all.
        let samplers: [MultivariateNormal?] = chosen.map { item in
            item.design.columns > 1 && item.fit.residualSumOfSquares > 0
                ? try? MultivariateNormal(mean: item.fit.coefficients, covariance: item.fit.covariance) : nil
        }
        guard samplers.contains(where: { $0 != nil }), samples > 1 else { return 0 }
        let stream = RandomStream(seed: seed, algorithm: SimulationEngine.generator)
        // Per fit, its coefficient draws column-wise: entry j of draw s at j * samples + s.
        var draws: [[Double]] = chosen.map { [Double](repeating: 0, count: $0.design.columns * samples) }
        for s in 0..<samples {
            for (k, sampler) in samplers.enumerated() {
                guard let sampler else { continue }
                let beta = sampler.sample(using: stream)
                for j in beta.indices { draws[k][j * samples + s] = beta[j] }
            }
        }
        // Per fit, fitted values row-major (row i, draw s at i * samples + s); a fit not redrawn
        // keeps its own fitted values in every draw.
        let fitted: [[Double]] = chosen.indices.map { k in
            samplers[k] == nil ? []
                : FactorisedDesign.predictions(design: chosen[k].design.values, columns: chosen[k].design.columns,
                                               columnwise: draws[k], count: samples)
        }
        // EVPPI of every draw in one pass over the rows, each draw's sums taken in row order as
        // ``evppi(fitted:)`` takes them, so each estimate is the one it would give.
        let n = chosen[0].fit.fittedValues.count
        var sumOfMaxima = [Double](repeating: 0, count: samples)
        // Per fit k, draw s's sum of fitted values at k * samples + s.
        var sums = [Double](repeating: 0, count: chosen.count * samples)
        var top = [Double](repeating: 0, count: samples)
        sumOfMaxima.withUnsafeMutableBufferPointer { sumOfMaxima in
            sums.withUnsafeMutableBufferPointer { sums in
                top.withUnsafeMutableBufferPointer { top in
                    for i in 0..<n {
                        for s in 0..<samples { top[s] = 0 }
                        for k in chosen.indices {
                            let sum = sums.baseAddress! + k * samples
                            if samplers[k] == nil {
                                let g = chosen[k].fit.fittedValues[i]
                                for s in 0..<samples {
                                    top[s] = Swift.max(top[s], g)
                                    sum[s] += g
                                }
                            } else {
                                fitted[k].withUnsafeBufferPointer { all in
                                    let row = all.baseAddress! + i * samples
                                    for s in 0..<samples {
                                        top[s] = Swift.max(top[s], row[s])
                                        sum[s] += row[s]
                                    }
                                }
                            }
                        }
                        for s in 0..<samples { sumOfMaxima[s] += top[s] }
                    }
                }
            }
        }
        let estimates = (0..<samples).map { s in
            let bestMean = chosen.indices.map { sums[$0 * samples + s] / Double(n) }.reduce(0.0) { Swift.max($0, $1) }
            // Each redrawn estimate bounded as the estimate itself is.
            return Swift.min(Swift.max(0, sumOfMaxima[s] / Double(n) - bestMean), ceiling)
        }
        return Statistics.standardDeviation(estimates)
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
