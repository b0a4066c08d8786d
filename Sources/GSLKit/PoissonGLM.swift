import CGSL
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The result of a Poisson log-linear model fitted by ``PoissonGLM/fit(design:counts:offset:maxIterations:tolerance:)``.
public struct PoissonGLMFit: Sendable {
    /// The coefficients on the log scale, one per design column (exp gives rate ratios).
    public let coefficients: [Double]
    /// Model-based standard errors (dispersion fixed at 1), as R's `summary(glm(family = poisson))`.
    public let standardErrors: [Double]
    /// Model-based covariance of the coefficients, (X'WX)^-1 at the fitted means (dispersion 1).
    public let covariance: [[Double]]
    /// The residual deviance 2 sum [y log(y / mu) - (y - mu)], with 0 log 0 = 0.
    public let deviance: Double
    /// The deviance of the null model: intercept only (with the same offset) when the design has
    /// a constant column, otherwise the offset alone (mu = exp(offset)), as R's `glm` defines it.
    public let nullDeviance: Double
    /// Pearson's chi-squared, sum (y - mu)^2 / mu.
    public let pearsonChiSquared: Double
    /// The estimated dispersion, pearsonChiSquared / residualDegreesOfFreedom (about 1 when the
    /// Poisson variance assumption holds, above 1 for overdispersed counts).
    public let dispersion: Double
    /// The residual degrees of freedom, rows minus columns.
    public let residualDegreesOfFreedom: Int
    /// The null model's degrees of freedom: rows minus 1 with an intercept, rows without.
    public let nullDegreesOfFreedom: Int
    /// The number of IRLS iterations taken.
    public let iterations: Int
    /// The fitted means mu = exp(X b + offset), one per row, in counts.
    public let fittedMeans: [Double]
    /// The maximised log-likelihood sum [y log mu - mu - log(y!)] (meaningful for integer counts).
    public let logLikelihood: Double

    /// Akaike's information criterion, -2 logLikelihood + 2 p, as R's `AIC` gives for a Poisson GLM.
    public var aic: Double { -2 * logLikelihood + 2 * Double(coefficients.count) }

    /// Standard errors allowing for over- or underdispersion: standardErrors times sqrt(dispersion),
    /// as R's `glm(family = quasipoisson)` reports them.
    public func quasiPoissonStandardErrors() -> [Double] {
        let factor = dispersion.squareRoot()
        return standardErrors.map { $0 * factor }
    }

    /// The covariance scaled by the estimated dispersion (quasi-Poisson).
    public func quasiPoissonCovariance() -> [[Double]] {
        covariance.map { row in row.map { $0 * dispersion } }
    }
}

