import Synchronization

/// Asks one simulation to stop after its current chunk: made by the caller, passed to
/// ``SimulationEngine/run(_:settings:progress:cancellation:)``, and cancelled from anywhere (a
/// signal handler included). Each run gets its own, so a run cancelled once does not leave every
/// later run in the process cancelled too.
public final class CancellationToken: Sendable {
    private let flag = Atomic<Bool>(false)

    public init() {}

    /// Asks the runs holding this token to stop (lock-free: safe from a signal handler).
    public func cancel() { flag.store(true, ordering: .relaxed) }

    /// True once ``cancel()`` was called.
    public var isCancelled: Bool { flag.load(ordering: .relaxed) }
}
