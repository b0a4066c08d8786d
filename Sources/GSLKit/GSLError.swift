import CGSL

/// An error reported by GSL, or caught by GSLKit before GSL could misbehave, as a Swift value.
///
/// `code` is a GSL status code (`GSL_EDOM`, `GSL_EINVAL`, ...), `reason` is GSL's own wording for
/// that code (from `gsl_strerror`), and `context` says what GSLKit was doing and why it failed, in
/// words a user can act on (for example "ordinary least squares: design matrix is singular
/// (rank 2 of 3 columns)").
public struct GSLError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The GSL status code, as GSL functions return it.
    public let code: Int32
    /// GSL's description of the status code, from `gsl_strerror`.
    public let reason: String
    /// What GSLKit was doing and what was wrong.
    public let context: String

    /// Creates an error from a GSL status code and a description of what was being attempted.
    public init(code: Int32, context: String) {
        self.code = code
        // gsl_strerror returns a pointer to a static string for every int, known or not.
        self.reason = String(cString: gsl_strerror(code))
        self.context = context
    }

    /// A one-line message such as "GSL error 1 (input domain error) in Cholesky decomposition: ...".
    public var description: String {
        "GSL error \(code) (\(reason)) in \(context)"
    }

    // GSL's error constants import as `Int` while its functions return `Int32` (DESIGN 8), so the
    // codes GSLKit uses are re-exported here once, with the right type.

    /// `GSL_EDOM`: an input outside the domain (e.g. a matrix that is not positive definite).
    public static let domainError = Int32(GSL_EDOM)
    /// `GSL_EINVAL`: an invalid argument supplied by the caller.
    public static let invalidArgument = Int32(GSL_EINVAL)
    /// `GSL_EBADLEN`: arrays of mismatched lengths.
    public static let badLength = Int32(GSL_EBADLEN)
    /// `GSL_ENOTSQR`: a matrix that should be square is not.
    public static let notSquare = Int32(GSL_ENOTSQR)
    /// `GSL_ESING`: a singular matrix.
    public static let singular = Int32(GSL_ESING)
    /// `GSL_EMAXITER`: an iteration did not converge within the allowed number of steps.
    public static let maxIterations = Int32(GSL_EMAXITER)
    /// `GSL_ENOMEM`: GSL could not allocate memory.
    public static let outOfMemory = Int32(GSL_ENOMEM)
    /// `GSL_EBADFUNC`: a user function returned NaN or infinity.
    public static let badFunction = Int32(GSL_EBADFUNC)

    /// Throws a `GSLError` if `status` is not `GSL_SUCCESS`.
    static func check(_ status: Int32, _ context: @autoclosure () -> String) throws(GSLError) {
        if status != cgsl_success() {
            throw GSLError(code: status, context: context())
        }
    }
}
