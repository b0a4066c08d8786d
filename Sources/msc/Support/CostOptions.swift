import ArgumentParser
import MSCModel

/// The options that cost a post, shared by `msc cost` and `msc share` so both cost a post alike.
struct CostOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp("Full-time salary in pounds a year (default: the assumption 'salary').", valueName: "pounds"))
    var salary: Double?

    @Option(name: .customLong("salary-year"), help: ArgumentHelp("The financial year the salary was quoted for, e.g. 2024-25: brought forward to --tax-year by the NJC pay awards.", valueName: "yyyy-yy"))
    var salaryYear: String?

    @Option(name: .customLong("tax-year"), help: ArgumentHelp("Tax year for employer NI, e.g. 2025-26 (default: latest).", valueName: "yyyy-yy"))
    var taxYear: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Employer pension rate as a fraction, e.g. 0.16.", valueName: "fraction"))
    var pension: Double?

    @Option(name: .customLong("operational-budget"), parsing: .unconditional, help: ArgumentHelp("Operational budget in pounds a year.", valueName: "pounds"))
    var operationalBudget: Double?

    @Option(parsing: .unconditional, help: ArgumentHelp("Overheads as a fraction of salary, e.g. 0.2.", valueName: "fraction"))
    var overhead: Double?

    @Option(name: .customLong("apprenticeship-levy"), parsing: .unconditional, help: ArgumentHelp("Apprenticeship levy as a fraction of salary, e.g. 0.005.", valueName: "fraction"))
    var apprenticeshipLevy: Double?

    @Option(parsing: .unconditional, help: ArgumentHelp("Full-time equivalent of the post (scales salary, not the NI threshold).", valueName: "fte"))
    var fte: Double?

    func validate() throws {
        for (name, value) in [("--pension", pension), ("--overhead", overhead), ("--apprenticeship-levy", apprenticeshipLevy)] {
            if let value, !(0...1).contains(value) { throw ValidationError("\(name) must be a fraction between 0 and 1, e.g. 0.16") }
        }
        let money = MSCModel.Unit.gbpPerYear.plausibleRange
        for (name, value) in [("--salary", salary), ("--operational-budget", operationalBudget)] {
            if let value, !money.contains(value) {
                throw ValidationError("\(name) must be an amount in pounds a year \(InputBounds.describe(money)), found \(value)")
            }
        }
        if let fte, !InputBounds.personFTE.contains(fte) {
            throw ValidationError("--fte must be \(InputBounds.describe(InputBounds.personFTE)) (one person; for more people use --posts)")
        }
        if let salaryYear, FinancialYear(salaryYear) == nil {
            throw ValidationError("--salary-year \(salaryYear): expected a financial year such as 2024-25")
        }
        if let taxYear, FinancialYear(taxYear) == nil {
            throw ValidationError("--tax-year \(taxYear): expected a tax year such as 2025-26")
        }
    }

    /// `--tax-year` within the years the NI rates reach, `--salary-year` within the pay awards.
    func checkYears(taxYear year: String, in assumptions: AssumptionSet) throws {
        let reach = try PostCostRates.taxYearReach(in: assumptions)
        if let taxYear, let parsed = FinancialYear(taxYear), !reach.contains(parsed) {
            throw CommandFailure(message: "--tax-year \(taxYear): \(reach.expectation("a tax year"))")
        }
        if let salaryYear, let quoted = FinancialYear(salaryYear), let tax = FinancialYear(year) {
            let awards = try assumptions.assumption("payAward")
            // A salary quoted the year before the first known award can be brought forward by it.
            let first = awards.periods.compactMap(FinancialYear.init).first.map { $0.advanced(by: -1) } ?? tax
            guard first <= quoted, quoted <= tax else {
                throw CommandFailure(message: "--salary-year \(salaryYear): expected a year from \(first) to the tax year \(tax) "
                                     + "(pay awards in \(awards.origin) cover \(awards.periods.joined(separator: ", ")))")
            }
        }
    }

    /// The tax year asked for, or `fallback` (the latest known NI year when nil).
    func chosenTaxYear(_ assumptions: AssumptionSet, fallback: String? = nil) throws -> String {
        try taxYear ?? fallback ?? PostCostRates.defaultTaxYear(in: assumptions)
    }

    /// The central rates for `year` with the options given on the command line applied.
    func rates(_ assumptions: AssumptionSet, taxYear year: String) throws -> PostCostRates {
        var rates = try PostCostRates.central(from: assumptions, taxYear: year)
        if let pension { rates.pensionRate = pension }
        if let overhead { rates.overheadRate = overhead }
        if let apprenticeshipLevy { rates.apprenticeshipLevyRate = apprenticeshipLevy }
        if let operationalBudget { rates.operationalBudget = operationalBudget }
        return rates
    }

    /// The full-time salary for `year`: `--salary` or the assumption, brought forward by the NJC pay
    /// awards from the year it was quoted for, with the awards used and that year (nil when none applied).
    ///
    /// The shipped salary is quoted for its own year (the report's, the latest known NI year); a
    /// salary given on the command line is taken to be for the tax year unless --salary-year says otherwise.
    func fullTimeSalary(_ assumptions: AssumptionSet, taxYear year: String) throws
        -> (amount: Double, awards: [PayAwards.Award], quotedFor: String?) {
        let quoted = try salary ?? assumptions.value("salary")
        let quotedYear = try salaryYear ?? (salary == nil ? PostCostRates.defaultTaxYear(in: assumptions) : year)
        let awards = try PayAwards.awards(from: quotedYear, to: year, in: assumptions)
        return (awards.reduce(quoted) { $0 * (1 + $1.rate) }, awards, awards.isEmpty ? nil : quotedYear)
    }

    /// The lines whose value the user set on the command line (their source is "command line").
    var userSetLines: Set<String> {
        var set: Set<String> = []
        if salary != nil { set.insert("salary") }
        if pension != nil { set.insert("pensionRate") }
        if overhead != nil { set.insert("overheadRate") }
        if apprenticeshipLevy != nil { set.insert("apprenticeshipLevyRate") }
        if operationalBudget != nil { set.insert("operationalBudget") }
        if fte != nil { set.insert("fte") }
        return set
    }
}
