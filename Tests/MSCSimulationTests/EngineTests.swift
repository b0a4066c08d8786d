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

    @Test func aNationalGrantEndsItsPostsTogetherUnlessHostsCanAbsorbIt() throws {
        // Posts 1, 3, …, 11 (six) are on the grant. Without absorption they all last alike, so the
        // engine works the grant out once per iteration: 0 or 6 of them in the final year.
        let settings = SimulationSettings(runs: 3000, seed: 8, threads: 2)
        let together = try SimulationEngine.run(makePlan(nationalGrant: true), settings: settings)
        // With absorption each host decides for itself: the shortcut's condition fails every
        // iteration and posts are followed one by one. Expected survival to year 7 (two renewal
        // points): E[q²] + (1 − E[q²]) · 0.5 for q ~ Beta(97, 3), E[q²] = 97·98 / (100·101).
        let absorbing = try SimulationEngine.run(makePlan(nationalGrant: true, grantAbsorbProbability: 0.5), settings: settings)
        let moment = 97.0 * 98 / (100 * 101)
        let expectedGrant = 6 * (moment + (1 - moment) * 0.5)
        // Local posts: seven yearly renewals, E[q⁷] for q ~ Beta(16, 4) = Π_{j<7} (16 + j) / (20 + j).
        var localMoment = 1.0
        for j in 0..<7 { localMoment *= (16 + Double(j)) / (20 + Double(j)) }
        let expectedLocal = 6 * localMoment
        let final = absorbing.fan(.posts)[7]
        #expect(abs(final.mean - (expectedGrant + expectedLocal)) < 4.5 * final.monteCarloStandardError)
        // Without absorption the grant's six posts go together (the once-per-iteration path): each
        // survives with E[q²], and the spread is wider, since they are lost all at once.
        let togetherFinal = together.fan(.posts)[7]
        #expect(abs(togetherFinal.mean - (6 * moment + expectedLocal)) < 4.5 * togetherFinal.monteCarloStandardError)
        #expect(together.summary(.postsAtHorizon).standardDeviation > absorbing.summary(.postsAtHorizon).standardDeviation)
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

@Test func drawsFromUniformsDrawnAheadEqualDrawsOneByOne() {
    // The engine draws salaries and budgets from a block of uniforms: the block must hold the
    // numbers the generator gives one call at a time, and each draw the value the stream gives.
    let a = RandomStream(seed: 31), b = RandomStream(seed: 31)
    var block = [Double](repeating: 0, count: 1000)
    block.withUnsafeMutableBufferPointer { a.fillUniform($0) }
    #expect(block == (0..<1000).map { _ in b.uniform() })
    let distributions: [Distribution] = [.fixed(3), .uniform(minimum: 0, maximum: 10_000),
                                         .triangular(minimum: 40777, mode: 44490.84, maximum: 54495)]
    for distribution in distributions {
        let one = RandomStream(seed: 8), ahead = RandomStream(seed: 8)
        for _ in 0..<200 {
            let u = distribution.uniformsPerDraw == 1 ? ahead.uniform() : 0
            #expect(distribution.draw(fromUniform: u).bitPattern == distribution.draw(using: one).bitPattern, "\(distribution)")
        }
    }
    #expect(Distribution.beta(alpha: 2, beta: 3).uniformsPerDraw == nil)
}

@Test func aColumnOfDrawsEqualsTheDrawsOneByOne() {
    // The engine draws each national input's values for a whole chunk at once: every kind of
    // distribution must give, bit for bit, the draws one call at a time would, clamped alike
    // (the normal's range cuts some of its draws), and leave its stream where they would.
    let distributions: [Distribution] = [.fixed(3), .uniform(minimum: 0, maximum: 10_000),
                                         .triangular(minimum: 0.033, mode: 0.033, maximum: 0.045),
                                         .normal(mean: 0.1, standardDeviation: 0.3), .lognormal(logMean: 0.5, logStandardDeviation: 0.6),
                                         .beta(alpha: 2, beta: 3), .pert(minimum: 1, mode: 2, maximum: 6)]
    for distribution in distributions {
        let range: ClosedRange<Double> = 0...1
        let one = RandomStream(seed: 12), column = RandomStream(seed: 12)
        let expected = (0..<250).map { _ in distribution.draw(using: one).clamped(to: range) }
        var filled = [Double](repeating: .nan, count: 250)
        filled.withUnsafeMutableBufferPointer { BoundedDistribution(distribution: distribution, range: range).fill($0, using: column) }
        #expect(filled.map(\.bitPattern) == expected.map(\.bitPattern), "\(distribution)")
        #expect(column.uniform() == one.uniform(), "\(distribution): the stream is left where the draws one by one leave it")
    }
}
