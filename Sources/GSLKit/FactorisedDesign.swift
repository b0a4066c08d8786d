import CGSL

/// A design matrix X factorised once, so that several responses can be fitted to it by ordinary
/// least squares for the price of one decomposition: EVPPI fits every option's incremental net
/// benefit to the same candidate designs.
///
/// The factorisation is a Householder QR, X = Q R (GSL's blocked `gsl_linalg_QR_decomp_r`), which
/// costs about a third of the SVD that ``LeastSquares/ordinary(design:response:)`` computes and
/// never forms Q. Its checks are those of `ordinary`: a non-finite design or response, fewer rows
/// than columns, or a singular design throws, singular meaning (as there) singular values at or
/// below 1e-12 of the largest after GSL's column balancing, here read from the SVD of the small
/// p × p matrix R D⁻¹ (X D⁻¹ = Q R D⁻¹ has the same singular values). A design of full rank has
/// one least-squares solution, so the fit is `ordinary`'s up to rounding.
// Unchecked: the GSL matrices are written only while the design is factorised and only read after.
public final class FactorisedDesign: @unchecked Sendable {
    /// Rows (observations) and columns (coefficients).
    public let rows: Int
    public let columns: Int
    /// The design, row-major (`rows × columns`).
    public let values: [Double]
    private let factors: GSLMatrix
    private let blockReflectors: GSLMatrix
    /// D⁻¹ V S⁻¹ (`columns × columns`, row-major), from R D⁻¹ = U S V': the coefficients'
    /// covariance is s² (D⁻¹ V S⁻¹)(D⁻¹ V S⁻¹)' = s² (X'X)⁻¹, formed as GSL forms its own.
    private let inverseFactor: [Double]

    /// Factorises the design held row-major in `values` with `columns` columns.
    public init(rowMajor values: [Double], columns: Int) throws(GSLError) {
        let context = "ordinary least squares"
        guard columns > 0, !values.isEmpty, values.count % columns == 0 else {
            throw GSLError(code: GSLError.badLength,
                           context: "\(context): \(values.count) design values do not make rows of \(columns) columns")
        }
        try requireFinite(values, "design matrix", in: context)
        let n = values.count / columns, p = columns
        guard n >= p else {
            throw GSLError(code: GSLError.badLength,
                           context: "\(context): fewer rows (\(n)) than columns (\(p)); the coefficients are not identified")
        }
        let factors = try GSLMatrix(rows: n, columns: p, context: context)
        let tda = factors.pointer.pointee.tda
        let data = factors.pointer.pointee.data!
        for i in 0..<n {
            for j in 0..<p { data[i * tda + j] = values[i * p + j] }
        }
        let blockReflectors = try GSLMatrix(rows: p, columns: p, context: context)
        try GSLError.check(gsl_linalg_QR_decomp_r(factors.pointer, blockReflectors.pointer), "\(context): QR decomposition failed")
        // R, column-balanced, then its singular values and right singular vectors.
        let balanced = try GSLMatrix(rows: p, columns: p, context: context)
        for i in 0..<p {
            for j in i..<p { balanced[i, j] = factors[i, j] }
        }
        let balance = try GSLVector(count: p, context: context)
        try GSLError.check(gsl_linalg_balance_columns(balanced.pointer, balance.pointer), "\(context): column balancing failed")
        let rightVectors = try GSLMatrix(rows: p, columns: p, context: context)
        let singularValues = try GSLVector(count: p, context: context)
        let work = try GSLVector(count: p, context: context)
        try GSLError.check(gsl_linalg_SV_decomp(balanced.pointer, rightVectors.pointer, singularValues.pointer, work.pointer),
                           "\(context): singular value decomposition failed")
        let largest = singularValues[0]
        let rank = (0..<p).filter { singularValues[$0] > LeastSquares.rankTolerance * largest }.count
        guard rank == p else {
            throw GSLError(code: GSLError.singular,
                           context: "\(context): design matrix is singular (rank \(rank) of \(p) columns); "
                               + "a column is constant alongside an intercept or a combination of others")
        }
        var inverseFactor = [Double](repeating: 0, count: p * p)
        for i in 0..<p {
            for k in 0..<p { inverseFactor[i * p + k] = rightVectors[i, k] / singularValues[k] / balance[i] }
        }
        self.rows = n
        self.columns = p
        self.values = values
        self.factors = factors
        self.blockReflectors = blockReflectors
        self.inverseFactor = inverseFactor
    }

