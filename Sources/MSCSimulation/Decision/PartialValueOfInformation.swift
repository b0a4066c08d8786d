import GSLKit

/// Expected value of partial perfect information (EVPPI) of some inputs: what it would be worth
/// to learn their true values before choosing, by the regression method of Strong, Oakley and
/// Brennan (2014, Medical Decision Making 34:311): fit each option's incremental net benefit on
/// the inputs' draws by least squares (``RegressionBasis``), then
/// `EVPPI = mean_i max_d ĝ_d(x_i) − max_d mean_i ĝ_d(x_i)`, with ĝ of the baseline zero.
///
/// Standard error, as in Strong et al.: draw the fits' coefficients from their sampling
/// distribution (normal, least-squares covariance), recompute EVPPI each time, take the standard
/// deviation. The regression estimate has a small upward bias of the same order (noise in a
/// fitted curve that crosses zero looks like information), so an input that does not matter shows
/// an EVPPI of about one standard error, not exactly zero.
public enum PartialValueOfInformation {
    public struct Estimate: Sendable, Equatable {
        public let value: Double
        public let standardError: Double
        /// Columns of the regression (basis functions, intercept and interactions); 0 when the
        /// inputs never varied.
        public let regressionColumns: Int
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
        guard n > 0, !others.isEmpty, let design = try RegressionBasis.design(inputs) else {
            return Estimate(value: 0, standardError: 0, regressionColumns: 0, rSquared: others.map { _ in 0 })
        }
        let p = design.columns
        let rows = (0..<n).map { i in Array(design.values[(i * p)..<((i + 1) * p)]) }
        var fits: [LinearFit] = []
        for d in others {
            let incremental = zip(netBenefits[d], netBenefits[baselineIndex]).map { $0 - $1 }
            fits.append(try LeastSquares.ordinary(design: rows, response: incremental))
        }
        let value = evppi(fitted: fits.map(\.fittedValues))

        // Coefficient draws: one multivariate normal per fit; a fit with no residual (net
        // benefit an exact function of the inputs) has no coefficient uncertainty.
        let samplers: [MultivariateNormal?] = fits.map { fit in
            fit.residualSumOfSquares > 0 ? try? MultivariateNormal(mean: fit.coefficients, covariance: fit.covariance) : nil
        }
        var standardError = 0.0
        if samplers.contains(where: { $0 != nil }), samples > 1 {
            let stream = RandomStream(seed: seed)
            var estimates: [Double] = []
            var fitted = [[Double]](repeating: [Double](repeating: 0, count: n), count: fits.count)
            for _ in 0..<samples {
                for (k, fit) in fits.enumerated() {
                    let beta = samplers[k]?.sample(using: stream) ?? fit.coefficients
                    design.values.withUnsafeBufferPointer { x in
                        for i in 0..<n {
                            var sum = 0.0
                            for j in 0..<p { sum += x[i * p + j] * beta[j] }
                            fitted[k][i] = sum
                        }
                    }
                }
                estimates.append(evppi(fitted: fitted))
            }
            standardError = Statistics.standardDeviation(estimates)
        }
        return Estimate(value: value, standardError: standardError, regressionColumns: p, rSquared: fits.map(\.rSquared))
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
        return sumOfMaxima / Double(n) - bestMean
    }
}
