import Foundation
import MSCTestSupport
import MSCModel
@testable import MSCReport
@testable import MSCSimulation

/// Names that try to break out of every format: markup, formulas, quotes, commas, line breaks.
enum Hostile {
    static let script = "<script>alert('x')</script>"
    static let image = "<img src=x onerror=alert(1)>"
    static let formula = "=HYPERLINK(\"http://example.invalid\",\"click\")"
    static let quoted = "Smith, \"the\" council\nline two"
    static let plus = "+44 (0)20"
    static let at = "@SUM(A1:A2)"
}

/// Evidence packs built from the shared synthetic scenario, run by the real engine.
enum PackFixture {
    static func plan(name: String) -> SimulationPlan { makePlan(name: name) }

    /// A pack of two scenarios with hostile names and a hostile authority table.
    static func pack(firstName: String = "Baseline", secondName: String = Hostile.script) throws -> EvidencePack {
        let settings = SimulationSettings(runs: 400, seed: 11, threads: 1)
        let plans = [plan(name: firstName), plan(name: secondName)]
        let results = try plans.map { try SimulationEngine.run($0, settings: settings) }
        let manifest = RunManifest(seed: 11, runs: 400, method: .monteCarlo, gslVersion: "2.7", filePaths: [],
                                   command: "msc export scenarios/\(Hostile.image).yaml --seed 11")
        let comparison = ComparisonReport(results: results, baselineIndex: [nil, 0], manifest: manifest)
        var authorities = ReportTable(title: "By authority", columns: [
            .init("Authority", key: "authority"), .init("Note", key: "note"), .init("NPV (£)", key: "npv"),
            .init("Posts", key: "posts"), .init("Survival", key: "survival")])
        let names = [Hostile.formula, Hostile.quoted, Hostile.plus, Hostile.at, Hostile.script, "Leeds"]
        for (index, name) in names.enumerated() {
            authorities.append([.text(name), .text(Hostile.image), .pounds(-1234.5 * Double(index + 1)),
                                .integer(index), .percent(0.5 + 0.05 * Double(index), decimals: 1)])
        }
        var funding = ReportTable(title: "Funding", columns: [.init("Funder", key: "funder"), .init("Expected cost (£)", key: "cost")])
        funding.append([.text("Home Office"), .pounds(1_250_000)])
        funding.append([.text("-local & <b>"), .pounds(-42)])
        let assumptions = plans[0].nationalAssumptions + [plans[0].salary]
        let tornado = Dictionary(uniqueKeysWithValues: zip(plans, results).map { ($1.scenarioName, Tornado.bars(for: $0)) })
        let survival = Dictionary(uniqueKeysWithValues: results.enumerated().map { index, result in
            (result.scenarioName, (0..<result.horizonYears).map { pow(index == 0 ? 0.8 : 0.93, Double($0)) })
        })
        return EvidencePack(title: "Evidence pack: \(Hostile.script)", comparison: comparison, authorityTable: authorities,
                            fundingTable: funding, assumptions: assumptions, tornado: tornado, survivalByScenario: survival)
    }

    /// A fresh empty temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("msc-export-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
