import Foundation

/// One data record of a CSV file: its fields in header order and the line it starts on.
///
/// A record can span several lines when a quoted field holds a line break; `line` is the first.
public struct CSVRow: Sendable, Equatable {
    /// 1-based line number of the record's first character in the file.
    public let line: Int
    /// The fields as written, quotes removed and doubled quotes undone; one per header column.
    public let fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}

/// A CSV file read strictly: a header line naming the columns, then records of exactly that many
/// fields. Every complaint is an ``InputError`` naming the file, the line and the column.
///
/// The reader follows RFC 4180 and what spreadsheets write: fields may be quoted, a quote inside a
/// quoted field is doubled, quoted fields may hold commas and line breaks, lines end in CRLF, LF or
/// CR, and a leading UTF-8 byte order mark (Excel's "CSV UTF-8") is ignored. Lines with no content
/// (empty, or only commas, as spreadsheets leave below a table) are skipped. Header names are
/// trimmed of surrounding spaces; fields are kept as written and the typed readers trim them.
///
/// ```swift
/// let table = try CSVTable.load(path: "data.csv")
/// for row in table.rows {
///     let name = try table.text("name", in: row)
///     let population = try table.integer("population", in: row, expected: "a positive whole number") { $0 > 0 }
/// }
/// ```
public struct CSVTable: Sendable {
    /// The file the table came from, as it is named in errors.
    public let file: String
    /// The column names from the first line, trimmed.
    public let header: [String]
    /// The data records in file order.
    public let rows: [CSVRow]

    private let index: [String: Int]

    /// A table from already-split parts. Header names must be non-empty and unique, and every row
    /// must have one field per column (a ragged row is an error naming its line).
    public init(file: String, header: [String], rows: [CSVRow]) throws {
        var index: [String: Int] = [:]
        for (position, name) in header.enumerated() {
            if name.isEmpty {
                throw InputError(file: file, line: 1,
                                 message: "column \(position + 1) of the header has no name; every column needs a name")
            }
            if index[name] != nil {
                throw InputError(file: file, line: 1, key: name,
                                 message: "the header names this column twice; each column may appear once")
            }
            index[name] = position
        }
        for row in rows where row.fields.count != header.count {
            throw InputError(file: file, line: row.line,
                             message: "expected \(header.count) fields (one per column of the header), found \(row.fields.count)")
        }
        self.file = file
        self.header = header
        self.rows = rows
        self.index = index
    }

    // MARK: Reading

