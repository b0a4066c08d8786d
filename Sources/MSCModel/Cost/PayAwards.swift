/// Brings a salary quoted for an earlier financial year forward by the NJC pay awards since.
///
/// Local government pay rises each 1 April by the award the National Joint Council agrees
/// (`payAward` in `Assumptions/cost.yaml`: 2.5% at coordinator grades in 2024-25, 3.2% in
/// 2025-26). A salary from a 2024-25 job advert is worth `× 1.032` in 2025-26.
public enum PayAwards {
    /// `salary` in `fromYear` brought to `toYear` (financial years such as `2024-25`) by the
    /// award of every year after `fromYear` up to and including `toYear`.
    ///
    /// A year with no known award is an error rather than a guess: awards are agreed year by year.
    public static func bringForward(_ salary: Double, from fromYear: String, to toYear: String,
                                    awards: Assumption) throws -> Double {
        guard let start = FinancialYear(fromYear) else {
            throw InputError(file: "command line", key: "salary-year", message: "expected a financial year such as 2024-25, found \"\(fromYear)\"")
        }
        guard let end = FinancialYear(toYear), start <= end else {
            throw InputError(file: "command line", key: "salary-year",
                             message: "\(fromYear) is after the tax year \(toYear); expected an earlier or the same year")
        }
        var result = salary
        var year = start.advanced(by: 1)
        while year <= end {
            guard let award = awards.valuesByPeriod.first(where: { $0.period == year.description })?.value else {
                let known = awards.periods.joined(separator: ", ")
                throw InputError(file: awards.origin, key: awards.name,
                                 message: "no pay award known for \(year); expected one of \(known)")
            }
            result *= 1 + award
            year = year.advanced(by: 1)
        }
        return result
    }
}
