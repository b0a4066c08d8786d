import CGSL

/// One-dimensional root finding, e.g. for switching values (the input value at which NPV = 0).
public enum RootFinder {
    /// Finds x in [lower, upper] with f(x) = 0 by Brent's method (`gsl_root_fsolver_brent`).
    ///
    /// Brent's method combines bisection, secant and inverse quadratic interpolation: it never
    /// leaves the bracket and converges superlinearly for smooth f. Iteration stops when the
    /// bracket [a, b] satisfies |a - b| < absoluteTolerance + relativeTolerance min(|a|, |b|)
    /// (`gsl_root_test_interval`); the solver's current best estimate is returned.
    ///
    /// - Parameters:
    ///   - lower: the lower end of a bracket; f(lower) and f(upper) must differ in sign.
    ///   - upper: the upper end of the bracket, greater than `lower`.
    ///   - absoluteTolerance: the absolute bracket width accepted, in the units of x.
    ///   - relativeTolerance: the bracket width accepted relative to |x|.
    ///   - maxIterations: the most Brent iterations to try.
    ///   - f: the function, called only during this call.
    /// - Throws: `GSLError` if the root is not bracketed, the bounds are not finite and ordered,
    ///   f returns a non-finite value, or the method does not converge.
    public static func brent(
        lower: Double,
        upper: Double,
        absoluteTolerance: Double = 1e-10,
        relativeTolerance: Double = 1e-12,
        maxIterations: Int = 200,
        _ f: (Double) -> Double
    ) throws(GSLError) -> Double {
        let context = "Brent root finder"
        ErrorHandler.ensureInstalled()
        guard lower.isFinite, upper.isFinite, lower < upper else {
            throw GSLError(code: GSLError.invalidArgument,
                           context: "\(context): bracket [\(lower), \(upper)] must be finite with lower < upper")
        }
        guard absoluteTolerance >= 0, relativeTolerance >= 0, absoluteTolerance + relativeTolerance > 0, maxIterations >= 1 else {
            throw GSLError(code: GSLError.invalidArgument,
                           context: "\(context): tolerances must be >= 0 (not both 0) and maxIterations >= 1")
        }
        // Check the bracket here, so the error can say what f gave at each end.
        let fLower = f(lower), fUpper = f(upper)
        guard fLower.isFinite, fUpper.isFinite else {
            throw GSLError(code: GSLError.badFunction,
                           context: "\(context): f(\(lower)) = \(fLower) and f(\(upper)) = \(fUpper) must be finite")
        }
        if fLower == 0 { return lower }
        if fUpper == 0 { return upper }
        guard (fLower < 0) != (fUpper < 0) else {
            throw GSLError(code: GSLError.invalidArgument,
                           context: "\(context): root not bracketed: f(\(lower)) = \(fLower) and f(\(upper)) = \(fUpper) have the same sign")
        }

        guard let solver = gsl_root_fsolver_alloc(cgsl_root_fsolver_brent()) else {
            throw GSLError(code: GSLError.outOfMemory, context: "\(context): cannot allocate the solver")
        }
        defer { gsl_root_fsolver_free(solver) }

        // GSL calls back through a C function pointer with a `void *params`, so the Swift closure
        // travels in params as a pointer to a local. It never outlives this call, hence
        // withoutActuallyEscaping rather than copying f to the heap.
        return try withoutActuallyEscaping(f) { (escapable: @escaping (Double) -> Double) throws(GSLError) -> Double in
            var closure = escapable
            return try withUnsafeMutablePointer(to: &closure) { (closurePointer) throws(GSLError) -> Double in
                var function = gsl_function(
                    function: { x, params in
                        params!.assumingMemoryBound(to: ((Double) -> Double).self).pointee(x)
                    },
                    params: UnsafeMutableRawPointer(closurePointer))
                try GSLError.check(gsl_root_fsolver_set(solver, &function, lower, upper),
                                   "\(context): cannot start on [\(lower), \(upper)]")
                for _ in 0..<maxIterations {
                    try GSLError.check(gsl_root_fsolver_iterate(solver),
                                       "\(context): iteration failed (f returned a non-finite value?)")
                    let a = gsl_root_fsolver_x_lower(solver)
                    let b = gsl_root_fsolver_x_upper(solver)
                    if gsl_root_test_interval(a, b, absoluteTolerance, relativeTolerance) == cgsl_success() {
                        return gsl_root_fsolver_root(solver)
                    }
                }
                throw GSLError(code: GSLError.maxIterations,
                               context: "\(context): did not converge in \(maxIterations) iterations on [\(lower), \(upper)]")
            }
        }
    }
}
