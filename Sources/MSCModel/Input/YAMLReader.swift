import Foundation
import Yams

/// A YAML node together with where it sits in its file, so every complaint can point at a line.
///
/// The toolkit reads YAML strictly: each reader asks for the type it needs and gets either that
/// value or an ``InputError`` naming file, line, column and key.
public struct YAMLValue {
    let node: Node
    /// The file this value came from, as the user named it.
    public let file: String
    /// The dotted key path of this value, e.g. `salary.distribution.mode`.
    public let path: String

    /// 1-based line of the value in its file.
    public var line: Int? { node.mark.map { $0.line } }
    /// 1-based column of the value in its file.
    public var column: Int? { node.mark.map { $0.column } }

    /// An error located at this value.
    public func error(_ message: String) -> InputError {
        InputError(file: file, line: line, column: column, key: path.isEmpty ? nil : path, message: message)
    }

    private var shown: String {
        switch node {
        case .scalar(let scalar): return "\"\(scalar.string)\""
        case .mapping: return "a mapping of keys"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    /// The value as a mapping whose keys must all be recognised by the caller.
    public func mapping() throws -> YAMLMapping {
        guard case .mapping(let map) = node else {
            throw error("expected a mapping of keys, found \(shown)")
        }
        var entries: [YAMLMapping.Entry] = []
        for (keyNode, valueNode) in map {
            guard let key = keyNode.scalar?.string else {
                throw YAMLValue(node: keyNode, file: file, path: path).error("expected a plain text key")
            }
            let childPath = path.isEmpty ? key : "\(path).\(key)"
            entries.append(.init(key: key, keyValue: YAMLValue(node: keyNode, file: file, path: childPath),
                                 value: YAMLValue(node: valueNode, file: file, path: childPath)))
        }
        return YAMLMapping(owner: self, entries: entries)
    }

    /// The value as a list.
    public func sequence() throws -> [YAMLValue] {
        guard case .sequence(let items) = node else {
            throw error("expected a list, found \(shown)")
        }
        return items.enumerated().map { index, item in
            YAMLValue(node: item, file: file, path: "\(path)[\(index)]")
        }
    }

    /// The value as text (any scalar; numbers are returned as written).
    public func string() throws -> String {
        guard case .scalar(let scalar) = node else {
            throw error("expected text, found \(shown)")
        }
        guard scalar.string.count <= InputBounds.textCharacters else {
            throw error("expected text of at most \(InputBounds.textCharacters) characters, found \(scalar.string.count)")
        }
        return scalar.string
    }

    /// The value as a name: one line of at most ``InputBounds/nameCharacters`` characters,
    /// surrounding spaces removed, not empty.
    public func name(_ what: String) throws -> String {
        let text = try string().trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw error("expected \(what), found nothing") }
        guard text.count <= InputBounds.nameCharacters, !text.contains(where: \.isNewline) else {
            throw error("expected \(what) on one line of at most \(InputBounds.nameCharacters) characters, found \(text.count) characters")
        }
        if let hidden = DisplaySafeText.firstHiddenCharacter(in: text) {
            throw error("expected \(what) without control or text-direction characters, found \(hidden)")
        }
        return text
    }

    /// The value as a finite number, described as `what` in the error message.
    public func number(_ what: String = "a number") throws -> Double {
        guard case .scalar(let scalar) = node else {
            throw error("expected \(what), found \(shown)")
        }
        let text = scalar.string.replacingOccurrences(of: "_", with: "")
        guard scalar.style == .plain || scalar.style == .any, let value = Double(text), value.isFinite else {
            throw error("expected \(what), found \(shown)")
        }
        return value
    }

    /// The value as a whole number.
    public func integer(_ what: String = "a whole number") throws -> Int {
        let value = try number(what)
        guard value.rounded() == value, abs(value) < 1e15 else {
            throw error("expected \(what), found \(shown)")
        }
        return Int(value)
    }

    /// The value as `true` or `false`.
    public func bool() throws -> Bool {
        guard case .scalar(let scalar) = node else { throw error("expected true or false, found \(shown)") }
        switch scalar.string.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw error("expected true or false, found \(shown)")
        }
    }

    /// The value as one of a closed list of words.
    public func choice<T: RawRepresentable & CaseIterable>(_ type: T.Type) throws -> T where T.RawValue == String {
        let text = try string()
        guard let value = T(rawValue: text) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw error("expected one of \(allowed), found \"\(text)\"")
        }
        return value
    }
}

