import CGSL

/// A B-spline basis over a set of breakpoints (`gsl_bspline`), for smooth least-squares fits of
/// a response on one input: the design row of `x` is the value of every basis function at `x`.
///
/// With `order` k (4 for cubic) and `nbreak` breakpoints there are `nbreak + k − 2` basis
/// functions; they are non-negative and sum to 1 at every x in the breakpoints' range, so a fit on
/// them needs no separate intercept column.
public struct BSplineBasis: Sendable, Equatable {
    /// Polynomial order k (degree k − 1): 4 gives cubic splines.
    public let order: Int
    /// Strictly increasing breakpoints; the first and last bound the basis's range.
    public let breakpoints: [Double]

    /// The number of basis functions, `breakpoints.count + order − 2`.
    public var count: Int { breakpoints.count + order - 2 }

    /// - Throws: `GSLError` unless `order` is at least 1 and the breakpoints are at least two,
    ///   finite and strictly increasing (GSL itself would accept repeated breakpoints and then
    ///   divide by zero).
    public init(order: Int = 4, breakpoints: [Double]) throws(GSLError) {
        let context = "B-spline basis"
        guard order >= 1 else {
            throw GSLError(code: GSLError.invalidArgument, context: "\(context): order \(order) is below 1")
        }
        guard breakpoints.count >= 2 else {
            throw GSLError(code: GSLError.badLength,
                           context: "\(context): \(breakpoints.count) breakpoint(s); at least two are needed")
        }
        try requireFinite(breakpoints, "breakpoints", in: context)
        for i in 1..<breakpoints.count where !(breakpoints[i] > breakpoints[i - 1]) {
            throw GSLError(code: GSLError.invalidArgument,
                           context: "\(context): breakpoints must increase strictly (\(breakpoints[i - 1]) then \(breakpoints[i]))")
        }
        self.order = order
        self.breakpoints = breakpoints
    }

    /// The basis functions' values at each x, one row per x (`x` outside the range is moved to the
    /// nearest end, where GSL would report a domain error).
    ///
    /// - Throws: `GSLError` for a non-finite x or if GSL cannot allocate or evaluate the basis.
    public func design(_ x: [Double]) throws(GSLError) -> [[Double]] {
        let context = "B-spline basis"
        try requireFinite(x, "x", in: context)
        let workspace = try BSplineWorkspace(order: order, breakpointCount: breakpoints.count, context: context)
        let breaks = try GSLVector(breakpoints, context: context)
        try GSLError.check(gsl_bspline_knots(breaks.pointer, workspace.pointer), "\(context): cannot place the knots")
        let values = try GSLVector(count: count, context: context)
        let low = breakpoints[0], high = breakpoints[breakpoints.count - 1]
        var rows: [[Double]] = []
        rows.reserveCapacity(x.count)
        for value in x {
            try GSLError.check(gsl_bspline_eval(Swift.min(high, Swift.max(low, value)), values.pointer, workspace.pointer),
                               "\(context): cannot evaluate the basis at \(value)")
            rows.append(values.array)
        }
        return rows
    }
}

/// An owned `gsl_bspline_workspace`.
final class BSplineWorkspace {
    let pointer: UnsafeMutablePointer<gsl_bspline_workspace>

    init(order: Int, breakpointCount: Int, context: String) throws(GSLError) {
        ErrorHandler.ensureInstalled()
        guard let p = gsl_bspline_alloc(order, breakpointCount) else {
            throw GSLError(code: GSLError.outOfMemory, context: "\(context): cannot allocate a B-spline workspace")
        }
        pointer = p
    }

    deinit { gsl_bspline_free(pointer) }
}