    /// Reads and parses the CSV file at `path`; `displayName` (default: `path`) names it in errors.
    public static func load(path: String, displayName: String? = nil) throws -> CSVTable {
        let name = displayName ?? path
        try InputFile.checkSize(path: path, displayName: name)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: name, message: "cannot read the file (missing or unreadable); expected a CSV file")
        }
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            throw InputError(file: name, line: 1, message: "the file is UTF-16 text; save it as \"CSV UTF-8\" instead")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError(file: name, line: InputFile.firstInvalidUTF8Line(data),
                             message: "this line is not UTF-8 text; save the file as \"CSV UTF-8\"")
        }
        return try parse(text: text, fileName: name)
    }

    /// Parses CSV text; `fileName` names it in errors.
    public static func parse(text: String, fileName: String) throws -> CSVTable {
        let records = try CSVParser(fileName: fileName).records(in: text)
        guard let first = records.first else {
            throw InputError(file: fileName, line: 1, message: "the file is empty; expected a header line naming the columns")
        }
        let header = first.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        return try CSVTable(file: fileName, header: header, rows: Array(records.dropFirst()))
    }

    // MARK: Columns

    /// Whether the header has a column called `name` (exact, case-sensitive).
    public func hasColumn(_ name: String) -> Bool { index[name] != nil }

    /// The 0-based position of column `name`; a missing column is an error that lists the header.
    public func column(_ name: String) throws -> Int {
        guard let position = index[name] else {
            throw InputError(file: file, line: 1, key: name,
                             message: "missing column; the header has: \(header.joined(separator: ", "))")
        }
        return position
    }

    /// Throws when any of `required` is missing, or when the header has a column not in
    /// `required + optional` (a misspelt column must not be silently ignored).
    public func checkColumns(required: [String], optional: [String] = []) throws {
        for name in required { _ = try column(name) }
        let known = Set(required + optional)
        for name in header where !known.contains(name) {
            throw InputError(file: file, line: 1, key: name,
                             message: "unknown column; expected columns: \((required + optional).joined(separator: ", "))")
        }
    }

    /// An error about the field in `column` of `row`.
    public func error(_ message: String, column: String, in row: CSVRow) -> InputError {
        InputError(file: file, line: row.line, key: column, message: message)
    }

    // MARK: Typed fields

    /// The field as written, with surrounding spaces removed; may be empty.
    public func rawText(_ column: String, in row: CSVRow) throws -> String {
        let text = row.fields[try self.column(column)].trimmedOfSpaces
        guard text.count <= InputBounds.nameCharacters else {
            throw error("expected at most \(InputBounds.nameCharacters) characters, found \(text.count)", column: column, in: row)
        }
        return text
    }

    /// The field as text, surrounding spaces removed; an empty field is an error.
    public func text(_ column: String, in row: CSVRow) throws -> String {
        let value = try rawText(column, in: row)
        guard !value.isEmpty else { throw error("expected a value, found an empty field", column: column, in: row) }
        return value
    }

    /// The field as text, or nil when it is empty (or the column is absent).
    public func optionalText(_ column: String, in row: CSVRow) throws -> String? {
        guard hasColumn(column) else { return nil }
        let value = try rawText(column, in: row)
        return value.isEmpty ? nil : value
    }

    /// The field as a finite decimal number accepted by `valid`, described as `expected` in errors.
    ///
    /// Accepts plain decimals with an optional exponent (`12`, `-0.5`, `1e6`) and digit groups as
    /// spreadsheets format them (`"59,719,724"`); rejects hexadecimal, `nan`, `inf` and units.
    /// Example error: `data.csv:14: population: expected a positive number, found "n/a"`.
    public func number(_ column: String, in row: CSVRow, expected: String = "a number",
                       valid: (Double) -> Bool = { _ in true }) throws -> Double {
        let value = try rawText(column, in: row)
        guard let parsed = CSVNumber.parse(value), valid(parsed) else {
            throw error("expected \(expected), found \(Self.shown(value))", column: column, in: row)
        }
        guard abs(parsed) <= InputBounds.dataMagnitude else {
            throw error("expected \(expected) no larger than \(InputBounds.shown(InputBounds.dataMagnitude)) in size, found \(Self.shown(value))",
                        column: column, in: row)
        }
        return parsed
    }

    /// Like ``number(_:in:expected:valid:)`` but nil for an empty field or absent column.
    public func optionalNumber(_ column: String, in row: CSVRow, expected: String = "a number",
                               valid: (Double) -> Bool = { _ in true }) throws -> Double? {
        guard let value = try optionalText(column, in: row), !value.isEmpty else { return nil }
        return try number(column, in: row, expected: expected, valid: valid)
    }

    /// The field as a whole number accepted by `valid` (`12`, `12.0` and `"1,200"` are whole).
    public func integer(_ column: String, in row: CSVRow, expected: String = "a whole number",
                        valid: (Int) -> Bool = { _ in true }) throws -> Int {
        let value = try rawText(column, in: row)
        guard let parsed = CSVNumber.parse(value), parsed.rounded() == parsed, abs(parsed) < 1e15,
              valid(Int(parsed)) else {
            throw error("expected \(expected), found \(Self.shown(value))", column: column, in: row)
        }
        return Int(parsed)
    }

    /// Like ``integer(_:in:expected:valid:)`` but nil for an empty field or absent column.
    public func optionalInteger(_ column: String, in row: CSVRow, expected: String = "a whole number",
                                valid: (Int) -> Bool = { _ in true }) throws -> Int? {
        guard let value = try optionalText(column, in: row), !value.isEmpty else { return nil }
        return try integer(column, in: row, expected: expected, valid: valid)
    }

    /// The field as true or false: `true`/`false`, `yes`/`no`, `1`/`0` in any case; an empty
    /// field is `empty` when given, else an error.
    public func bool(_ column: String, in row: CSVRow, empty: Bool? = nil) throws -> Bool {
        let value = try rawText(column, in: row)
        switch value.lowercased() {
        case "true", "yes", "1": return true
        case "false", "no", "0": return false
        case "": if let empty { return empty }
        default: break
        }
        throw error("expected true or false, found \(Self.shown(value))", column: column, in: row)
    }

    /// The field as one of a closed list of words (the raw values of `type`).
    public func choice<T: RawRepresentable & CaseIterable>(_ type: T.Type, _ column: String,
                                                           in row: CSVRow) throws -> T where T.RawValue == String {
        let value = try rawText(column, in: row)
        guard let result = T(rawValue: value) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw error("expected one of \(allowed), found \(Self.shown(value))", column: column, in: row)
        }
        return result
    }

    /// How a field is quoted in an error message.
    static func shown(_ value: String) -> String {
        value.isEmpty ? "an empty field" : "\"\(value)\""
    }
}

