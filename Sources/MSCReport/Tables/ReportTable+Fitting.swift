extension ReportTable {
    /// The table cut to fit `width` characters as the text writer lays it out: the widest text
    /// columns (never the first) are shortened, each cut cell ending in "…", until the rows fit
    /// or every text column is down to `minimumColumnWidth`. Numbers are never cut.
    ///
    /// For terminals only: Markdown, CSV and JSON keep the full text.
    public func fitted(toWidth width: Int, minimumColumnWidth: Int = 12) -> ReportTable {
        guard !columns.isEmpty else { return self }
        var widths = columns.map { $0.header.count }
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.display.count) }
        }
        let cuttable = columns.indices.map { index in
            index > 0 && rows.contains { if case .text = $0[index] { return true } else { return false } }
        }
        func total() -> Int { widths.reduce(0, +) + 2 * (widths.count - 1) }
        let floors = columns.indices.map { max(minimumColumnWidth, columns[$0].header.count) }
        while total() > width {
            guard let widest = columns.indices.filter({ cuttable[$0] && widths[$0] > floors[$0] })
                .max(by: { widths[$0] < widths[$1] }) else { break }
            widths[widest] -= 1
        }
        var fitted = self
        fitted.rows = rows.map { row in
            row.enumerated().map { index, cell in
                guard cuttable[index], case .text(let text) = cell, text.count > widths[index] else { return cell }
                return .text(String(text.prefix(widths[index] - 1)) + "…")
            }
        }
        return fitted
    }
}
