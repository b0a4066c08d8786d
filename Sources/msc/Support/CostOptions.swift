import ArgumentParser
import MSCModel

/// The options that cost a post, shared by `msc cost` and `msc share` so both cost a post alike.
struct CostOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp("Full-time salary in pounds a year (default: the assumption 'salary').", valueName: "pounds"))
    var salary: Double?

    @Option(name: .customLong("salary-year"), help: ArgumentHelp("The financial year the salary was quoted for, e.g. 2024-25: brought forward to --tax-year by the NJC pay awards.", valueName: "yyyy-yy"))
    var salaryYear: String?

    @Option(name: .customLong("tax-year"), help: ArgumentHelp("Tax year for employer NI and the pounds of the salary, e.g. 2026-27 (default: msc cost the year the shipped salary is quoted for, 2025-26, the Acting Local report's basis; share and training the scenario's price base year).", valueName: "yyyy-yy"))
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

    /// The cost basis (``CostBasis``: tax year, salary in its pounds, pay awards) for these options,
    /// costing `scenario`'s posts when given; a choice out of reach fails naming its option.
    func basis(_ assumptions: AssumptionSet, scenario: Scenario? = nil) throws -> CostBasis {
        do {
            return try CostBasis(assumptions: assumptions, scenario: scenario,
                                 choices: .init(taxYear: taxYear, salary: salary, salaryYear: salaryYear))
        } catch let error as InputError where error.file == "command line" && error.key != nil {
            throw CommandFailure(message: "--\(error.key!) \(error.message)")
        }
    }

    /// The basis's central rates with the options given on the command line applied.
    func rates(_ basis: CostBasis) -> PostCostRates {
        var rates = basis.rates
        if let pension { rates.pensionRate = pension }
        if let overhead { rates.overheadRate = overhead }
        if let apprenticeshipLevy { rates.apprenticeshipLevyRate = apprenticeshipLevy }
        if let operationalBudget { rates.operationalBudget = operationalBudget }
        return rates
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
