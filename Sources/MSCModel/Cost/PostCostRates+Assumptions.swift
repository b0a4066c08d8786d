extension PostCostRates {
    /// The names of the assumptions a post's cost rests on, for provenance tables.
    public static let assumptionNames = [
        "salary", "fte", "employerNIRate", "niSecondaryThreshold", "pensionRate",
        "apprenticeshipLevyRate", "overheadRate", "operationalBudget",
    ]

    /// The tax year the cost model uses by default: the latest one with National Insurance rates.
    public static func defaultTaxYear(in assumptions: AssumptionSet) throws -> String {
        guard let latest = try assumptions.assumption("employerNIRate").periods.last else {
            throw InputError(file: assumptions.location, key: "employerNIRate",
                             message: "expected values by tax year, e.g. 2025-26: 0.15")
        }
        return latest
    }

    /// The central rates from an assumption set, with National Insurance for `taxYear` (e.g. `2025-26`).
    public static func central(from assumptions: AssumptionSet, taxYear: String) throws -> PostCostRates {
        PostCostRates(
            employerNIRate: try assumptions.value("employerNIRate", period: taxYear),
            niSecondaryThreshold: try assumptions.value("niSecondaryThreshold", period: taxYear),
            pensionRate: try assumptions.value("pensionRate"),
            apprenticeshipLevyRate: try assumptions.value("apprenticeshipLevyRate"),
            overheadRate: try assumptions.value("overheadRate"),
            operationalBudget: try assumptions.value("operationalBudget"))
    }
}
