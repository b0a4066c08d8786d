import Foundation
import Testing
import MSCTestSupport
@testable import MSCSimulation

/// A run that does not keep its yearly values per iteration reports the same figures: its fans are
/// summarised before the values are let go, and its per-iteration metrics are untouched.
@Test func aRunWithoutYearlyIterationsReportsTheSameFansAndMetrics() throws {
    let plan = makePlan()
    var settings = SimulationSettings(runs: 600, seed: 5, threads: 2)
    let kept = try SimulationEngine.run(plan, settings: settings)
    settings.keepYearlyIterations = false
    let dropped = try SimulationEngine.run(plan, settings: settings)
    #expect(dropped.yearly.isEmpty)
    #expect(kept.yearly[.cost]?.count == 600 * plan.model.horizonYears)
    for metric in YearlyMetric.allCases {
        #expect(dropped.fan(metric) == kept.fan(metric))
        // The fan from the kept values, summarised afresh, is the one reported.
        let columns = (0..<plan.model.horizonYears).map { year in
            Summary(stride(from: year, to: kept.yearly[metric]!.count, by: plan.model.horizonYears).map { kept.yearly[metric]![$0] })
        }
        #expect(dropped.fan(metric) == columns)
    }
    for metric in Metric.allCases {
        let a = dropped.metrics[metric] ?? [], b = kept.metrics[metric] ?? []
        #expect(a.count == b.count && zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern }, "\(metric)")
    }
}
