import Foundation

/// The text formats a table can be written in.
public enum TableFormat: String, CaseIterable, Sendable {
    /// Aligned columns for a terminal.
    case table
    /// RFC 4180 CSV, safe to open in Excel.
    case csv
    /// A Markdown table to paste into a briefing.
    case md
    /// JSON for scripts.
    case json
}

extension ReportTable {
    /// The table written in `format`.
    public func rendered(as format: TableFormat) -> String {
        switch format {
        case .table: return TextTableWriter.write(self)
        case .csv: return CSVWriter.write(self)
        case .md: return MarkdownWriter.write(self)
        case .json: return JSONText.write(jsonRows)
        }
    }

    /// The rows as JSON objects keyed by column key; numbers stay numbers.
    public var jsonRows: JSONValue {
        .array(rows.map { row in
            .object(zip(columns, row).map { column, cell in (column.key, JSONValue(cell: cell)) })
        })
    }
}

/// Aligned plain-text tables for terminals.
public enum TextTableWriter {
    /// The widest a cell is shown on a terminal; longer text ends in an ellipsis (the full text is
    /// in --format csv, md and json). Without it one long name pads every row to its width.
    public static let maximumCellWidth = 100

    /// `text` cut to ``maximumCellWidth`` characters, the last one an ellipsis.
    static func fitted(_ text: String) -> String {
        let oneLine = text.contains(where: \.isNewline)
            ? text.split(whereSeparator: \.isNewline).joined(separator: " ") : text
        guard oneLine.count > maximumCellWidth else { return oneLine }
        return String(oneLine.prefix(maximumCellWidth - 1)) + "…"
    }

    public static func write(_ table: ReportTable) -> String {
        let cells = table.rows.map { $0.map { fitted($0.display) } }
        let headers = table.columns.map { fitted($0.header) }
        var widths = headers.map(\.count)
        for row in cells {
            for (index, text) in row.enumerated() { widths[index] = max(widths[index], text.count) }
        }
        let numericColumn = table.columns.indices.map { index in
            table.rows.contains { $0[index].isNumeric } && !table.rows.contains {
                if case .text = $0[index] { return true } else { return false }
            }
        }
        func line(_ texts: [String]) -> String {
            texts.enumerated().map { index, text in
                let pad = String(repeating: " ", count: widths[index] - text.count)
                return numericColumn[index] ? pad + text : text + pad
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        var out = [table.title]
        // A table of notes only (no columns) prints its title and its notes.
        if !table.columns.isEmpty {
            out.append("")
            out.append(line(headers))
            out.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
            out += cells.map(line)
        }
        if !table.notes.isEmpty {
            out.append("")
            out += table.notes
        }
        return out.joined(separator: "\n") + "\n"
    }
}

/// Markdown tables (GitHub-flavoured) with pipes escaped.
///
/// `>` is written as itself, so "Probability NPV > 0" reads the same in the source as rendered
/// (an entity such as `&gt;` shows as itself in many viewers and in text pasted into a briefing);
/// `<` is backslash-escaped so it cannot open an HTML tag.
public enum MarkdownWriter {
    public static func write(_ table: ReportTable) -> String {
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
                .replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
                .replacingOccurrences(of: "<", with: "\\<")
        }
        var out = ["**\(escape(table.title))**", ""]
        out.append("| " + table.columns.map { escape($0.header) }.joined(separator: " | ") + " |")
        out.append("|" + table.columns.indices.map { index in
            table.rows.first?[index].isNumeric == true ? " ---: |" : " --- |"
        }.joined())
        for row in table.rows {
            out.append("| " + row.map { escape($0.display) }.joined(separator: " | ") + " |")
        }
        if !table.notes.isEmpty {
            out.append("")
            out += table.notes.map { escape($0) }
        }
        return out.joined(separator: "\n") + "\n"
    }
}

/// RFC 4180 CSV, UTF-8, CRLF line ends; text that a spreadsheet would run as a formula is
/// neutralised with a leading apostrophe, while numbers stay numbers.
public enum CSVWriter {
    public static func write(_ table: ReportTable) -> String {
        var lines = [table.columns.map { field($0.header) }.joined(separator: ",")]
        for row in table.rows {
            lines.append(row.map { cell in
                cell.isNumeric ? cell.machineText : field(cell.machineText)
            }.joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// One text field: neutralised against formula injection, then quoted when needed.
    public static func field(_ raw: String) -> String {
        let text = SpreadsheetText.neutralised(raw)
        if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return text
    }
}

/// The one rule for text in every spreadsheet output (CSV files and the XLSX workbook): text a
/// spreadsheet would run as a formula gets a leading apostrophe, so it shows as text wherever it
/// is opened, copied or saved again.
public enum SpreadsheetText {
    /// The characters that start a formula (OWASP's CSV injection list): `=`, `+`, `-`, `@`, and a
    /// tab or carriage return, which some spreadsheets skip before reading the rest as a formula.
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    public static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, formulaStarts.contains(first) else { return text }
        return "'" + text
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
