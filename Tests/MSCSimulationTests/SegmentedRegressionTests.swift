import Foundation
import GSLKit
import MSCModel
import Testing
@testable import MSCSimulation

@Suite("Segmented regression (interrupted time series)")
struct SegmentedRegressionTests {
    /// A quarterly series from 2019 Q1 with level 10, trend 0.5 a quarter, and at 2021 Q1 a jump
    /// of `levelChange` and an extra `trendChange` a quarter, plus `noise`.
    func series(levelChange: Double, trendChange: Double, quarters: Int = 20, noise: (Int) -> Double = { _ in 0 }) -> String {
        var lines = ["period,value"]
        let k = 8 // 2021 Q1 is 8 quarters after 2019 Q1
        for t in 0..<quarters {
            let after = t >= k ? 1.0 : 0
            let value = 10 + 0.5 * Double(t) + levelChange * after + trendChange * Double(t - k) * after + noise(t)
            lines.append("\(2019 + t / 4) Q\(t % 4 + 1),\(value)")
        }
        return lines.joined(separator: "\n")
    }

    func fit(_ text: String, intervention: String = "2021 Q1", since: String? = nil) throws -> SegmentedRegressionResult {
        try SegmentedRegression.fit(table: try CSVTable.parse(text: text, fileName: "series.csv"), time: "period",
                                    outcome: "value", intervention: intervention, since: since)
    }

    @Test("an exact series gives back its level and trend change")
    func exact() throws {
        let result = try fit(series(levelChange: 6, trendChange: 1.5))
        let estimates = result.coefficients.map(\.estimate)
        for (estimate, truth) in zip(estimates, [10, 0.5, 6, 1.5]) { #expect(abs(estimate - truth) < 1e-9) }
        #expect(result.rowsBefore == 8 && result.rowsAfter == 12)
        // Last quarter is 11 after the change: 6 + 1.5 x 11.
        #expect(abs(result.effectAtLastPeriod.estimate - 22.5) < 1e-9)
        #expect(abs(result.counterfactualAtLastPeriod - (10 + 0.5 * 19)) < 1e-9)
    }

    @Test("a noisy series recovers the changes within their intervals")
    func noisy() throws {
        let stream = RandomStream(seed: 42)
        let noise = (0..<40).map { _ in stream.normal(mean: 0, standardDeviation: 1) }
        let result = try fit(series(levelChange: 6, trendChange: 1.5, quarters: 40) { noise[$0] })
        let level = result.coefficients[2], slope = result.coefficients[3]
        #expect(level.lower95 < 6 && 6 < level.upper95)
        #expect(slope.lower95 < 1.5 && 1.5 < slope.upper95)
        #expect(result.degreesOfFreedom == 36)
        #expect(abs(result.residualStandardDeviation - 1) < 0.4)
        #expect(result.durbinWatson > 1 && result.durbinWatson < 3)
        // The standard error of the effect at the end follows from the covariance.
        let cov = result.fittedCoefficients.covariance, gap = 31.0
        let variance = cov[2][2] + 2 * gap * cov[2][3] + gap * gap * cov[3][3]
        #expect(abs(result.effectAtLastPeriod.standardError - variance.squareRoot()) < 1e-12)
    }

    @Test("plain numeric time works too")
    func numericTime() throws {
        var lines = ["period,value"]
        for t in 1...12 { lines.append("\(t),\(Double(t) * 2 + (t >= 7 ? 5 + Double(t - 7) : 0.0))") }
        let result = try fit(lines.joined(separator: "\n"), intervention: "7")
        for (estimate, truth) in zip(result.coefficients.map(\.estimate), [2.0, 2, 5, 1]) { #expect(abs(estimate - truth) < 1e-9) }
    }

    @Test("too few rows on one side of the intervention is one clear line")
    func tooFewAfter() throws {
        do {
            _ = try fit(series(levelChange: 1, trendChange: 0, quarters: 9))
            Issue.record("expected an error")
        } catch let error as InputError {
            #expect(error.message.contains("8 rows before 2021 Q1 and 1 from it on"))
            #expect(!error.description.contains("\n"))
        }
    }

    @Test("an intervention not written like the time column is refused")
    func badIntervention() throws {
        #expect(throws: InputError.self) { try fit(series(levelChange: 1, trendChange: 0), intervention: "March 2021") }
    }

    @Test("rows out of time order name the row")
    func outOfOrder() throws {
        let text = "period,value\n2020 Q1,1\n2020 Q2,2\n2020 Q2,3\n2020 Q3,4\n2020 Q4,5\n2021 Q1,6\n"
        do {
            _ = try fit(text, intervention: "2020 Q3")
            Issue.record("expected an error")
        } catch let error as InputError {
            #expect(error.line == 4)
            #expect(error.key == "period")
        }
    }
}
