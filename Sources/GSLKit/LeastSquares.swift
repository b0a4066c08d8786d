import CGSL

/// The result of an ordinary least-squares fit y = X b + e.
public struct LinearFit: Sendable {
    /// The estimated coefficients b, one per design column.
    public let coefficients: [Double]
    /// The coefficients' covariance s^2 (X'X)^-1, with s^2 = RSS / (n - p), as GSL computes it.
    public let covariance: [[Double]]
    /// The coefficients' standard errors, the square roots of the covariance diagonal.
    public let standardErrors: [Double]
    /// The residual sum of squares, sum (y - X b)^2.
    public let residualSumOfSquares: Double
    /// The residual degrees of freedom n - p (rows minus columns).
    public let degreesOfFreedom: Int
    /// The coefficient of determination R^2 = 1 - RSS / TSS.
    ///
    /// TSS is centred on the mean of y when the design has a constant column (an intercept) and
    /// uncentred (sum y^2) otherwise, as R's `summary.lm` does.
    public let rSquared: Double
    /// The residual standard deviation s = sqrt(RSS / (n - p)), in the units of y (NaN when n = p).
    public let residualStandardDeviation: Double
    /// The fitted values X b, one per row.
    public let fittedValues: [Double]
    /// The residuals y - X b, one per row.
    public let residuals: [Double]

    /// The prediction x'b for one row of predictors laid out like the design's columns.
    public func predict(_ row: [Double]) -> Double {
        precondition(row.count == coefficients.count, "LinearFit.predict needs \(coefficients.count) values, got \(row.count)")
        return zip(row, coefficients).reduce(0) { $0 + $1.0 * $1.1 }
    }
}

/// The result of a weighted least-squares fit minimising sum w_i (y_i - x_i'b)^2.
public struct WeightedLinearFit: Sendable {
    /// The estimated coefficients b, one per design column.
    public let coefficients: [Double]
    /// (X'WX)^-1, as GSL's `gsl_multifit_wlinear` gives it: the coefficients' covariance when the
    /// weights are known inverse variances (as in IRLS); multiply by
    /// weightedResidualSumOfSquares / degreesOfFreedom when the weights are only relative.
    public let unscaledCovariance: [[Double]]
    /// The weighted residual sum of squares, sum w_i (y_i - x_i'b)^2 (GSL's chi-squared).
    public let weightedResidualSumOfSquares: Double
    /// The residual degrees of freedom n - p (rows minus columns).
    public let degreesOfFreedom: Int
    /// The fitted values X b, one per row.
    public let fittedValues: [Double]
}

/// Linear least squares over GSL's SVD-based `gsl_multifit` solvers, with the checks GSL omits.
///
/// GSL's solvers use a (column-balanced) singular value decomposition and quietly return a
/// minimum-norm answer for a singular design, which would give meaningless coefficients. These
/// functions instead throw when the design's rank (singular values above 1e-12 of the largest,
/// after GSL's column balancing) is less than its number of columns, e.g. two identical columns,
/// or a constant predictor next to an intercept.
public enum LeastSquares {
    /// The relative singular-value cut-off below which a design column counts as redundant.
    static let rankTolerance = 1e-12

    /// Fits y = X b + e by ordinary least squares (`gsl_multifit_linear_tsvd`).
    ///
    /// - Parameters:
    ///   - design: the design matrix X as rows (one per observation); include a column of ones
    ///     for an intercept.
    ///   - response: y, one value per row.
    /// - Throws: `GSLError` for an empty, ragged or non-finite design, a response of the wrong
    ///   length or with non-finite values, fewer rows than columns, or a singular design.
    public static func ordinary(design: [[Double]], response: [Double]) throws(GSLError) -> LinearFit {
        let context = "ordinary least squares"
        let solution = try solve(design: design, response: response, weights: nil, context: context)
        let n = design.count, p = solution.coefficients.count
        let fitted = design.map { row in zip(row, solution.coefficients).reduce(0) { $0 + $1.0 * $1.1 } }
        let residuals = zip(response, fitted).map { $0 - $1 }
        let rss = solution.chiSquared
        let totalSumOfSquares: Double
        if hasConstantColumn(design) {
            let mean = response.reduce(0, +) / Double(n)
            totalSumOfSquares = response.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        } else {
            totalSumOfSquares = response.reduce(0) { $0 + $1 * $1 }
        }
        let df = n - p
        return LinearFit(
            coefficients: solution.coefficients,
            covariance: solution.covariance,
            standardErrors: (0..<p).map { solution.covariance[$0][$0].squareRoot() },
            residualSumOfSquares: rss,
            degreesOfFreedom: df,
            rSquared: 1 - rss / totalSumOfSquares,
            residualStandardDeviation: df > 0 ? (rss / Double(df)).squareRoot() : .nan,
            fittedValues: fitted,
            residuals: residuals)
    }

