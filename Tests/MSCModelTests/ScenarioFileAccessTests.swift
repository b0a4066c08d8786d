import Foundation
import MSCTestSupport
import Testing
@testable import MSCModel

/// A scenario names files only inside its own folder (from disk) or from the shipped list (sent
/// to the server), and a refusal says nothing of any other file.
@Suite("Files a scenario may name")
struct ScenarioFileAccessTests {
    /// A folder holding one scenario-to-be and, beside the folder, a file it must not reach.
    final class Sandbox {
        let root: String
        let folder: String
        init() throws {
            root = NSTemporaryDirectory() + "msc-file-access-\(UUID().uuidString)"
            folder = root + "/scenarios"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let shipped = try String(contentsOfFile: PackagePaths.scenarios + "/unitary-2028-reorganisations.csv", encoding: .utf8)
            try shipped.write(toFile: folder + "/changes.csv", atomically: true, encoding: .utf8)
            try "SECRET=do-not-show\n".write(toFile: root + "/outside.csv", atomically: true, encoding: .utf8)
            try FileManager.default.createSymbolicLink(atPath: folder + "/link.csv", withDestinationPath: root + "/outside.csv")
        }
        deinit { try? FileManager.default.removeItem(atPath: root) }
    }

    static func scenario(naming file: String) throws -> String {
        let base = try String(contentsOfFile: PackagePaths.scenarios + "/status-quo.yaml", encoding: .utf8)
        return base + "\nreorganisations: \(file)\n"
    }

    static func loadFromDisk(_ sandbox: Sandbox, naming file: String) throws -> LoadedScenario {
        let path = sandbox.folder + "/mine.yaml"
        try scenario(naming: file).write(toFile: path, atomically: true, encoding: .utf8)
        return try Scenario.load(path: path, assumptions: try PackagePaths.shippedAssumptions(),
                                 authorities: try AuthorityTable.load(path: PackagePaths.assumptions + "/authorities.csv"))
    }

    @Test func aFileBesideTheScenarioIsRead() throws {
        let sandbox = try Sandbox()
        let loaded = try Self.loadFromDisk(sandbox, naming: "changes.csv")
        #expect(loaded.scenario.reorganisationsFile == sandbox.folder + "/changes.csv")
    }

    @Test(arguments: ["/proc/self/environ", "../outside.csv", "sub/../../outside.csv", "link.csv", "~/outside.csv", "missing.csv"])
    func aPathLeavingTheFolderIsRefusedWithoutReadingIt(file: String) throws {
        let sandbox = try Sandbox()
        let message = try #require(inputErrorMessage { _ = try Self.loadFromDisk(sandbox, naming: file) })
        #expect(message.contains("reorganisations:"), "\(message)")
        #expect(!message.contains("SECRET"), "\(message)")
        #expect(!message.contains("PATH="), "\(message)")
        #expect(message.contains("scenario's own folder") || message.contains("scenario's folder") || message.contains("beside the scenario"),
                "\(message)")
    }

    @Test(arguments: ["/proc/self/environ", "../Assumptions/authorities.csv", "changes.csv", "unitary-2028.yaml", ""])
    func anUploadMayNameOnlyAShippedTable(file: String) throws {
        let access = ScenarioFileAccess.shippedOnly(folder: PackagePaths.scenarios, names: ["unitary-2028-reorganisations.csv"])
        let message = try #require(inputErrorMessage {
            _ = try Scenario.parse(text: try Self.scenario(naming: file), fileName: "up.yaml",
                                   assumptions: try PackagePaths.shippedAssumptions(),
                                   authorities: try AuthorityTable.load(path: PackagePaths.assumptions + "/authorities.csv"), files: access)
        })
        #expect(message.hasPrefix("up.yaml:"), "\(message)")
        #expect(message.contains("expected one of unitary-2028-reorganisations.csv"), "\(message)")
        // The refusal repeats nothing the client sent and nothing of any file.
        #expect(file.isEmpty || !message.contains(file), "\(message)")
    }

    @Test func anUploadNamingAShippedTableLoadsIt() throws {
        let access = ScenarioFileAccess.shippedOnly(folder: PackagePaths.scenarios, names: ["unitary-2028-reorganisations.csv"])
        let loaded = try Scenario.parse(text: try Self.scenario(naming: "unitary-2028-reorganisations.csv"), fileName: "up.yaml",
                                        assumptions: try PackagePaths.shippedAssumptions(),
                                        authorities: try AuthorityTable.load(path: PackagePaths.assumptions + "/authorities.csv"),
                                        files: access)
        #expect(loaded.scenario.reorganisationsFile == PackagePaths.scenarios + "/unitary-2028-reorganisations.csv")
    }
}

