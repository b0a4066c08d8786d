import ArgumentParser
import Foundation
import MSCModel
import MSCReport
import MSCServer

/// `msc-server` (what `msc serve` and `make serve` start): the web page and JSON API.
@main
struct MSCServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "msc-server",
        abstract: "Serve the MSC Toolkit web page and JSON API on this machine.",
        version: toolkitVersion)

    @Option(help: "Address to listen on. The default, 127.0.0.1, is reachable from this machine only.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on.")
    var port = 8080

    @Option(help: ArgumentHelp("Folder of assumption files (default: the shipped Assumptions/).", valueName: "dir"))
    var assumptions: String?

    @Option(help: ArgumentHelp("Folder of scenarios the page offers (default: Scenarios/ beside the assumptions folder).", valueName: "dir"))
    var scenarios: String?

    @Option(name: .customLong("max-iterations"), help: "Most Monte Carlo iterations one request may ask for.")
    var maximumIterations = 100_000

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535") }
        guard !host.isEmpty else { throw ValidationError("--host needs an address, e.g. 127.0.0.1") }
        guard (1...1_000_000).contains(maximumIterations) else { throw ValidationError("--max-iterations must be between 1 and 1,000,000") }
    }

    func run() async throws {
        let assumptionsDirectory = assumptions ?? ShippedFiles.assumptionsDirectory()
        let scenariosDirectory = scenarios
            ?? (((assumptionsDirectory as NSString).standardizingPath as NSString).deletingLastPathComponent as NSString)
                .appendingPathComponent("Scenarios")
        let settings = ServerSettings(host: host, port: port, assumptionsDirectory: assumptionsDirectory,
                                      scenariosDirectory: scenariosDirectory, maximumIterations: maximumIterations)
        if let warning = Server.exposureWarning(settings) {
            FileHandle.standardError.write(Data("\(warning)\n".utf8))
        }
        do {
            try await Server.run(settings: settings)
        } catch let error as InputError {
            FileHandle.standardError.write(Data("msc serve: error: \(error.description)\n".utf8))
            Foundation.exit(2)
        } catch {
            let line = String(describing: error).split(whereSeparator: \.isNewline).first.map(String.init) ?? "\(error)"
            FileHandle.standardError.write(Data("msc serve: error: cannot serve on \(host):\(port): \(line)\n".utf8))
            Foundation.exit(2)
        }
    }
}
