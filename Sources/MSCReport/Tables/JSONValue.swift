import Foundation

/// A JSON value with ordered object keys, so output is stable from run to run (diff-able).
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        JSONText.write(lhs) == JSONText.write(rhs)
    }

    /// A table cell as JSON: numbers as numbers, text as strings, empty as null.
    public init(cell: ReportTable.Cell) {
        switch cell {
        case .text(let text): self = .string(text)
        case .empty: self = .null
        default: self = cell.numericValue.map { .number($0) } ?? .null
        }
    }

    /// An array of numbers.
    public static func numbers(_ values: [Double]) -> JSONValue { .array(values.map { .number($0) }) }
}

/// Writes ``JSONValue`` as pretty-printed UTF-8 JSON with keys in insertion order.
public enum JSONText {
    public static func write(_ value: JSONValue) -> String {
        var out = ""
        emit(value, indent: 0, into: &out)
        return out + "\n"
    }

    private static func emit(_ value: JSONValue, indent: Int, into out: inout String) {
        let pad = String(repeating: "  ", count: indent + 1)
        let closePad = String(repeating: "  ", count: indent)
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n.isFinite ? NumberText.plain(n) : "null"
        case .string(let s): out += quote(s)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            if items.allSatisfy({ if case .number = $0 { return true } else { return false } }) {
                out += "[" + items.map { write($0).trimmingCharacters(in: .newlines) }.joined(separator: ", ") + "]"
                return
            }
            out += "[\n"
            for (index, item) in items.enumerated() {
                out += pad
                emit(item, indent: indent + 1, into: &out)
                out += index < items.count - 1 ? ",\n" : "\n"
            }
            out += closePad + "]"
        case .object(let pairs):
            if pairs.isEmpty { out += "{}"; return }
            out += "{\n"
            for (index, pair) in pairs.enumerated() {
                out += pad + quote(pair.0) + ": "
                emit(pair.1, indent: indent + 1, into: &out)
                out += index < pairs.count - 1 ? ",\n" : "\n"
            }
            out += closePad + "}"
        }
    }

    /// A JSON string literal with every control character escaped.
    public static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case _ where scalar.value < 0x20:
                out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
