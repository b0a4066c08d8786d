import MSCSimulation

/// The columns and cells shared by every coefficient table of `msc fit`.
enum CoefficientRows {
    /// Term, estimate, standard error, test statistic, p-value and 95% interval.
    static func columns(statistic: String) -> [ReportTable.Column] {
        [.init("Term", key: "name"), .init("Estimate", key: "estimate"), .init("Std. error", key: "standardError"),
         .init(statistic, key: statistic), .init("p", key: "p"),
         .init("95% low", key: "lower95"), .init("95% high", key: "upper95")]
    }

    static func cells(_ c: CoefficientEstimate, decimals: Int = 6) -> [ReportTable.Cell] {
        [.text(c.name), .number(c.estimate, decimals: decimals), .number(c.standardError, decimals: decimals),
         .number(c.statistic, decimals: 3), .number(c.pValue, decimals: 4),
         .number(c.lower95, decimals: decimals), .number(c.upper95, decimals: decimals)]
    }

    static func json(_ c: CoefficientEstimate, statistic: String) -> [(String, JSONValue)] {
        [("name", .string(c.name)), ("estimate", .number(c.estimate)), ("standardError", .number(c.standardError)),
         (statistic, .number(c.statistic)), ("p", .number(c.pValue)),
         ("lower95", .number(c.lower95)), ("upper95", .number(c.upper95))]
    }

    static func covariance(_ fitted: FittedCoefficients) -> JSONValue {
        .object([("names", .array(fitted.names.map { .string($0) })),
                 ("matrix", .array(fitted.covariance.map { JSONValue.numbers($0) }))])
    }
}
