import Foundation
import GSLKit
import MSCModel
import Testing
@testable import MSCSimulation

/// A small synthetic scenario: 12 posts, two funding mixes, 8 years, uncertain national inputs.
private func makePlan(allFixed: Bool = false) -> SimulationPlan {
    func assumption(_ name: String, _ value: Double, _ unit: MSCModel.Unit, _ distribution: Distribution) -> Assumption {
        Assumption(name: name, description: name, unit: unit, value: value,
                   distribution: allFixed ? .fixed(value) : distribution, sources: [], evidence: .illustrative,
                   notes: "test", origin: "test")
    }
    let national = [
        assumption("pensionRate", 0.16, .fraction, .triangular(minimum: 0.14, mode: 0.16, maximum: 0.23)),
        assumption("realPayGrowth", 0, .ratePerYear, .uniform(minimum: -0.01, maximum: 0.015)),
        assumption("rateRatio", 1.5, .ratio, .lognormal(logMean: log(1.5), logStandardDeviation: 0.3)),
        assumption("valuePerIdentification", 40000, .gbpPerPerson, .pert(minimum: 10000, mode: 40000, maximum: 90000)),
        assumption("renewalLocal", allFixed ? 1 : 0.8, .fraction, .beta(alpha: 16, beta: 4)),
        assumption("renewalCentral", allFixed ? 1 : 0.97, .fraction, .beta(alpha: 97, beta: 3)),
    ]
    let years = 8
    let posts = (0..<12).map { ScenarioModel.Post(name: "post \($0)", fte: 1, fundingIndex: $0 % 2) }
    // One single-tier authority per post, fully covered, with 3 + i baseline identifications a year.
    let members = (0..<12).map { ScenarioModel.Member(post: $0, residents: (3 + Double($0)) * 100_000, shareOfCoordinatorTime: 1, fteServing: 1_000_000, role: .singleTier) }
    let model = ScenarioModel(
        name: "synthetic", horizonYears: years, posts: posts, members: members, fundingMixNames: ["local", "central"],
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
        fundingParameters: { v, _ in [v[4], v[5]] },
        yearsFunded: { mix, renewal, stream in
            let q = renewal[mix]
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

private func fingerprint(_ result: SimulationResult) -> [UInt64] {
    Metric.allCases.flatMap { (result.metrics[$0] ?? []).map(\.bitPattern) }
        + YearlyMetric.allCases.flatMap { (result.yearly[$0] ?? []).map(\.bitPattern) }
}

@Suite struct EngineTests {
    @Test func theSameSeedReproducesEveryDigit() throws {
        let plan = makePlan()
        let settings = SimulationSettings(runs: 1000, seed: 42, threads: 1)
        let first = try SimulationEngine.run(plan, settings: settings)
        let second = try SimulationEngine.run(plan, settings: settings)
        #expect(fingerprint(first) == fingerprint(second))
        var other = settings
        other.seed = 43
        #expect(fingerprint(try SimulationEngine.run(plan, settings: other)) != fingerprint(first))
    }

    @Test(arguments: [SamplingMethod.monteCarlo, .latinHypercube, .sobol])
    func threadCountsGiveIdenticalResults(method: SamplingMethod) throws {
        let plan = makePlan()
        var settings = SimulationSettings(runs: 1100, seed: 7, method: method, threads: 1)
        let one = try SimulationEngine.run(plan, settings: settings)
        settings.threads = 2
        let two = try SimulationEngine.run(plan, settings: settings)
        settings.threads = 3
        let three = try SimulationEngine.run(plan, settings: settings)
        #expect(fingerprint(one) == fingerprint(two))
        #expect(fingerprint(one) == fingerprint(three))
        #expect(one.iterations == 1100)
    }

    @Test func latinHypercubeStrataEachHoldOnePoint() {
        let rows = 500, dimensions = 4
        let design = NationalDesign.latinHypercube(rows: rows, dimensions: dimensions, seed: 99,
                                                   streamKeys: (0..<dimensions).map { UInt64($0) &* 0x9e3779b97f4a7c15 })
        for d in 0..<dimensions {
            let strata = (0..<rows).map { Int(design.value(iteration: $0, dimension: d) * Double(rows)) }
            #expect(Set(strata).count == rows)
            #expect(strata.allSatisfy { (0..<rows).contains($0) })
        }
    }

    @Test func allInputsFixedMonteCarloMeanEqualsTheCentralCaseExactly() throws {
        let plan = makePlan(allFixed: true)
        let central = plan.centralCase()
        let result = try SimulationEngine.run(plan, settings: SimulationSettings(runs: 300, seed: 1, threads: 2))
        for metric in Metric.allCases {
            let values = result.metrics[metric]!
            #expect(values.allSatisfy { $0 == metric.value(of: central) }, "\(metric)")
        }
        #expect(result.summary(.netPresentValue).mean == central.netPresentValue)
    }

    @Test func monteCarloSurvivalAgreesWithTheExpectedSurvival() throws {
        let plan = makePlan()
        let result = try SimulationEngine.run(plan, settings: SimulationSettings(runs: 4000, seed: 5, threads: 2))
        let posts = result.fan(.posts)
        // Expected posts in the final year, averaging survival over the renewal distributions:
        // E[q^k] for q ~ Beta(a, b) is Π_{j<k} (a + j) / (a + b + j).
        func betaMoment(_ a: Double, _ b: Double, _ k: Int) -> Double {
            (0..<k).reduce(1.0) { $0 * (a + Double($1)) / (a + b + Double($1)) }
        }
        let lastYear = 7
        let expected = 6 * betaMoment(16, 4, lastYear / 1) + 6 * betaMoment(97, 3, lastYear / 3)
        let summary = posts[lastYear]
        #expect(abs(summary.mean - expected) < 4 * summary.monteCarloStandardError)
    }

    @Test func targetStandardErrorStopsOnceReached() throws {
        let plan = makePlan()
        var settings = SimulationSettings(runs: 500, seed: 3, threads: 2)
        let rough = try SimulationEngine.run(plan, settings: settings).summary(.netPresentValue).monteCarloStandardError
        settings.targetNPVStandardError = rough / 2
        let result = try SimulationEngine.run(plan, settings: settings)
        #expect(result.summary(.netPresentValue).monteCarloStandardError <= rough / 2)
        #expect(result.iterations > 500)
    }

    @Test func tornadoBarsAreSortedBySwing() {
        let bars = Tornado.bars(for: makePlan())
        #expect(bars.count == 8)
        #expect(zip(bars, bars.dropFirst()).allSatisfy { $0.swing >= $1.swing })
    }
}
