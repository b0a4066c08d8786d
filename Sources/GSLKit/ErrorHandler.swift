import CGSL

/// Replaces GSL's abort-on-error handler, once per process, before GSLKit makes any GSL call.
///
/// GSL's default handler prints a message and calls `abort()`, so a bad matrix would kill the
/// whole `msc` process (DESIGN 6: "never a GSL abort"). The handler is a process-wide global, so it
/// is switched off exactly once, from a `static let` (which Swift initialises lazily and
/// thread-safely), and every GSLKit entry point that may reach a GSL error path touches it first.
/// With the handler off, GSL functions return their status codes, which GSLKit turns into
/// `GSLError`s.
enum ErrorHandler {
    /// Evaluating this the first time turns GSL's handler off; later evaluations cost one load.
    private static let installed: Void = {
        _ = gsl_set_error_handler_off()
    }()

    /// Makes sure GSL's aborting handler is off; cheap enough to call on every entry point.
    @inline(__always)
    static func ensureInstalled() {
        _ = installed
    }
}
