import Foundation
import Testing
@testable import MSCModel

/// The model reads the folder it is given, wherever it is: a copy of the shipped assumptions in
/// a temporary folder, with one value changed, is what loads.
@Suite struct FolderLoadingTests {
    /// A copy of `Assumptions/` in a fresh temporary folder, with `pensionRate` set to 0.2.
    static func editedCopy() throws -> String {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("msc-folder-loading-\(UUID().uuidString)").appendingPathComponent("Assumptions").path
        try FileManager.default.createDirectory(atPath: (folder as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: PackagePaths.assumptions, toPath: folder)
        let cost = folder + "/cost.yaml"
        let text = try String(contentsOfFile: cost, encoding: .utf8)
        let shipped = "pensionRate:\n  description: Employer pension contribution to the Local Government Pension Scheme, as a fraction of salary.\n  unit: fraction\n  value: 0.16\n"
        #expect(text.contains(shipped), "the shipped cost.yaml changed; update this fixture")
        try text.replacingOccurrences(of: shipped, with: shipped.replacingOccurrences(of: "value: 0.16", with: "value: 0.2"))
            .write(toFile: cost, atomically: true, encoding: .utf8)
        return folder
    }

    @Test func assumptionsComeFromTheFolderGiven() throws {
        let folder = try Self.editedCopy()
        defer { try? FileManager.default.removeItem(atPath: (folder as NSString).deletingLastPathComponent) }
        let set = try AssumptionLoader.load(directory: folder)
        #expect(set.location == folder)
        #expect(!set.files.isEmpty && set.files.allSatisfy { $0.hasPrefix(folder + "/") })
        #expect(try set.value("pensionRate") == 0.2)
        #expect(try PackagePaths.shippedAssumptions().value("pensionRate") == 0.16)
    }

    @Test func authoritiesComeFromTheFolderGiven() throws {
        let folder = try Self.editedCopy()
        defer { try? FileManager.default.removeItem(atPath: (folder as NSString).deletingLastPathComponent) }
        let table = try AuthorityTable.load(path: folder + "/authorities.csv")
        #expect(table.file.hasPrefix(folder))
        // 339 data rows below the header of the shipped file.
        let lines = try String(contentsOfFile: folder + "/authorities.csv", encoding: .utf8)
            .split(whereSeparator: \.isNewline)
        #expect(table.authorities.count == lines.count - 1)
        #expect(table.authorities.count == 339)
    }

    @Test func aMissingFolderIsAnErrorNamingIt() {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("msc-no-such-\(UUID().uuidString)").path
        #expect(throws: InputError.self) { try AssumptionLoader.load(directory: missing) }
    }
}
