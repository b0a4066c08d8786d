import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import MSCModel
import MSCSimulation
import MSCTestSupport
import Testing
@testable import MSCReport
import ZIPFoundation

/// Collects parse errors so a test can say why an SVG or XML part is not well-formed.
private final class XMLCheck: NSObject, XMLParserDelegate {
    var error: String?
    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        error = "line \(parser.lineNumber): \(parseError.localizedDescription)"
    }

    static func wellFormed(_ text: String) -> String? {
        let parser = XMLParser(data: Data(text.utf8))
        let check = XMLCheck()
        parser.delegate = check
        return parser.parse() ? nil : (check.error ?? "parse failed")
    }
}

@Suite struct EvidencePackTests {
    @Test func htmlShowsHostileNamesAsText() throws {
        let pack = try PackFixture.pack()
        let html = HTMLWriter.write(pack, charts: Charts.all(for: pack))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(!html.contains("http://") || !html.contains("src=\"http"), "no network resources")
        #expect(html.contains("@media print"))
        #expect(html.contains("<svg"))
    }

    @Test func markupEscapesEveryMetacharacterAndForbiddenControls() {
        #expect(Markup.escape("a&b<c>d\"e'f") == "a&amp;b&lt;c&gt;d&quot;e&#39;f")
        #expect(Markup.escape("x\u{1}y\tz") == "x\u{FFFD}y\tz")
    }

    @Test func everyChartIsWellFormedXML() throws {
        let pack = try PackFixture.pack()
        let charts = Charts.all(for: pack)
        // Two charts comparing the scenarios on one axis, survival, then four per scenario.
        #expect(charts.count == 2 + 1 + 4 * pack.scenarios.count)
        for chart in charts {
            #expect(XMLCheck.wellFormed(chart.svg) == nil, "\(chart.fileName): \(XMLCheck.wellFormed(chart.svg) ?? "")")
            #expect(chart.svg.contains("width=\"170mm\""))
            #expect(!chart.svg.contains("<script"))
        }
    }

    @Test func chartsOfEmptyScenariosStillDraw() {
        let empty = ScenarioEvidence(name: "empty", npvSamples: [], costFan: [], benefitFan: [], survival: [], tornado: [])
        for svg in [Charts.npvHistogram(empty, id: "a"), Charts.fan([], scenarioName: "e", quantity: "Cost", id: "b"),
                    Charts.survival([empty], id: "c"), Charts.tornado(empty, id: "d")] {
            #expect(XMLCheck.wellFormed(svg) == nil)
        }
    }

    @Test func axisLabelsAreCompactAndTicksAreNice() {
        #expect(ChartNumbers.money(1_500_000, step: 500_000) == "£1.5m")
        #expect(ChartNumbers.money(-250_000, step: 250_000) == "-£250k")
        #expect(ChartNumbers.money(0, step: 250_000) == "£0")
        #expect(ChartNumbers.money(2_500, step: 500) == "£2,500")
        #expect(ChartNumbers.percent(0.25, step: 0.05) == "25%")
        #expect(ChartNumbers.significant(0.14321) == "0.143")
        #expect(ChartNumbers.significant(44490.84) == "44.5k")
        let scale = ChartNumbers.ticks(low: -1_234_000, high: 3_456_000, target: 5)
        #expect(scale.ticks == [-2_000_000, -1_000_000, 0, 1_000_000, 2_000_000, 3_000_000, 4_000_000])
    }

