import GSLKit
import Testing

// NIST Statistical Reference Datasets (StRD), linear regression "Longley" (higher difficulty):
// Longley, J. W. (1967), "An Appraisal of Least Squares Programs for the Electronic Computer from
// the Viewpoint of the User", JASA 62, 819-841. Public domain (US Government work), from
// https://www.itl.nist.gov/div898/strd/lls/data/Longley.shtml. Embedded as literals so the test
// runs from a fresh clone. Columns: y, x1 ... x6; model y = B0 + B1 x1 + ... + B6 x6.
private let longley: [[Double]] = [
    [60323, 83, 234289, 2356, 1590, 107608, 1947],
    [61122, 88.5, 259426, 2325, 1456, 108632, 1948],
    [60171, 88.2, 258054, 3682, 1616, 109773, 1949],
    [61187, 89.5, 284599, 3351, 1650, 110929, 1950],
    [63221, 96.2, 328975, 2099, 3099, 112075, 1951],
    [63639, 98.1, 346999, 1932, 3594, 113270, 1952],
    [64989, 99, 365385, 1870, 3547, 115094, 1953],
    [63761, 100, 363112, 3578, 3350, 116219, 1954],
    [66019, 101.2, 397469, 2904, 3048, 117388, 1955],
    [67857, 104.6, 419180, 2822, 2857, 118734, 1956],
    [68169, 108.4, 442769, 2936, 2798, 120445, 1957],
    [66513, 110.8, 444546, 4681, 2637, 121950, 1958],
    [68655, 112.6, 482704, 3813, 2552, 123366, 1959],
    [69564, 114.2, 502601, 3931, 2514, 125368, 1960],
    [69331, 115.7, 518173, 4806, 2572, 127852, 1961],
    [70551, 116.9, 554894, 4007, 2827, 130081, 1962],
]

// NIST certified values (15 significant digits): estimates and standard deviations of B0 ... B6.
private let certifiedCoefficients: [Double] = [
    -3482258.63459582, 15.0618722713733, -0.358191792925910E-01, -2.02022980381683,
    -1.03322686717359, -0.511041056535807E-01, 1829.15146461355,
]
private let certifiedStandardErrors: [Double] = [
    890420.383607373, 84.9149257747669, 0.334910077722432E-01, 0.488399681651699,
    0.214274163161675, 0.226073200069370, 455.478499142212,
]
private let certifiedResidualSD = 304.854073561965
private let certifiedRSquared = 0.995479004577296

private func relativeError(_ value: Double, _ reference: Double) -> Double {
    abs(value - reference) / abs(reference)
}

@Test func longleyReproducesCertifiedValues() throws {
    let design = longley.map { [1.0] + $0.dropFirst() }
    let response = longley.map { $0[0] }
    let fit = try LeastSquares.ordinary(design: design, response: response)

    var maxError = 0.0
    for j in 0..<7 {
        let coefficientError = relativeError(fit.coefficients[j], certifiedCoefficients[j])
        let seError = relativeError(fit.standardErrors[j], certifiedStandardErrors[j])
        #expect(coefficientError < 1e-7, "B\(j): \(fit.coefficients[j]) vs \(certifiedCoefficients[j])")
        #expect(seError < 1e-7, "SE(B\(j)): \(fit.standardErrors[j]) vs \(certifiedStandardErrors[j])")
        maxError = max(maxError, coefficientError, seError)
    }
    let sdError = relativeError(fit.residualStandardDeviation, certifiedResidualSD)
    let r2Error = relativeError(fit.rSquared, certifiedRSquared)
    #expect(sdError < 1e-7)
    #expect(r2Error < 1e-7)
    #expect(fit.degreesOfFreedom == 9)
    print("Longley max relative error: coefficients/SEs \(maxError), residual SD \(sdError), R^2 \(r2Error)")

    // The covariance is s^2 (X'X)^-1: its diagonal gives the standard errors, and it is symmetric.
    for i in 0..<7 {
        #expect(fit.covariance[i][i].squareRoot() == fit.standardErrors[i])
        for j in 0..<i {
            #expect(abs(fit.covariance[i][j] - fit.covariance[j][i]) <= 1e-12 * abs(fit.covariance[i][j]))
        }
    }
    // Residuals and fitted values add back to the response.
    for i in 0..<longley.count {
        #expect(abs(fit.fittedValues[i] + fit.residuals[i] - response[i]) < 1e-6)
    }
    #expect(abs(fit.predict(design[0]) - fit.fittedValues[0]) < 1e-6)
}
