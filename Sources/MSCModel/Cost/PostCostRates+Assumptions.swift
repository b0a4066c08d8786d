extension PostCostRates {
    /// The names of the assumptions a post's cost rests on, for provenance tables.
    public static let assumptionNames: [AssumptionName] = [
        .salary, .fte, .employerNIRate, .niSecondaryThreshold, .pensionRate,
        .apprenticeshipLevyRate, .overheadRate, .operationalBudget,
    ]

    /// The tax year the cost model uses by default: the year the salary is quoted for
    /// (`salaryQuotedForYearStarting`, 2025 for 2025-26: the report's basis), so that the default
    /// cost is the report's; it must have National Insurance rates.
    public static func defaultTaxYear(in assumptions: AssumptionSet) throws -> String {
        let quoted = try assumptions.assumption(.salaryQuotedForYearStarting)
        guard quoted.value.rounded() == quoted.value, (1990...2100).contains(quoted.value) else {
            throw InputError(file: quoted.origin, key: quoted.name,
                             message: "expected the calendar year a financial year starts in, e.g. 2025 for 2025-26, found \(quoted.value)")
        }
        let year = FinancialYear(startYear: Int(quoted.value)).description
        guard try assumptions.assumption(.employerNIRate).value(for: year) != nil else {
            throw InputError(file: assumptions.location, key: AssumptionName.employerNIRate.rawValue,
                             message: "no rate for \(year), the year the salary is quoted for; expected values by tax year, e.g. 2025-26: 0.15")
        }
        return year
    }

    /// The central rates from an assumption set, with National Insurance for `taxYear` (e.g. `2025-26`).
    public static func central(from assumptions: AssumptionSet, taxYear: String) throws -> PostCostRates {
        PostCostRates(
            employerNIRate: try assumptions.value(.employerNIRate, period: taxYear),
            niSecondaryThreshold: try assumptions.value(.niSecondaryThreshold, period: taxYear),
            pensionRate: try assumptions.value(.pensionRate),
            apprenticeshipLevyRate: try assumptions.value(.apprenticeshipLevyRate),
            overheadRate: try assumptions.value(.overheadRate),
            operationalBudget: try assumptions.value(.operationalBudget))
    }
}