/// Decimal numbers as people type them in spreadsheets, and nothing else.
enum CSVNumber {
    static func parse(_ text: String) -> Double? {
        var body = Substring(text)
        if body.first == "+" || body.first == "-" { body = body.dropFirst() }
        guard !body.isEmpty else { return nil }
        var mantissa = body
        var exponent: Substring = ""
        if let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = body[..<e]
            exponent = body[body.index(after: e)...]
            if exponent.first == "+" || exponent.first == "-" { exponent = exponent.dropFirst() }
            guard !exponent.isEmpty, exponent.allSatisfy(\.isASCIIDigit) else { return nil }
        }
        let parts = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0]
        let fraction = parts.count > 1 ? parts[1] : ""
        guard !(whole.isEmpty && fraction.isEmpty), fraction.allSatisfy(\.isASCIIDigit) else { return nil }
        if whole.contains(",") {
            // Digit groups: 1-3 digits, then groups of exactly 3.
            let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
            guard (1...3).contains(groups[0].count),
                  groups.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
                  groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        } else {
            guard whole.allSatisfy(\.isASCIIDigit) else { return nil }
        }
        guard let value = Double(text.replacingOccurrences(of: ",", with: "")), value.isFinite else { return nil }
        return value
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    /// The text without surrounding spaces (Unicode's horizontal whitespace, as
    /// `trimmingCharacters(in: .whitespaces)`). Most fields have none, and Foundation's trim
    /// costs a bridge per call, so those are returned as they are.
    var trimmedOfSpaces: String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        // Most fields start and end with a printable ASCII character: answered without Foundation.
        let printableASCII: (Unicode.Scalar) -> Bool = { $0.value > 0x20 && $0.value < 0x7F }
        if printableASCII(first) && printableASCII(last) { return self }
        let isSpace: (Unicode.Scalar) -> Bool = { CharacterSet.whitespaces.contains($0) }
        if !isSpace(first) && !isSpace(last) { return self }
        return trimmingCharacters(in: .whitespaces)
    }
}

/// The RFC 4180 state machine, over Unicode scalars so that CRLF is two characters, not one.
struct CSVParser {
    let fileName: String

    func records(in text: String) throws -> [CSVRow] {
        var scalars = text.unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }

        var records: [CSVRow] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var quoteLine = 1
        var inQuotes = false
        var fieldWasQuoted = false
        var afterClosingQuote = false
        var iterator = scalars.makeIterator()
        var pending: Unicode.Scalar? = nil

        func endField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            fieldWasQuoted = false
            afterClosingQuote = false
        }
        func endRecord() {
            endField()
            // Skip lines with no content: blank lines and rows of empty fields.
            if fields.contains(where: { !$0.trimmedOfSpaces.isEmpty }) {
                records.append(CSVRow(line: recordLine, fields: fields))
            }
            fields = []
        }

        while let scalar = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                switch scalar {
                case "\"":
                    let next = iterator.next()
                    if next == "\"" {
                        field.append("\"")
                    } else {
                        inQuotes = false
                        afterClosingQuote = true
                        pending = next
                    }
                case "\r":
                    // A line break inside a field is kept as "\n" whatever the file's line ends.
                    let next = iterator.next()
                    if next != "\n" { pending = next }
                    field.append("\n")
                    line += 1
                case "\n":
                    field.append("\n")
                    line += 1
                default:
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case ",":
                endField()
            case "\r", "\n":
                if scalar == "\r" {
                    let next = iterator.next()
                    if next != "\n" { pending = next }
                }
                endRecord()
                line += 1
                recordLine = line
            case "\"":
                if afterClosingQuote {
                    throw InputError(file: fileName, line: line,
                                     message: "a quote after the closing quote of a field; write a quote inside a quoted field as two quotes (\"\")")
                }
                guard field.allSatisfy({ $0 == " " || $0 == "\t" }) else {
                    throw InputError(file: fileName, line: line,
                                     message: "a quote inside an unquoted field; put the whole field in quotes and write the quote as two quotes (\"\")")
                }
                field = String.UnicodeScalarView()
                inQuotes = true
                fieldWasQuoted = true
                quoteLine = line
            default:
                if afterClosingQuote {
                    if scalar == " " || scalar == "\t" { continue }
                    throw InputError(file: fileName, line: line,
                                     message: "text after the closing quote of a field; expected a comma or the end of the line")
                }
                field.append(scalar)
            }
        }
        if inQuotes {
            throw InputError(file: fileName, line: quoteLine,
                             message: "a quoted field is never closed; expected a closing quote (\")")
        }
        if !fields.isEmpty || !field.isEmpty || fieldWasQuoted {
            endRecord()
        }
        return records
    }
}
