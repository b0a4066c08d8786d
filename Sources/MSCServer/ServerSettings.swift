import Foundation
import MSCModel

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
    /// Monte Carlo runs in progress at once over all clients.
    public var maximumConcurrentSimulations: Int
    /// Monte Carlo requests waiting at once before new ones get a 429.
    public var maximumQueuedSimulations: Int
    /// Central-case and other quick computations at once.
    public var maximumConcurrentQuickJobs: Int
    /// Quick computations waiting at once before new ones get a 429.
    public var maximumQueuedQuickJobs: Int
    /// Threads one Monte Carlo run uses. One core fewer than the machine has (at least one), so
    /// that a central case always finds a core free while a Monte Carlo runs.
    public var simulationThreads: Int
    /// How much one request may ask for (bounds its memory).
    public var workBudget: WorkBudget
    /// Seconds a client has to send a request's body once its headers are in.
    public var bodyTimeoutSeconds: Int
    /// Seconds a connection may sit without a request (or with a request's headers still
    /// arriving) before it is closed.
    public var idleTimeoutSeconds: Int

    public init(host: String = "127.0.0.1", port: Int = 8080, assumptionsDirectory: String, scenariosDirectory: String,
                maximumBodyBytes: Int = 256 * 1024, maximumIterations: Int = 100_000,
                maximumConcurrentSimulations: Int = 1, maximumQueuedSimulations: Int = 2,
                maximumConcurrentQuickJobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                maximumQueuedQuickJobs: Int = 64,
                simulationThreads: Int = max(1, ProcessInfo.processInfo.activeProcessorCount - 1),
                workBudget: WorkBudget = WorkBudget(), bodyTimeoutSeconds: Int = 10, idleTimeoutSeconds: Int = 15) {
        self.host = host
        self.port = port
        self.assumptionsDirectory = assumptionsDirectory
        self.scenariosDirectory = scenariosDirectory
        self.maximumBodyBytes = maximumBodyBytes
        self.maximumIterations = maximumIterations
        self.maximumConcurrentSimulations = max(1, maximumConcurrentSimulations)
        self.maximumQueuedSimulations = max(0, maximumQueuedSimulations)
        self.maximumConcurrentQuickJobs = max(1, maximumConcurrentQuickJobs)
        self.maximumQueuedQuickJobs = max(0, maximumQueuedQuickJobs)
        self.simulationThreads = max(1, simulationThreads)
        self.workBudget = workBudget
        self.bodyTimeoutSeconds = max(1, bodyTimeoutSeconds)
        self.idleTimeoutSeconds = max(1, idleTimeoutSeconds)
    }

    /// True when the address is reachable only from this machine.
    public var isLoopback: Bool { ["127.0.0.1", "localhost", "::1"].contains(host) }
}

/// How much work one request may ask for, in scenario-iterations (scenarios × iterations), so
/// that no request can take more memory than the server can give. Measured on the release build:
/// a Monte Carlo keeps about 0.4 KB a scenario-iteration (3 × 100,000 iterations: 179 MB at the
/// peak, the server's own 60 MB included); decision analysis also keeps every input's draws and
/// fits a regression on them per input, about 3 KB a scenario-iteration (2 × 75,000 iterations:
/// 553 MB), so it counts five times. The default budget keeps a request under about 300 MB.
public struct WorkBudget: Sendable, Equatable {
    /// Scenario-iterations one request may ask for.
    public var scenarioIterations: Int

    public init(scenarioIterations: Int = 300_000) {
        self.scenarioIterations = max(1, scenarioIterations)
    }

    /// What the request does with its Monte Carlo draws.
    public enum Analysis: Sendable {
        case monteCarlo
        case decision

        var weight: Int { self == .decision ? 5 : 1 }
        var label: String { self == .decision ? " with decision analysis (counted five times)" : "" }
    }

    /// Refuses a request beyond the budget, saying what it asked for and what is allowed.
    func check(scenarios: Int, iterations: Int, analysis: Analysis) throws {
        let asked = scenarios * iterations * analysis.weight
        guard asked > scenarioIterations else { return }
        let most = scenarioIterations / max(1, scenarios * analysis.weight)
        throw APIError.badRequest("iterations: \(scenarios) scenarios × \(Self.grouped(iterations)) iterations\(analysis.label) "
                                  + "is \(Self.grouped(asked)) scenario-iterations, more than this server's budget of "
                                  + "\(Self.grouped(scenarioIterations)) a request; expected at most \(Self.grouped(most)) iterations "
                                  + "for \(scenarios) scenarios, or fewer scenarios")
    }

    static func grouped(_ value: Int) -> String { DigitGroups.grouped(String(value)) }
}
