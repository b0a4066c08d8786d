import Foundation
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

/// A small synthetic scenario (12 posts, two funding mixes, 8 years) run by the real engine.
enum PackFixture {
    static func plan(name: String) -> SimulationPlan {
        func assumption(_ name: String, _ value: Double, _ unit: MSCModel.Unit, _ distribution: Distribution) -> Assumption {
            Assumption(name: name, description: name, unit: unit, value: value, distribution: distribution,
                       sources: [], evidence: .illustrative, notes: "test", origin: "test")
        }
        let national = [
            assumption("pensionRate", 0.16, .fraction, .triangular(minimum: 0.14, mode: 0.16, maximum: 0.23)),
            assumption("realPayGrowth", 0, .ratePerYear, .uniform(minimum: -0.01, maximum: 0.015)),
            assumption("rateRatio", 1.5, .ratio, .lognormal(logMean: log(1.5), logStandardDeviation: 0.3)),
            assumption("valuePerIdentification", 40000, .gbpPerPerson, .pert(minimum: 10000, mode: 40000, maximum: 90000)),
            assumption("renewalLocal", 0.8, .fraction, .beta(alpha: 16, beta: 4)),
            assumption("renewalCentral", 0.97, .fraction, .beta(alpha: 97, beta: 3)),
        ]
        let years = 8
        let posts = (0..<12).map { ScenarioModel.Post(name: "post \($0)", fte: 1, fundingIndex: $0 % 2) }
    // One single-tier authority per post, fully covered, with 3 + i baseline identifications a year.
    let members = (0..<12).map { ScenarioModel.Member(post: $0, residents: (3 + Double($0)) * 100_000, shareOfCoordinatorTime: 1, fteServing: 1_000_000, role: .singleTier) }
        let model = ScenarioModel(
            name: name, horizonYears: years, posts: posts, members: members, fundingMixNames: ["local", "central"],
            employerNIRate: 0.15, niSecondaryThreshold: 5000,
            discountFactors: (0..<years).map { 1 / pow(1.035, Double($0)) })
        let terms = [1, 3]
        return SimulationPlan(
            model: model, nationalAssumptions: national,
            makeNational: { v in
                NationalInputs(pensionRate: v[0], apprenticeshipLevyRate: 0, overheadRate: 0, realPayGrowth: v[1],
                               rateRatio: v[2], valuePerIdentification: v[3], optimismBias: 0.1, baselineRatePer100k: 1,
                           countyShareOfTwoTier: 0.5, coverageBenchmark: 1, coverageElasticity: 1, rampUpYears: 2)
            },
            salary: assumption("salary", 44490.84, .gbpPerYear, .triangular(minimum: 40777, mode: 44490.84, maximum: 54495)),
            operationalBudget: assumption("operationalBudget", 5000, .gbpPerYear, .uniform(minimum: 0, maximum: 10000)),
            yearsFunded: { mix, v, stream in
                let q = mix == 0 ? v[4] : v[5]
                var year = terms[mix]
                while year < years {
                    if !stream.bernoulli(probability: q) { return year }
                    year += terms[mix]
                }
                return years
            },
            expectedSurvival: { v in
                (0..<2).map { mix in
                    let q = mix == 0 ? v[4] : v[5]
                    return (0..<years).map { pow(q, Double($0 / terms[mix])) }
                }
            })
    }

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
