/// Brings a salary quoted for an earlier financial year forward by the NJC pay awards since.
///
/// Local government pay rises each 1 April by the award the National Joint Council agrees
/// (`payAward` in `Assumptions/cost.yaml`: 2.5% at coordinator grades in 2024-25, 3.2% in
/// 2025-26). A salary from a 2024-25 job advert is worth `× 1.032` in 2025-26. A year whose award
/// is not yet agreed has its own uncertain assumption named for the year (`payAward2026to27`:
/// the employers' 3.3% offer), used at its central value and reported as not agreed.
public enum PayAwards {
    /// One year's award and whether it is agreed.
    public struct Award: Sendable, Equatable {
        public let year: FinancialYear
        public let rate: Double
        /// False for an offer or expectation (an assumption such as `payAward2026to27`).
        public let agreed: Bool
        /// The assumption the rate comes from.
        public let assumption: String
    }

    /// The name of the assumption holding a not-yet-agreed award for `year`: `payAward2026to27`.
    public static func pendingAssumptionName(for year: FinancialYear) -> String {
        let end = year.startYear + 1
        return "payAward\(year.startYear)to\(String(format: "%02d", end % 100))"
    }

    /// The award for `year`: the agreed one in `payAward`, else the pending one, else an error
    /// (awards are agreed year by year; a missing year is not guessed).
    public static func award(for year: FinancialYear, in set: AssumptionSet) throws -> Award {
        let agreed = try set.assumption(.payAward)
        if let rate = agreed.valuesByPeriod.first(where: { $0.period == year.description })?.value {
            return Award(year: year, rate: rate, agreed: true, assumption: agreed.name)
        }
        let pendingName = pendingAssumptionName(for: year)
        if let pending = set.byName[pendingName] {
            return Award(year: year, rate: pending.value, agreed: false, assumption: pending.name)
        }
        throw InputError(file: agreed.origin, key: agreed.name,
                         message: "no pay award known for \(year); expected one of \(agreed.periods.joined(separator: ", ")) or an assumption \(pendingName)")
    }

    /// The awards of every year after `fromYear` up to and including `toYear`.
    public static func awards(from fromYear: String, to toYear: String, in set: AssumptionSet) throws -> [Award] {
        guard let start = FinancialYear(fromYear) else {
            throw InputError(file: "command line", key: "salary-year", message: "expected a financial year such as 2024-25, found \"\(fromYear)\"")
        }
        guard let end = FinancialYear(toYear), start <= end else {
            throw InputError(file: "command line", key: "salary-year",
                             message: "\(fromYear) is after the tax year \(toYear); expected an earlier or the same year")
        }
        var result: [Award] = []
        var year = start.advanced(by: 1)
        while year <= end {
            result.append(try award(for: year, in: set))
            year = year.advanced(by: 1)
        }
        return result
    }

    /// `salary` in `fromYear` brought to `toYear` (financial years such as `2024-25`): the product
    /// of `1 + award` over the years between.
    public static func bringForward(_ salary: Double, from fromYear: String, to toYear: String,
                                    in set: AssumptionSet) throws -> Double {
        salary * factor(try awards(from: fromYear, to: toYear, in: set))
    }

    /// What a salary is multiplied by to carry it through `awards`: the product of `1 + award`.
    public static func factor(_ awards: [Award]) -> Double {
        awards.reduce(1) { $0 * (1 + $1.rate) }
    }
}
