import MSCSimulation

/// An interrupted-time-series fit written for people and for scripts.
public struct SegmentedFitReport: Report {
    public let result: SegmentedRegressionResult

    public init(result: SegmentedRegressionResult) {
        self.result = result
    }

    public var tables: [ReportTable] { [table] }

    public var table: ReportTable {
        let series = result.series
        var table = ReportTable(
            title: "Interrupted time series of \(series.outcomeColumn) in \(series.file), change at \(result.interventionLabel)",
            columns: CoefficientRows.columns(statistic: "t"))
        for c in result.coefficients + [result.effectAtLastPeriod] {
            table.append(CoefficientRows.cells(c, decimals: 4))
        }
        let last = series.axis.labels[series.axis.labels.count - 1]
        table.notes = [
            "\(series.values.count) rows (\(result.rowsBefore) before \(result.interventionLabel), \(result.rowsAfter) from it on); OLS; t tests on \(result.degreesOfFreedom) df.",
            "intercept: level at \(series.axis.labels[0]); trend: change per period before; levelChange: step at \(result.interventionLabel); trendChange: extra change per period after.",
            "effectAtLastPeriod: levelChange + trendChange x periods from \(result.interventionLabel) to \(last); without the change the fitted \(last) value would be \(NumberText.fixed(result.counterfactualAtLastPeriod, decimals: 4)).",
            "R-squared \(NumberText.fixed(result.rSquared, decimals: 4)); residual SD \(NumberText.fixed(result.residualStandardDeviation, decimals: 4)); Durbin-Watson \(NumberText.fixed(result.durbinWatson, decimals: 3)) (well below 2 means autocorrelated errors and too-small standard errors).",
        ]
        return table
    }

    public var json: JSONValue {
        let series = result.series
        return .object([
            ("model", .string("segmented")),
            ("file", .string(series.file)),
            ("time", .string(series.timeColumn)),
            ("outcome", .string(series.outcomeColumn)),
            ("intervention", .string(result.interventionLabel)),
            ("rows", .number(Double(series.values.count))),
            ("rowsBefore", .number(Double(result.rowsBefore))),
            ("rowsAfter", .number(Double(result.rowsAfter))),
            ("coefficients", .array(result.coefficients.map { .object(CoefficientRows.json($0, statistic: "t")) })),
            ("effectAtLastPeriod", .object(CoefficientRows.json(result.effectAtLastPeriod, statistic: "t"))),
            ("counterfactualAtLastPeriod", .number(result.counterfactualAtLastPeriod)),
            ("degreesOfFreedom", .number(Double(result.degreesOfFreedom))),
            ("rSquared", .number(result.rSquared)),
            ("residualStandardDeviation", .number(result.residualStandardDeviation)),
            ("durbinWatson", .number(result.durbinWatson)),
            ("covariance", CoefficientRows.covariance(result.fittedCoefficients)),
        ])
    }
}