/// A YAML mapping read strictly: every key must be claimed by the reader, so a typo is an error
/// rather than a silent fall-back to a default.
public final class YAMLMapping {
    struct Entry {
        let key: String
        let keyValue: YAMLValue
        let value: YAMLValue
    }

    /// The mapping as a value (for errors about the mapping as a whole).
    public let owner: YAMLValue
    let entries: [Entry]
    private var claimed: Set<String> = []

    init(owner: YAMLValue, entries: [Entry]) {
        self.owner = owner
        self.entries = entries
    }

    /// The keys in file order.
    public var keys: [String] { entries.map(\.key) }

    /// The entries in file order, each claimed.
    public func all() -> [(key: String, value: YAMLValue)] {
        entries.map { entry in
            claimed.insert(entry.key)
            return (entry.key, entry.value)
        }
    }

    /// The value under `key`, or nil when absent.
    public func optional(_ key: String) -> YAMLValue? {
        claimed.insert(key)
        return entries.first { $0.key == key }?.value
    }

    /// The value under `key`; absent is an error that says what the key should hold.
    public func required(_ key: String, expected: String) throws -> YAMLValue {
        guard let value = optional(key) else {
            let path = owner.path.isEmpty ? key : "\(owner.path).\(key)"
            throw InputError(file: owner.file, line: owner.line, column: owner.column, key: path,
                             message: "missing; expected \(expected)")
        }
        return value
    }

    /// Throws on the first key outside `allowed`, before any value is read, so a typo is reported
    /// as a typo rather than as the key it replaced being missing.
    public func rejectKeys(notIn allowed: [String]) throws {
        for entry in entries where !allowed.contains(entry.key) {
            throw entry.keyValue.error("unknown key; expected one of: \(allowed.sorted().joined(separator: ", "))")
        }
    }

    /// Throws on the first key nobody asked for, listing the keys that are allowed here.
    public func rejectUnknownKeys(allowed: [String]? = nil) throws {
        for entry in entries where !claimed.contains(entry.key) {
            let list = (allowed ?? Array(claimed)).sorted().joined(separator: ", ")
            throw entry.keyValue.error("unknown key; expected one of: \(list)")
        }
    }
}

/// Reads a YAML file into a located root value, turning every YAML syntax error into an
/// ``InputError`` with line and column.
public enum YAMLFile {
    /// Loads and parses `path`; `displayName` is how the file is named in errors.
    public static func load(path: String, displayName: String? = nil) throws -> YAMLValue {
        let name = displayName ?? path
        try InputFile.checkSize(path: path, displayName: name)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
              let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: name, message: isDirectory.boolValue ? "is a folder; expected a YAML file"
                                                                         : "cannot read the file (missing or unreadable); expected a YAML file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError(file: name, line: InputFile.firstInvalidUTF8Line(data), message: "this line is not UTF-8 text; save the file as UTF-8")
        }
        return try parse(text: text, fileName: name)
    }

    /// Parses YAML text; `fileName` is how the text is named in errors.
    public static func parse(text: String, fileName: String) throws -> YAMLValue {
        // Aliases, nodes and depth are bounded before the composer spends any work on them.
        try YAMLWorkLimits.standard.check(text: text, fileName: fileName)
        do {
            // The basic resolver leaves every scalar a string: the readers convert and check each value
            // themselves, and resolving implicit tags by pattern was a fifth of loading the assumptions.
            guard let root = try Yams.compose(yaml: text, .basic) else {
                throw InputError(file: fileName, line: 1, message: "the file is empty; expected a mapping of keys")
            }
            return YAMLValue(node: root, file: fileName, path: "")
        } catch let error as YamlError {
            throw convert(error, text: text, fileName: fileName)
        }
    }

    private static func convert(_ error: YamlError, text: String, fileName: String) -> InputError {
        func located(_ mark: Mark, _ problem: String) -> InputError {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let lineText = mark.line >= 1 && mark.line <= lines.count ? String(lines[mark.line - 1]) : ""
            if lineText.contains("\t") {
                return InputError(file: fileName, line: mark.line, column: mark.column,
                                  message: "YAML syntax error: a tab character; indent with spaces, not tabs")
            }
            return InputError(file: fileName, line: mark.line, column: mark.column,
                              message: "YAML syntax error: \(problem)")
        }
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return located(mark, problem)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return InputError(file: fileName, line: context.mark.line, column: context.mark.column,
                              key: duplicates.first,
                              message: "duplicate key; each key may appear once in a mapping")
        case .reader(let problem, _, _, _):
            return InputError(file: fileName, message: "cannot read the YAML text: \(problem)")
        default:
            return InputError(file: fileName, message: "YAML error: \(error)")
        }
    }
}
