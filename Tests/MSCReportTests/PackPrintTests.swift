import Testing
@testable import MSCReport

/// What printing the pack showed: codes and assumption names broken across lines ("E06000 01",
/// "appraisalA pprentices hipLevyRa te"). A one-word cell is printed whole; a long address may break.
@Suite struct PackPrintTests {
    @Test func aOneWordCellIsPrintedWhole() {
        var table = ReportTable(title: "t", columns: [.init("Code", key: "code"), .init("Name", key: "name"), .init("Source", key: "source")])
        table.append([.text("E06000001"), .text("apprenticeshipLevyRate"),
                      .text("https://www.gov.uk/government/publications/the-green-book-appraisal-and-evaluation-in-central-government")])
        let html = HTMLWriter.table(table)
        #expect(html.contains("<th scope=\"row\" class=\"token\">E06000001</th>"))
        #expect(html.contains("<td class=\"token\">apprenticeshipLevyRate</td>"))
        #expect(html.contains("<td>https://www.gov.uk/"), "a long address may still break")
        #expect(HTMLWriter.stylesheet.contains(".token { white-space: nowrap;"))
    }

    /// "£1.2m to" at the end of one line and "£3.4m" at the start of the next was how a printed
    /// range read: figures and ranges are printed whole, in table cells, notes and paragraphs.
    @Test func figuresAndRangesArePrintedWhole() {
        #expect(HTMLWriter.prose("NPV £1.2m to £3.4m (median −£238.8m), 12.5% of 9 runs in 2027-28")
            == "NPV <span class=\"fig\">£1.2m to £3.4m</span> (median <span class=\"fig\">−£238.8m</span>), <span class=\"fig\">12.5%</span> of 9 runs in <span class=\"fig\">2027-28</span>")
        #expect(HTMLWriter.prose("(90% range from £38.1m less to £96.6m more)")
            == "(90% range from <span class=\"fig\">£38.1m less to £96.6m more</span>)")
        #expect(HTMLWriter.prose("a <b> & 45,959") == "a &lt;b&gt; &amp; <span class=\"fig\">45,959</span>")
        // A code is one token, not a figure.
        #expect(HTMLWriter.prose("E06000001") == "E06000001")
        var table = ReportTable(title: "t", columns: [.init("Scenario", key: "s"), .init("Range", key: "r")])
        table.append([.text("county-shared"), .text("£1.2m to £3.4m")])
        table.notes = ["Between 0.4 and 1.9 a year."]
        let html = HTMLWriter.table(table)
        #expect(html.contains("<td><span class=\"fig\">£1.2m to £3.4m</span></td>"))
        #expect(html.contains("<li>Between <span class=\"fig\">0.4 and 1.9</span> a year.</li>"))
        // The print rule: figures never wrap; other words break only when a line cannot hold them.
        let print = String(HTMLWriter.stylesheet[HTMLWriter.stylesheet.range(of: "@media print")!.lowerBound...])
        #expect(print.contains(".fig, td.num { white-space: nowrap; }"))
        #expect(print.contains("th, td, li, p, figcaption { overflow-wrap: break-word; hyphens: manual; }"))
    }
}
