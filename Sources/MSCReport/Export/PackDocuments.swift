/// The evidence pack as one Markdown briefing and as one JSON document with the same content.
public enum PackDocuments {
    /// Markdown: the title, how to reproduce, every table (pastes into a briefing) and links to the SVG charts.
    public static func markdown(_ pack: EvidencePack, charts: [Chart]) -> String {
        func inline(_ text: String) -> String {
            MarkdownWriter.write(ReportTable(title: text, columns: [])).split(separator: "\n").first
                .map { String($0.dropFirst(2).dropLast(2)) } ?? ""
        }
        var out = ["# \(inline(pack.title))", "", inline(pack.reproduceSentence), ""]
        out += ["## Summary", ""]
        for paragraph in PackSummary.paragraphs(pack) { out += ["**\(inline(paragraph.heading)).** \(inline(paragraph.text))", ""] }
        let briefs = pack.scenarios.compactMap(\.brief)
        if !briefs.isEmpty {
            out += ["## The scenarios", ""]
            for brief in briefs {
                out += ["### \(inline(brief.name))", "", "*\(inline(brief.question))*", ""] + brief.caveats.map { "- \(inline($0))" } + [""]
            }
        }
        out += ["## Headline results", "", MarkdownWriter.write(pack.headlineTable)]
        out += ["## Charts", ""]
        for chart in charts {
            out += ["![\(inline(chart.caption).replacingOccurrences(of: "]", with: "\\]"))](charts/\(chart.fileName))", ""]
        }
        if let decision = pack.decision {
            out += ["## Decision analysis", ""] + decision.namedTables.map { MarkdownWriter.write($0.table) }
        }
        if let target = pack.target {
            out += ["## Where first? The posts a budget should fund", "", inline(target.headline), ""]
                + target.namedTables.map { MarkdownWriter.write($0.table) }
                + target.charts.flatMap { ["![\(inline($0.caption).replacingOccurrences(of: "]", with: "\\]"))](charts/\($0.fileName))", ""] }
        }
        if let pilot = pack.pilot {
            let chart = PilotChart.chart(pilot)
            out += ["## Pilot: what learning the rate ratio first is worth", "", "**\(inline(pilot.headline))**", "",
                    MarkdownWriter.write(pilot.gridTable),
                    "![\(inline(chart.caption).replacingOccurrences(of: "]", with: "\\]"))](charts/\(chart.fileName))", ""]
        }
        if !pack.greenBookTables.isEmpty {
            out += ["## Green Book reviewer's checklist", ""] + pack.greenBookTables.map { MarkdownWriter.write($0) }
        }
        out += ["## Funding and survival", "", MarkdownWriter.write(pack.fundingTable)]
        if let training = pack.trainingTable { out += ["## Training", "", MarkdownWriter.write(training)] }
        out += ["## By local authority", "", MarkdownWriter.write(pack.authorityTable)]
        out += ["## Assumptions annex", "", MarkdownWriter.write(pack.assumptionsTable)]
        out += ["## Run manifest", "", MarkdownWriter.write(pack.manifestTable)]
        return out.joined(separator: "\n")
    }

    /// JSON: the comparison (summaries and fans), every table's rows, the assumptions with full
    /// sources, the chart data (survival, tornado) and the manifest.
    public static func json(_ pack: EvidencePack) -> JSONValue {
        func tableJSON(_ table: ReportTable) -> JSONValue {
            .object([("title", .string(table.title)), ("rows", table.jsonRows), ("notes", .array(table.notes.map { .string($0) }))])
        }
        let scenarios: [JSONValue] = pack.scenarios.map { scenario in
            .object([
                ("name", .string(scenario.name)),
                ("survival", .numbers(scenario.survival)),
                ("tornado", .array(scenario.tornado.map { bar in
                    .object([("input", .string(bar.name)), ("lowValue", .number(bar.lowValue)), ("highValue", .number(bar.highValue)),
                             ("npvAtLow", .number(bar.npvAtLow)), ("npvAtHigh", .number(bar.npvAtHigh))])
                })),
            ])
        }
        // Training appears only when a scenario includes it, as in the other formats.
        let training: [(String, JSONValue)] = pack.trainingTable.map { [("training", tableJSON($0))] } ?? []
        return .object([
            ("title", .string(pack.title)),
            ("reproduce", .string(pack.reproduceSentence)),
            ("summary", .object(PackSummary.paragraphs(pack).map { ($0.heading, .string($0.text)) })),
            ("scenarioBriefs", .array(pack.scenarios.compactMap(\.brief).map { brief in
                .object([("name", .string(brief.name)), ("question", .string(brief.question)),
                         ("caveats", .array(brief.caveats.map { .string($0) })),
                         ("nationalDecisionYears", .numbers(brief.nationalDecisionYears.map(Double.init)))])
            })),
            ("comparison", pack.comparison.json),
            ("headline", tableJSON(pack.comparison.numericTable)),
            ("funding", tableJSON(pack.fundingTable)),
        ] + training + [
            ("authorities", tableJSON(pack.authorityTable)),
            ("assumptions", AssumptionsReport.json(pack.assumptions)),
            ("charts", .array(scenarios)),
        ] + (pack.decision.map { [("decision", $0.json)] } ?? []) + (pack.target.map { [("whereFirst", $0.report.json)] } ?? [])
            + (pack.pilot.map { [("pilot", $0.json)] } ?? []) + [
            ("manifest", pack.manifest.json),
        ])
    }
}