/// Poisson regression with a log link (counts, optionally with exposure offsets).
public enum PoissonGLM {
    /// Fits log E[y] = X b + offset by iteratively reweighted least squares, as R's `glm.fit` does.
    ///
    /// Starting from mu = y + 0.1, each iteration solves a weighted least-squares problem for the
    /// working response z = eta - offset + (y - mu) / mu with weights mu, until the relative change
    /// in deviance |dev - devold| / (|dev| + 0.1) is below `tolerance`. If an update gives a
    /// non-finite deviance, the step is halved (as R does). Fitted means are kept at or above
    /// 2.2e-16 (machine epsilon, as R's `poisson()$linkinv`) so weights stay positive.
    ///
    /// - Parameters:
    ///   - design: the design matrix X as rows; include a column of ones for an intercept.
    ///   - counts: y, one non-negative count per row.
    ///   - offset: log exposure per row (e.g. log population or log person-years), or nil for none.
    ///   - maxIterations: the most IRLS iterations to try (R's default is 25).
    ///   - tolerance: the relative deviance change that counts as converged (R's default is 1e-8).
    /// - Throws: `GSLError` for negative or non-finite counts, non-finite design or offset values,
    ///   mismatched lengths, fewer rows than columns, a singular design, or no convergence.
    public static func fit(
        design: [[Double]],
        counts: [Double],
        offset: [Double]? = nil,
        maxIterations: Int = 100,
        tolerance: Double = 1e-10
    ) throws(GSLError) -> PoissonGLMFit {
        let context = "Poisson GLM"
        ErrorHandler.ensureInstalled()
        let (n, p) = try shapeOf(design, "design matrix", in: context)
        guard counts.count == n else {
            throw GSLError(code: GSLError.badLength,
                           context: "\(context): \(counts.count) counts but the design matrix has \(n) rows")
        }
        try requireFinite(counts, "counts", in: context)
        if let i = counts.firstIndex(where: { $0 < 0 }) {
            throw GSLError(code: GSLError.domainError,
                           context: "\(context): counts[\(i)] = \(counts[i]) is negative")
        }
        let offsets = offset ?? [Double](repeating: 0, count: n)
        guard offsets.count == n else {
            throw GSLError(code: GSLError.badLength,
                           context: "\(context): \(offsets.count) offsets but the design matrix has \(n) rows")
        }
        try requireFinite(offsets, "offset", in: context)
        guard maxIterations >= 1, tolerance > 0 else {
            throw GSLError(code: GSLError.invalidArgument,
                           context: "\(context): maxIterations must be >= 1 and tolerance > 0 (got \(maxIterations), \(tolerance))")
        }

        let y = counts
        // R's poisson()$initialize: mustart = y + 0.1, so log() is defined for zero counts.
        var mu = y.map { $0 + 0.1 }
        var eta = mu.map { log($0) }
        var devianceOld = deviance(y, mu)
        var previousCoefficients: [Double]? = nil
        var coefficients = [Double](repeating: 0, count: p)
        var converged = false
        var iterations = 0
        var relativeChange = Double.infinity

        while iterations < maxIterations {
            iterations += 1
            // For the log link d mu / d eta = mu and Var(y) = mu, so the IRLS weight is mu and the
            // working response is the linearised eta plus the scaled residual.
            let weights = mu
            let working = workingResponse(y: y, mu: mu, eta: eta, offsets: offsets)
            coefficients = try LeastSquares.solve(design: design, response: working, weights: weights,
                                                  context: context).coefficients
            (eta, mu) = predict(design, coefficients, offsets)
            var dev = deviance(y, mu)

            // A wild step can overflow exp(eta); step back towards the last good coefficients.
            var halvings = 0
            while !dev.isFinite {
                guard let previous = previousCoefficients, halvings < 50 else {
                    throw GSLError(code: GSLError.maxIterations,
                                   context: "\(context): deviance is not finite at iteration \(iterations) and step-halving could not recover")
                }
                halvings += 1
                coefficients = zip(coefficients, previous).map { ($0 + $1) / 2 }
                (eta, mu) = predict(design, coefficients, offsets)
                dev = deviance(y, mu)
            }

            relativeChange = abs(dev - devianceOld) / (abs(dev) + 0.1)
            devianceOld = dev
            previousCoefficients = coefficients
            if relativeChange < tolerance {
                converged = true
                break
            }
        }
        guard converged else {
            throw GSLError(code: GSLError.maxIterations,
                           context: "\(context): did not converge in \(maxIterations) iterations "
                               + "(relative deviance change \(relativeChange), tolerance \(tolerance))")
        }

        // The covariance is the inverse Fisher information (X'WX)^-1 with W = mu at the fitted
        // means (R uses the weights of its last iteration, which agree to within the tolerance).
        let working = workingResponse(y: y, mu: mu, eta: eta, offsets: offsets)
        let covariance = try LeastSquares.solve(design: design, response: working, weights: mu,
                                                context: context).covariance

        let residualDF = n - p
        var pearson = 0.0
        for i in 0..<n {
            let residual = y[i] - mu[i]
            pearson += residual * residual / mu[i]
        }

        // Null model (R's glm): intercept only with the same offset when the design has a
        // constant column, else the offset alone. The intercept-only MLE with an offset has the
        // closed form mu0_i = exp(offset_i) sum(y) / sum(exp(offset)), computed on the log scale.
        let nullMeans: [Double]
        let nullDF: Int
        if LeastSquares.hasConstantColumn(design) {
            let maxOffset = offsets.max() ?? 0
            let logSumExp = maxOffset + log(offsets.reduce(0) { $0 + exp($1 - maxOffset) })
            let logTotal = log(y.reduce(0, +))
            nullMeans = offsets.map { exp($0 + logTotal - logSumExp) }
            nullDF = n - 1
        } else {
            nullMeans = offsets.map { exp($0) }
            nullDF = n
        }

        var logLikelihood = 0.0
        for i in 0..<n {
            let logMass: Double = (y[i] > 0 ? y[i] * log(mu[i]) : 0) - mu[i] - gsl_sf_lngamma(y[i] + 1)
            logLikelihood += logMass
        }

        return PoissonGLMFit(
            coefficients: coefficients,
            standardErrors: (0..<p).map { covariance[$0][$0].squareRoot() },
            covariance: covariance,
            deviance: devianceOld,
            nullDeviance: deviance(y, nullMeans),
            pearsonChiSquared: pearson,
            dispersion: residualDF > 0 ? pearson / Double(residualDF) : .nan,
            residualDegreesOfFreedom: residualDF,
            nullDegreesOfFreedom: nullDF,
            iterations: iterations,
            fittedMeans: mu,
            logLikelihood: logLikelihood)
    }

    /// The IRLS working response for the log link, z = eta - offset + (y - mu) / mu.
    static func workingResponse(y: [Double], mu: [Double], eta: [Double], offsets: [Double]) -> [Double] {
        var z = [Double](repeating: 0, count: y.count)
        for i in y.indices {
            z[i] = eta[i] - offsets[i] + (y[i] - mu[i]) / mu[i]
        }
        return z
    }

    /// The smallest fitted mean allowed, R's `.Machine$double.eps`, keeping IRLS weights positive.
    static let minimumMean = 2.220446049250313e-16

    /// The linear predictor X b + offset and the means exp of it (floored at `minimumMean`).
    static func predict(_ design: [[Double]], _ b: [Double], _ offsets: [Double]) -> (eta: [Double], mu: [Double]) {
        var eta = [Double](repeating: 0, count: design.count)
        var mu = eta
        for (i, row) in design.enumerated() {
            var sum = offsets[i]
            for j in 0..<b.count { sum += row[j] * b[j] }
            eta[i] = sum
            mu[i] = max(exp(sum), minimumMean)
        }
        return (eta, mu)
    }

    /// The Poisson deviance 2 sum [y log(y / mu) - (y - mu)], with 0 log 0 taken as 0.
    static func deviance(_ y: [Double], _ mu: [Double]) -> Double {
        var sum = 0.0
        for i in y.indices {
            let term = y[i] > 0 ? y[i] * log(y[i] / mu[i]) : 0
            sum += term - (y[i] - mu[i])
        }
        return 2 * sum
    }
}
