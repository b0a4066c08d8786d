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
}
