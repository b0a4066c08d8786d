import Foundation
import GSLKit
import MSCModel
import Testing
import MSCTestSupport
@testable import MSCSimulation

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
        // Growing the run chunk by chunk gives exactly a fixed run of the same size.
        var fixed = settings
        fixed.targetNPVStandardError = nil
        fixed.runs = result.iterations
        #expect(fingerprint(try SimulationEngine.run(plan, settings: fixed)) == fingerprint(result))
    }

    @Test func tornadoBarsAreSortedBySwing() {
        let bars = Tornado.bars(for: makePlan())
        #expect(bars.count == 11)
        #expect(zip(bars, bars.dropFirst()).allSatisfy { $0.swing >= $1.swing })
    }
}
