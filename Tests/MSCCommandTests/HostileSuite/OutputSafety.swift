import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import ZIPFoundation

/// What a successful answer must be: every printed figure finite, CSV and workbook cells that a
/// spreadsheet would run neutralised, Markdown tables with one column count, HTML and SVG that
/// show hostile text as text.
enum OutputSafety {
    /// A figure that is not one: infinity, NaN or "n/a" standing where a number should be.
    static let nonFinite = try! NSRegularExpression(pattern: "(?<![A-Za-z])(-?inf|nan|NaN|n/a|Infinity)(?![A-Za-z(])")

    /// Checks what a command printed, according to its --format.
    static func checkPrinted(_ text: String, arguments: [String], context: String) {
        let range = NSRange(text.startIndex..., in: text)
        if let match = nonFinite.firstMatch(in: text, range: range), let found = Range(match.range, in: text) {
            let start = text.index(found.lowerBound, offsetBy: -60, limitedBy: text.startIndex) ?? text.startIndex
            let end = text.index(found.upperBound, offsetBy: 40, limitedBy: text.endIndex) ?? text.endIndex
            Issue.record("a non-finite figure printed: …\(text[start..<end])… \(context)")
        }
        switch HostileRunner.value(of: "--format", in: arguments) {
        case "csv"?: checkCSV(text, name: "stdout", context: context)
        case "md"?: checkMarkdown(text, name: "stdout", context: context)
        case "json"?:
            #expect((try? JSONSerialization.jsonObject(with: Data(text.utf8))) != nil, "stdout is not JSON: \(context)")
        default: break
        }
    }

    /// Every text field that starts like a formula carries the neutralising apostrophe; numbers stay numbers.
    static func checkCSV(_ text: String, name: String, context: String) {
        for field in csvFields(text) {
            guard let first = field.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { continue }
            let isNumber = Double(field) != nil
            #expect(isNumber, "\(name): a CSV cell a spreadsheet would run: \(field.debugDescription.prefix(80)) \(context)")
        }
    }

    /// The fields of CSV text (RFC 4180 quoting), from every line.
    static func csvFields(_ text: String) -> [String] {
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var iterator = text.makeIterator()
        var pending: Character?
        while let character = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if character == "\"" {
                    let next = iterator.next()
                    if next == "\"" { field.append("\"") } else { inQuotes = false; pending = next }
                } else {
                    field.append(character)
                }
            } else if character == "\"" && field.isEmpty {
                inQuotes = true
            } else if character == "," || character == "\n" || character == "\r\n" || character == "\r" {
                fields.append(field)
                field = ""
            } else {
                field.append(character)
            }
        }
        if !field.isEmpty { fields.append(field) }
        return fields.map { $0.hasPrefix("\u{FEFF}") ? String($0.dropFirst()) : $0 }
    }

    /// Every Markdown table keeps one column count on every row (no cell breaks out of its column).
    static func checkMarkdown(_ text: String, name: String, context: String) {
        var expected: Int?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else { expected = nil; continue }
            var count = 0, escaped = false
            for character in line {
                if escaped { escaped = false; continue }
                if character == "\\" { escaped = true } else if character == "|" { count += 1 }
            }
            if let expected {
                #expect(count == expected, "\(name): a Markdown row with \(count) pipes where the table has \(expected): \(line.prefix(100)) \(context)")
            } else {
                expected = count
            }
        }
    }

    /// Checks every file of an evidence pack.
    static func checkPack(at folder: String, context: String) {
        let fileManager = FileManager.default
        let files = (try? fileManager.subpathsOfDirectory(atPath: folder)) ?? []
        #expect(files.contains(".msc-evidence-pack"), "the pack has no manifest: \(context)")
        for file in files {
            let path = folder + "/" + file
            guard let data = fileManager.contents(atPath: path) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            switch (file as NSString).pathExtension {
            case "html":
                let lower = text.lowercased()
                // Text such as "javascript:" may be shown; it must never sit in an attribute or a tag.
                let liveLink = lower.range(of: "=\\s*[\"']?\\s*javascript:", options: .regularExpression) != nil
                #expect(!lower.contains("<script") && !lower.contains("onerror=") && !liveLink && !lower.contains("<img"),
                        "\(file): markup from an input is live: \(context)")
            case "svg":
                let lower = text.lowercased()
                #expect(!lower.contains("<script") && !lower.contains("onerror="), "\(file): markup from an input is live: \(context)")
                #expect(wellFormedXML(data), "\(file) is not well-formed XML: \(context)")
            case "md": checkMarkdown(text, name: file, context: context)
            case "csv": checkCSV(text, name: file, context: context)
            case "json": #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "\(file) is not JSON: \(context)")
            case "xlsx": checkWorkbook(path, context: context)
            default: break
            }
            if ["html", "md", "csv", "json"].contains((file as NSString).pathExtension) {
                let range = NSRange(text.startIndex..., in: text)
                if let match = nonFinite.firstMatch(in: text, range: range), let found = Range(match.range, in: text) {
                    Issue.record("\(file): a non-finite figure: …\(text[found].prefix(20))… \(context)")
                }
            }
        }
    }

    /// Every inline string of every sheet that starts like a formula is neutralised.
    static func checkWorkbook(_ path: String, context: String) {
        guard let archive = try? Archive(url: URL(fileURLWithPath: path), accessMode: .read) else {
            Issue.record("the workbook does not open as a zip: \(context)")
            return
        }
        let pattern = try! NSRegularExpression(pattern: "<t xml:space=\"preserve\">([^<]*)</t>")
        for entry in archive where entry.path.hasPrefix("xl/worksheets/") {
            var data = Data()
            _ = try? archive.extract(entry) { data.append($0) }
            #expect(wellFormedXML(data), "\(entry.path) is not well-formed XML: \(context)")
            let xml = String(decoding: data, as: UTF8.self)
            for match in pattern.matches(in: xml, range: NSRange(xml.startIndex..., in: xml)) {
                guard let range = Range(match.range(at: 1), in: xml) else { continue }
                let text = xml[range].replacingOccurrences(of: "&#9;", with: "\t")
                guard let first = text.unicodeScalars.first else { continue }
                #expect(!"=+-@\t\r".unicodeScalars.contains(first),
                        "\(entry.path): a workbook cell a spreadsheet would run: \(text.prefix(80)) \(context)")
            }
        }
    }

    static func wellFormedXML(_ data: Data) -> Bool {
        XMLParser(data: data).parse()
    }
}
