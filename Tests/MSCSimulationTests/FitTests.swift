import Foundation
import GSLKit
import MSCModel
import Testing
@testable import MSCSimulation

/// 24 authorities: counts, residents, a yes/no coordinator flag, a region and a covariate.
let poissonFixture = """
population,hasMSC,region,deprivation,referrals
146856,yes,East,26.8,3
147482,no,North,23.7,1
424678,no,West,19.3,6
367939,no,East,16.6,2
531013,no,North,20.2,8
97198,yes,West,21.2,4
163108,no,East,16.3,1
97706,no,North,24.8,0
245035,no,West,11.2,0
516344,no,East,17.8,2
391163,yes,North,19.5,18
128308,no,West,19.1,3
243895,no,East,19.5,2
243446,no,North,12.0,0
290099,no,West,27.6,8
310428,yes,East,21.9,6
265754,no,North,22.7,5
100092,no,West,23.0,1
414595,no,East,25.5,4
371981,no,North,17.0,4
321770,yes,West,16.3,6
283002,no,East,25.4,5
231017,no,North,21.9,5
248960,no,West,16.3,0
"""

/// Relative difference, for "equal to 6 significant digits" checks.
func relativeDifference(_ a: Double, _ b: Double) -> Double {
    abs(a - b) / max(abs(b), 1e-300)
}

@Suite("Poisson regression (msc fit)")
struct FitTests {
    func fit(_ text: String = poissonFixture, predictors: [String] = ["hasMSC", "deprivation"], factors: [String] = ["region"],
             exposure: String? = "population", dispersion: DispersionMethod = .fixed) throws -> PoissonRegressionResult {
        try PoissonRegression.fit(table: try CSVTable.parse(text: text, fileName: "data.csv"), outcome: "referrals",
                                  exposure: exposure, predictors: predictors, factors: factors, dispersion: dispersion)
    }

    @Test("coefficients, standard errors, deviance and dispersion equal statsmodels to 6 significant digits")
    func matchesStatsmodels() throws {
        // Reference: Python statsmodels 0.15.0, sm.GLM(referrals, X, family=Poisson(),
        // offset=log(population)).fit(tol=1e-13), X = intercept, hasMSC, deprivation, region[North],
        // region[West]; quasi-Poisson standard errors from .fit(scale="X2"), computed offline.
        let estimates = [-14.295933524102004, 1.075130347698118, 0.11176600932876013, 0.8508805698374364, 0.6480652958969606]
        let standardErrors = [0.7307566468748662, 0.21561767559370362, 0.029402019085442488, 0.2681074308423422, 0.2850767779696851]
        let quasiStandardErrors = [0.6611750343548725, 0.19508686595961772, 0.02660240048270739, 0.24257862111504147, 0.25793217103711097]
        let result = try fit()
        #expect(result.coefficients.map(\.name) == ["intercept", "hasMSC", "deprivation", "region[North]", "region[West]"])
        #expect(result.referenceLevels == ["region": "East"])
        for j in estimates.indices {
            #expect(relativeDifference(result.coefficients[j].estimate, estimates[j]) < 1e-6)
            #expect(relativeDifference(result.coefficients[j].standardError, standardErrors[j]) < 1e-6)
        }
        #expect(relativeDifference(result.deviance, 21.587619038344094) < 1e-6)
        #expect(relativeDifference(result.nullDeviance, 62.21283746533018) < 1e-6)
        #expect(relativeDifference(result.dispersion, 0.8186294113056776) < 1e-6)
        let quasi = try fit(dispersion: .pearson)
        for j in quasiStandardErrors.indices {
            #expect(relativeDifference(quasi.coefficients[j].standardError, quasiStandardErrors[j]) < 1e-6)
        }
        // statsmodels .fit(cov_type="HC0"): the sandwich covariance.
        let robustStandardErrors = [0.5133540607147487, 0.15644251315305555, 0.021909663127651684, 0.1830370216296186, 0.15526689902314444]
        let robust = try fit(dispersion: .robust)
        for j in robustStandardErrors.indices {
            #expect(relativeDifference(robust.coefficients[j].standardError, robustStandardErrors[j]) < 1e-6)
            #expect(robust.coefficients[j].estimate == result.coefficients[j].estimate)
        }
        _ = try robust.fittedCoefficients.multivariateNormal()
    }

