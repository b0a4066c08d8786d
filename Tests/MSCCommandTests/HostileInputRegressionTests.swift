import Foundation
import MSCTestSupport
import MSCModel
import Testing

/// One test per class of hostile input that once broke the contract (a file lost, output without
/// bound, an absurd year, infinity printed, a post of 0 or 10^9 FTE, an empty table, a bad option
/// accepted, a vague message, a baseline error without its line). Each runs `msc` as a user would.
@Suite(.serialized) struct HostileInputRegressionTests {
    /// A fresh temporary folder, removed by the caller.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("msc-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The shipped status-quo scenario with `extra` appended (e.g. an overrides section).
    static func scenario(in folder: URL, named name: String = "hostile.yaml", replacing: [(String, String)] = [],
                         appending extra: String = "", from source: String = "status-quo") throws -> String {
        var text = try String(contentsOf: MSCBinary.root.appendingPathComponent("Scenarios/\(source).yaml"), encoding: .utf8)
        for (old, new) in replacing {
            #expect(text.contains(old), "\(old) not in \(source).yaml")
            text = text.replacingOccurrences(of: old, with: new)
        }
        let path = folder.appendingPathComponent(name).path
        try (text + extra).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Exit 2, one line on stderr containing every one of `parts`, nothing on stdout.
    static func expectRefused(_ arguments: [String], naming parts: [String],
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        let output = try MSCBinary.run(arguments)
        #expect(output.status == 2, "\(arguments): exit \(output.status), \(output.stderr)", sourceLocation: sourceLocation)
        #expect(output.stderr.split(separator: "\n").count == 1, "\(output.stderr)", sourceLocation: sourceLocation)
        for part in parts {
            #expect(output.stderr.contains(part), "\(arguments): \"\(part)\" not in: \(output.stderr)", sourceLocation: sourceLocation)
        }
        #expect(output.stdout.isEmpty, sourceLocation: sourceLocation)
    }

    // 1. Data loss
    @Test func exportNeverDeletesOrOverwritesAFileItDidNotWrite() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pack = folder.appendingPathComponent("P").path
        let export = ["export", "Scenarios/status-quo.yaml", "--out", pack, "--runs", "20", "--format", "csv,md"]
        #expect(try MSCBinary.run(export).status == 0)
        let manifest = try String(contentsOfFile: pack + "/.msc-evidence-pack", encoding: .utf8)
        #expect(manifest.contains("  headline.csv") && manifest.contains("  evidence-pack.md"))

        // A file of the user's own: refused, named, kept.
        let notes = pack + "/notes.txt"
        try "my notes".write(toFile: notes, atomically: true, encoding: .utf8)
        try Self.expectRefused(export, naming: ["notes.txt", "--out"])
        #expect(try String(contentsOfFile: notes, encoding: .utf8) == "my notes")
        try FileManager.default.removeItem(atPath: notes)

        // A file of the pack the user edited: refused, kept as edited.
        let edited = pack + "/evidence-pack.md"
        try "my edits".write(toFile: edited, atomically: true, encoding: .utf8)
        try Self.expectRefused(export, naming: ["evidence-pack.md", "changed"])
        #expect(try String(contentsOfFile: edited, encoding: .utf8) == "my edits")
        try FileManager.default.removeItem(atPath: edited)

        // Only the pack's own files: replaced, with nothing left beside it.
        #expect(try MSCBinary.run(export).status == 0)
        let beside = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(beside == ["P"], "\(beside)")
    }

