import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import MSCModel
import MSCTestSupport
import Testing
@testable import MSCReport
@testable import MSCSimulation

/// A decision between two synthetic scenarios with hostile names, run by the real engine.
private func decisionReport(threshold: Double? = nil) throws -> DecisionReport {
    let settings = SimulationSettings(runs: 400, seed: 11, threads: 1, keepInputDraws: true)
    let plans = [makePlan(name: "Baseline"), makePlan(name: Hostile.script)]
    let results = try plans.map { try SimulationEngine.run($0, settings: settings) }
    let options = zip(plans, results).map { plan, result -> DecisionOption in
        let values = result.inputDraws!.valuePerIdentification
        let benefits = result.metrics[.presentValueBenefits]!
        let years = result.horizonYears, cost = result.yearly[.cost]!
        return DecisionOption(name: result.scenarioName, netPresentValue: result.metrics[.netPresentValue]!,
                              presentValueCosts: result.metrics[.presentValueCosts]!,
                              discountedIdentifications: zip(benefits, values).map { $0 / $1 },
                              undiscountedCost: (0..<result.iterations).map { i in cost[(i * years)..<((i + 1) * years)].reduce(0, +) },
                              identifications: result.metrics[.additionalIdentifications]!)
    }
    let draws = results[0].inputDraws!
    let problem = DecisionProblem(options: options, baselineIndex: 0,
                                  inputs: draws.names.map { DecisionInput(name: $0, draws: draws.column($0)!) },
                                  groups: [InputGroup(name: Hostile.image, members: ["rateRatio", "valuePerIdentification"])],
                                  horizonYears: 8, annuityFactor: 6.87, centralValuePerIdentification: 40_000)
    let analysis = DecisionAnalysis.analyse(problem, threshold: threshold, seed: 3)
    let manifest = RunManifest(seed: 11, runs: 400, method: .monteCarlo, gslVersion: "2.7", filePaths: [], command: "msc decide")
    return DecisionReport(analysis: analysis, descriptions: [:], manifest: manifest)
}

@Test func decisionTablesCarryTheAnalysisFigures() throws {
    let report = try decisionReport()
    let evpi = report.evpiTable
    #expect(evpi.rows[0][1] == .money(report.analysis.evpi.value, decimals: 0))
    #expect(evpi.rows[1][1] == .money(report.analysis.evpi.value / 6.87, decimals: 0))
    let ranking = report.informationTable
    #expect(ranking.rows.count == report.analysis.groups.count + report.analysis.inputs.count)
    // Ranked: EVPPI never rises down the inputs.
    let inputValues = report.analysis.inputs.compactMap { $0.estimate?.value }
    #expect(inputValues == inputValues.sorted(by: >))
    for item in report.analysis.inputs + report.analysis.groups {
        #expect(item.estimate!.value <= report.analysis.evpi.value + 1e-6)
    }
    // The curve table shows the model's value, and its note defines the curve in one sentence.
    #expect(report.valueCurveTable.rows.contains { $0[1] == .text("model's central value") })
    #expect(report.valueCurveTable.notes[0].hasPrefix("The probability worthwhile at a value V is the share of the 400 iterations"))
    let meaning = try #require(ranking.rows.first?.last?.display)
    #expect(meaning.hasPrefix("Resolving ") && meaning.contains("before deciding is worth up to £"))
}

@Test func decisionChartsAreWellFormedAndEscapeNames() throws {
    let report = try decisionReport(threshold: 55_000)
    let charts = DecisionCharts.all(report)
    #expect(charts.map(\.fileName) == ["decide-value-curve.svg", "decide-cost-curve.svg", "decide-plane.svg", "decide-information-rank.svg"])
    for chart in charts {
        let parser = XMLParser(data: Data(chart.svg.utf8))
        #expect(parser.parse(), "\(chart.fileName) is not well-formed XML")
        #expect(!chart.svg.contains("<script") && !chart.svg.contains("<img"))
        // Non-finite numbers would print as NaN or inf, or as n/a in labels.
        #expect(!chart.svg.contains("NaN") && !chart.svg.contains("nan") && !chart.svg.contains("\"inf") && !chart.svg.contains("n/a"))
    }
    #expect(charts[0].svg.contains("--threshold £55k"))
    #expect(charts[0].svg.contains("model&#39;s value £40k"))
    // The plane draws at most 600 points per option (400 iterations: all of them).
    #expect(charts[2].svg.components(separatedBy: "<circle").count - 1 >= 400)
}

@Test func packWithADecisionWritesItsChartsAndTables() throws {
    var pack = try PackFixture.pack()
    pack.decision = try decisionReport()
    let charts = Charts.all(for: pack)
    #expect(charts.contains { $0.fileName == "decide-information-rank.svg" })
    #expect(pack.namedTables.map(\.stem).contains("decide-evppi"))
    #expect(pack.namedTables.allSatisfy { $0.sheet.count <= 31 })
    let html = HTMLWriter.write(pack, charts: charts)
    #expect(html.contains("id=\"decision\""))
    #expect(!html.contains("<script"))
    let json = JSONText.write(PackDocuments.json(pack))
    #expect(json.contains("\"decision\"") && json.contains("\"evpi\""))
}
