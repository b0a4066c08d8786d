import Foundation
import MSCModel
import MSCSimulation

/// What a published figure needs to be reproduced: toolkit version, seed, runs, sampling method
/// and a SHA-256 hash of every scenario and assumption file used.
///
/// The thread count is left out on purpose: it does not change any result.
public struct RunManifest: Sendable {
    public let toolkitVersion: String
    public let gslVersion: String
    public let seed: UInt64
    public let runs: Int
    public let method: SamplingMethod
    /// (path, SHA-256 hex) of each input file, sorted by path.
    public let files: [(path: String, sha256: String)]
    /// The command line that reproduces the run.
    public let command: String

    public init(seed: UInt64, runs: Int, method: SamplingMethod, gslVersion: String, filePaths: [String], command: String) {
        self.toolkitVersion = MSCModel.toolkitVersion
        self.gslVersion = gslVersion
        self.seed = seed
        self.runs = runs
        self.method = method
        self.command = command
        // Paths inside the working folder are shown relative to it, so a manifest reads the same
        // on any machine that runs from a clone's root.
        let here = FileManager.default.currentDirectoryPath + "/"
        self.files = Array(Set(filePaths)).map { path -> (String, String) in
            let data = FileManager.default.contents(atPath: path) ?? Data()
            let shown = path.hasPrefix(here) ? String(path.dropFirst(here.count)) : path
            return (shown, SHA256.hex(data))
        }.sorted { $0.0 < $1.0 }
    }

    public var json: JSONValue {
        .object([
            ("toolkitVersion", .string(toolkitVersion)),
            ("gslVersion", .string(gslVersion)),
            ("seed", .number(Double(seed))),
            ("runs", .number(Double(runs))),
            ("sampling", .string(method.rawValue)),
            ("command", .string(command)),
            ("files", .array(files.map { .object([("path", .string($0.path)), ("sha256", .string($0.sha256))]) })),
        ])
    }

    /// `json` with this manifest added as its last key (`json` must be an object).
    public func attached(to json: JSONValue) -> JSONValue {
        guard case .object(var pairs) = json else { return json }
        pairs.append(("manifest", self.json))
        return .object(pairs)
    }

    /// Lines for the foot of a table.
    public var noteLines: [String] {
        ["Run: msc \(toolkitVersion), GSL \(gslVersion), seed \(seed), \(runs) iterations, \(method.rawValue) sampling; \(files.count) input files hashed (SHA-256; see --format json).",
         "Reproduce: \(command)"]
    }
}
