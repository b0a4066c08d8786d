import CGSL

/// Facts about the GSL library in use, for run manifests and diagnostics.
public enum GSLLibrary {
    /// The version of the GSL library linked at run time, e.g. "2.7.1" (from `gsl_version`).
    public static var version: String {
        String(cString: cgsl_version())
    }

    /// The GSL version GSLKit was compiled against (from the `GSL_VERSION` header macro).
    public static var headerVersion: String {
        String(cString: cgsl_header_version())
    }

    /// Turns off GSL's abort-on-error handler now, process-wide; GSLKit does this by itself.
    ///
    /// Every GSLKit entry point already does this before calling GSL. Call it at program start
    /// only if other code in the process calls GSL (through `CGSL`) directly.
    public static func installNonAbortingErrorHandler() {
        ErrorHandler.ensureInstalled()
    }
}
