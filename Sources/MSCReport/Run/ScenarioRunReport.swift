import MSCSimulation

/// One scenario's Monte Carlo (`msc run`): the comparison table of its metrics, then its per-year fans.
public struct ScenarioRunReport: Report {
    /// The scenario's metrics, with no baseline to compare against.
    public let summary: ComparisonReport

    /// The report of `summary`'s first (and only) result.
    public init(summary: ComparisonReport) {
        self.summary = summary
    }

    public var tables: [ReportTable] {
        [summary.table] + summary.results.prefix(1).map(FanReport.table)
    }

    public var json: JSONValue { summary.json }
}
