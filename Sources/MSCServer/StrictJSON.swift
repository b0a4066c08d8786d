import Foundation
import MSCReport

/// A request body read strictly: what a client sends is taken exactly as written or refused.
///
/// Foundation's reader keeps the last of two equal keys and turns every number into a Double, so
/// `{"seed": 1, "seed": 2}` ran with seed 2 and a seed of 2^53 + 1 ran as 2^53 without a word.
/// This reader refuses a repeated key, keeps each number as the text the client wrote (so a
/// whole number is read exactly or refused), and bounds nesting.
indirect enum StrictJSON: Equatable, Sendable {
    case object([(key: String, value: StrictJSON)])
    case array([StrictJSON])
    case string(String)
    /// A number exactly as written, e.g. `9007199254740993` or `1e-3`.
    case number(String)
    case bool(Bool)
    case null

    static func == (lhs: StrictJSON, rhs: StrictJSON) -> Bool {
        switch (lhs, rhs) {
        case (.object(let a), .object(let b)): return a.map(\.key) == b.map(\.key) && a.map(\.value) == b.map(\.value)
        case (.array(let a), .array(let b)): return a == b
        case (.string(let a), .string(let b)), (.number(let a), .number(let b)): return a == b
        case (.bool(let a), .bool(let b)): return a == b
        case (.null, .null): return true
        default: return false
        }
    }

    /// Deepest nesting of objects and arrays a body may use.
    static let maximumDepth = 32

    /// Parses a whole body; an error says what was wrong and where (byte offset), nothing more.
    static func parse(_ data: Data) throws -> StrictJSON {
        var reader = Reader(bytes: [UInt8](data))
        reader.skipSpace()
        let value = try reader.value(depth: 0)
        reader.skipSpace()
        guard reader.atEnd else { throw reader.failure("unexpected text after the JSON value") }
        return value
    }

    /// The members of an object, or nil for any other value.
    var members: [(key: String, value: StrictJSON)]? {
        if case .object(let members) = self { return members }
        return nil
    }

    subscript(key: String) -> StrictJSON? { members?.first { $0.key == key }?.value }

    var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// A finite number (any JSON number; one too large for a Double is refused).
    var doubleValue: Double? {
        guard case .number(let text) = self, let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// A whole number written without fraction or exponent, read exactly (nil beyond UInt64).
    var exactUnsigned: UInt64? {
        guard case .number(let text) = self, !text.contains(where: { ".eE-+".contains($0) }) else { return nil }
        return UInt64(text)
    }

    /// A whole number, written as one (`20000`, `2e4` and `20000.0` all name 20,000 exactly).
    var wholeNumber: Int? {
        guard let value = doubleValue, value.rounded() == value, abs(value) <= 9_007_199_254_740_992 else { return nil }
        return Int(value)
    }

    var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The value written back as compact JSON text (keys in the order given).
    var text: String {
        switch self {
        case .object(let members):
            return "{" + members.map { "\(Self.quote($0.key)): \($0.value.text)" }.joined(separator: ", ") + "}"
        case .array(let items): return "[" + items.map(\.text).joined(separator: ", ") + "]"
        case .string(let text): return Self.quote(text)
        case .number(let text): return text
        case .bool(let value): return value ? "true" : "false"
        case .null: return "null"
        }
    }

    /// A JSON string literal (the report layer's writer, which every answer uses).
    static func quote(_ text: String) -> String { JSONText.quote(text) }

    struct Failure: Error, Equatable {
        let message: String
        /// Valid JSON that is refused all the same (a repeated key, nesting too deep).
        var isStrictness = false
    }

    private struct Reader {
        let bytes: [UInt8]
        var index = 0

        var atEnd: Bool { index >= bytes.count }

        func failure(_ message: String, strictness: Bool = false) -> Failure {
            Failure(message: "\(message) at byte \(index)", isStrictness: strictness)
        }

        mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }

        mutating func value(depth: Int) throws -> StrictJSON {
            guard index < bytes.count else { throw failure("the body ends where a value was expected") }
            switch bytes[index] {
            case UInt8(ascii: "{"): return try object(depth: depth + 1)
            case UInt8(ascii: "["): return try array(depth: depth + 1)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            default: return .number(try number())
            }
        }

        mutating func literal(_ word: String) throws {
            let expected = Array(word.utf8)
            guard index + expected.count <= bytes.count, Array(bytes[index..<(index + expected.count)]) == expected else {
                throw failure("not a JSON value")
            }
            index += expected.count
        }

        mutating func object(depth: Int) throws -> StrictJSON {
            guard depth <= StrictJSON.maximumDepth else { throw failure("objects and lists nested more than \(StrictJSON.maximumDepth) deep", strictness: true) }
            index += 1
            var members: [(key: String, value: StrictJSON)] = []
            var seen = Set<String>()
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object([]) }
            while true {
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw failure("expected a quoted key") }
                let keyStart = index
                let key = try string()
                guard seen.insert(key).inserted else {
                    index = keyStart
                    throw failure("the key \(StrictJSON.quote(String(key.prefix(60)))) appears twice in one object; expected each key once",
                                  strictness: true)
                }
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw failure("expected ':' after a key") }
                index += 1
                skipSpace()
                members.append((key, try value(depth: depth)))
                skipSpace()
                guard index < bytes.count else { throw failure("the body ends inside an object") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
                throw failure("expected ',' or '}' in an object")
            }
        }

        mutating func array(depth: Int) throws -> StrictJSON {
            guard depth <= StrictJSON.maximumDepth else { throw failure("objects and lists nested more than \(StrictJSON.maximumDepth) deep", strictness: true) }
            index += 1
            var items: [StrictJSON] = []
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array([]) }
            while true {
                skipSpace()
                items.append(try value(depth: depth))
                skipSpace()
                guard index < bytes.count else { throw failure("the body ends inside a list") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
                throw failure("expected ',' or ']' in a list")
            }
        }

        /// A JSON number's text, checked against the grammar (no leading zeros, no bare dot, no NaN).
        mutating func number() throws -> String {
            let start = index
            func digits() -> Int {
                let from = index
                while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
                return index - from
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
            let whole = index
            guard digits() > 0 else { throw failure("not a JSON value") }
            if bytes[whole] == UInt8(ascii: "0"), index - whole > 1 { throw failure("a number with a leading zero") }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                guard digits() > 0 else { throw failure("a number with no digits after its point") }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
                guard digits() > 0 else { throw failure("a number with no digits in its exponent") }
            }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        mutating func string() throws -> String {
            index += 1   // the opening quote
            var scalars = String.UnicodeScalarView()
            var run = index
            func flush() { scalars.append(contentsOf: String(decoding: bytes[run..<index], as: UTF8.self).unicodeScalars) }
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    flush()
                    index += 1
                    return String(scalars)
                }
                if byte < 0x20 { throw failure("a control character inside a string; expected it escaped") }
                if byte == UInt8(ascii: "\\") {
                    flush()
                    index += 1
                    guard index < bytes.count else { break }
                    let escape = bytes[index]
                    index += 1
                    switch escape {
                    case UInt8(ascii: "\""): scalars.append("\"")
                    case UInt8(ascii: "\\"): scalars.append("\\")
                    case UInt8(ascii: "/"): scalars.append("/")
                    case UInt8(ascii: "b"): scalars.append("\u{08}")
                    case UInt8(ascii: "f"): scalars.append("\u{0C}")
                    case UInt8(ascii: "n"): scalars.append("\n")
                    case UInt8(ascii: "r"): scalars.append("\r")
                    case UInt8(ascii: "t"): scalars.append("\t")
                    case UInt8(ascii: "u"):
                        var code = try hex4()
                        if (0xD800...0xDBFF).contains(code) {
                            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                                throw failure("an unpaired surrogate in a string")
                            }
                            index += 2
                            let low = try hex4()
                            guard (0xDC00...0xDFFF).contains(low) else { throw failure("an unpaired surrogate in a string") }
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let scalar = Unicode.Scalar(code) else { throw failure("an unpaired surrogate in a string") }
                        scalars.append(scalar)
                    default: throw failure("an unknown escape in a string")
                    }
                    run = index
                    continue
                }
                index += 1
            }
            throw failure("the body ends inside a string")
        }

        mutating func hex4() throws -> UInt32 {
            guard index + 4 <= bytes.count, let code = UInt32(String(decoding: bytes[index..<(index + 4)], as: UTF8.self), radix: 16) else {
                throw failure("a \\u escape without four hex digits")
            }
            index += 4
            return code
        }
    }
}
