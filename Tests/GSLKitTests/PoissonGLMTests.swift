import Foundation
import GSLKit
import Testing

// Dobson, A. J. (1990), An Introduction to Generalized Linear Models, p. 93: the example in R's
// `?glm`. counts ~ outcome + treatment with outcome = gl(3, 1, 9), treatment = gl(3, 3), both
// dummy-coded against their first level. Reference values are R's `summary(glm.D93)`.
private let dobsonCounts: [Double] = [18, 17, 15, 20, 10, 20, 25, 13, 12]
private let dobsonDesign: [[Double]] = (0..<9).map { i in
    let outcome = i % 3, treatment = i / 3
    return [1, outcome == 1 ? 1 : 0, outcome == 2 ? 1 : 0, treatment == 1 ? 1 : 0, treatment == 2 ? 1 : 0]
}

@Test func dobsonMatchesR() throws {
    let fit = try PoissonGLM.fit(design: dobsonDesign, counts: dobsonCounts)
    let expectedCoefficients = [3.044522, -0.454255, -0.292987, 0, 0]
    let expectedSEs = [0.170899, 0.202171, 0.192742, 0.2, 0.2]
    for j in 0..<5 {
        #expect(abs(fit.coefficients[j] - expectedCoefficients[j]) < 1e-6, "coefficient \(j): \(fit.coefficients[j])")
        #expect(abs(fit.standardErrors[j] - expectedSEs[j]) < 1e-6, "SE \(j): \(fit.standardErrors[j])")
    }
    #expect(abs(fit.deviance - 5.129141) < 1e-6)
    #expect(fit.residualDegreesOfFreedom == 4)
    #expect(abs(fit.nullDeviance - 10.581446) < 1e-6)
    #expect(fit.nullDegreesOfFreedom == 8)
    #expect(abs(fit.aic - 56.76132) < 1e-4)  // R: AIC(glm.D93) = 56.76132
    // Pearson chi-squared: this model is the 3 x 3 independence model, whose fitted means are
    // row total x column total / grand total in closed form, giving 5.173201621073961.
    #expect(abs(fit.pearsonChiSquared - 5.173201621073961) < 1e-8)
    #expect(abs(fit.dispersion - fit.pearsonChiSquared / 4) < 1e-15)
    let quasi = fit.quasiPoissonStandardErrors()
    let quasiCovariance = fit.quasiPoissonCovariance()
    for j in 0..<5 {
        #expect(abs(quasi[j] - fit.standardErrors[j] * fit.dispersion.squareRoot()) < 1e-15)
        #expect(abs(quasiCovariance[j][j].squareRoot() - quasi[j]) < 1e-12)
    }
    // The fitted means reproduce the row and column totals (a property of the Poisson MLE).
    #expect(abs(fit.fittedMeans.reduce(0, +) - dobsonCounts.reduce(0, +)) < 1e-8)
    print("Dobson: coefficients \(fit.coefficients), SEs \(fit.standardErrors), deviance \(fit.deviance) on "
          + "\(fit.residualDegreesOfFreedom) df, null \(fit.nullDeviance) on \(fit.nullDegreesOfFreedom) df, "
          + "AIC \(fit.aic), iterations \(fit.iterations)")
}

@Test func offsetRecoversSimulatedCoefficients() throws {
    // Rates per person-year from a known model, with large and varied exposures entering as a
    // log offset: log E[y] = log(exposure) + b0 + b1 x + b2 group.
    let truth = [-7.0, 0.5, -0.3]
    let stream = RandomStream(seed: 20_240_601)
    var design: [[Double]] = []
    var counts: [Double] = []
    var offset: [Double] = []
    for _ in 0..<400 {
        let x = stream.uniform(lower: -1, upper: 1)
        let group: Double = stream.bernoulli(probability: 0.4) ? 1 : 0
        let exposure = stream.uniform(lower: 10_000, upper: 100_000)
        let mean = exposure * exp(truth[0] + truth[1] * x + truth[2] * group)
        design.append([1, x, group])
        counts.append(Double(stream.poisson(mean: mean)))
        offset.append(log(exposure))
    }
    let fit = try PoissonGLM.fit(design: design, counts: counts, offset: offset)
    for j in 0..<3 {
        #expect(abs(fit.coefficients[j] - truth[j]) < 4 * fit.standardErrors[j],
                "b\(j) = \(fit.coefficients[j]) +/- \(fit.standardErrors[j]), truth \(truth[j])")
    }
    // Correctly specified Poisson data: dispersion near 1, deviance near its df.
    #expect(abs(fit.dispersion - 1) < 0.25)
    #expect(fit.nullDegreesOfFreedom == 399)
    #expect(fit.nullDeviance > fit.deviance)

    // The null deviance is that of the intercept-only model with the same offset, which is also
    // what fitting that model directly gives.
    let nullFit = try PoissonGLM.fit(design: design.map { _ in [1.0] }, counts: counts, offset: offset)
    #expect(abs(nullFit.deviance - fit.nullDeviance) < 1e-6 * fit.nullDeviance)
    #expect(abs(nullFit.nullDeviance - nullFit.deviance) < 1e-6 * fit.nullDeviance)
}

@Test func noInterceptNullModelUsesOffsetAlone() throws {
    // Without an intercept column, R's null model is mu = exp(offset) with n degrees of freedom.
    let design: [[Double]] = [[1, 0], [1, 0], [0, 1], [0, 1]]
    let counts: [Double] = [3, 5, 10, 12]
    let fit = try PoissonGLM.fit(design: design, counts: counts)
    // Two group means: exp(b) is each group's mean count.
    #expect(abs(exp(fit.coefficients[0]) - 4) < 1e-9)
    #expect(abs(exp(fit.coefficients[1]) - 11) < 1e-9)
    #expect(fit.nullDegreesOfFreedom == 4)
    // Null: mu = exp(0) = 1 for every row.
    let expectedNull = 2 * counts.reduce(0.0) { $0 + $1 * log($1) - ($1 - 1) }
    #expect(abs(fit.nullDeviance - expectedNull) < 1e-9)
}

@Test func zeroCountsAreAllowed() throws {
    // y log(y / mu) is taken as 0 when y = 0.
    let design: [[Double]] = (0..<6).map { [1, Double($0)] }
    let counts: [Double] = [0, 1, 0, 2, 4, 7]
    let fit = try PoissonGLM.fit(design: design, counts: counts)
    #expect(fit.deviance.isFinite && fit.deviance >= 0)
    #expect(fit.coefficients[1] > 0)
}
