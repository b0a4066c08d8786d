import Foundation

/// A UK financial year (April to March), written `2016-17`.
///
/// Price years and the GDP deflator series are labelled this way; `2016/17` is accepted too.
public struct FinancialYear: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The calendar year in which the financial year starts (2016 for `2016-17`).
    public let startYear: Int

    public init(startYear: Int) {
        self.startYear = startYear
    }

    /// Parses `2016-17` or `2016/17`; nil unless the second part is the year after the first.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(whereSeparator: { $0 == "-" || $0 == "/" })
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              let start = Int(parts[0]), let end = Int(parts[1]), start > 0,
              end == (start + 1) % 100 else { return nil }
        self.startYear = start
    }

    /// The label, e.g. `2016-17`.
    public var description: String {
        let end = (startYear + 1) % 100
        return "\(startYear)-\(end < 10 ? "0" : "")\(end)"
    }

    public static func < (lhs: FinancialYear, rhs: FinancialYear) -> Bool { lhs.startYear < rhs.startYear }

    /// The financial year `years` later.
    public func advanced(by years: Int) -> FinancialYear { FinancialYear(startYear: startYear + years) }
}
