import Foundation
import Hummingbird
import Logging

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

    public static func run(settings: ServerSettings) async throws {
        let workspace = try ModelWorkspace(assumptionsDirectory: settings.assumptionsDirectory,
                                           scenariosDirectory: settings.scenariosDirectory)
        let api = API(workspace: workspace, settings: settings)
        // Requests are not logged line by line: the terminal shows the address and any problem.
        var logger = Logger(label: "msc-server")
        logger.logLevel = .warning
        let app = Application(router: api.router(),
                              configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "msc"),
                              onServerRunning: { _ in
                                  FileHandle.standardOutput.write(Data((readyLine(settings) + "\n").utf8))
                              }, logger: logger)
        try await app.runService()
    }
}