/// YAML work is bounded before it is spent: alias bombs, aliased keys and deep nesting are refused
/// at once with a located error, while every shipped file reads as before.
@Suite("Bounded YAML")
struct YAMLWorkLimitsTests {
    /// A chain of `levels` anchors, each a list of nine aliases to the one before: 9^levels values.
    static func laughs(levels: Int, asKey: Bool) -> String {
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
        for level in 1...levels {
            let previous = "*a\(level - 1)"
            lines.append("a\(level): &a\(level) [\(Array(repeating: previous, count: 9).joined(separator: ", "))]")
        }
        lines.append(asKey ? "? *a\(levels)\n: boom" : "last: *a\(levels)")
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func anAliasUsedAsAKeyIsRefused() throws {
        let message = try #require(inputErrorMessage { _ = try YAMLFile.parse(text: Self.laughs(levels: 15, asKey: true), fileName: "bomb.yaml") })
        #expect(message.hasPrefix("bomb.yaml:"), "\(message)")
        // Refused before expanding: the expansion limit is not what stops it.
        let small = try #require(inputErrorMessage { _ = try YAMLFile.parse(text: Self.laughs(levels: 1, asKey: true), fileName: "k.yaml") })
        #expect(small.contains("an alias (*name) used as a mapping key"), "\(small)")
    }

    @Test func anAliasBombIsRefusedByItsExpandedSize() throws {
        // 9^6 = 531,441 values from about 300 bytes.
        let message = try #require(inputErrorMessage { _ = try YAMLFile.parse(text: Self.laughs(levels: 6, asKey: false), fileName: "bomb.yaml") })
        #expect(message.contains("more than 100000 values once aliases (*name) are expanded"), "\(message)")
        #expect(message.hasPrefix("bomb.yaml:"), "\(message)")
        // 9^3 = 729 values at the end (about 16,000 with every anchor counted): honest use still reads.
        _ = try YAMLFile.parse(text: Self.laughs(levels: 3, asKey: false), fileName: "fine.yaml")
    }

    @Test func deepNestingIsRefused() throws {
        let deep = String(repeating: "[", count: 200) + String(repeating: "]", count: 200) + "\n"
        let message = try #require(inputErrorMessage { _ = try YAMLFile.parse(text: "key: " + deep, fileName: "deep.yaml") })
        #expect(message.contains("nested more than 64 deep"), "\(message)")
    }

    @Test func tooManyAliasesAreRefused() throws {
        let text = "a: &a 1\nlist: [" + Array(repeating: "*a", count: 1_001).joined(separator: ", ") + "]\n"
        let message = try #require(inputErrorMessage { _ = try YAMLFile.parse(text: text, fileName: "many.yaml") })
        #expect(message.contains("more than 1000 aliases"), "\(message)")
    }

    @Test func everyShippedFileReadsWithinTheLimits() throws {
        let folders = [PackagePaths.assumptions, PackagePaths.scenarios]
        var read = 0
        for folder in folders {
            for file in try FileManager.default.contentsOfDirectory(atPath: folder) where file.hasSuffix(".yaml") {
                _ = try YAMLFile.load(path: folder + "/" + file)
                read += 1
            }
        }
        #expect(read >= 15)
    }

    @Test func hiddenCharactersInANameAreRefused() throws {
        // Direction controls as themselves; control characters as YAML escapes (YAML refuses them raw).
        for hidden in ["\u{202E}", "\u{2066}", "\u{200F}", "\\0", "\\e", "\\x07"] {
            let root = try YAMLFile.parse(text: "name: \"safe\(hidden)name\"\n", fileName: "n.yaml")
            let message = try #require(inputErrorMessage { _ = try root.mapping().required("name", expected: "a name").name("a name") })
            #expect(message.contains("without control or text-direction characters"), "\(message)")
        }
    }
}
