import Foundation
import MSCModel

/// The time column of a series: plain numbers (`1`, `2015.5`) or quarters (`2023 Q1`, `2023-Q1`,
/// `2023Q1`, `Q1 2023`), turned into positions one step apart per quarter.
///
/// Rows must be in time order with no period repeated, so the slope is "per period" and an
/// intervention or projection can be named in the same form as the data.
public struct TimeAxis: Sendable, Equatable {
    /// How the time column is written.
    public enum Kind: Sendable, Equatable {
        /// Plain numbers; one unit of the number is one period.
        case number
        /// Quarters; position = year x 4 + quarter − 1, one step a quarter.
        case quarter
    }

    public let kind: Kind
    /// One position per row, strictly increasing.
    public let positions: [Double]
    /// The labels as written, one per row.
    public let labels: [String]

    /// Periods per year (4 for quarters), or nil for plain numbers.
    public var periodsPerYear: Int? { kind == .quarter ? 4 : nil }

    /// Reads `column` of `table` (rows in order); every problem names the row.
    public static func read(_ column: String, of table: CSVTable) throws -> TimeAxis {
        _ = try table.column(column)
        guard let firstRow = table.rows.first else {
            throw InputError(file: table.file, line: 1, message: "no data rows; expected one row per period")
        }
        let kind: Kind = quarterPosition(try table.rawText(column, in: firstRow)) != nil ? .quarter : .number
        var positions: [Double] = []
        var labels: [String] = []
        for row in table.rows {
            let label = try table.text(column, in: row)
            let position: Double
            switch kind {
            case .quarter:
                guard let quarter = quarterPosition(label) else {
                    throw table.error("expected a quarter like the first row's (e.g. 2023 Q1), found \"\(label)\"", column: column, in: row)
                }
                position = quarter
            case .number:
                position = try table.number(column, in: row, expected: "a number or a quarter such as 2023 Q1")
            }
            if let previous = positions.last, position <= previous {
                throw table.error("\"\(label)\" does not come after the row above; expected rows in time order, each period once",
                                  column: column, in: row)
            }
            positions.append(position)
            labels.append(label)
        }
        return TimeAxis(kind: kind, positions: positions, labels: labels)
    }

    /// The position of a label written like the column (e.g. an intervention `2021 Q3`), or nil.
    public func position(of label: String) -> Double? {
        switch kind {
        case .quarter: return Self.quarterPosition(label)
        case .number: return Double(label.trimmingCharacters(in: .whitespaces)).flatMap { $0.isFinite ? $0 : nil }
        }
    }

    /// A label for a position, in the column's form (e.g. `2024 Q3`).
    public func label(at position: Double) -> String {
        switch kind {
        case .quarter:
            let whole = Int(position.rounded())
            let year = Int((Double(whole) / 4).rounded(.down))
            return "\(year) Q\(whole - year * 4 + 1)"
        case .number:
            return position == position.rounded() && abs(position) < 1e15 ? String(Int(position)) : String(position)
        }
    }

    /// The usual step between rows (1 for quarters; the median gap for numbers).
    public var step: Double {
        guard positions.count > 1 else { return 1 }
        let gaps = zip(positions.dropFirst(), positions).map { $0 - $1 }.sorted()
        return gaps[gaps.count / 2]
    }

    /// `2023 Q1`, `2023-Q1`, `2023Q1`, `2023 q1`, `Q1 2023` as year x 4 + quarter − 1.
    static func quarterPosition(_ text: String) -> Double? {
        let compact = text.uppercased().filter { !$0.isWhitespace && $0 != "-" && $0 != "/" }
        var year: Int?, quarter: Int?
        if compact.count == 6, compact.hasPrefix("Q") {
            quarter = Int(compact.dropFirst().prefix(1)); year = Int(compact.suffix(4))
        } else if compact.count == 6, compact.dropFirst(4).hasPrefix("Q") {
            year = Int(compact.prefix(4)); quarter = Int(compact.suffix(1))
        }
        guard let year, let quarter, (1...4).contains(quarter) else { return nil }
        return Double(year * 4 + quarter - 1)
    }
}
