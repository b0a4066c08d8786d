import Foundation
import MSCTestSupport
import Testing

/// The generated hostile-input suite: every case must be refused in one clear line (exit 2,
/// naming the file, line and key, or the option) or answered with finite figures and safe
/// outputs, leaving no file behind. Cases run as separate `msc` processes, in parallel.
@Suite struct HostileInputSuite {
    @Test(arguments: HostileCases.all)
    func contractHolds(_ hostile: HostileCase) throws {
        try HostileRunner.check(hostile)
    }

    /// The suite's size by kind of input, printed for the record; at least 300 cases over every
    /// kind of input and every command.
    @Test func coversEveryKindOfInputAndEveryCommand() throws {
        let cases = HostileCases.all
        var counts: [HostileCase.Kind: Int] = [:]
        for hostile in cases { counts[hostile.kind, default: 0] += 1 }
        let summary = HostileCase.Kind.allCases.map { "\($0.rawValue) \(counts[$0] ?? 0)" }.joined(separator: ", ")
        print("hostile-input suite: \(cases.count) cases: \(summary)")
        #expect(cases.count >= 300)
        for kind in HostileCase.Kind.allCases { #expect((counts[kind] ?? 0) >= 10, "\(kind.rawValue): \(counts[kind] ?? 0) cases") }
        // Every subcommand in msc --help is met by some case.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("msc-hostile-commands-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var used: Set<String> = []
        // Laying out a case's files is cheap, except the re-export, which runs a first export
        // (its command, export, is met by many other cases).
        for hostile in cases where !hostile.label.hasPrefix("re-export") {
            let sub = folder.appendingPathComponent(UUID().uuidString)
            try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
            if let first = try? hostile.arguments(sub).first { used.insert(first) }
        }
        let help = try MSCBinary.run(["--help"]).stdout
        let listed = help.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let word = line.split(separator: " ").first.map(String.init),
                  word.first?.isLetter == true, word.allSatisfy({ $0.isLowercase || $0 == "-" }), word != "help" else { return nil }
            return word
        }
        #expect(!listed.isEmpty)
        for command in listed { #expect(used.contains(command), "no hostile case meets msc \(command)") }
    }
}
