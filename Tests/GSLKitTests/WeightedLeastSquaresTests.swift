import GSLKit
import Testing

@Test func unitWeightsMatchOrdinaryLeastSquares() throws {
    let design: [[Double]] = (0..<12).map { i in [1, Double(i), Double((i * 7) % 5)] }
    // A deterministic response with some scatter around a plane.
    let noise: [Double] = [0.3, -0.2, 0.5, -0.4, 0.1, 0.0, -0.3, 0.2, 0.4, -0.1, -0.5, 0.25]
    let response: [Double] = (0..<12).map { i in
        let linear: Double = 3 + 0.5 * design[i][1] - 0.7 * design[i][2]
        return linear + noise[i]
    }
    let ols = try LeastSquares.ordinary(design: design, response: response)
    let wls = try LeastSquares.weighted(design: design, response: response, weights: Array(repeating: 1, count: 12))
    #expect(wls.degreesOfFreedom == ols.degreesOfFreedom)
    #expect(abs(wls.weightedResidualSumOfSquares - ols.residualSumOfSquares) < 1e-10)
    let s2 = ols.residualSumOfSquares / Double(ols.degreesOfFreedom)
    for i in 0..<3 {
        #expect(abs(wls.coefficients[i] - ols.coefficients[i]) < 1e-12)
        for j in 0..<3 {
            // OLS covariance is s^2 (X'X)^-1; WLS gives (X'WX)^-1 unscaled.
            #expect(abs(wls.unscaledCovariance[i][j] * s2 - ols.covariance[i][j]) < 1e-12)
        }
    }
}

@Test func weightedSimpleRegressionByHand() throws {
    // Closed form for y = b0 + b1 x with weights w: b1 = Sxy / Sxx about the weighted means,
    // b0 = ybar - b1 xbar, and (X'WX)^-1 has Var(b1) = 1 / Sxx.
    let x: [Double] = [1, 2, 3, 4, 5, 6]
    let y: [Double] = [1.2, 1.9, 3.2, 3.8, 5.3, 5.9]
    let w: [Double] = [1, 2, 1, 4, 0.5, 3]
    let sw = w.reduce(0, +)
    let xbar = zip(w, x).reduce(0) { $0 + $1.0 * $1.1 } / sw
    let ybar = zip(w, y).reduce(0) { $0 + $1.0 * $1.1 } / sw
    var sxx = 0.0, sxy = 0.0
    for i in 0..<6 {
        sxx += w[i] * (x[i] - xbar) * (x[i] - xbar)
        sxy += w[i] * (x[i] - xbar) * (y[i] - ybar)
    }
    let b1 = sxy / sxx, b0 = ybar - b1 * xbar
    let fit = try LeastSquares.weighted(design: x.map { [1, $0] }, response: y, weights: w)
    #expect(abs(fit.coefficients[0] - b0) < 1e-12)
    #expect(abs(fit.coefficients[1] - b1) < 1e-12)
    #expect(abs(fit.unscaledCovariance[1][1] - 1 / sxx) < 1e-12)
    #expect(abs(fit.unscaledCovariance[0][0] - (1 / sw + xbar * xbar / sxx)) < 1e-12)
    let chisq = (0..<6).reduce(0.0) { sum, i in
        let r = y[i] - b0 - b1 * x[i]
        return sum + w[i] * r * r
    }
    #expect(abs(fit.weightedResidualSumOfSquares - chisq) < 1e-12)
    #expect(fit.degreesOfFreedom == 4)
    #expect(abs(fit.fittedValues[2] - (b0 + 3 * b1)) < 1e-12)
}

@Test func rSquaredWithoutInterceptIsUncentred() throws {
    // Through the origin, R's summary.lm uses TSS = sum y^2.
    let x: [Double] = [1, 2, 3, 4]
    let y: [Double] = [2.1, 3.9, 6.2, 7.8]
    let fit = try LeastSquares.ordinary(design: x.map { [$0] }, response: y)
    let b = zip(x, y).reduce(0) { $0 + $1.0 * $1.1 } / x.reduce(0) { $0 + $1 * $1 }
    #expect(abs(fit.coefficients[0] - b) < 1e-14)
    let rss = zip(x, y).reduce(0) { $0 + ($1.1 - b * $1.0) * ($1.1 - b * $1.0) }
    #expect(abs(fit.rSquared - (1 - rss / y.reduce(0) { $0 + $1 * $1 })) < 1e-14)
}