    @Test("the fit equals an independent Newton-Raphson solve to 6 significant digits")
    func matchesIndependentNewton() throws {
        let table = try CSVTable.parse(text: poissonFixture, fileName: "data.csv")
        var x: [[Double]] = [], y: [Double] = [], offset: [Double] = []
        for row in table.rows {
            let region = try table.text("region", in: row)
            x.append([1, try table.text("hasMSC", in: row) == "yes" ? 1 : 0, try table.number("deprivation", in: row),
                      region == "North" ? 1 : 0, region == "West" ? 1 : 0])
            y.append(try table.number("referrals", in: row))
            offset.append(log(try table.number("population", in: row)))
        }
        let reference = IndependentPoisson.fit(x: x, y: y, offset: offset)
        let result = try fit(dispersion: .pearson)
        for j in reference.beta.indices {
            #expect(relativeDifference(result.coefficients[j].estimate, reference.beta[j]) < 1e-6)
            #expect(relativeDifference(result.coefficients[j].standardError,
                                       (reference.inverseInformation[j][j] * reference.dispersion).squareRoot()) < 1e-6)
        }
        #expect(relativeDifference(result.deviance, reference.deviance) < 1e-6)
        #expect(relativeDifference(result.dispersion, reference.dispersion) < 1e-6)
    }

    @Test("rate ratios are recovered from counts simulated with known coefficients")
    func recoversRateRatios() throws {
        let stream = RandomStream(seed: 20_250_101)
        var lines = ["population,hasMSC,deprivation,referrals"]
        let trueRateRatio = 2.5, trueDeprivationEffect = 0.04, baseRate = 2e-5
        for i in 0..<400 {
            let population = 50_000 + 2_000 * Double(i % 200)
            let hasMSC = i % 4 == 0
            let deprivation = Double(i % 37)
            let mean = population * baseRate * (hasMSC ? trueRateRatio : 1) * exp(trueDeprivationEffect * deprivation)
            lines.append("\(Int(population)),\(hasMSC),\(deprivation),\(stream.poisson(mean: mean))")
        }
        let result = try fit(lines.joined(separator: "\n"), factors: [])
        let hasMSC = try #require(result.coefficient(named: "hasMSC"))
        // Within 3 standard errors, and the 95% interval covers the truth.
        #expect(abs(hasMSC.estimate - log(trueRateRatio)) < 3 * hasMSC.standardError)
        #expect(hasMSC.lower95 < log(trueRateRatio) && log(trueRateRatio) < hasMSC.upper95)
        let deprivation = try #require(result.coefficient(named: "deprivation"))
        #expect(abs(deprivation.estimate - trueDeprivationEffect) < 3 * deprivation.standardError)
        #expect(abs(result.coefficients[0].estimate - log(baseRate)) < 3 * result.coefficients[0].standardError)
        #expect(abs(result.dispersion - 1) < 0.25)
    }

    @Test("the fitted coefficients give a multivariate normal for the Monte Carlo")
    func multivariateNormal() throws {
        let result = try fit(dispersion: .pearson)
        let fitted = result.fittedCoefficients
        let joint = try fitted.multivariateNormal()
        #expect(joint.mean == fitted.estimates)
        let index = try #require(fitted.index(of: "hasMSC"))
        #expect(relativeDifference(fitted.standardError(at: index), result.coefficients[index].standardError) < 1e-12)
    }

    // MARK: Errors: each one line naming the column or row

    func error(_ text: String, predictors: [String] = ["hasMSC"], factors: [String] = [],
               exposure: String? = "population", dispersion: DispersionMethod = .fixed) -> InputError? {
        do {
            _ = try fit(text, predictors: predictors, factors: factors, exposure: exposure, dispersion: dispersion)
            return nil
        } catch let error as InputError {
            return error
        } catch {
            Issue.record("expected an InputError, got \(error)")
            return nil
        }
    }

    @Test("a missing column names it and lists the header")
    func missingColumn() throws {
        let e = try #require(error(poissonFixture, predictors: ["hasMSCC"]))
        #expect(e.key == "hasMSCC")
        #expect(e.message.contains("missing column"))
        #expect(!e.description.contains("\n"))
    }

    @Test("a non-numeric cell names its row and column")
    func nonNumeric() throws {
        let text = poissonFixture.replacingOccurrences(of: "147482,no,North,23.7,1", with: "147482,no,North,n/a,1")
        let e = try #require(error(text, predictors: ["deprivation"]))
        #expect(e.line == 3)
        #expect(e.key == "deprivation")
        #expect(e.message.contains("\"n/a\""))
    }

    @Test("a negative or fractional count is refused")
    func negativeCount() throws {
        let negative = poissonFixture.replacingOccurrences(of: "424678,no,West,19.3,6", with: "424678,no,West,19.3,-6")
        let e = try #require(error(negative))
        #expect(e.line == 4)
        #expect(e.key == "referrals")
        #expect(e.message.contains("a count"))
        let fractional = poissonFixture.replacingOccurrences(of: "424678,no,West,19.3,6", with: "424678,no,West,19.3,6.5")
        #expect(error(fractional)?.line == 4)
    }

    @Test("a zero exposure is refused")
    func zeroExposure() throws {
        let text = poissonFixture.replacingOccurrences(of: "367939,no,East,16.6,2", with: "0,no,East,16.6,2")
        let e = try #require(error(text))
        #expect(e.line == 5)
        #expect(e.key == "population")
        #expect(e.message.contains("above 0"))
    }

    @Test("fewer rows than parameters is refused")
    func tooFewRows() throws {
        let text = "population,hasMSC,region,deprivation,referrals\n100,yes,East,1,2\n200,no,West,2,3\n300,no,North,4,1\n"
        let e = try #require(error(text, predictors: ["hasMSC", "deprivation"], factors: ["region"]))
        #expect(e.message.contains("3 data rows for 5 parameters"))
    }

    @Test("a constant predictor is named")
    func constantPredictor() throws {
        let text = poissonFixture.replacingOccurrences(of: "yes", with: "no")
        let e = try #require(error(text))
        #expect(e.key == "hasMSC")
        #expect(e.message.contains("same value in every row"))
    }

    @Test("a predictor that is a combination of others is named (singular design from GSL)")
    func collinearPredictor() throws {
        var lines = poissonFixture.split(separator: "\n").map(String.init)
        lines[0] += ",doubled"
        for i in 1..<lines.count {
            let deprivation = Double(lines[i].split(separator: ",")[3])!
            lines[i] += ",\(deprivation * 2)"
        }
        let e = try #require(error(lines.joined(separator: "\n"), predictors: ["deprivation", "doubled"]))
        #expect(e.key == "doubled")
        #expect(e.message.contains("combination of intercept, deprivation"))
        #expect(!e.description.contains("\n"))
    }

    @Test("pearson dispersion with no residual degrees of freedom is refused")
    func saturatedPearson() throws {
        let text = "population,hasMSC,referrals\n100,yes,2\n200,no,3\n"
        let e = try #require(error(text, dispersion: .pearson))
        #expect(e.message.contains("no residual degrees of freedom"))
    }

    @Test("a column used twice is refused")
    func duplicateColumn() throws {
        let e = try #require(error(poissonFixture, predictors: ["population"]))
        #expect(e.key == "population")
    }
}

