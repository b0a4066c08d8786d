/// A formatted result: tables for people, JSON for scripts.
///
/// Every command's output is a `Report`, so writing one in any format is one call:
///
/// ```swift
/// let report = CostReport(breakdown: breakdown, ...)
/// print(report.rendered(as: .md), terminator: "")
/// ```
public protocol Report {
    /// The tables, in the order they are printed.
    var tables: [ReportTable] { get }

    /// The tables to write in `format` (never `.json`); by default ``tables``. A report overrides
    /// it when a terminal needs shorter lines or a CSV file one sheet.
    func tables(in format: TableFormat) -> [ReportTable]

    /// The report for scripts: numbers as numbers, and usually more than the tables show.
    var json: JSONValue { get }
}

extension Report {
    public func tables(in format: TableFormat) -> [ReportTable] { tables }

    /// The report written in `format`: JSON, or its tables one after another with a blank line between.
    public func rendered(as format: TableFormat) -> String {
        if format == .json { return JSONText.write(json) }
        return tables(in: format).map { $0.rendered(as: format) }.joined(separator: "\n")
    }
}

/// A single table is the simplest report: itself, and its rows as JSON.
extension ReportTable: Report {
    public var tables: [ReportTable] { [self] }
    public var json: JSONValue { jsonRows }
}
