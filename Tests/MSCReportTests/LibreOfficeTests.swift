import Foundation
import MSCModel
import Testing
@testable import MSCReport

/// Opens the workbook in headless LibreOffice when it is installed (Debian `libreoffice-calc-nogui`)
/// and reads the values back; skipped otherwise, so machines without it still pass.
@Suite struct LibreOfficeTests {
    static let libreOffice = ["/usr/bin/libreoffice", "/usr/bin/soffice"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: libreOffice != nil, "LibreOffice is not installed (apt-get install libreoffice-calc-nogui); workbook check skipped"))
    func libreOfficeReadsBackTheAuthoritySheet() throws {
        let folder = try PackFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("pack").path
        try EvidencePackWriter.write(try PackFixture.pack(), to: out, formats: [.xlsx])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.libreOffice))
        // Sheet 2 (Authorities), raw values (not as shown), UTF-8, comma-separated.
        process.arguments = ["-env:UserInstallation=file://\(folder.path)/profile", "--headless", "--convert-to",
                             "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2",
                             "--outdir", folder.path, out + "/evidence-pack.xlsx"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let csvPath = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasSuffix(".csv") },
                                   "LibreOffice wrote no CSV")
        let table = try CSVTable.load(path: folder.appendingPathComponent(csvPath).path)
        #expect(table.header == ["Authority", "Note", "NPV (£)", "Posts", "Survival"])
        #expect(table.rows.map { $0.fields[0] } == [Hostile.formula, Hostile.quoted, Hostile.plus, Hostile.at, Hostile.script, "Leeds"],
                "text comes back as text, formulas never run")
        #expect(table.rows.map { $0.fields[2] } == ["-1234.5", "-2469", "-3703.5", "-4938", "-6172.5", "-7407"])
        #expect(table.rows.map { $0.fields[3] } == ["0", "1", "2", "3", "4", "5"])
    }
}
