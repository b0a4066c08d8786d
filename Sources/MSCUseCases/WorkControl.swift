import MSCSimulation

/// How a front end watches a use case's work and stops it: Ctrl-C on the command line, a client
/// that hangs up (or starts a newer run) on the server.
public struct WorkControl: Sendable {
    /// The token that stops the work, for the parts that take one (targeting): cancelled, it
    /// also makes ``shouldStop`` true.
    public let cancellation: CancellationToken
    /// Asked between chunks of every run and between a decision's inputs: true stops the work.
    public let shouldStop: @Sendable () -> Bool
    /// Called from worker threads as a scenario's run advances.
    public var progress: (@Sendable (RunProgress) -> Void)?
    /// Called once each scenario's run is complete, with its result (a terminal's progress bar
    /// is cleared here; the command line notes a standard error target that was not reached).
    public var finished: (@Sendable (_ plan: ScenarioPlan, _ result: SimulationResult) -> Void)?

    public init(cancellation: CancellationToken = CancellationToken(), shouldStop: @escaping @Sendable () -> Bool = { false },
                progress: (@Sendable (RunProgress) -> Void)? = nil,
                finished: (@Sendable (_ plan: ScenarioPlan, _ result: SimulationResult) -> Void)? = nil) {
        self.cancellation = cancellation
        self.shouldStop = { cancellation.isCancelled || shouldStop() }
        self.progress = progress
        self.finished = finished
    }

    /// Throws ``UseCaseError/stopped(afterIterations:)`` when the work was asked to stop.
    func checkNotStopped(afterIterations iterations: Int = 0) throws {
        if shouldStop() { throw UseCaseError.stopped(afterIterations: iterations) }
    }
}

/// How far the runs of a use case have gone: scenario `index` of the `scenarios` run (called
/// `name`) has done `done` of its `total` iterations.
public struct RunProgress: Sendable {
    public let index: Int
    /// How many scenarios the use case runs (baselines it loaded included, no more).
    public let scenarios: Int
    public let name: String
    public let done: Int
    public let total: Int
}