/// A Poisson GLM written independently of GSLKit: Newton-Raphson on the log-likelihood with a
/// Gauss-Jordan inverse, for cross-checking.
enum IndependentPoisson {
    struct Result {
        var beta: [Double]
        var inverseInformation: [[Double]]
        var deviance: Double
        var dispersion: Double
    }

    static func fit(x: [[Double]], y: [Double], offset: [Double]) -> Result {
        let n = x.count, p = x[0].count
        var beta = [Double](repeating: 0, count: p)
        // Start from the overall rate so the first steps are small.
        beta[0] = log(y.reduce(0, +) / offset.reduce(0) { $0 + exp($1) })
        var inverse = [[Double]]()
        for _ in 0..<100 {
            let mu = (0..<n).map { i in exp(offset[i] + zip(x[i], beta).reduce(0) { $0 + $1.0 * $1.1 }) }
            var score = [Double](repeating: 0, count: p)
            var information = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
            for i in 0..<n {
                for a in 0..<p {
                    score[a] += x[i][a] * (y[i] - mu[i])
                    for b in 0..<p { information[a][b] += x[i][a] * x[i][b] * mu[i] }
                }
            }
            inverse = invert(information)
            let step = (0..<p).map { a in (0..<p).reduce(0) { $0 + inverse[a][$1] * score[$1] } }
            for a in 0..<p { beta[a] += step[a] }
            if step.map(abs).max()! < 1e-14 { break }
        }
        let mu = (0..<n).map { i in exp(offset[i] + zip(x[i], beta).reduce(0) { $0 + $1.0 * $1.1 }) }
        let information = (0..<p).map { a in (0..<p).map { b in (0..<n).reduce(0) { $0 + x[$1][a] * x[$1][b] * mu[$1] } } }
        var deviance = 0.0, pearson = 0.0
        for i in 0..<n {
            deviance += 2 * ((y[i] > 0 ? y[i] * log(y[i] / mu[i]) : 0) - (y[i] - mu[i]))
            pearson += (y[i] - mu[i]) * (y[i] - mu[i]) / mu[i]
        }
        return Result(beta: beta, inverseInformation: invert(information), deviance: deviance,
                      dispersion: pearson / Double(n - p))
    }

    /// Gauss-Jordan inversion with partial pivoting.
    static func invert(_ matrix: [[Double]]) -> [[Double]] {
        let n = matrix.count
        var a = matrix.enumerated().map { i, row in row + (0..<n).map { $0 == i ? 1.0 : 0.0 } }
        for column in 0..<n {
            let pivot = (column..<n).max { abs(a[$0][column]) < abs(a[$1][column]) }!
            a.swapAt(column, pivot)
            let scale = a[column][column]
            a[column] = a[column].map { $0 / scale }
            for row in 0..<n where row != column {
                let factor = a[row][column]
                a[row] = zip(a[row], a[column]).map { $0 - factor * $1 }
            }
        }
        return a.map { Array($0[n...]) }
    }
}
