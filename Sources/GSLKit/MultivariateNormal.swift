import CGSL

/// A multivariate normal distribution, held as its mean and the Cholesky factor of its covariance.
///
/// Draws are mean + L z with z independent standard normals and L L' = covariance, so the same
/// object serves plain Monte Carlo (``sample(using:)``) and quasi-random or Latin hypercube designs
/// (``transform(standardNormals:)`` on normal quantiles of the design's uniforms). Typical use: the
/// joint uncertainty of fitted regression coefficients.
public struct MultivariateNormal: Sendable {
    /// The mean vector.
    public let mean: [Double]
    /// The lower-triangular Cholesky factor L of the covariance (L L' = covariance), row by row.
    public let choleskyFactor: [[Double]]

    /// The number of components.
    public var dimension: Int { mean.count }

    /// Creates the distribution, factorising the covariance with `gsl_linalg_cholesky_decomp1`.
    ///
    /// - Throws: `GSLError` if the mean is empty, the covariance is not square, does not match the
    ///   mean's length, is not symmetric, holds non-finite values, or is not positive definite
    ///   (including singular covariances, e.g. two perfectly correlated components).
    public init(mean: [Double], covariance: [[Double]]) throws(GSLError) {
        let context = "multivariate normal"
        guard !mean.isEmpty else {
            throw GSLError(code: GSLError.badLength, context: "\(context): mean vector is empty")
        }
        try requireFinite(mean, "mean", in: context)
        let shape = try shapeOf(covariance, "covariance", in: context)
        guard shape.rows == shape.columns else {
            throw GSLError(code: GSLError.notSquare,
                           context: "\(context): covariance is \(shape.rows) x \(shape.columns), not square")
        }
        guard shape.rows == mean.count else {
            throw GSLError(code: GSLError.badLength,
                           context: "\(context): covariance is \(shape.rows) x \(shape.rows) but the mean has \(mean.count) entries")
        }
        // decomp1 reads only the lower triangle, so an asymmetric input would be silently
        // misread; reject it instead. The tolerance allows for rounding in a computed covariance.
        let n = mean.count
        let scale = (0..<n).map { abs(covariance[$0][$0]) }.max() ?? 0
        for i in 0..<n {
            for j in 0..<i {
                let a = covariance[i][j], b = covariance[j][i]
                if abs(a - b) > 1e-10 * max(abs(a), abs(b), scale) {
                    throw GSLError(code: GSLError.domainError,
                                   context: "\(context): covariance is not symmetric ([\(i)][\(j)] = \(a), [\(j)][\(i)] = \(b))")
                }
            }
        }
        let matrix = try GSLMatrix(covariance, context: context)
        try GSLError.check(gsl_linalg_cholesky_decomp1(matrix.pointer),
                           "Cholesky decomposition: \(context) covariance is not positive definite")
        // decomp1 leaves L in the lower triangle and L' in the upper; keep only L.
        self.mean = mean
        self.choleskyFactor = (0..<n).map { i in (0..<n).map { j in j <= i ? matrix[i, j] : 0 } }
    }

    /// Draws one vector, mean + L z, with z from `stream`'s standard normals.
    public func sample(using stream: RandomStream) -> [Double] {
        var z = [Double](repeating: 0, count: dimension)
        for i in 0..<dimension { z[i] = stream.standardNormal() }
        return transform(standardNormals: z)
    }

    /// Maps independent standard normals z to mean + L z, a draw from this distribution.
    ///
    /// - Precondition: `z.count == dimension`.
    public func transform(standardNormals z: [Double]) -> [Double] {
        precondition(z.count == dimension,
                     "MultivariateNormal.transform needs \(dimension) standard normals, got \(z.count)")
        var x = mean
        for i in 0..<dimension {
            let row = choleskyFactor[i]
            var sum = 0.0
            for j in 0...i { sum += row[j] * z[j] }
            x[i] += sum
        }
        return x
    }
}