    /// Fits y = X b + e by weighted least squares (`gsl_multifit_wlinear_tsvd`).
    ///
    /// - Parameters:
    ///   - design: the design matrix X as rows.
    ///   - response: y, one value per row.
    ///   - weights: w, one positive finite weight per row (inverse variances for known weights).
    /// - Throws: `GSLError` for the same reasons as ``ordinary(design:response:)``, and for a
    ///   weight that is zero, negative or not finite.
    public static func weighted(design: [[Double]], response: [Double], weights: [Double]) throws(GSLError) -> WeightedLinearFit {
        let context = "weighted least squares"
        let solution = try solve(design: design, response: response, weights: weights, context: context)
        let fitted = design.map { row in zip(row, solution.coefficients).reduce(0) { $0 + $1.0 * $1.1 } }
        return WeightedLinearFit(
            coefficients: solution.coefficients,
            unscaledCovariance: solution.covariance,
            weightedResidualSumOfSquares: solution.chiSquared,
            degreesOfFreedom: design.count - solution.coefficients.count,
            fittedValues: fitted)
    }

    /// True when some column of the design is constant and non-zero (an intercept, perhaps scaled).
    static func hasConstantColumn(_ design: [[Double]]) -> Bool {
        guard let first = design.first else { return false }
        return first.indices.contains { j in
            first[j] != 0 && design.allSatisfy { $0[j] == first[j] }
        }
    }

    /// Validates the inputs, runs the GSL solver and checks the rank.
    static func solve(
        design: [[Double]], response: [Double], weights: [Double]?, context: String
    ) throws(GSLError) -> (coefficients: [Double], covariance: [[Double]], chiSquared: Double) {
        let (n, p) = try shapeOf(design, "design matrix", in: context)
        guard response.count == n else {
            throw GSLError(code: GSLError.badLength,
                           context: "\(context): response has \(response.count) values but the design matrix has \(n) rows")
        }
        try requireFinite(response, "response", in: context)
        guard n >= p else {
            throw GSLError(code: GSLError.badLength,
                           context: "\(context): fewer rows (\(n)) than columns (\(p)); the coefficients are not identified")
        }
        if let weights {
            guard weights.count == n else {
                throw GSLError(code: GSLError.badLength,
                               context: "\(context): \(weights.count) weights for \(n) rows")
            }
            if let i = weights.firstIndex(where: { !($0 > 0 && $0.isFinite) }) {
                throw GSLError(code: GSLError.domainError,
                               context: "\(context): weight[\(i)] = \(weights[i]) is not a positive finite number")
            }
        }

        let x = try GSLMatrix(design, context: context)
        let y = try GSLVector(response, context: context)
        let c = try GSLVector(count: p, context: context)
        let cov = try GSLMatrix(rows: p, columns: p, context: context)
        let workspace = try LinearWorkspace(rows: n, columns: p, context: context)
        var chiSquared = 0.0
        var rank = 0
        let status: Int32
        if let weights {
            let w = try GSLVector(weights, context: context)
            status = gsl_multifit_wlinear_tsvd(x.pointer, w.pointer, y.pointer, rankTolerance,
                                               c.pointer, cov.pointer, &chiSquared, &rank, workspace.pointer)
        } else {
            status = gsl_multifit_linear_tsvd(x.pointer, y.pointer, rankTolerance,
                                              c.pointer, cov.pointer, &chiSquared, &rank, workspace.pointer)
        }
        try GSLError.check(status, "\(context): GSL solver failed")
        guard rank == p else {
            throw GSLError(code: GSLError.singular,
                           context: "\(context): design matrix is singular (rank \(rank) of \(p) columns); "
                               + "a column is constant alongside an intercept or a combination of others")
        }
        return (c.array, cov.array, chiSquared)
    }
}

/// An owned `gsl_multifit_linear_workspace`.
final class LinearWorkspace {
    let pointer: UnsafeMutablePointer<gsl_multifit_linear_workspace>

    init(rows: Int, columns: Int, context: String) throws(GSLError) {
        ErrorHandler.ensureInstalled()
        guard let p = gsl_multifit_linear_alloc(rows, columns) else {
            throw GSLError(code: GSLError.outOfMemory, context: "\(context): cannot allocate a least-squares workspace")
        }
        pointer = p
    }

    deinit { gsl_multifit_linear_free(pointer) }
}
