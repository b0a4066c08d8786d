import GSLKit
import Testing

// Inputs GSL would abort on (its default handler) or silently mishandle must become GSLErrors,
// and the process must keep running: each test carries on and uses GSL after the error.

/// Asserts that `body` throws a GSLError with `code` whose context contains `phrase`.
private func expectGSLError(
    code: Int32, containing phrase: String, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws -> Void
) {
    do {
        try body()
        Issue.record("expected a GSLError (\(phrase)), got no error", sourceLocation: sourceLocation)
    } catch let error as GSLError {
        #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
        #expect(error.context.contains(phrase), "\(error)", sourceLocation: sourceLocation)
        #expect(error.description.hasPrefix("GSL error \(code) ("), sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected a GSLError, got \(error)", sourceLocation: sourceLocation)
    }
}

@Test func errorDescriptionUsesGSLReason() {
    let error = GSLError(code: GSLError.domainError, context: "Cholesky decomposition: not positive definite")
    #expect(error.code == 1)
    #expect(error.reason == "input domain error")
    #expect(error.description == "GSL error 1 (input domain error) in Cholesky decomposition: not positive definite")
    #expect(error == GSLError(code: 1, context: "Cholesky decomposition: not positive definite"))
    #expect(!GSLLibrary.version.isEmpty)
    #expect(GSLLibrary.version.hasPrefix("2."))
}

@Test func singularDesignThrows() throws {
    // Two identical columns.
    let identical: [[Double]] = (0..<10).map { i in [1, Double(i), Double(i)] }
    let response = (0..<10).map { Double($0) * 2 + 1 }
    expectGSLError(code: GSLError.singular, containing: "design matrix is singular (rank 2 of 3 columns)") {
        _ = try LeastSquares.ordinary(design: identical, response: response)
    }
    // A constant predictor alongside an intercept.
    let constant: [[Double]] = (0..<10).map { i in [1, 3, Double(i)] }
    expectGSLError(code: GSLError.singular, containing: "singular (rank 2 of 3") {
        _ = try LeastSquares.ordinary(design: constant, response: response)
    }
    // A column that is a combination of others.
    let combination: [[Double]] = (0..<10).map { i in
        let x = Double(i)
        return [1, x, x * x, 2 + 3 * x]
    }
    expectGSLError(code: GSLError.singular, containing: "rank 3 of 4") {
        _ = try LeastSquares.weighted(design: combination, response: response, weights: Array(repeating: 1, count: 10))
    }
    expectGSLError(code: GSLError.singular, containing: "Poisson GLM: design matrix is singular") {
        _ = try PoissonGLM.fit(design: identical, counts: response)
    }
    // Still running: a well-posed fit succeeds.
    let fit = try LeastSquares.ordinary(design: identical.map { [$0[0], $0[1]] }, response: response)
    #expect(abs(fit.coefficients[1] - 2) < 1e-12)
}

@Test func malformedRegressionInputsThrow() {
    let design: [[Double]] = [[1, 0], [1, 1], [1, 2], [1, 3]]
    let response: [Double] = [1, 2, 2, 4]
    expectGSLError(code: GSLError.badLength, containing: "row 2 has 1 entries, expected 2") {
        _ = try LeastSquares.ordinary(design: [[1, 0], [1, 1], [1], [1, 3]], response: response)
    }
    expectGSLError(code: GSLError.badLength, containing: "fewer rows (2) than columns (3)") {
        _ = try LeastSquares.ordinary(design: [[1, 2, 3], [4, 5, 7]], response: [1, 2])
    }
    expectGSLError(code: GSLError.badLength, containing: "response has 3 values") {
        _ = try LeastSquares.ordinary(design: design, response: [1, 2, 3])
    }
    expectGSLError(code: GSLError.badLength, containing: "design matrix is empty") {
        _ = try LeastSquares.ordinary(design: [], response: [])
    }
    expectGSLError(code: GSLError.domainError, containing: "not finite") {
        _ = try LeastSquares.ordinary(design: [[1, 0], [1, .nan], [1, 2], [1, 3]], response: response)
    }
    expectGSLError(code: GSLError.domainError, containing: "response[1] is not finite") {
        _ = try LeastSquares.ordinary(design: design, response: [1, .infinity, 2, 4])
    }
    expectGSLError(code: GSLError.domainError, containing: "weight[2] = 0.0 is not a positive") {
        _ = try LeastSquares.weighted(design: design, response: response, weights: [1, 1, 0, 1])
    }
    expectGSLError(code: GSLError.domainError, containing: "weight[0] = -1.0") {
        _ = try LeastSquares.weighted(design: design, response: response, weights: [-1, 1, 1, 1])
    }
    expectGSLError(code: GSLError.badLength, containing: "3 weights for 4 rows") {
        _ = try LeastSquares.weighted(design: design, response: response, weights: [1, 1, 1])
    }
}

