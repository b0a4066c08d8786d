import Foundation
import Testing
@testable import MSCReport

/// Every spreadsheet output (CSV and XLSX) neutralises text that a spreadsheet would run as a formula.
@Suite struct SpreadsheetSafetyTests {
    static let starts = ["=", "+", "-", "@", "\t=", "\r="]

    @Test(arguments: starts)
    func workbookCellsAreNeutralisedLikeCSV(start: String) {
        let text = start + "HYPERLINK(\"http://example.invalid\")"
        var table = ReportTable(title: "t", columns: [.init(text, key: "a")], notes: [text])
        table.append([.text(text)])
        let sheet = XLSXWriter.worksheet(table)
        let stored = Markup.escape("'" + text)
        // Header, cell and note: three neutralised strings, and none stored as is.
        #expect(sheet.components(separatedBy: ">\(stored)</t>").count == 4, "\(sheet)")
        #expect(!sheet.contains(">\(Markup.escape(text))</t>"))
        #expect(CSVWriter.field(text).hasPrefix("\"'") || CSVWriter.field(text).hasPrefix("'"))
        #expect(SpreadsheetText.neutralised(text) == "'" + text)
    }

    @Test func harmlessTextIsUnchanged() {
        for text in ["Leeds", "£5,000", "−5 (a minus sign, not a hyphen)", "'quoted"] {
            #expect(SpreadsheetText.neutralised(text) == text)
        }
    }

    @Test func terminalCellsHaveAWidth() {
        var table = ReportTable(title: "t", columns: [.init("Name", key: "name")])
        table.append([.text(String(repeating: "x", count: 100_000))])
        let lines = TextTableWriter.write(table).split(separator: "\n")
        #expect(lines.map(\.count).max() == TextTableWriter.maximumCellWidth)
        #expect(lines.last?.hasSuffix("…") == true)
    }
}
