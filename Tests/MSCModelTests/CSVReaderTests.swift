import Foundation
import Testing
import MSCTestSupport
@testable import MSCModel

@Suite("CSV reader")
struct CSVReaderTests {
    private func parse(_ text: String) throws -> CSVTable {
        try CSVTable.parse(text: text, fileName: "data.csv")
    }

    private func message(_ body: () throws -> Void) -> String? { inputErrorMessage(body) }

    @Test func plainTableWithLineNumbers() throws {
        let table = try parse("name,population\nKent,1000\nMedway,200\n")
        #expect(table.header == ["name", "population"])
        #expect(table.rows == [CSVRow(line: 2, fields: ["Kent", "1000"]), CSVRow(line: 3, fields: ["Medway", "200"])])
        #expect(try table.column("population") == 1)
    }

    @Test func quotedCommaAndDoubledQuotes() throws {
        let table = try parse("name,note\n\"Bournemouth, Christchurch and Poole\",\"said \"\"hello\"\"\"\n")
        #expect(table.rows[0].fields == ["Bournemouth, Christchurch and Poole", "said \"hello\""])
    }

    @Test func embeddedNewlineKeepsLineNumbers() throws {
        let table = try parse("name,note\nA,\"two\nlines\"\nB,x\n")
        #expect(table.rows.count == 2)
        #expect(table.rows[0] == CSVRow(line: 2, fields: ["A", "two\nlines"]))
        #expect(table.rows[1] == CSVRow(line: 4, fields: ["B", "x"]))
    }

    @Test func crlfAndByteOrderMark() throws {
        let table = try parse("\u{FEFF}name,n\r\nA,\"x\r\ny\"\r\nB,2\r\n")
        #expect(table.header == ["name", "n"])
        #expect(table.rows == [CSVRow(line: 2, fields: ["A", "x\ny"]), CSVRow(line: 4, fields: ["B", "2"])])
    }

    @Test func byteOrderMarkFromFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("csv-bom-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data("code,population\nE1,5".utf8))
        try data.write(to: URL(fileURLWithPath: path))
        let table = try CSVTable.load(path: path, displayName: "bom.csv")
        #expect(table.header == ["code", "population"])
        #expect(try table.integer("population", in: table.rows[0]) == 5)
        #expect(table.file == "bom.csv")
    }

    @Test func lastLineWithoutNewlineAndEmptyTrailingField() throws {
        let table = try parse("a,b\n1,")
        #expect(table.rows == [CSVRow(line: 2, fields: ["1", ""])])
    }

    @Test func blankLinesAndRowsOfCommasAreSkipped() throws {
        let table = try parse("a,b\n\n1,2\n,\n\n")
        #expect(table.rows == [CSVRow(line: 3, fields: ["1", "2"])])
    }

    @Test func raggedRowNamesItsLine() {
        #expect(message { _ = try parse("a,b,c\n1,2,3\n4,5\n") }
            == "data.csv:3: expected 3 fields (one per column of the header), found 2")
    }

    @Test func textWhereANumberGoes() throws {
        let table = try parse("name,population\n" + String(repeating: "X,1\n", count: 12) + "Y,n/a\n")
        let row = table.rows[12]
        #expect(row.line == 14)
        #expect(message { _ = try table.number("population", in: row, expected: "a positive number") { $0 > 0 } }
            == "data.csv:14: population: expected a positive number, found \"n/a\"")
    }

    @Test func numberFormats() throws {
        let table = try parse("v\n12\n-0.5\n1e6\n\"59,719,724\"\n.5\n0x10\nnan\ninf\n\"1,2\"\n\"12,34\"\n£5\n")
        let values = table.rows.map { try? table.number("v", in: $0) }
        #expect(values == [12, -0.5, 1e6, 59_719_724, 0.5, nil, nil, nil, nil, nil, nil])
        // "1,2" unquoted is two fields: a ragged row in a one-column file.
        #expect(message { _ = try parse("v\n1,2\n") } == "data.csv:2: expected 1 fields (one per column of the header), found 2")
    }

    @Test func integersAndBooleans() throws {
        let table = try parse("n,flag\n12,yes\n12.5,\n3.0,FALSE\n")
        #expect(try table.integer("n", in: table.rows[0]) == 12)
        #expect(message { _ = try table.integer("n", in: table.rows[1]) }
            == "data.csv:3: n: expected a whole number, found \"12.5\"")
        #expect(try table.integer("n", in: table.rows[2]) == 3)
        #expect(try table.bool("flag", in: table.rows[0]) == true)
        #expect(try table.bool("flag", in: table.rows[1], empty: false) == false)
        #expect(try table.bool("flag", in: table.rows[2]) == false)
        #expect(message { _ = try table.bool("flag", in: table.rows[1]) }
            == "data.csv:3: flag: expected true or false, found an empty field")
        #expect(try table.optionalInteger("n", in: table.rows[0]) == 12)
        #expect(try table.optionalNumber("missing", in: table.rows[0]) == nil)
    }

    @Test func emptyRequiredText() throws {
        let table = try parse("name,x\n  ,1\n")
        #expect(message { _ = try table.text("name", in: table.rows[0]) }
            == "data.csv:2: name: expected a value, found an empty field")
        #expect(try table.optionalText("name", in: table.rows[0]) == nil)
    }

    @Test func missingAndUnknownColumns() throws {
        let table = try parse(" name , populaton\nA,1\n")
        #expect(table.header == ["name", "populaton"])
        #expect(message { _ = try table.column("population") }
            == "data.csv:1: population: missing column; the header has: name, populaton")
        #expect(message { try table.checkColumns(required: ["name"], optional: ["population"]) }
            == "data.csv:1: populaton: unknown column; expected columns: name, population")
    }

    @Test func malformedQuoting() {
        #expect(message { _ = try parse("a,b\n1,\"open\n2,3\n") }
            == "data.csv:2: a quoted field is never closed; expected a closing quote (\")")
        #expect(message { _ = try parse("a,b\n1,ab\"c\n") }?.hasPrefix("data.csv:2: a quote inside an unquoted field") == true)
        #expect(message { _ = try parse("a,b\n1,\"ab\"c\n") }?.hasPrefix("data.csv:2: text after the closing quote") == true)
    }

    @Test func headerProblems() {
        #expect(message { _ = try parse("") } == "data.csv:1: the file is empty; expected a header line naming the columns")
        #expect(message { _ = try parse("a,a\n1,2\n") } == "data.csv:1: a: the header names this column twice; each column may appear once")
        #expect(message { _ = try parse("a,,b\n1,2,3\n") } == "data.csv:1: column 2 of the header has no name; every column needs a name")
    }

    @Test func unreadableFiles() throws {
        #expect(message { _ = try CSVTable.load(path: "/nonexistent/x.csv", displayName: "x.csv") }
            == "x.csv: cannot read the file (missing or unreadable); expected a CSV file")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("csv-latin1-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data([0x61, 0x0A, 0xE9, 0x0A]).write(to: URL(fileURLWithPath: path))
        #expect(message { _ = try CSVTable.load(path: path, displayName: "l.csv") }
            == "l.csv:2: this line is not UTF-8 text; save the file as \"CSV UTF-8\"")
    }

    @Test func choiceListsAllowedValues() throws {
        let table = try parse("tier\nparish\n")
        #expect(message { _ = try table.choice(AuthorityTier.self, "tier", in: table.rows[0]) }
            == "data.csv:2: tier: expected one of county, district, unitary, metropolitan_borough, london_borough, city_of_london, welsh_principal, found \"parish\"")
    }
}
