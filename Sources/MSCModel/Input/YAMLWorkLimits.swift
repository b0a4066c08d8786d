import CYaml

/// Bounds on the work a YAML document may ask for, checked on libyaml's event stream before a
/// single node is built.
///
/// Aliases let a few hundred bytes stand for billions of nodes ("billion laughs"): each level of
/// a chain of anchors repeats the level below. Building such a tree, hashing an aliased mapping
/// key (the composer checks keys for duplicates) or walking the result never finishes. The
/// toolkit's own files use no aliases at all, so the limits are far above any honest file and far
/// below what would hold up a server.
public struct YAMLWorkLimits: Sendable {
    /// Most nodes the document may hold once every alias is expanded.
    public var expandedNodes: Int
    /// Deepest nesting of lists and mappings.
    public var depth: Int
    /// Most aliases (`*name`) in the document.
    public var aliases: Int

    public init(expandedNodes: Int = 100_000, depth: Int = 64, aliases: Int = 1_000) {
        self.expandedNodes = expandedNodes
        self.depth = depth
        self.aliases = aliases
    }

    public static let standard = YAMLWorkLimits()

    /// Throws an ``InputError`` naming the line and the limit when `text` exceeds one. A syntax
    /// error is left for the composer to report in its own words (it stops the scan at once).
    public func check(text: String, fileName: String) throws {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw InputError(file: fileName, message: "cannot start the YAML reader (out of memory)")
        }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(text.utf8)
        if bytes.isEmpty { return }
        try bytes.withUnsafeMutableBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var scan = Scan(limits: self, fileName: fileName)
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { return }
                try scan.take(event)
            }
        }
    }

    /// The running count of one document's events.
    private struct Scan {
        let limits: YAMLWorkLimits
        let fileName: String
        /// Nodes so far with every alias expanded.
        var expanded = 0
        var aliases = 0
        /// The expanded size of each anchored node, by anchor name (a later anchor shadows an earlier one).
        var anchorSizes: [String: Int] = [:]
        /// Open lists and mappings, innermost last.
        var open: [Container] = []

        struct Container {
            let isMapping: Bool
            let anchor: String?
            let expandedAtStart: Int
            var children = 0
        }

        init(limits: YAMLWorkLimits, fileName: String) {
            self.limits = limits
            self.fileName = fileName
        }

        mutating func take(_ event: yaml_event_t) throws {
            switch event.type {
            case YAML_SCALAR_EVENT:
                try add(1, at: event)
                if let anchor = Self.text(event.data.scalar.anchor) { anchorSizes[anchor] = 1 }
                finishChild()
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let anchor = Self.text(isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
                guard open.count < limits.depth else {
                    throw error(at: event, "lists and mappings nested more than \(limits.depth) deep; expected a flatter file")
                }
                try add(1, at: event)
                open.append(Container(isMapping: isMapping, anchor: anchor, expandedAtStart: expanded - 1))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let closed = open.popLast() else { return }
                if let anchor = closed.anchor { anchorSizes[anchor] = expanded - closed.expandedAtStart }
                finishChild()
            case YAML_ALIAS_EVENT:
                aliases += 1
                guard aliases <= limits.aliases else {
                    throw error(at: event, "more than \(limits.aliases) aliases (*name); expected each value written out")
                }
                if let parent = open.last, parent.isMapping, parent.children % 2 == 0 {
                    throw error(at: event, "an alias (*name) used as a mapping key; expected a plain text key")
                }
                let name = Self.text(event.data.alias.anchor) ?? ""
                // An alias to an anchor not yet closed (or never defined) is left to the composer,
                // which refuses it; it adds nothing here.
                try add(anchorSizes[name] ?? 1, at: event)
                finishChild()
            default:
                break   // stream, document start and end carry no nodes
            }
        }

        private mutating func add(_ nodes: Int, at event: yaml_event_t) throws {
            expanded += nodes
            guard expanded <= limits.expandedNodes else {
                throw error(at: event, "more than \(limits.expandedNodes) values once aliases (*name) are expanded; expected a smaller file")
            }
        }

        private mutating func finishChild() {
            if !open.isEmpty { open[open.count - 1].children += 1 }
        }

        private func error(at event: yaml_event_t, _ message: String) -> InputError {
            InputError(file: fileName, line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1,
                       message: "YAML too large to read: \(message)")
        }

        private static func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            guard let pointer else { return nil }
            return String(cString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
        }
    }
}
