import CGSL

/// A Sobol low-discrepancy (quasi-random) sequence in the unit cube (`gsl_qrng_sobol`).
///
/// Points fill [0, 1)^d more evenly than random draws, so Monte Carlo averages converge faster;
/// map each coordinate through a ``Quantiles`` function to get a model input. GSL's sequence
/// skips the origin: the first points for dimension 2 are (0.5, 0.5), (0.75, 0.25), (0.25, 0.75).
/// Like ``RandomStream`` it owns mutable GSL state and is deliberately not `Sendable`.
public final class SobolSequence {
    /// The largest dimension GSL's Sobol generator supports.
    public static let maximumDimension = 40

    /// The number of coordinates in each point.
    public let dimension: Int
    private let qrng: UnsafeMutablePointer<gsl_qrng>

    /// Creates the sequence for `dimension` coordinates, starting at its first point.
    ///
    /// - Throws: `GSLError` with code `GSL_EINVAL` unless 1 <= dimension <= 40. GSL itself would
    ///   accept other dimensions and then return zeros (DESIGN 8), so they are rejected here.
    public init(dimension: Int) throws(GSLError) {
        ErrorHandler.ensureInstalled()
        guard (1...Self.maximumDimension).contains(dimension) else {
            throw GSLError(code: GSLError.invalidArgument,
                           context: "Sobol sequence: dimension \(dimension) is outside 1...\(Self.maximumDimension)")
        }
        guard let q = gsl_qrng_alloc(cgsl_qrng_sobol(), UInt32(dimension)) else {
            throw GSLError(code: GSLError.outOfMemory, context: "Sobol sequence: cannot allocate the generator")
        }
        self.qrng = q
        self.dimension = dimension
    }

    deinit { gsl_qrng_free(qrng) }

    /// Returns the next point, `dimension` coordinates each in [0, 1).
    public func next() -> [Double] {
        var point = [Double](repeating: 0, count: dimension)
        next(into: &point)
        return point
    }

    /// Writes the next point into `buffer`, avoiding an allocation per point in long runs.
    ///
    /// A buffer whose count is not `dimension` is resized to `dimension` first.
    public func next(into buffer: inout [Double]) {
        if buffer.count != dimension {
            buffer = [Double](repeating: 0, count: dimension)
        }
        // gsl_qrng_get fails only after 2^30 points (GSL's Sobol bit width), far more than any
        // run here draws; with the abort handler off, that failure could only return a status.
        _ = buffer.withUnsafeMutableBufferPointer { gsl_qrng_get(qrng, $0.baseAddress) }
    }

    /// Restarts the sequence at its first point (`gsl_qrng_init`).
    public func reset() {
        gsl_qrng_init(qrng)
    }
}
