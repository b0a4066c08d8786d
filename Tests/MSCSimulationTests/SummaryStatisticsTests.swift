import GSLKit
import Testing
@testable import MSCSimulation

/// The summary's own mean and standard deviation against GSL's (`gsl_stats_mean`, `gsl_stats_sd`),
/// computed independently, and against values worked out by hand.
@Suite struct SummaryStatisticsTests {
    @Test func meanAndSpreadByHand() {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squared deviations sum to 32, sample SD √(32/7).
        let moments = Summary.meanAndStandardDeviation([2, 4, 4, 4, 5, 5, 7, 9])
        #expect(moments.mean == 5)
        #expect(abs(moments.standardDeviation - (32.0 / 7).squareRoot()) < 1e-15)
        // A value repeated gives itself and no spread, exactly (a fixed-input run).
        let same = Summary.meanAndStandardDeviation(Array(repeating: -229_440_421.37, count: 100_003))
        #expect(same.mean == -229_440_421.37 && same.standardDeviation == 0)
        #expect(Summary.meanAndStandardDeviation([3]).mean == 3)
        #expect(Summary.meanAndStandardDeviation([3]).standardDeviation.isNaN)
    }

    @Test func agreesWithGSLOnLargeOffsetData() {
        let stream = RandomStream(seed: 11)
        for n in [2, 3, 5, 17, 1_000, 100_001] {
            // A large common offset with a small spread is where a naive sum of squares fails.
            let data = (0..<n).map { _ in -2.3e8 + 4e6 * stream.normal(mean: 0, standardDeviation: 1) }
            let moments = Summary.meanAndStandardDeviation(data)
            let mean = Statistics.mean(data), sd = Statistics.standardDeviation(data)
            #expect(abs(moments.mean - mean) <= 1e-12 * abs(mean), "n \(n)")
            #expect(abs(moments.standardDeviation - sd) <= 1e-10 * sd, "n \(n)")
        }
    }

    /// Each year of a fan summarises that year's finite values across iterations, whether worked
    /// out ahead (in parallel, all years of a metric gathered in one pass) or when asked, for
    /// yearly values with NaN and infinities among them and a last iteration cut short.
    @Test func fansSummariseEachYearsFiniteValues() {
        let stream = RandomStream(seed: 3)
        let years = 4, iterations = 3001
        var values = (0..<(iterations * years)).map { _ -> Double in
            let u = stream.uniform()
            return u < 0.05 ? .nan : (u < 0.08 ? -.infinity : (u < 0.1 ? .infinity : stream.normal(mean: 0, standardDeviation: 1)))
        }
        values.removeLast(2)
        let result = SimulationResult(scenarioName: "fans", horizonYears: years, iterations: iterations,
                                      settings: SimulationSettings(runs: iterations), metrics: [:],
                                      yearly: [.cost: values], interrupted: false)
        let ahead = result.summarised(threads: 2)
        for year in 0..<years {
            // The reference: every horizonYears-th value from `year`, filtered by Summary itself.
            let column = stride(from: year, to: values.count, by: years).map { values[$0] }
            #expect(result.fan(.cost)[year] == Summary(column), "year \(year)")
            #expect(ahead.fan(.cost)[year] == Summary(column), "year \(year)")
        }
        // A metric with no values: a fan of empty summaries, one per year, either way.
        #expect(result.fan(.posts).count == years && result.fan(.posts).allSatisfy { $0.mean.isNaN })
        #expect(ahead.fan(.posts).count == years && ahead.fan(.posts).allSatisfy { $0.mean.isNaN })
    }
}
