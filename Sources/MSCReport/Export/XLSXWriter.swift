import Foundation
import ZIPFoundation

/// A workbook (Office Open XML SpreadsheetML) with one sheet per table: bold headers, numbers
/// stored as numbers with a number format, text as inline strings (never formulas), neutralised by
/// the same rule as the CSV files (``SpreadsheetText``).
public enum XLSXWriter {
    /// A sheet: its name (made valid: at most 31 characters, none of `[]:*?/\`) and its table.
    public struct Sheet {
        public let name: String
        public let table: ReportTable
        public init(name: String, table: ReportTable) {
            self.name = name
            self.table = table
        }
    }

    /// Writes the workbook to `path` (overwriting it).
    public static func write(_ sheets: [Sheet], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(at: url) }
        let archive = try Archive(url: url, accessMode: .create)
        let names = uniqueSheetNames(sheets.map(\.name))
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes(sheetCount: sheets.count)),
            ("_rels/.rels", rootRelationships),
            ("xl/workbook.xml", workbook(names)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships(sheetCount: sheets.count)),
            ("xl/styles.xml", styles),
        ]
        for (index, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", worksheet(sheet.table)))
        }
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    /// Sheet names Excel accepts: forbidden characters replaced, at most 31 characters, unique.
    static func uniqueSheetNames(_ names: [String]) -> [String] {
        var used: Set<String> = []
        return names.enumerated().map { index, raw in
            var name = String(raw.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(31))
                .trimmingCharacters(in: CharacterSet(charactersIn: "'"))
            if name.isEmpty { name = "Sheet\(index + 1)" }
            var candidate = name, counter = 2
            while used.contains(candidate.lowercased()) {
                let suffix = " (\(counter))"
                candidate = String(name.prefix(31 - suffix.count)) + suffix
                counter += 1
            }
            used.insert(candidate.lowercased())
            return candidate
        }
    }

    /// Column letters: 0 → A, 25 → Z, 26 → AA.
    static func columnName(_ index: Int) -> String {
        var index = index + 1, name = ""
        while index > 0 {
            let remainder = (index - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            index = (index - 1) / 26
        }
        return name
    }

    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    static func contentTypes(sheetCount: Int) -> String {
        header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + (1...max(1, sheetCount)).prefix(sheetCount).map {
                "<Override PartName=\"/xl/worksheets/sheet\($0).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            }.joined()
            + "</Types>"
    }

    static let rootRelationships = header
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>"

    static func workbook(_ names: [String]) -> String {
        header + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
            + names.enumerated().map { "<sheet name=\"\(Markup.escape($0.element))\" sheetId=\"\($0.offset + 1)\" r:id=\"rId\($0.offset + 1)\"/>" }.joined()
            + "</sheets></workbook>"
    }

    static func workbookRelationships(sheetCount: Int) -> String {
        header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + (0..<sheetCount).map {
                "<Relationship Id=\"rId\($0 + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>"
            }.joined()
            + "<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
            + "</Relationships>"
    }

    /// Cell styles by index: 0 normal, 1 bold (headers and titles), 2 whole pounds `#,##0`,
    /// 3 pounds and pence `#,##0.00`, 4 percentage `0.0%`, 5 plain number `General`, 6 italic (notes).
    static let styles = header
        + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        + "<numFmts count=\"3\"><numFmt numFmtId=\"164\" formatCode=\"&quot;£&quot;#,##0\"/><numFmt numFmtId=\"165\" formatCode=\"&quot;£&quot;#,##0.00\"/><numFmt numFmtId=\"166\" formatCode=\"0.0%\"/></numFmts>"
        + "<fonts count=\"3\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font><font><i/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"7\">"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
        + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"166\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"2\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
        + "</cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>"

    /// One sheet: header row in bold, one row per table row, then the notes in italics.
    static func worksheet(_ table: ReportTable) -> String {
        var rows: [String] = []
        func textCell(_ reference: String, _ text: String, style: Int) -> String {
            // Inline strings are never formulas here, but a copied or re-saved cell can become one.
            let safe = SpreadsheetText.neutralised(text)
            return "<c r=\"\(reference)\" t=\"inlineStr\"\(style == 0 ? "" : " s=\"\(style)\"")><is><t xml:space=\"preserve\">\(Markup.escape(safe))</t></is></c>"
        }
        func row(_ number: Int, _ cells: [String]) -> String { "<row r=\"\(number)\">\(cells.joined())</row>" }
        rows.append(row(1, table.columns.enumerated().map { textCell("\(columnName($0.offset))1", $0.element.header, style: 1) }))
        for (rowIndex, cells) in table.rows.enumerated() {
            let number = rowIndex + 2
            rows.append(row(number, cells.enumerated().compactMap { columnIndex, cell in
                let reference = "\(columnName(columnIndex))\(number)"
                switch cell {
                case .empty: return nil
                case .text(let text): return textCell(reference, text, style: 0)
                default:
                    guard let value = cell.numericValue, value.isFinite else { return textCell(reference, "n/a", style: 0) }
                    let style: Int
                    switch cell {
                    case .money(_, let decimals): style = decimals == 0 ? 2 : 3
                    case .percent: style = 4
                    default: style = 5
                    }
                    return "<c r=\"\(reference)\" s=\"\(style)\"><v>\(NumberText.plain(value))</v></c>"
                }
            }))
        }
        var next = table.rows.count + 3
        for note in table.notes {
            rows.append(row(next, [textCell("A\(next)", note, style: 6)]))
            next += 1
        }
        let widths = table.columns.indices.map { index -> Int in
            let longest = ([table.columns[index].header] + table.rows.map { $0[index].display }).map(\.count).max() ?? 8
            return min(60, max(8, longest + 2))
        }
        let cols = "<cols>" + widths.enumerated().map { "<col min=\"\($0.offset + 1)\" max=\"\($0.offset + 1)\" width=\"\($0.element)\" customWidth=\"1\"/>" }.joined() + "</cols>"
        return header + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
            + cols + "<sheetData>" + rows.joined() + "</sheetData></worksheet>"
    }
}
