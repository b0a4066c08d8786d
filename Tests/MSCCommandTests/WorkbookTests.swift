import Foundation
import MSCTestSupport
import Testing
import ZIPFoundation

/// The evidence pack's workbook and CSV files as someone given only them reads them: the first
/// sheet carries the caveats and the illustrative inputs, and the switching values are numbers.
@Suite(.serialized) struct WorkbookTests {
    static func export() throws -> String {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("msc-workbook-\(UUID().uuidString)").path
        let output = try MSCBinary.run(["export", "Scenarios/national-rollout.yaml", "--out", out, "--runs", "200", "--seed", "3",
                                        "--format", "csv,xlsx"])
        #expect(output.status == 0, "\(output.stderr)")
        return out
    }

    static func part(_ archive: Archive, _ path: String) throws -> String {
        let entry = try #require(archive[path], "missing part \(path)")
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }

    @Test func theHeadlineSheetCarriesTheCaveatsAndTheIllustrativeInputs() throws {
        let out = try Self.export()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let archive = try Archive(url: URL(fileURLWithPath: out + "/evidence-pack.xlsx"), accessMode: .read)
        let workbook = try Self.part(archive, "xl/workbook.xml")
        #expect(workbook.contains("<sheet name=\"Headline\" sheetId=\"1\""), "Headline is the first sheet")
        let headline = try Self.part(archive, "xl/worksheets/sheet1.xml")
        // The scenario's own caveats, the summary's caution and each illustrative input with its value.
        #expect(headline.contains("Caveat (national-rollout): "))
        #expect(headline.contains("What is illustrative: "))
        #expect(headline.contains("(pilotEvaluationCostPerYear) = £60,000"), "an illustrative input with its value")
        #expect(headline.contains("referrals net of displacement, not confirmed victims"))
    }

    @Test func switchingValuesAreWrittenAsNumbers() throws {
        let out = try Self.export()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let csv = try String(contentsOfFile: out + "/switching-values-national-rollout.csv", encoding: .utf8)
        let lines = csv.split(whereSeparator: \.isNewline).map(String.init)
        #expect(lines.first?.contains("Central,Switching value") == true, "\(lines.first ?? "")")
        // Each row: Input,Evidence,Central,Switching value,…; the two figures parse as numbers.
        var numbers = 0
        for line in lines.dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard cells.count >= 4, !cells[0].isEmpty, cells[1] != "" else { continue }
            if Double(cells[2]) != nil { numbers += 1 }
            #expect(!cells[2].contains("\""), "Central written as text: \(line)")
        }
        #expect(numbers >= 3, "expected the central values as numbers:\n\(csv)")
        #expect(!csv.contains("\"45,959\"") && !csv.contains("\"57,"), "no figure stored as grouped text")
        let archive = try Archive(url: URL(fileURLWithPath: out + "/evidence-pack.xlsx"), accessMode: .read)
        let workbook = try Self.part(archive, "xl/workbook.xml")
        let sheets = workbook.components(separatedBy: "<sheet name=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        let index = try #require(sheets.firstIndex { $0.hasPrefix("Switching") }, "no switching sheet in \(sheets)")
        let sheet = try Self.part(archive, "xl/worksheets/sheet\(index + 1).xml")
        #expect(sheet.contains("<c r=\"C2\" s=\"5\"><v>"), "the first central value is a number cell")
    }
}
