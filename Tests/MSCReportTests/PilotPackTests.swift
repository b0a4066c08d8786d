import Foundation
import MSCModel
import MSCTestSupport
import Testing
@testable import MSCReport
@testable import MSCSimulation

/// A pilot valuation with chosen figures, so the pack's pilot section can be checked against
/// numbers worked out by hand.
enum PilotFixture {
    /// One design: size, duration, EVSI after the wait and the three costs (£).
    struct Row {
        let councils: Int, years: Int, discountedEVSI: Double, posts: Double, evaluation: Double, delay: Double
    }

    static func report(_ rows: [Row], scenario: String = "national-rollout", comparator: String = "status-quo") -> PilotReport {
        let designs = rows.map { row in
            PilotValuation.DesignValue(
                design: PilotDesign(councils: row.councils, years: row.years, comparisonCouncils: row.councils, beforeYears: 2),
                evsi: PartialValueOfInformation.Estimate(value: row.discountedEVSI * 1.05, standardError: 1000, regressionColumns: [2], rSquared: [0.5]),
                discountedEVSI: row.discountedEVSI, postCost: row.posts, evaluationCost: row.evaluation, delayCost: row.delay)
        }
        let result = PilotValuation.Result(
            request: PilotValuation.Request(councils: Array(Set(rows.map(\.councils))).sorted(), years: Array(Set(rows.map(\.years))).sorted(),
                                            evaluationCostPerYear: 60000, seed: 1),
            optionNames: [comparator, scenario], baselineIndex: 0, meanNetBenefit: [4_000_000, -20_000_000],
            evpi: ExpectedValueOfInformation.Estimate(value: 60_000_000, standardError: 1_000_000, bestOption: 0),
            evppiRateRatio: PartialValueOfInformation.Estimate(value: 50_000_000, standardError: 500_000, regressionColumns: [2], rSquared: [0.6]),
            designs: designs, iterations: 1000)
        return PilotReport(result: result, scenarioName: scenario, comparatorName: comparator)
    }

    /// Two sizes by two durations; ENBS 1,000,000 − … worked out by hand in each test.
    static let grid = [
        Row(councils: 5, years: 1, discountedEVSI: 2_000_000, posts: 300_000, evaluation: 60_000, delay: 0),      // 1,640,000
        Row(councils: 40, years: 1, discountedEVSI: 9_000_000, posts: 2_400_000, evaluation: 60_000, delay: 0),   // 6,540,000
        Row(councils: 5, years: 2, discountedEVSI: 100_000, posts: 600_000, evaluation: 120_000, delay: 0),       // −620,000
        Row(councils: 40, years: 2, discountedEVSI: 12_000_000, posts: 4_800_000, evaluation: 120_000, delay: 0), // 7,080,000
    ]
}

@Suite struct PilotPackTests {
    /// The pilot section leads with its headline once, shows the grid with its caveats and an SVG
    /// chart (not bars of "#"), with the best design marked and every bar in its text alternative.
    @Test func thePilotSectionStatesItsHeadlineOnceAndDrawsTheChart() throws {
        var pack = try PackFixture.pack()
        let report = PilotFixture.report(PilotFixture.grid)
        pack.pilot = report
        let html = HTMLWriter.write(pack, charts: Charts.all(for: pack))
        let start = try #require(html.range(of: "<section id=\"pilot\">"))
        let section = String(html[start.lowerBound...])
        let end = try #require(section.range(of: "</section>"))
        let pilot = String(section[..<end.upperBound])
        // 40 posts for 2 years: 12,000,000 − 4,800,000 − 120,000 = 7,080,000.
        #expect(report.headline.contains("a pilot of 40 posts for 2 years is worth up to £12,000,000"))
        #expect(report.headline.contains("£7,080,000"))
        // As printed: escaped, each figure kept whole on its line.
        let printedHeadline = HTMLWriter.prose(report.headline)
        #expect(printedHeadline.contains("<span class=\"fig\">£12,000,000</span>"))
        #expect(pilot.components(separatedBy: printedHeadline).count - 1 == 1, "the headline appears once")
        #expect(!pilot.contains("####"), "no bars of characters")
        #expect(pilot.contains("<svg") && pilot.contains("role=\"img\""))
        #expect(pilot.contains("Limits: EVPI <span class=\"fig\">£60,000,000</span>"))
        // The best design is marked in the drawing and named in the text alternative.
        let chart = PilotChart.chart(report)
        #expect(chart.svg.contains("£7,080,000  best"))
        #expect(chart.svg.contains("Best: 40 posts, 2 years, £7,080,000."))
        for text in ["5 posts, 1 year £1,640,000", "40 posts, 1 year £6,540,000", "5 posts, 2 years -£620,000", "40 posts, 2 years £7,080,000"] {
            #expect(chart.svg.contains(text), "missing \(text)")
        }
        // Only the best bar is black; the one negative design is hatched.
        #expect(chart.svg.components(separatedBy: "fill=\"#000\" stroke=\"#000\" stroke-width=\"0.80\"").count - 1 == 2, "best bar and its key")
        #expect(chart.svg.components(separatedBy: "fill=\"url(#pilot-enbs-hatch)\"").count - 1 == 2, "negative bar and its key")
    }

    /// A negative ENBS bar runs left of zero and its figure is written with the sign before the £.
    @Test func aGridThatNeverPaysDrawsEveryBarLeftOfZero() throws {
        let rows = [PilotFixture.Row(councils: 10, years: 1, discountedEVSI: 0, posts: 600_000, evaluation: 60_000, delay: 30_000_000),
                    PilotFixture.Row(councils: 80, years: 3, discountedEVSI: 14_000_000, posts: 15_000_000, evaluation: 170_000, delay: 100_000_000)]
        let report = PilotFixture.report(rows)
        #expect(report.headline.hasPrefix("No design in the grid pays for itself"))
        let svg = PilotChart.chart(report).svg
        #expect(svg.contains("-£30,660,000  best"))
        #expect(svg.contains("-£101,170,000"))
        // Every bar costs more than it is worth: the only grey box is the key's.
        #expect(svg.components(separatedBy: "fill=\"#c8c8c8\"").count - 1 == 1)
    }

    /// The pack's CSV keeps the headline (a file read alone), the terminal keeps its character bars,
    /// the Markdown and JSON carry the pilot section.
    @Test func everyFormatCarriesThePilotOnce() throws {
        var pack = try PackFixture.pack()
        let report = PilotFixture.report(PilotFixture.grid)
        pack.pilot = report
        #expect(pack.namedTables.filter { $0.stem.hasPrefix("pilot") }.map(\.stem) == ["pilot-grid"])
        #expect(pack.namedTables.first { $0.stem == "pilot-grid" }?.table.notes.first == report.headline)
        #expect(report.gridTable.notes.allSatisfy { $0 != report.headline })
        #expect(report.tables.count == 2 && report.tables[1].title.hasPrefix("ENBS by design"))
        let markdown = PackDocuments.markdown(pack, charts: Charts.all(for: pack))
        #expect(markdown.contains("## Pilot"))
        #expect(markdown.contains("charts/pilot-enbs.svg"))
        let json = JSONText.write(PackDocuments.json(pack))
        #expect(json.contains("\"pilot\""))
        let folder = try PackFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("pack").path
        let written = try EvidencePackWriter.write(pack, to: out, formats: [.html, .md])
        #expect(written.contains("charts/pilot-enbs.svg"))
    }
}