    // 2. Output that grows without bound
    @Test func longNamesAreRefusedOnLoadAndCellsHaveAWidth() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: MSCBinary.root.appendingPathComponent("Assumptions"),
                                         to: folder.appendingPathComponent("A"))
        let table = folder.appendingPathComponent("A/authorities.csv")
        var lines = try String(contentsOf: table, encoding: .utf8).components(separatedBy: "\n")
        lines[1] = lines[1].replacingOccurrences(of: ",Hartlepool,", with: "," + String(repeating: "x", count: 100_000) + ",")
        try lines.joined(separator: "\n").write(to: table, atomically: true, encoding: .utf8)
        let started = Date()
        try Self.expectRefused(["authorities", "--assumptions", folder.appendingPathComponent("A").path],
                               naming: ["authorities.csv:2: name:", "at most \(InputBounds.nameCharacters) characters"])
        #expect(Date().timeIntervalSince(started) < 10)

        // A long description is within the text limit but is cut to a cell width on a terminal.
        let shown = try MSCBinary.run(["assumptions", "--name", "coverageBenchmark"])
        #expect(shown.status == 0)
        let widest = shown.stdout.split(separator: "\n").map(\.count).max() ?? 0
        #expect(widest < 1000)
    }

    // 3. Years beyond the data
    @Test func yearsMustLieWithinTheDataAndTheirProjection() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let far = try Self.scenario(in: folder, replacing: [("priceBaseYear: 2026-27", "priceBaseYear: 3000-01")])
        try Self.expectRefused(["run", far, "--runs", "10"], naming: ["hostile.yaml:14:", "priceBaseYear:", "expected a price base year from"])
        try Self.expectRefused(["funding", far], naming: ["priceBaseYear:"])
        try Self.expectRefused(["cost", "--tax-year", "3000-01"], naming: ["--tax-year 3000-01", "expected a tax year from 2024-25 to"])
        try Self.expectRefused(["cost", "--salary-year", "1900-01"], naming: ["--salary-year 1900-01"])
    }

    // 4. Infinity printed as a result
    @Test func nonFiniteAndImplausibleValuesAreRefused() throws {
        for option in ["--salary", "--target", "--operational-budget"] {
            try Self.expectRefused(["cost", option, "1e308"], naming: [option])
        }
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cases: [(String, String)] = [
            ("  salary:\n    value: 44000\n    distribution: {kind: normal, mean: 44000, standardDeviation: 1e308}\n", "salary.distribution.standardDeviation"),
            ("  identificationRateRatio:\n    value: 1.5\n    distribution: {kind: lognormal, logMean: 1000, logStandardDeviation: 0.3}\n", "identificationRateRatio.distribution.logMean"),
            ("  identificationRateRatio:\n    value: 1.5\n    distribution: {kind: lognormal, logMean: -1000000, logStandardDeviation: 0.3}\n", "identificationRateRatio.distribution.logMean"),
        ]
        for (override, key) in cases {
            let path = try Self.scenario(in: folder, appending: "overrides:\n" + override)
            try Self.expectRefused(["run", path, "--runs", "10"], naming: ["hostile.yaml:", key])
        }
        // Fits that cannot be estimated say why and exit 2.
        let fits: [(String, String)] = [
            ("0,1000,true\n0,2000,false\n0,1500,true\n0,3000,false\n", "every count is 0"),
            ("0,1000,true\n5,2000,false\n0,1500,true\n7,3000,false\n", "separation"),
            ("1e300,1000,true\n5,2000,false\n3,1500,true\n7,3000,false\n", "no larger than"),
            ("3,1000,true\n5,2000,false\n", "no residual degrees of freedom"),
        ]
        for (index, (rows, reason)) in fits.enumerated() {
            let data = folder.appendingPathComponent("fit\(index).csv")
            try ("referrals,population,hasMSC\n" + rows).write(to: data, atomically: true, encoding: .utf8)
            try Self.expectRefused(["fit", data.path, "--predictors", "hasMSC"], naming: ["fit\(index).csv:", reason])
        }
    }

    // 5. Posts that are not posts
    @Test func everyPostHasTheSameFTEBoundsFromOnePlace() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bounds = InputBounds.describe(InputBounds.postFTE)
        let zero = try Self.scenario(in: folder, appending: "overrides:\n  fte: 0\n")
        try Self.expectRefused(["run", zero, "--runs", "10"], naming: ["overrides.fte", bounds])
        let huge = try Self.scenario(in: folder, replacing: [("  count: 9 ", "  fte: 1e9\n  count: 9 ")])
        try Self.expectRefused(["run", huge, "--runs", "10"], naming: ["deployment.fte", bounds])
        let hub = try Self.scenario(in: folder, replacing: [("minimumFTE: 2", "minimumFTE: 1e9")], from: "regional-hub")
        try Self.expectRefused(["run", hub, "--runs", "10"], naming: ["deployment.fte.minimumFTE", bounds])
        let dense = try Self.scenario(in: folder, replacing: [("residentsPerFTE: 500000", "residentsPerFTE: 1000")], from: "regional-hub")
        try Self.expectRefused(["funding", dense], naming: ["deployment.fte.residentsPerFTE", "at most 100 FTE per post"])
        try Self.expectRefused(["cost", "--fte", "0"], naming: ["--fte", InputBounds.describe(InputBounds.personFTE)])
        try Self.expectRefused(["training", "--coordinator-fte", "1e9"], naming: ["--coordinator-fte", bounds])
    }

    // 6. Empty tables
    @Test func anAuthorityTableWithOnlyItsHeaderIsRefusedByEveryCommand() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let assumptions = folder.appendingPathComponent("A")
        try FileManager.default.copyItem(at: MSCBinary.root.appendingPathComponent("Assumptions"), to: assumptions)
        let table = assumptions.appendingPathComponent("authorities.csv")
        let header = try String(contentsOf: table, encoding: .utf8).components(separatedBy: "\n")[0]
        try (header + "\n").write(to: table, atomically: true, encoding: .utf8)
        let given = ["--assumptions", assumptions.path]
        for command in [["authorities"], ["training"], ["run", "Scenarios/local-mix.yaml", "--runs", "10"],
                        ["funding", "Scenarios/local-mix.yaml"], ["share", "Scenarios/local-mix.yaml", "--area", "Kent"],
                        ["sensitivity", "Scenarios/local-mix.yaml", "--samples", "100"]] {
            try Self.expectRefused(command + given, naming: ["authorities.csv:1:", "only line"])
        }
    }

    // 7. Options
    @Test func infiniteAndEmptyOptionsAreRefused() throws {
        try Self.expectRefused(["run", "Scenarios/status-quo.yaml", "--runs", "10", "--target-mcse=inf"], naming: ["--target-mcse"])
        try Self.expectRefused(["run", "Scenarios/status-quo.yaml", "--runs", "10", "--format", ""], naming: ["--format"])
        try Self.expectRefused(["export", "Scenarios/status-quo.yaml", "--out", "/tmp/never-\(UUID().uuidString)", "--format", ""],
                               naming: ["--format"])
        try Self.expectRefused(["export", "Scenarios/status-quo.yaml", "--out", "/tmp/never-\(UUID().uuidString)", "--format", "csv,,md"],
                               naming: ["--format"])
    }

    // 9. Messages name the option or file and say what to do
    @Test func messagesNameTheOptionAndWhatToDo() throws {
        try Self.expectRefused(["authorities", "--region", "Atlantis"], naming: ["--region", "Atlantis"])
        try Self.expectRefused(["authorities", "--county", "Kentt"], naming: ["--county", "Kent (county area)"])
        try Self.expectRefused(["export", "Scenarios/status-quo.yaml", "--out", ""], naming: ["--out", "empty"])
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("d.csv")
        try "referrals,population,hasMSC\n3,1000,true\n5,2000,false\n4,1500,true\n7,3000,false\n".write(to: data, atomically: true, encoding: .utf8)
        let fit = ["fit", data.path, "--predictors", "hasMSC", "--effect", "hasMSC"]
        try Self.expectRefused(fit + ["--save-estimate", "/nonexistent/dir/x.yaml"], naming: ["--save-estimate", "/nonexistent/dir", "does not exist"])
        // An assumption file is never overwritten by an estimate.
        let precious = folder.appendingPathComponent("impact.yaml")
        try "keep me".write(to: precious, atomically: true, encoding: .utf8)
        try Self.expectRefused(fit + ["--save-estimate", precious.path], naming: ["--save-estimate", "not written by msc fit"])
        #expect(try String(contentsOf: precious, encoding: .utf8) == "keep me")
        let unwritable = try MSCBinary.run(["export", "Scenarios/status-quo.yaml", "--out", "/proc/msc-pack", "--runs", "10"])
        #expect(unwritable.status == 2)
        #expect(unwritable.stderr.contains("/proc/msc-pack") && !unwritable.stderr.contains("could not be completed"), "\(unwritable.stderr)")
    }

    // 10. A baseline: not needed to run, located when missing
    @Test func aMissingBaselineRunsAloneAndIsLocatedInCompare() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lonely = try Self.scenario(in: folder, named: "lonely.yaml", replacing: [("baseline: status-quo", "baseline: nowhere")],
                                       from: "regional-hub")
        #expect(try MSCBinary.run(["run", lonely, "--runs", "10"]).status == 0)
        let text = try String(contentsOfFile: lonely, encoding: .utf8).components(separatedBy: "\n")
        let line = try #require(text.firstIndex { $0.hasPrefix("baseline:") }) + 1
        try Self.expectRefused(["compare", "Scenarios/status-quo.yaml", lonely, "--runs", "10"],
                               naming: ["lonely.yaml:\(line):", "baseline:", "nowhere"])
    }
}
