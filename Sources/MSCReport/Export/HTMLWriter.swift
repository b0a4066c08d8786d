import Foundation

/// The evidence pack as one self-contained HTML page: inline CSS and SVG, no scripts, no network,
/// laid out to print on A4 (sections start on a new page, table headers repeat).
public enum HTMLWriter {
    public static func write(_ pack: EvidencePack, charts: [Chart]) -> String {
        let e = Markup.escape
        var body: [String] = []
        body.append("<header><h1>\(e(pack.title))</h1>")
        body.append("<p class=\"meta\">msc \(e(pack.manifest.toolkitVersion)) · seed \(pack.manifest.seed) · \(NumberText.grouped(Double(pack.manifest.runs), decimals: 0)) iterations · \(e(pack.manifest.method.rawValue)) sampling · scenarios: \(pack.scenarios.map { e($0.name) }.joined(separator: ", "))</p>")
        body.append("<p class=\"reproduce\">\(e(pack.reproduceSentence))</p></header>")

        // What a reader who goes no further needs, in words, then each scenario's question and caveats.
        body.append(section("summary", "Summary", PackSummary.paragraphs(pack).map { paragraph in
            "<p><strong>\(e(paragraph.heading)).</strong> \(prose(paragraph.text))</p>"
        }.joined(separator: "\n")))
        let briefs = pack.scenarios.compactMap(\.brief)
        if !briefs.isEmpty {
            body.append(section("scenarios", "The scenarios", briefs.map { brief in
                "<h3>\(e(brief.name))</h3>\n<p class=\"question\">\(prose(brief.question))</p>\n<ul class=\"caveats\">"
                    + brief.caveats.map { "<li>\(prose($0))</li>" }.joined() + "</ul>"
            }.joined(separator: "\n")))
        }
        body.append(section("headline", "Headline results", table(pack.headlineTable)))
        body.append(section("charts", "Charts", charts.map { figure($0) }.joined(separator: "\n")))
        if let decision = pack.decision {
            body.append(section("decision", "Decision analysis: how likely each option is worthwhile, and which evidence is worth buying",
                                decision.namedTables.map { table($0.table) }.joined(separator: "\n")))
        }
        if let pilot = pack.pilot {
            // The headline leads once; the grid's notes are the caveats; the chart follows its table.
            body.append(section("pilot", "Pilot: what learning the rate ratio first is worth",
                                "<p class=\"headline\">\(prose(pilot.headline))</p>\n" + table(pilot.gridTable) + "\n" + figure(PilotChart.chart(pilot))))
        }
        if let target = pack.target {
            // Per index: the chosen set, then its frontier and its map.
            let perIndex = target.report.result.results.map { r in
                "<h3>\(e(r.index.label.prefix(1).uppercased() + r.index.label.dropFirst())) index</h3>\n" + table(target.report.chosenTable(r)) + "\n"
                    + target.charts.filter { $0.fileName.hasPrefix("where-first-\(r.index.rawValue)-") }.map { figure($0) }.joined(separator: "\n")
                    + (r.frontier.isEmpty ? "" : "\n" + table(target.report.frontierTable(r)))
            }
            body.append(section("where-first", "Where first? The posts a budget should fund",
                                "<p>\(prose(target.headline))</p>\n" + perIndex.joined(separator: "\n")))
        }
        if !pack.greenBookTables.isEmpty {
            body.append(section("green-book", "Green Book reviewer's checklist", pack.greenBookTables.map { table($0) }.joined(separator: "\n")))
        }
        body.append(section("funding", "Funding and survival", table(pack.fundingTable)))
        if let training = pack.trainingTable { body.append(section("training", "Training", table(training))) }
        body.append(section("authorities", "By local authority", table(pack.authorityTable)))
        body.append(section("assumptions", "Assumptions annex", table(pack.assumptionsTable)))
        body.append(section("manifest", "Run manifest", table(pack.manifestTable)))

        return """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
        <title>\(e(pack.title))</title>
        <style>\(stylesheet)</style>
        </head>
        <body>
        \(body.joined(separator: "\n"))
        </body>
        </html>

        """
    }

    static func section(_ id: String, _ heading: String, _ content: String) -> String {
        "<section id=\"\(id)\"><h2>\(Markup.escape(heading))</h2>\n\(content)\n</section>"
    }

    static func figure(_ chart: Chart) -> String {
        "<figure>\(chart.svg)<figcaption>\(prose(chart.caption))</figcaption></figure>"
    }

