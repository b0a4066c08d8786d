import Foundation

/// A table of results, independent of how it is written out (text, CSV, Markdown, JSON, XLSX).
///
/// Cells keep their numbers as numbers, so CSV and spreadsheets get values, and the text and
/// Markdown writers format them for people (thousands separators, pounds, percentages).
public struct ReportTable: Sendable {
    /// A column: its header for people and its key for JSON.
    public struct Column: Sendable {
        public let header: String
        public let key: String
        public init(_ header: String, key: String) {
            self.header = header
            self.key = key
        }
    }

    /// One cell's value and how to show it.
    public enum Cell: Sendable, Equatable {
        case text(String)
        /// Pounds, shown with thousands separators and `decimals` places.
        case money(Double, decimals: Int)
        /// A plain number with `decimals` places.
        case number(Double, decimals: Int)
        /// A whole number.
        case integer(Int)
        /// A fraction shown as a percentage with `decimals` places (0.16 → 16.0%).
        case percent(Double, decimals: Int)
        case empty

        /// Pounds to the nearest pound.
        public static func pounds(_ value: Double) -> Cell { .money(value, decimals: 0) }
        /// Pounds and pence.
        public static func pence(_ value: Double) -> Cell { .money(value, decimals: 2) }

        /// The numeric value, when the cell holds one.
        public var numericValue: Double? {
            switch self {
            case .money(let v, _), .number(let v, _), .percent(let v, _): return v
            case .integer(let v): return Double(v)
            case .text, .empty: return nil
            }
        }

        /// The cell formatted for people.
        public var display: String {
            switch self {
            case .text(let text): return text
            case .money(let v, let d): return (v < 0 ? "-£" : "£") + NumberText.grouped(abs(v), decimals: d)
            case .number(let v, let d): return NumberText.grouped(v, decimals: d)
            case .integer(let v): return NumberText.grouped(Double(v), decimals: 0)
            case .percent(let v, let d): return NumberText.fixed(v * 100, decimals: d) + "%"
            case .empty: return ""
            }
        }

        /// The cell as written into machine-readable files: numbers unformatted at full precision.
        public var machineText: String {
            switch self {
            case .text(let text): return text
            case .money(let v, _): return NumberText.plain((v * 100).rounded() / 100)
            case .number(let v, _), .percent(let v, _): return NumberText.published(v)
            case .integer(let v): return String(v)
            case .empty: return ""
            }
        }

        /// True when the cell should be right-aligned in text tables.
        public var isNumeric: Bool { numericValue != nil }
    }

    public var title: String
    public var columns: [Column]
    public var rows: [[Cell]]
    /// Lines printed under the table: sources, caveats, how to reproduce.
    public var notes: [String]

    public init(title: String, columns: [Column], rows: [[Cell]] = [], notes: [String] = []) {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.notes = notes
    }

    /// Appends a row; its length must match the columns.
    public mutating func append(_ row: [Cell]) {
        precondition(row.count == columns.count, "row has \(row.count) cells for \(columns.count) columns")
        rows.append(row)
    }
}

/// Number formatting shared by every writer, independent of the machine's locale.
public enum NumberText {
    /// `1234567.891` with 2 decimals → `1,234,567.89`.
    public static func grouped(_ value: Double, decimals: Int) -> String {
        let text = fixed(value, decimals: decimals)
        let negative = text.hasPrefix("-")
        let body = negative ? String(text.dropFirst()) : text
        let parts = body.split(separator: ".", maxSplits: 1)
        var integer = String(parts[0])
        var groups: [String] = []
        while integer.count > 3 {
            groups.insert(String(integer.suffix(3)), at: 0)
            integer.removeLast(3)
        }
        groups.insert(integer, at: 0)
        var result = groups.joined(separator: ",")
        if parts.count > 1 { result += "." + parts[1] }
        return (negative ? "-" : "") + result
    }

    /// Fixed decimals without grouping; `-0.00` shows as `0.00`.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "n/a" : (value > 0 ? "inf" : "-inf") }
        let text = String(format: "%.\(max(0, decimals))f", value)
        if text.hasPrefix("-"), Double(text) == 0 { return String(text.dropFirst()) }
        return text
    }

    /// The shortest text that reads back as the same number (JSON: exact for scripts).
    public static func plain(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// A number for CSV and spreadsheets: whole numbers as integers, others to 12 significant
    /// digits, so arithmetic noise (`0.8404844559999998`) does not reach a published table.
    public static func published(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        let text = String(format: "%.12g", value)
        if let parsed = Double(text), parsed == parsed.rounded(), abs(parsed) < 1e15 { return String(Int64(parsed)) }
        return text
    }
}
