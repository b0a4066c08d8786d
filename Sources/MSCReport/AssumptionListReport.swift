import MSCModel

/// A list of assumptions as `msc assumptions` prints it: full citations in csv, md and json; on a
/// terminal, short sources and no descriptions, cut to its width.
public struct AssumptionListReport: Report {
    public let assumptions: [Assumption]
    public let title: String
    /// Columns of the terminal the table form is cut to.
    public let terminalWidth: Int

    public init(assumptions: [Assumption], title: String, terminalWidth: Int) {
        self.assumptions = assumptions
        self.title = title
        self.terminalWidth = terminalWidth
    }

    public var tables: [ReportTable] { [AssumptionsReport.table(assumptions, title: title, fullCitations: true)] }

    public func tables(in format: TableFormat) -> [ReportTable] {
        guard format == .table else { return tables }
        var table = AssumptionsReport.table(assumptions, title: title, fullCitations: false)
        // The descriptions column goes first, then the rest is cut to fit: the full text is in md, csv and json.
        table.columns.removeLast()
        table.rows = table.rows.map { Array($0.dropLast()) }
        table = table.fitted(toWidth: terminalWidth)
        table.notes.append("Cut (…) to fit the terminal; descriptions and full text: --format md, csv or json.")
        return [table]
    }

    public var json: JSONValue { AssumptionsReport.json(assumptions) }
}
