import Foundation
import MSCModel

extension Targeting {
    /// A scenario file whose deployment is the set `msc target` chose (`--save-scenario`): the
    /// source scenario's text with its `name:` and `question:` lines and its `deployment:` block
    /// replaced by an `explicit` rule listing the chosen posts (councils' own posts under
    /// `authorities`, shared posts under `areas`), today's posts listed too so they are kept as the
    /// source keeps them. Everything else (funding, horizon, sharing) is the source's, unchanged.
    public static func scenarioText(source: String, result: Result, index: IncidenceIndexKind, name: String,
                                    question: String, header: [String]) throws -> String {
        guard let chosen = result.results.first(where: { $0.index == index })?.chosen else {
            throw InputError(file: name, message: "the result has no choice under the \(index.label) index")
        }
        guard !chosen.isEmpty else {
            throw InputError(file: name, message: "the budget buys no post under the \(index.label) index; expected at least one to write a scenario")
        }
        let own = chosen.filter { $0.unit.kind == .authority }.map(\.unit).sorted { $0.id < $1.id }
        let shared = chosen.filter { $0.unit.kind != .authority }.map(\.unit).sorted { $0.id < $1.id }
        var block = ["deployment:", "  rule: explicit"]
        let authorities = result.existingCouncilCodes.map { ($0, "today's post, kept") }
            + own.map { ($0.councilCodes[0], $0.name) }
        if !authorities.isEmpty {
            block.append("  authorities:")
            block += authorities.map { "    - \($0.0)    # \($0.1)" }
        }
        if !shared.isEmpty {
            block.append("  areas:")
            block += shared.map { "    - {name: \(quoted($0.areaName)), kind: \($0.kind.scenarioWord)}" }
        }
        if index == .policeForceArea { block.append("incidenceIndex: police-force-area") }

        var out = header.map { $0.isEmpty ? "#" : "# \($0)" }
        var lines = source.components(separatedBy: "\n")
        while lines.first.map({ $0.hasPrefix("#") }) == true { lines.removeFirst() }   // the source's own header
        var replaced = Set<String>()
        var skipping = false
        for line in lines {
            if skipping {
                if line.hasPrefix(" ") || line.hasPrefix("\t") || line.isEmpty { continue }
                skipping = false
            }
            if line.hasPrefix("name:") {
                out.append("name: \(name)"); replaced.insert("name")
            } else if line.hasPrefix("question:") {
                out.append("question: \(question)")
                replaced.insert("question")
            } else if line.hasPrefix("deployment:") {
                out += block; replaced.insert("deployment"); skipping = true
            } else if line.hasPrefix("incidenceIndex:") {
                continue   // the chosen index is written with the deployment
            } else {
                out.append(line)
            }
        }
        for key in ["name", "question", "deployment"] where !replaced.contains(key) {
            throw InputError(file: name, message: "the source scenario has no top-level \(key): line to replace")
        }
        return out.joined(separator: "\n")
    }

    /// A YAML flow scalar: quoted when it holds a character YAML reads as syntax.
    private static func quoted(_ text: String) -> String {
        text.contains(where: { ",:{}[]#&*!|>'\"%@`".contains($0) }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\\\"") + "\"" : text
    }
}
