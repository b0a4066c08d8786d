import MSCSimulation

/// A log-linear trend and its projections, written for people and for scripts.
public struct TrendFitReport: Report {
    public let result: LogLinearTrendResult

    public init(result: LogLinearTrendResult) {
        self.result = result
    }

    /// The coefficients table and the projections table.
    public var tables: [ReportTable] {
        let series = result.series
        var coefficients = ReportTable(
            title: "Log-linear trend of \(series.outcomeColumn) in \(series.file), \(series.axis.labels[0]) to \(series.axis.labels[series.axis.labels.count - 1])",
            columns: CoefficientRows.columns(statistic: "t"))
        for c in result.coefficients { coefficients.append(CoefficientRows.cells(c)) }
        var notes = [
            "\(series.values.count) rows; OLS of ln(\(series.outcomeColumn)) on periods since \(series.axis.labels[0]); t tests on \(result.degreesOfFreedom) df.",
            "Growth per period \(NumberText.fixed(result.growthPerPeriod * 100, decimals: 2))%"
                + (result.growthPerYear.map { "; per year \(NumberText.fixed($0 * 100, decimals: 2))%" } ?? "")
                + "; R-squared \(NumberText.fixed(result.rSquared, decimals: 4)); residual SD (log scale) \(NumberText.fixed(result.residualStandardDeviation, decimals: 4)).",
        ]
        if result.projections.isEmpty { notes.append("No projections asked for (--horizon 0).") }
        coefficients.notes = notes

        var projections = ReportTable(
            title: "Projected \(series.outcomeColumn) with 95% prediction intervals",
            columns: [.init("Period", key: "period"), .init("Steps ahead", key: "stepsAhead"),
                      .init("Median", key: "median"), .init("95% low", key: "lower95"), .init("95% high", key: "upper95")])
        for p in result.projections {
            projections.append([.text(p.label), .integer(p.stepsAhead), .number(p.median, decimals: 1),
                                .number(p.lower95, decimals: 1), .number(p.upper95, decimals: 1)])
        }
        projections.notes = ["Median = exp(fitted log); intervals allow for the residual scatter and the uncertainty of the trend."]
        return result.projections.isEmpty ? [coefficients] : [coefficients, projections]
    }

    public var json: JSONValue {
        let series = result.series
        return .object([
            ("model", .string("trend")),
            ("file", .string(series.file)),
            ("time", .string(series.timeColumn)),
            ("outcome", .string(series.outcomeColumn)),
            ("rows", .number(Double(series.values.count))),
            ("first", .string(series.axis.labels[0])),
            ("last", .string(series.axis.labels[series.axis.labels.count - 1])),
            ("coefficients", .array(result.coefficients.map { .object(CoefficientRows.json($0, statistic: "t")) })),
            ("growthPerPeriod", .number(result.growthPerPeriod)),
            ("growthPerYear", result.growthPerYear.map { .number($0) } ?? .null),
            ("degreesOfFreedom", .number(Double(result.degreesOfFreedom))),
            ("rSquared", .number(result.rSquared)),
            ("residualStandardDeviation", .number(result.residualStandardDeviation)),
            ("projections", .array(result.projections.map { p in
                .object([("period", .string(p.label)), ("stepsAhead", .number(Double(p.stepsAhead))),
                         ("median", .number(p.median)), ("lower95", .number(p.lower95)), ("upper95", .number(p.upper95))])
            })),
            ("covariance", CoefficientRows.covariance(result.fittedCoefficients)),
        ])
    }
}