    /// A table with its title as caption, numbers right-aligned and notes underneath.
    static func table(_ table: ReportTable) -> String {
        let e = Markup.escape
        // A column is right-aligned only when all its cells are numbers, so a lone number in a
        // column of text (an iteration count among settings) lines up with its neighbours.
        let numeric = table.columns.indices.map { index in
            !table.rows.isEmpty && table.rows.allSatisfy { $0[index].isNumeric || $0[index] == .empty }
        }
        var out = "<div class=\"table\"><table>\n<caption>\(e(table.title))</caption>\n<thead><tr>"
        for (index, column) in table.columns.enumerated() {
            out += "<th scope=\"col\"\(numeric[index] ? " class=\"num\"" : "")>\(e(column.header))</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            out += "<tr>"
            for (index, cell) in row.enumerated() {
                let tag = index == 0 ? "th scope=\"row\"" : "td"
                let close = index == 0 ? "th" : "td"
                let kind = numeric[index] ? " class=\"num\"" : (isToken(cell.display) ? " class=\"token\"" : "")
                out += "<\(tag)\(kind)>\(numeric[index] ? e(cell.display) : prose(cell.display))</\(close)>"
            }
            out += "</tr>\n"
        }
        out += "</tbody></table>"
        if !table.notes.isEmpty {
            out += "\n<ul class=\"notes\">" + table.notes.map { "<li>\(prose($0))</li>" }.joined() + "</ul>"
        }
        return out + "</div>"
    }

    /// A figure or a range as a reader quotes it: "£1.2m", "−£238.8m", "12.5%", "45,959", "2027-28",
    /// "£1.2m to £3.4m", "0.4 to 1.9", "£38.1m less to £96.6m more". Split over two lines it is misread ("£1.2m to" | "£3.4m"),
    /// so each is printed whole.
    static let figurePattern: NSRegularExpression = {
        let one = #"[−-]?£?\d[\d,]*(?:\.\d+)?(?:-\d+)?(?:%|\s?(?:m|bn|k|pp)\b)?(?:\s(?:less|more)\b)?"#
        return try! NSRegularExpression(pattern: #"(?<![\w.£−-])"# + one + #"(?:\s(?:to|–|and)\s"# + one + ")?")
    }()

    /// `text` escaped, each figure or range in it kept on one line (`<span class="fig">`).
    static func prose(_ text: String) -> String {
        var out = "", last = text.startIndex
        for match in figurePattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let range = Range(match.range, in: text) else { continue }
            let figure = text[range]
            out += Markup.escape(String(text[last..<range.lowerBound]))
            // A lone short number ("9 posts", "year 3") cannot break: only what can is wrapped.
            if figure.contains(where: { $0 == " " || $0 == "-" || $0 == "−" }) || figure.count > 3 {
                out += "<span class=\"fig\">\(Markup.escape(String(figure)))</span>"
            } else {
                out += Markup.escape(String(figure))
            }
            last = range.upperBound
        }
        return out + Markup.escape(String(text[last...]))
    }

    /// A code or a name written as one word ("E06000001", "apprenticeshipLevyRate"): printed
    /// whole, since a break inside it ("E06000 01") reads as two things. Longer runs (addresses)
    /// may still break.
    static func isToken(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 32 && !text.contains(where: \.isWhitespace)
    }

    static let stylesheet = """
    body { font-family: Helvetica, Arial, sans-serif; font-size: 10.5pt; color: #000; background: #fff; max-width: 277mm; margin: 1.5em auto; padding: 0 1em; line-height: 1.35; }
    h1 { font-size: 18pt; margin: 0 0 .3em; }
    h2 { font-size: 14pt; border-bottom: 1.5pt solid #000; padding-bottom: .15em; margin-top: 1.6em; }
    h3 { font-size: 11.5pt; margin: 1em 0 .2em; }
    .meta { color: #333; }
    .reproduce { font-size: 9.5pt; background: #f2f2f2; border-left: 3pt solid #555; padding: .4em .6em; overflow-wrap: anywhere; }
    #summary p { max-width: 60em; }
    p.headline { font-weight: bold; max-width: 60em; }
    .question { font-style: italic; margin: 0 0 .3em; }
    .caveats { margin-top: .2em; }
    .table { margin: .6em 0 1.2em; }
    table { border-collapse: collapse; font-size: 8.5pt; width: 100%; table-layout: auto; }
    caption { text-align: left; font-weight: bold; padding-bottom: .3em; }
    th, td { border: .5pt solid #999; padding: .2em .35em; vertical-align: top; text-align: left; overflow-wrap: anywhere; hyphens: auto; }
    thead th { background: #e8e8e8; border-bottom: 1.2pt solid #000; overflow-wrap: normal; word-break: normal; }
    tbody th { font-weight: normal; }
    .num { text-align: right; font-variant-numeric: tabular-nums; overflow-wrap: normal; }
    td.num { white-space: nowrap; }
    .token { white-space: nowrap; overflow-wrap: normal; hyphens: none; }
    .fig { white-space: nowrap; overflow-wrap: normal; hyphens: none; }
    tbody tr:nth-child(even) { background: #f7f7f7; }
    .notes { font-size: 8.5pt; color: #333; padding-left: 1.2em; }
    figure { margin: 1em 0 1.6em; }
    figure svg { display: block; max-width: 100%; height: auto; }
    figcaption { font-size: 9pt; color: #333; margin-top: .3em; }
    @page { size: A4 landscape; margin: 12mm; }
    @media print {
      body { margin: 0; padding: 0; max-width: none; font-size: 9.5pt; }
      section { break-before: page; page-break-before: always; }
      section#summary { break-before: auto; page-break-before: auto; }
      figure { break-inside: avoid; page-break-inside: avoid; }
      #charts figure { display: inline-block; width: 48.5%; margin: 0 1% 1em 0; vertical-align: top; }
      figure svg { max-height: 165mm; width: 100%; height: auto; }
      thead { display: table-header-group; }
      tr { break-inside: avoid; page-break-inside: avoid; }
      table { font-size: 7.5pt; }
      tbody tr:nth-child(even) { background: none; }
      /* A figure or range is never split over two lines; a word breaks only when it cannot fit a line at all. */
      .fig, td.num { white-space: nowrap; }
      th, td, li, p, figcaption { overflow-wrap: break-word; hyphens: manual; }
    }
    """
}
