import MSCModel

/// One numeric series read from a CSV table: a time column and an outcome column, rows in order.
public struct TimeSeries: Sendable {
    public let file: String
    public let timeColumn: String
    public let outcomeColumn: String
    public let axis: TimeAxis
    public let values: [Double]
    /// The CSV line of each value, for errors.
    public let lines: [Int]

    /// Reads `time` and `outcome` from `table`, keeping rows from `since` on (a label written like
    /// the time column); `valid` and `expected` constrain the outcome (e.g. above 0 for a log scale).
    public static func read(table: CSVTable, time: String, outcome: String, since: String? = nil,
                            expected: String = "a number", valid: (Double) -> Bool = { _ in true }) throws -> TimeSeries {
        _ = try table.column(time)
        _ = try table.column(outcome)
        guard time != outcome else {
            throw InputError(file: table.file, line: 1, key: outcome, message: "the outcome and time columns must differ")
        }
        var rows = table.rows
        if let since {
            let fullAxis = try TimeAxis.read(time, of: table)
            guard let start = fullAxis.position(of: since) else {
                throw InputError(file: table.file, line: 1, key: time,
                                 message: "--since \"\(since)\" is not written like the time column (e.g. \(fullAxis.labels[0]))")
            }
            rows = zip(table.rows, fullAxis.positions).filter { $0.1 >= start }.map(\.0)
            guard !rows.isEmpty else {
                throw InputError(file: table.file, line: 1, key: time,
                                 message: "--since \(since): no rows from then on; the data end at \(fullAxis.labels[fullAxis.labels.count - 1])")
            }
        }
        let kept = try CSVTable(file: table.file, header: table.header, rows: rows)
        let axis = try TimeAxis.read(time, of: kept)
        let values = try kept.rows.map { try kept.number(outcome, in: $0, expected: expected, valid: valid) }
        return TimeSeries(file: table.file, timeColumn: time, outcomeColumn: outcome, axis: axis, values: values,
                          lines: kept.rows.map(\.line))
    }
}
