import ArgumentParser
import Foundation

/// `msc serve`: hands over to `msc-server`, the web page and JSON API, built beside `msc`.
///
/// The server is a separate executable so that building `msc` (and `make run`) never compiles
/// Hummingbird and SwiftNIO; `make serve` builds both.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web page and JSON API on this machine (http://127.0.0.1:8080/ by default).",
        discussion: """
        Starts msc-server from the folder msc is in. Build it with `make serve` (or `swift build -c release \
        --product msc-server`). Listens on 127.0.0.1 only unless --host says otherwise.
        """)

    @Option(help: "Address to listen on. The default, 127.0.0.1, is reachable from this machine only.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on.")
    var port = 8080

    @Option(help: ArgumentHelp("Folder of assumption files to use instead of the shipped Assumptions/.", valueName: "dir"))
    var assumptions: String?

    @Option(help: ArgumentHelp("Folder of scenarios the page offers (default: Scenarios/ beside the assumptions folder).", valueName: "dir"))
    var scenarios: String?

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535") }
    }

    /// `msc-server` in the folder of the running `msc` (symbolic links followed).
    static func serverPath() -> String {
        let me = URL(fileURLWithPath: CommandLine.arguments.first ?? "msc").resolvingSymlinksInPath()
        return me.deletingLastPathComponent().appendingPathComponent("msc-server").path
    }

    func run() throws {
        let server = Self.serverPath()
        guard FileManager.default.isExecutableFile(atPath: server) else {
            throw CommandFailure(message: "the web server is not built (no \(server)); run make serve, or swift build -c release --product msc-server")
        }
        var arguments = [server, "--host", host, "--port", String(port)]
        if let assumptions { arguments += ["--assumptions", assumptions] }
        if let scenarios { arguments += ["--scenarios", scenarios] }
        // Replace this process, so Ctrl-C and the exit status are the server's own.
        let cArguments = arguments.map { strdup($0) } + [nil]
        execv(server, cArguments)
        throw CommandFailure(message: "could not start \(server): \(String(cString: strerror(errno)))")
    }
}
