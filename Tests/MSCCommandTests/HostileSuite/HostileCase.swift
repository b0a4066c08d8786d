import Foundation
import MSCTestSupport
import Testing

/// One generated hostile input: what it is, how to lay out its files, the `msc` command line that
/// meets it, and what the contract demands of the answer.
struct HostileCase: Sendable, CustomTestStringConvertible {
    /// The kinds of input the suite attacks; its report counts cases by kind.
    enum Kind: String, CaseIterable, Sendable {
        case assumptionFile = "assumption files"
        case scenario = "scenarios"
        case authorityTable = "authority tables"
        case fitData = "fit data"
        case option = "options"
        case exportName = "hostile names in exports"
    }

    /// What the answer must be.
    enum Expected: Sendable {
        /// Exit 2, one line naming `file` with a line number (`file:12`), and `key` when given.
        case refusedAt(file: String, key: String?)
        /// Exit 2, one line containing each of these (an option, a file without lines).
        case refusedNaming([String])
        /// Exit 0 with every printed figure finite and every output safe.
        case succeeds
        /// Either of the two above: a value at the edge that may be taken or refused, but never
        /// mishandled (when refused, the line contains each of these).
        case eitherNaming([String])
    }

    let kind: Kind
    let label: String
    /// Writes the case's files into its own folder and returns the arguments to `msc`.
    let arguments: @Sendable (_ folder: URL) throws -> [String]
    let expected: Expected

    var testDescription: String { "\(kind.rawValue): \(label)" }
}

/// Runs cases against the built `msc` and checks the contract.
enum HostileRunner {
    /// The folder every case's own folder is made in.
    static let root: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("msc-hostile-suite-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    /// Runs `hostile` in a fresh folder and records every breach of the contract as an issue.
    static func check(_ hostile: HostileCase) throws {
        let folder = root.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let arguments = try hostile.arguments(folder)
        let before = Set(try files(below: folder))
        let started = Date()
        let output = try MSCBinary.run(arguments)
        let seconds = Date().timeIntervalSince(started)
        // MSC_HOSTILE_TIMES=file appends each case's seconds, exit status and command (to find slow cases).
        if let log = ProcessInfo.processInfo.environment["MSC_HOSTILE_TIMES"],
           let handle = FileHandle(forWritingAtPath: log) {
            handle.seekToEndOfFile()
            handle.write(Data(String(format: "%.2f\t%d\t%@\t%@\n", seconds, output.status, hostile.testDescription, arguments.prefix(3).joined(separator: " ")).utf8))
            handle.closeFile()
        }
        let context = "\(hostile.testDescription)\n  msc \(arguments.map { $0.count > 80 ? String($0.prefix(80)) + "…" : $0 }.joined(separator: " "))\n  exit \(output.status); stderr: \(output.stderr.prefix(400))"
        #expect(seconds < 30, "took \(seconds) s: \(context)")
        #expect(output.status == 0 || output.status == 2, "neither success nor a refusal: \(context)")
        #expect(!output.stderr.contains("Fatal error") && !output.stderr.contains("Stack dump") && !output.stderr.contains("gsl:"),
                "a crash or a GSL abort: \(context)")
        let after = Set(try files(below: folder))
        let added = after.subtracting(before)

        if output.status == 2 {
            checkRefusal(output, expected: hostile.expected, context: context)
            #expect(added.isEmpty, "a refusal left files behind: \(added.sorted()) \(context)")
            #expect(before.isSubset(of: after), "a refusal removed files: \(before.subtracting(after).sorted()) \(context)")
            return
        }
        switch hostile.expected {
        case .refusedAt, .refusedNaming: Issue.record("accepted, expected a refusal: \(context)\n  stdout: \(output.stdout.prefix(300))")
        case .succeeds, .eitherNaming: break
        }
        // Files written or replaced: only the --out folder (a pack replaces its own earlier files)
        // or the --save-estimate file.
        let out = value(of: "--out", in: arguments).map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        let estimate = value(of: "--save-estimate", in: arguments).map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        func allowed(_ path: String) -> Bool {
            let full = folder.appendingPathComponent(path).standardizedFileURL.path
            return (out.map { full == $0 || full.hasPrefix($0 + "/") } ?? false) || full == estimate
        }
        for path in before.subtracting(after) { #expect(allowed(path), "a run removed \(path): \(context)") }
        for path in added { #expect(allowed(path), "wrote \(path) outside its --out folder: \(context)") }
        OutputSafety.checkPrinted(output.stdout, arguments: arguments, context: context)
        if let out, arguments.first == "export" { OutputSafety.checkPack(at: out, context: context) }
    }

    /// The refusal is one line naming what it should.
    static func checkRefusal(_ output: MSCBinary.Output, expected: HostileCase.Expected, context: String) {
        let lines = output.stderr.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
        #expect(lines.count == 1, "expected exactly one line on stderr: \(context)")
        #expect(output.stderr.hasPrefix("msc: error: "), "\(context)")
        #expect(output.stdout.isEmpty, "a refusal printed to stdout: \(context)")
        let line = output.stderr
        switch expected {
        case .succeeds:
            Issue.record("refused, expected success: \(context)")
        case .refusedAt(let file, let key):
            let located = line.range(of: NSRegularExpression.escapedPattern(for: file) + ":[0-9]+", options: .regularExpression) != nil
            #expect(located, "the line does not name \(file) with a line number: \(context)")
            if let key { #expect(line.contains(" \(key): ") || line.contains(" \(key) "), "the line does not name the key \(key): \(context)") }
        case .refusedNaming(let parts), .eitherNaming(let parts):
            for part in parts { #expect(line.contains(part), "the line does not name \(part): \(context)") }
        }
    }

    /// The value after `option` in `arguments` (`--out DIR` or `--out=DIR`).
    static func value(of option: String, in arguments: [String]) -> String? {
        for (index, argument) in arguments.enumerated() {
            if argument == option, index + 1 < arguments.count { return arguments[index + 1] }
            if argument.hasPrefix(option + "=") { return String(argument.dropFirst(option.count + 1)) }
        }
        return nil
    }

    /// Every file and folder below `folder`, relative, hidden ones included.
    static func files(below folder: URL) throws -> [String] {
        (try? FileManager.default.subpathsOfDirectory(atPath: folder.path)) ?? []
    }
}
