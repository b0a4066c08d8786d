import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// Starts the web server: loads the model's folders, then serves the page and API until stopped.
public enum Server {
    /// The line printed when the server is ready (the browser test and scripts wait for it).
    public static func readyLine(_ settings: ServerSettings) -> String {
        "msc serve: the page is at http://\(settings.host.contains(":") ? "[\(settings.host)]" : settings.host):\(settings.port)/ (Ctrl-C to stop)"
    }

    /// A loud warning when the address is reachable from other machines: the page has no login.
    public static func exposureWarning(_ settings: ServerSettings) -> String? {
        guard !settings.isLoopback else { return nil }
        return """
        msc serve: WARNING: listening on \(settings.host), not 127.0.0.1: anyone who can reach this machine on port \
        \(settings.port) can use the page and the API, which has no login. Use --host 127.0.0.1 unless you mean it.
        """
    }

    /// Seconds from SIGTERM or Ctrl-C to the process's end, whatever is still running.
    public static let shutdownDeadlineSeconds = 4.5

    /// The server production runs and the tests call: the API over `workspace` (loaded from the
    /// settings' folders when not given) and the application serving it, with the router, the
    /// connection guard on every connection and the idle timeout (which also bounds how long a
    /// request's headers may take to arrive).
    public static func buildApplication(settings: ServerSettings, workspace: ModelWorkspace? = nil, logger: Logger,
                                        onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }) throws
        -> ServerApplication {
        let api = API(workspace: try workspace ?? ModelWorkspace(assumptionsDirectory: settings.assumptionsDirectory,
                                                                 scenariosDirectory: settings.scenariosDirectory),
                      settings: settings)
        let application = Application(router: api.router(),
                                      server: .http1(configuration: .init(additionalChannelHandlers: [ConnectionGuard()],
                                                                          idleTimeout: .seconds(Int64(settings.idleTimeoutSeconds)))),
                                      configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "msc"),
                                      onServerRunning: onServerRunning, logger: logger)
        return ServerApplication(api: api, application: application)
    }

    public static func run(settings: ServerSettings) async throws {
        // Requests are not logged line by line: the terminal shows the address and any problem.
        var logger = Logger(label: "msc-server")
        logger.logLevel = .warning
        let built = try buildApplication(settings: settings, logger: logger, onServerRunning: { _ in
            FileHandle.standardOutput.write(Data((readyLine(settings) + "\n").utf8))
        })
        let (api, app) = (built.api, built.application)
        // On SIGTERM or Ctrl-C the server stops accepting connections and lets answers in flight
        // finish; the shutdown watch cancels every running piece of work so that they finish at
        // once, and ends the process if anything still holds on past the deadline.
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: app),
                       .init(service: ShutdownWatch(api: api, deadlineSeconds: shutdownDeadlineSeconds),
                             successTerminationBehavior: .ignore)],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}

/// The API (its work lanes and board) and the application that serves it.
public struct ServerApplication: Sendable {
    public let api: API
    public let application: Application<RouterResponder<MSCRequestContext>>
}

/// Waits for the server's graceful shutdown, then cancels all work in progress and starts the
/// deadline after which the process exits regardless.
struct ShutdownWatch: Service {
    let api: API
    let deadlineSeconds: Double

    func run() async throws {
        try? await gracefulShutdown()
        api.cancelAllWork()
        let deadline = deadlineSeconds
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: deadline)
            FileHandle.standardError.write(Data("msc serve: stopped after \(deadline) s with work still running\n".utf8))
            exit(0)
        }
    }
}