    @Test func csvRoundTripsHostileNamesNeutralisedAndKeepsNegativeNumbers() throws {
        let folder = try PackFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("pack").path
        try EvidencePackWriter.write(try PackFixture.pack(), to: out, formats: [.csv])
        let data = try #require(FileManager.default.contents(atPath: out + "/authorities.csv"))
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]), "UTF-8 byte-order mark so Excel reads £ correctly")
        let table = try CSVTable.load(path: out + "/authorities.csv")
        #expect(table.header == ["Authority", "Note", "NPV (£)", "Posts", "Survival"])
        let names = table.rows.map { $0.fields[0] }
        #expect(names == ["'" + Hostile.formula, Hostile.quoted, "'" + Hostile.plus, "'" + Hostile.at, Hostile.script, "Leeds"])
        #expect(table.rows[0].fields[2] == "-1234.5", "negative numbers stay numbers")
        #expect(table.rows[1].fields[2] == "-2469")
        #expect(table.rows[0].fields[4] == "0.5")
        let funding = try CSVTable.load(path: out + "/funding.csv")
        #expect(funding.rows[1].fields == ["'-local & <b>", "-42"])
        for stem in ["headline", "assumptions", "manifest"] {
            #expect(FileManager.default.fileExists(atPath: "\(out)/\(stem).csv"))
        }
    }

    @Test func xlsxIsAZipWithTheExpectedPartsAndNumbersAsNumbers() throws {
        let folder = try PackFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("pack").path
        try EvidencePackWriter.write(try PackFixture.pack(), to: out, formats: [.xlsx])
        let archive = try Archive(url: URL(fileURLWithPath: out + "/evidence-pack.xlsx"), accessMode: .read)
        func part(_ path: String) throws -> String {
            let entry = try #require(archive[path], "missing part \(path)")
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            return String(decoding: data, as: UTF8.self)
        }
        for path in ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"] {
            #expect(XMLCheck.wellFormed(try part(path)) == nil, "\(path)")
        }
        #expect(try part("xl/styles.xml").contains("<b/>"))
        let workbook = try part("xl/workbook.xml")
        for name in ["Headline", "Authorities", "Funding", "Assumptions", "Manifest"] { #expect(workbook.contains("name=\"\(name)\"")) }
        let authorities = try part("xl/worksheets/sheet2.xml")
        #expect(XMLCheck.wellFormed(authorities) == nil)
        #expect(authorities.contains("<c r=\"C2\" s=\"2\"><v>-1234.5</v></c>"))
        #expect(authorities.contains("<c r=\"E2\" s=\"4\"><v>0.5</v></c>"))
        #expect(authorities.contains("<c r=\"A1\" t=\"inlineStr\" s=\"1\">"), "headers bold")
        #expect(authorities.contains("=HYPERLINK(&quot;http://example.invalid&quot;"), "formula text kept as an inline string")
        #expect(!authorities.contains("<f>"))
        #expect(!authorities.contains("<script"))
        for index in 1...5 { #expect(archive["xl/worksheets/sheet\(index).xml"] != nil) }
    }

    @Test func sheetNamesAreMadeValid() {
        let names = XLSXWriter.uniqueSheetNames(["a/b:c", String(repeating: "x", count: 40), String(repeating: "x", count: 40), ""])
        #expect(names[0] == "a_b_c")
        #expect(names[1].count == 31 && names[2].count <= 31 && names[1] != names[2])
        #expect(names[3] == "Sheet4")
        #expect(XLSXWriter.columnName(0) == "A" && XLSXWriter.columnName(25) == "Z" && XLSXWriter.columnName(26) == "AA")
    }

    @Test func everyFormatIsWrittenWithChartsAndJSONHasTheSameContent() throws {
        let folder = try PackFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("pack").path
        let written = try EvidencePackWriter.write(try PackFixture.pack(), to: out, formats: Set(ExportFormat.allCases))
        for name in ["evidence-pack.html", "evidence-pack.md", "evidence-pack.json", "evidence-pack.xlsx", "headline.csv",
                     "charts/survival.svg", "charts/baseline-npv.svg", "charts/script-alert-x-script-tornado.svg"] {
            #expect(written.contains(name), "\(name)")
            #expect(FileManager.default.fileExists(atPath: "\(out)/\(name)"), "\(name)")
        }
        let json = try JSONSerialization.jsonObject(with: try #require(FileManager.default.contents(atPath: out + "/evidence-pack.json")))
        let object = try #require(json as? [String: Any])
        #expect(Set(object.keys) == ["title", "reproduce", "summary", "scenarioBriefs", "comparison", "headline", "funding", "authorities", "assumptions", "charts", "manifest"])
        let markdown = try String(contentsOfFile: out + "/evidence-pack.md", encoding: .utf8)
        #expect(markdown.contains("](charts/baseline-npv.svg)"))
        // Every "<" is backslash-escaped, so no text can open an HTML tag.
        #expect(!markdown.replacingOccurrences(of: "\\<", with: "").contains("<"))
        let siblings = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(siblings == ["pack"], "no temporary folder left behind")
    }

    @Test func mapsTravelWithTheLayoutLicence() throws {
        let folder = try PackFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("pack").path
        var pack = try PackFixture.pack()
        let licence = "MIT License\nCopyright (c) 2017- Open Innovations\n"
        pack.maps = [Chart(fileName: "s1-map.svg", caption: "Map", svg: HexMapSVG.render(
            cells: [HexMapCell(code: "E1", q: 0, r: 0, council: "A", value: 1)], title: "Map", valueLabel: "V",
            format: { String($0) }, licence: licence, id: "map"))]
        pack.mapLicence = licence
        try EvidencePackWriter.write(pack, to: out, formats: [.html, .md])
        #expect(try String(contentsOfFile: out + "/charts/hexmap_lad_2023.LICENSE", encoding: .utf8) == licence)
        #expect(try String(contentsOfFile: out + "/charts/s1-map.svg", encoding: .utf8).contains("Copyright (c) 2017- Open Innovations"))
        #expect(try String(contentsOfFile: out + "/evidence-pack.html", encoding: .utf8).contains("Copyright (c) 2017- Open Innovations"))
        #expect(try String(contentsOfFile: out + "/evidence-pack.md", encoding: .utf8).contains("(charts/s1-map.svg)"))
    }

    @Test func aFailedExportLeavesTheExistingPackUntouched() throws {
        let folder = try PackFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("pack").path
        let pack = try PackFixture.pack()
        try EvidencePackWriter.write(pack, to: out, formats: [.md])
        let before = try String(contentsOfFile: out + "/evidence-pack.md", encoding: .utf8)
        // A failure half-way through filling the folder.
        struct Boom: Error {}
        #expect(throws: ExportError.self) {
            try AtomicFolder.write(to: out) { staging in
                try Data("half".utf8).write(to: staging.appendingPathComponent("evidence-pack.md"))
                throw Boom()
            }
        }
        #expect(try String(contentsOfFile: out + "/evidence-pack.md", encoding: .utf8) == before)
        #expect(!FileManager.default.fileExists(atPath: out + "/evidence-pack.html"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["pack"])
        // An output path under a file.
        let file = folder.appendingPathComponent("a-file.txt")
        try Data("keep".utf8).write(to: file)
        #expect(throws: ExportError.self) { try EvidencePackWriter.write(pack, to: file.path + "/pack", formats: [.html]) }
        #expect(try String(contentsOf: file, encoding: .utf8) == "keep")
        // A successful re-export replaces the previous pack as a whole.
        try EvidencePackWriter.write(pack, to: out, formats: [.html])
        #expect(FileManager.default.fileExists(atPath: out + "/evidence-pack.html"))
        #expect(!FileManager.default.fileExists(atPath: out + "/evidence-pack.md"))
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: folder.path)) == ["pack", "a-file.txt"])
    }

    @Test func aFolderThatIsNotAPackIsNeverReplaced() throws {
        let folder = try PackFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let precious = folder.appendingPathComponent("notes.txt")
        try Data("mine".utf8).write(to: precious)
        #expect(throws: ExportError.self) { try EvidencePackWriter.write(try PackFixture.pack(), to: folder.path, formats: [.md]) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notes.txt"])
        #expect(throws: ExportError.self) { try AtomicFolder.checkDestination(precious.path + "/pack") }
        #expect(try AtomicFolder.checkDestination(folder.appendingPathComponent("new").path) == false)
    }

    @Test func assumptionsAnnexMarksIllustrativeValues() throws {
        let pack = try PackFixture.pack()
        let table = pack.assumptionsTable
        #expect(table.rows.count == pack.assumptions.count)
        #expect(table.rows.allSatisfy { $0[4] == .text("illustrative") && $0[5] == .text("none (illustrative)") })
        #expect(pack.reproduceSentence.contains("seed (11)"))
    }

    /// The pack formats what it is handed and works nothing out: its central NPVs and tornado
    /// bars are the analysis's, and an analysis without switching values gives checklists without
    /// them (the pack does not solve for them itself).
    @Test func thePackShowsTheAnalysisItIsHandedAndSolvesNothing() throws {
        let plan = try PackageRoot.shippedPlan("status-quo")
        let result = try SimulationEngine.run(plan.plan, settings: SimulationSettings(runs: 250, seed: 3))
        let manifest = RunManifest(seed: 3, runs: 250, method: .monteCarlo, gslVersion: "2.7", filePaths: [], command: "msc export")
        let comparison = ComparisonReport(results: [result], baselineIndex: [nil], manifest: manifest)
        for solving in [false, true] {
            let analysis = try EvidenceAnalysis(plans: [plan], results: [result], solvingSwitchingValues: solving)
            let pack = try EvidencePack(analysis: analysis, comparison: comparison)
            let scenario = try #require(analysis.scenarios.first)
            #expect(pack.scenarios.first?.centralNPV == scenario.centralCase.outcome.netPresentValue)
            #expect(pack.scenarios.first?.tornado.map(\.name) == scenario.tornado.map(\.name))
            #expect(pack.scenarios.first?.survival == plan.expectedFunding.survival)
            #expect(pack.comparison.appraisals.count == 1)
            #expect(pack.comparison.appraisals.first?.switchingValues.count == scenario.centralCase.switchingValues.count)
            #expect(scenario.centralCase.switchingValues.isEmpty == !solving)
            #expect(pack.decision == nil, "one scenario: no decision")
        }
    }
}