    /// The least-squares fit of `response` (one value per row): coefficients, their covariance
    /// s² (X'X)⁻¹ with s² = RSS / (n − p), the residual sum of squares and the fitted values.
    /// Safe to call from several threads at once.
    public func fit(_ response: [Double]) throws(GSLError) -> Fit {
        let context = "ordinary least squares"
        guard response.count == rows else {
            throw GSLError(code: GSLError.badLength,
                           context: "\(context): response has \(response.count) values but the design matrix has \(rows) rows")
        }
        try requireFinite(response, "response", in: context)
        let y = try GSLVector(response, context: context)
        let solution = try GSLVector(count: rows, context: context)
        let work = try GSLVector(count: columns, context: context)
        try GSLError.check(gsl_linalg_QR_lssolve_r(factors.pointer, blockReflectors.pointer, y.pointer, solution.pointer,
                                                   work.pointer),
                           "\(context): least-squares solve failed")
        let p = columns
        let coefficients = (0..<p).map { solution[$0] }
        let fitted = Self.predictions(design: values, columns: p, coefficients: coefficients)
        var rss = 0.0
        for i in 0..<rows { rss += (response[i] - fitted[i]) * (response[i] - fitted[i]) }
        let s2 = rows > p ? rss / Double(rows - p) : .nan
        var covariance = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
        for i in 0..<p {
            for j in i..<p {
                var sum = 0.0
                for k in 0..<p { sum += inverseFactor[i * p + k] * inverseFactor[j * p + k] }
                covariance[i][j] = sum * s2
                covariance[j][i] = sum * s2
            }
        }
        return Fit(coefficients: coefficients, covariance: covariance, residualSumOfSquares: rss, fittedValues: fitted)
    }

    /// X b for one coefficient vector b on a row-major design of `columns` columns, one value per row.
    public static func predictions(design values: [Double], columns: Int, coefficients: [Double]) -> [Double] {
        predictions(design: values, columns: columns, columnwise: coefficients, count: 1)
    }

    /// X B for many coefficient vectors at once on a row-major design of `columns` columns:
    /// `coefficients` holds them column-wise (`columns × count`, row-major: entry j of vector s at
    /// `j * count + s`), and the answer is `rows × count`, row-major. Each entry sums its products
    /// in column order, so a vector gives the same values to the last bit alone or among others.
    public static func predictions(design values: [Double], columns: Int, columnwise coefficients: [Double],
                                   count: Int) -> [Double] {
        precondition(columns > 0 && coefficients.count == columns * count,
                     "FactorisedDesign.predictions needs \(columns) × \(count) coefficients")
        let rows = values.count / columns
        var fitted = [Double](repeating: 0, count: rows * count)
        values.withUnsafeBufferPointer { x in
            coefficients.withUnsafeBufferPointer { b in
                fitted.withUnsafeMutableBufferPointer { out in
                    for i in 0..<rows {
                        // Lanes are independent sums, so the loop over vectors is vectorised
                        // without reordering any one sum.
                        let row = out.baseAddress! + i * count
                        for j in 0..<columns {
                            let xij = x[i * columns + j]
                            let bj = b.baseAddress! + j * count
                            for s in 0..<count { row[s] += xij * bj[s] }
                        }
                    }
                }
            }
        }
        return fitted
    }

    /// One response's fit.
    public struct Fit: Sendable {
        public let coefficients: [Double]
        /// s² (X'X)⁻¹, s² = RSS / (n − p) (NaN when n = p).
        public let covariance: [[Double]]
        public let residualSumOfSquares: Double
        public let fittedValues: [Double]
    }
}
