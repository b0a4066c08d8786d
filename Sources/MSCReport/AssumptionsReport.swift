import MSCModel

/// Every assumption with its value, unit, distribution and source: the provenance annex.
public enum AssumptionsReport {
    /// One row per assumption, sorted by name; `illustrative` values are flagged as such.
    /// `fullCitations` false gives each source as publisher and date only, for a terminal.
    public static func table(_ assumptions: [Assumption], title: String = "Assumptions", fullCitations: Bool = true) -> ReportTable {
        var table = ReportTable(
            title: title,
            columns: [.init("Name", key: "name"), .init("Value", key: "value"), .init("Unit", key: "unit"),
                      .init("Distribution", key: "distribution"), .init("Evidence", key: "evidence"),
                      .init("Source", key: "source"), .init("Description", key: "description")])
        for assumption in assumptions {
            let valueCell: ReportTable.Cell
            if assumption.valuesByPeriod.isEmpty {
                valueCell = .number(assumption.value, decimals: decimals(for: assumption.value))
            } else {
                valueCell = .text(assumption.valuesByPeriod.map { "\($0.period): \(NumberText.plain($0.value))" }
                    .joined(separator: "; "))
            }
            let source = assumption.sources.isEmpty ? "none (illustrative)"
                : fullCitations ? assumption.sources.map(\.citation).joined(separator: " | ")
                : assumption.sources.map { "\($0.publisher) (\($0.date))" }.joined(separator: "; ")
            table.append([.text(assumption.name), valueCell, .text(assumption.unit.rawValue),
                          .text(assumption.distribution.summary), .text(assumption.evidence.rawValue),
                          .text(source), .text(assumption.description)])
        }
        table.notes = ["Evidence: sourced = in the source named; derived = computed from sourced figures (see notes);",
                       "unconfirmed = not checked against the original text; illustrative = no source, reasoning in the notes."]
        return table
    }

    /// The assumptions as JSON objects with full sources and notes.
    public static func json(_ assumptions: [Assumption]) -> JSONValue {
        .array(assumptions.map { a in
            var pairs: [(String, JSONValue)] = [
                ("name", .string(a.name)), ("description", .string(a.description)),
                ("value", .number(a.value)), ("unit", .string(a.unit.rawValue)),
            ]
            if !a.valuesByPeriod.isEmpty {
                pairs.append(("valuesByPeriod", .object(a.valuesByPeriod.map { ($0.period, .number($0.value)) })))
            }
            pairs.append(("distribution", .object([("kind", .string(a.distribution.kind.rawValue))]
                + a.distribution.parameters.map { ($0.name, .number($0.value)) })))
            pairs.append(("evidence", .string(a.evidence.rawValue)))
            pairs.append(("illustrative", .bool(a.evidence == .illustrative)))
            pairs.append(("sources", .array(a.sources.map { s in
                .object([("title", .string(s.title)), ("publisher", .string(s.publisher)), ("date", .string(s.date)),
                         ("url", s.url.map { .string($0) } ?? .null), ("page", s.page.map { .string($0) } ?? .null),
                         ("licence", s.licence.map { .string($0) } ?? .null)])
            })))
            pairs.append(("notes", a.notes.map { .string($0) } ?? .null))
            pairs.append(("origin", .string(a.origin)))
            return .object(pairs)
        })
    }

    private static func decimals(for value: Double) -> Int {
        if value == value.rounded() { return 0 }
        if abs(value) < 1 { return 4 }
        return 2
    }
}
