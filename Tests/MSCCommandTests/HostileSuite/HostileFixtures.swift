import Foundation
import MSCTestSupport

/// Copies of the shipped inputs with one thing broken, laid out in a case's own folder.
enum HostileFixtures {
    static let root = MSCBinary.root
    static var shippedAssumptions: URL { root.appendingPathComponent("Assumptions") }
    static var shippedScenarios: URL { root.appendingPathComponent("Scenarios") }

    /// A failure to build a case (a key the generator expected is gone from the shipped files).
    struct Missing: Error, CustomStringConvertible {
        let description: String
    }

    /// `folder/A`: the shipped assumptions, every entry linked except `file`, which is written
    /// from `transform` of its shipped text (nil: the file is left out and `transform` ignored).
    @discardableResult
    static func assumptions(in folder: URL, file: String? = nil, writing data: ((Data) throws -> Data)? = nil) throws -> String {
        let target = folder.appendingPathComponent("A")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: shippedAssumptions.path) where name != file {
            try FileManager.default.createSymbolicLink(at: target.appendingPathComponent(name),
                                                       withDestinationURL: shippedAssumptions.appendingPathComponent(name))
        }
        if let file, let data {
            let shipped = FileManager.default.contents(atPath: shippedAssumptions.appendingPathComponent(file).path) ?? Data()
            try data(shipped).write(to: target.appendingPathComponent(file))
        }
        return target.path
    }

    /// `folder/A` with the shipped `file` edited as text.
    @discardableResult
    static func assumptions(in folder: URL, file: String, text transform: @escaping (String) throws -> String) throws -> String {
        try assumptions(in: folder, file: file) { Data(try transform(String(decoding: $0, as: UTF8.self)).utf8) }
    }

    /// `folder/name.yaml`: a shipped scenario named `name`, edited by `transform`, beside links to
    /// the other shipped scenarios (so its baseline resolves).
    static func scenario(in folder: URL, from source: String, named name: String? = nil,
                         transform: (String) throws -> String) throws -> String {
        var text = try String(contentsOf: shippedScenarios.appendingPathComponent("\(source).yaml"), encoding: .utf8)
        // A copy gets its own scenario name, so it can be compared with the original.
        if let name { text = try YAMLEdit.set(["name"], to: name, in: text) }
        for other in try FileManager.default.contentsOfDirectory(atPath: shippedScenarios.path) where other != "\(name ?? source).yaml" {
            try? FileManager.default.createSymbolicLink(at: folder.appendingPathComponent(other),
                                                        withDestinationURL: shippedScenarios.appendingPathComponent(other))
        }
        let path = folder.appendingPathComponent("\(name ?? source).yaml").path
        try transform(text).write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    /// A file of `bytes` bytes that takes no disk space (for the file-size limit).
    static func sparseFile(at url: URL, bytes: UInt64) throws {
        FileManager.default.createFile(atPath: url.path, contents: Data("a: ".utf8))
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: bytes)
        try handle.close()
    }
}

/// Edits YAML text by key path without parsing it, so the edit keeps every other byte.
enum YAMLEdit {
    /// The text with the value of `path` (e.g. `["salary", "distribution", "maximum"]`, matched at
    /// increasing indentation; a list item's keys count as nested) replaced by `value`.
    static func set(_ path: [String], to value: String, in text: String) throws -> String {
        var lines = text.components(separatedBy: "\n")
        let index = try find(path, in: lines)
        let line = lines[index]
        let colon = line.range(of: "\(path.last!):")!.upperBound
        lines[index] = String(line[..<colon]) + " " + value
        return lines.joined(separator: "\n")
    }

    /// The text with the line of `path` removed (and its nested block, when it has one).
    static func remove(_ path: [String], in text: String) throws -> String {
        var lines = text.components(separatedBy: "\n")
        let index = try find(path, in: lines)
        let indent = indentation(lines[index])
        var end = index + 1
        while end < lines.count, !lines[end].trimmingCharacters(in: .whitespaces).isEmpty, indentation(lines[end]) > indent {
            end += 1
        }
        lines.removeSubrange(index..<end)
        return lines.joined(separator: "\n")
    }

    /// Whether `path` is in `text`.
    static func has(_ path: [String], in text: String) -> Bool {
        (try? find(path, in: text.components(separatedBy: "\n"))) != nil
    }

    static func find(_ path: [String], in lines: [String]) throws -> Int {
        var start = 0, end = lines.count, parentIndent = -1
        var found = -1
        for component in path {
            found = -1
            for index in start..<end {
                let line = lines[index]
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
                let indent = indentation(line)
                if indent <= parentIndent { end = index; break }
                let body = trimmed.hasPrefix("- ") ? String(trimmed.dropFirst(2)) : trimmed
                if body.hasPrefix(component + ":") { found = index; break }
            }
            guard found >= 0 else { throw HostileFixtures.Missing(description: "no key \(path.joined(separator: ".")) in the shipped file") }
            parentIndent = indentation(lines[found])
            start = found + 1
            end = lines.count
        }
        return found
    }

    static func indentation(_ line: String) -> Int {
        let trimmed = line.drop { $0 == " " }
        return line.count - trimmed.count + (trimmed.hasPrefix("- ") ? 2 : 0)
    }

    /// The top-level assumption names of a shipped file with the keys directly under each.
    static func assumptions(in text: String) -> [(name: String, keys: [String], distribution: [String])] {
        var result: [(String, [String], [String])] = []
        var inDistribution = false
        for line in text.components(separatedBy: "\n") {
            if let first = line.first, first.isLetter, line.hasSuffix(":") {
                result.append((String(line.dropLast()), [], []))
                inDistribution = false
                continue
            }
            guard !result.isEmpty else { continue }
            if line.hasPrefix("  "), !line.hasPrefix("   "), let colon = line.firstIndex(of: ":") {
                let key = line.dropFirst(2)[..<colon].trimmingCharacters(in: .whitespaces)
                result[result.count - 1].1.append(key)
                inDistribution = key == "distribution"
            } else if inDistribution, line.hasPrefix("    "), let colon = line.firstIndex(of: ":") {
                let key = line[..<colon].trimmingCharacters(in: .whitespaces)
                if key != "kind" { result[result.count - 1].2.append(key) }
            }
        }
        return result
    }
}

/// Edits one field of a CSV line without quoting rules (the shipped rows edited have no quotes).
enum CSVEdit {
    static func setField(_ column: String, to value: String, line number: Int, in text: String) throws -> String {
        var lines = text.components(separatedBy: "\n")
        let header = lines[0].trimmingCharacters(in: CharacterSet(charactersIn: "\u{FEFF}\r")).components(separatedBy: ",")
        guard let position = header.firstIndex(of: column) else { throw HostileFixtures.Missing(description: "no column \(column)") }
        var fields = lines[number - 1].components(separatedBy: ",")
        guard fields.count == header.count else { throw HostileFixtures.Missing(description: "line \(number) has quoted commas") }
        fields[position] = value
        lines[number - 1] = fields.joined(separator: ",")
        return lines.joined(separator: "\n")
    }
}