@Test func poissonInputErrorsThrow() {
    let design: [[Double]] = [[1, 0], [1, 1], [1, 2], [1, 3]]
    expectGSLError(code: GSLError.domainError, containing: "counts[1] = -2.0 is negative") {
        _ = try PoissonGLM.fit(design: design, counts: [1, -2, 3, 4])
    }
    expectGSLError(code: GSLError.domainError, containing: "counts[3] is not finite") {
        _ = try PoissonGLM.fit(design: design, counts: [1, 2, 3, .nan])
    }
    expectGSLError(code: GSLError.badLength, containing: "3 offsets") {
        _ = try PoissonGLM.fit(design: design, counts: [1, 2, 3, 4], offset: [0, 0, 0])
    }
    expectGSLError(code: GSLError.domainError, containing: "offset[0] is not finite") {
        _ = try PoissonGLM.fit(design: design, counts: [1, 2, 3, 4], offset: [-.infinity, 0, 0, 0])
    }
    expectGSLError(code: GSLError.maxIterations, containing: "did not converge in 1 iterations") {
        _ = try PoissonGLM.fit(design: design, counts: [1, 2, 3, 40], maxIterations: 1)
    }
}

@Test func nonPositiveDefiniteCovarianceThrows() throws {
    // Correlation 1.5 is impossible: the matrix has a negative eigenvalue. GSL's Cholesky reports
    // this through its error handler, which would abort the process if it were still the default.
    expectGSLError(code: GSLError.domainError, containing: "Cholesky decomposition") {
        _ = try MultivariateNormal(mean: [0, 0], covariance: [[1, 1.5], [1.5, 1]])
    }
    // Singular (perfectly correlated) covariance.
    expectGSLError(code: GSLError.domainError, containing: "not positive definite") {
        _ = try MultivariateNormal(mean: [0, 0], covariance: [[1, 1], [1, 1]])
    }
    expectGSLError(code: GSLError.notSquare, containing: "not square") {
        _ = try MultivariateNormal(mean: [0, 0], covariance: [[1, 0, 0], [0, 1, 0]])
    }
    expectGSLError(code: GSLError.badLength, containing: "mean has 3 entries") {
        _ = try MultivariateNormal(mean: [0, 0, 0], covariance: [[1, 0], [0, 1]])
    }
    expectGSLError(code: GSLError.domainError, containing: "not symmetric") {
        _ = try MultivariateNormal(mean: [0, 0], covariance: [[1, 0.5], [0.2, 1]])
    }
    expectGSLError(code: GSLError.badLength, containing: "mean vector is empty") {
        _ = try MultivariateNormal(mean: [], covariance: [])
    }
    // Still running, and a valid covariance factorises.
    let mvn = try MultivariateNormal(mean: [0, 0], covariance: [[1, 0.5], [0.5, 1]])
    #expect(mvn.dimension == 2)
}

@Test func sobolDimensionOutOfRangeThrows() throws {
    for dimension in [0, 41, -1] {
        expectGSLError(code: GSLError.invalidArgument, containing: "dimension \(dimension) is outside 1...40") {
            _ = try SobolSequence(dimension: dimension)
        }
    }
    #expect(try SobolSequence(dimension: 1).next() == [0.5])
}
