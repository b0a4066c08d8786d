import Foundation

/// Where the server listens, what it serves and the limits that keep one client from taking it over.
public struct ServerSettings: Sendable {
    /// Address to bind; 127.0.0.1 unless the user asks otherwise (the page has no login).
    public var host: String
    public var port: Int
    /// Folder of assumption files (the shipped `Assumptions/` unless given).
    public var assumptionsDirectory: String
    /// Folder of the shipped scenarios the page offers (`Scenarios/`).
    public var scenariosDirectory: String
    /// Largest request body accepted, bytes (a scenario upload is a few kilobytes).
    public var maximumBodyBytes: Int
    /// Most Monte Carlo iterations one request may ask for.
    public var maximumIterations: Int
    /// Monte Carlo runs in progress at once over all clients; more get a 429.
    public var maximumConcurrentSimulations: Int
    /// Central-case and other quick computations at once; more wait their turn (up to a queue limit).
    public var maximumConcurrentQuickJobs: Int
    /// Quick computations waiting at once before new ones get a 429.
    public var maximumQueuedQuickJobs: Int
    /// Threads one Monte Carlo run uses.
    public var simulationThreads: Int

    public init(host: String = "127.0.0.1", port: Int = 8080, assumptionsDirectory: String, scenariosDirectory: String,
                maximumBodyBytes: Int = 256 * 1024, maximumIterations: Int = 100_000,
                maximumConcurrentSimulations: Int = 2, maximumConcurrentQuickJobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                maximumQueuedQuickJobs: Int = 256, simulationThreads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.host = host
        self.port = port
        self.assumptionsDirectory = assumptionsDirectory
        self.scenariosDirectory = scenariosDirectory
        self.maximumBodyBytes = maximumBodyBytes
        self.maximumIterations = maximumIterations
        self.maximumConcurrentSimulations = maximumConcurrentSimulations
        self.maximumConcurrentQuickJobs = max(1, maximumConcurrentQuickJobs)
        self.maximumQueuedQuickJobs = maximumQueuedQuickJobs
        self.simulationThreads = max(1, simulationThreads)
    }

    /// True when the address is reachable only from this machine.
    public var isLoopback: Bool { ["127.0.0.1", "localhost", "::1"].contains(host) }
}
