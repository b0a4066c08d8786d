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
}
