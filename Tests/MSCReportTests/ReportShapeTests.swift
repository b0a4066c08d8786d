import Testing
@testable import MSCReport

/// The one report shape: each format gets the report's tables for that format, one after
/// another with a blank line between, and JSON gets the report's own JSON.
@Suite struct ReportShapeTests {
    /// Two one-row tables; CSV takes only the first, as the training report does.
    struct TwoTables: Report {
        var tables: [ReportTable] {
            [ReportTable(title: "A", columns: [.init("x", key: "x")], rows: [[.integer(1)]]),
             ReportTable(title: "B", columns: [.init("y", key: "y")], rows: [[.integer(2)]])]
        }
        func tables(in format: TableFormat) -> [ReportTable] { format == .csv ? [tables[0]] : tables }
        var json: JSONValue { .object([("answer", .number(42))]) }
    }

    @Test func csvIsTheTablesForCSVAlone() {
        // RFC 4180 line ends; the title is not a CSV row.
        #expect(TwoTables().rendered(as: .csv) == "x\r\n1\r\n")
    }

    @Test func otherFormatsJoinTheTablesWithABlankLine() {
        let report = TwoTables()
        for format in [TableFormat.table, .md] {
            let expected = report.tables.map { $0.rendered(as: format) }.joined(separator: "\n")
            #expect(report.rendered(as: format) == expected)
            #expect(report.rendered(as: format).contains("A") && report.rendered(as: format).contains("B"))
        }
    }

    @Test func jsonIsTheReportsOwn() {
        #expect(TwoTables().rendered(as: .json) == JSONText.write(.object([("answer", .number(42))])))
        #expect(TwoTables().rendered(as: .json).contains("\"answer\": 42"))
    }

    @Test func aTableIsAReportOfItself() {
        let table = ReportTable(title: "T", columns: [.init("Name", key: "name"), .init("N", key: "n")],
                                rows: [[.text("a"), .integer(3)]])
        #expect((table as any Report).rendered(as: .csv) == "Name,N\r\na,3\r\n")
        #expect((table as any Report).rendered(as: .json) == table.rendered(as: .json))
    }
}
