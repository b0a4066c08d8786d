import Foundation
import GSLKit
import MSCModel

/// How the standard errors of a Poisson fit treat overdispersion.
public enum DispersionMethod: String, CaseIterable, Sendable {
    /// Dispersion fixed at 1 (the Poisson variance assumption).
    case fixed
    /// Dispersion estimated by Pearson's chi-squared over the residual degrees of freedom
    /// (quasi-Poisson): standard errors times its square root.
    case pearson
    /// Robust (Huber–White sandwich, HC0) covariance: (X'WX)⁻¹ [Σ (y − mu)² x x'] (X'WX)⁻¹,
    /// valid whatever the variance of the counts.
    case robust
}

/// A Poisson regression of counts on predictors with a log exposure offset, fitted by GSLKit.
///
/// Model: log E[count] = log(exposure) + intercept + sum of coefficient x predictor, so
/// exp(coefficient) is the rate ratio per unit of a predictor (or of a factor level against the
/// reference level). Tests and 95% intervals use the normal distribution for both dispersion
/// methods, as statsmodels and Stata do (R's quasipoisson summary uses Student's t instead).
public struct PoissonRegressionResult: Sendable {
    public let file: String
    public let outcome: String
    public let exposure: String?
    public let rowCount: Int
    public let dispersionMethod: DispersionMethod
    /// The coefficients with tests and intervals (standard errors per `dispersionMethod`).
    public let coefficients: [CoefficientEstimate]
    /// The GLM as GSLKit fitted it: deviances, Pearson statistics, degrees of freedom, AIC.
    public let glm: PoissonGLMFit
    /// Standard errors with the dispersion fixed at 1, whatever the method.
    public var modelStandardErrors: [Double] { glm.standardErrors }
    /// Residual deviance.
    public var deviance: Double { glm.deviance }
    /// Deviance of the intercept-only model with the same offset.
    public var nullDeviance: Double { glm.nullDeviance }
    /// Pearson's chi-squared, sum (y − mu)² / mu.
    public var pearsonChiSquared: Double { glm.pearsonChiSquared }
    /// Pearson dispersion, pearsonChiSquared / residual degrees of freedom (NaN with none).
    public var dispersion: Double { glm.dispersion }
    public var residualDegreesOfFreedom: Int { glm.residualDegreesOfFreedom }
    public var nullDegreesOfFreedom: Int { glm.nullDegreesOfFreedom }
    public var iterations: Int { glm.iterations }
    public var aic: Double { glm.aic }
    /// Reference level of each factor.
    public let referenceLevels: [String: String]
    /// Estimates and covariance for the Monte Carlo.
    public let fittedCoefficients: FittedCoefficients

    /// The coefficient called `name`.
    public func coefficient(named name: String) -> CoefficientEstimate? {
        coefficients.first { $0.name == name }
    }
}

public enum PoissonRegression {
    /// Reads the columns from `table`, builds the design and fits it.
    public static func fit(table: CSVTable, outcome: String, exposure: String?, predictors: [String], factors: [String],
                           dispersion: DispersionMethod) throws -> PoissonRegressionResult {
        let design = try RegressionDesign.poisson(table: table, outcome: outcome, exposure: exposure,
                                                  predictors: predictors, factors: factors)
        return try fit(design: design, outcomeName: outcome, exposureName: exposure, dispersion: dispersion)
    }

    /// Fits a built design with GSLKit's IRLS; GSL errors become one-line ``MSCModel/InputError``s.
    public static func fit(design: RegressionDesign, outcomeName: String, exposureName: String?,
                           dispersion method: DispersionMethod) throws -> PoissonRegressionResult {
        try FitRefusal.checkEstimable(design, outcomeName: outcomeName)
        let glm: PoissonGLMFit
        do {
            glm = try PoissonGLM.fit(design: design.rows, counts: design.outcome, offset: design.logExposure)
        } catch let error where error.code == GSLError.singular {
            throw design.singularColumnError()
        } catch {
            throw InputError(file: design.file, message: "the Poisson regression failed (\(error.context)); "
                                 + "check for a predictor or factor level whose rows all have a count of 0")
        }
        let covariance: [[Double]]
        switch method {
        case .fixed: covariance = glm.covariance
        case .pearson: covariance = glm.quasiPoissonCovariance()
        case .robust: covariance = sandwich(bread: glm.covariance, design: design.rows, counts: design.outcome,
                                            means: glm.fittedMeans)
        }
        let standardErrors = covariance.indices.map { covariance[$0][$0].squareRoot() }
        try FitRefusal.checkEstimated(design, estimates: glm.coefficients, standardErrors: standardErrors,
                                      dispersion: glm.dispersion)
        let coefficients = design.columnNames.indices.map { j in
            CoefficientEstimate(name: design.columnNames[j], estimate: glm.coefficients[j],
                                standardError: standardErrors[j], degreesOfFreedom: nil)
        }
        return PoissonRegressionResult(
            file: design.file, outcome: outcomeName, exposure: exposureName, rowCount: design.rows.count,
            dispersionMethod: method, coefficients: coefficients, glm: glm, referenceLevels: design.referenceLevels,
            fittedCoefficients: FittedCoefficients(names: design.columnNames, estimates: glm.coefficients,
                                                   covariance: covariance))
    }

    /// The HC0 sandwich B M B with B = (X'WX)⁻¹ and M = Σ (y − mu)² x x'.
    static func sandwich(bread: [[Double]], design: [[Double]], counts: [Double], means: [Double]) -> [[Double]] {
        let p = bread.count
        var meat = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
        for (i, row) in design.enumerated() {
            let squaredResidual = (counts[i] - means[i]) * (counts[i] - means[i])
            for a in 0..<p { for b in 0..<p { meat[a][b] += squaredResidual * row[a] * row[b] } }
        }
        func product(_ x: [[Double]], _ y: [[Double]]) -> [[Double]] {
            (0..<p).map { a in (0..<p).map { b in (0..<p).reduce(0) { $0 + x[a][$1] * y[$1][b] } } }
        }
        let result = product(product(bread, meat), bread)
        // Symmetrise against rounding so the covariance factorises for the Monte Carlo.
        return (0..<p).map { a in (0..<p).map { b in (result[a][b] + result[b][a]) / 2 } }
    }
}
