import ArgumentParser
import Foundation
import MSCModel
import MSCReport

/// `msc cost`: the employer cost of one post, line by line with sources, and for N posts.
struct CostCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cost",
        abstract: "Employer cost of one coordinator post per year, with the source of each line.",
        discussion: """
        Reproduces the Acting Local figure: `msc cost --operational-budget 0` gives £57,533 a year \
        (salary £44,490.84, 2025-26 employer NI, 16% pension). `--target 57533` solves for the salary.
        """)

    @OptionGroup var common: CommonOptions

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

    @Option(parsing: .unconditional, help: ArgumentHelp("Solve for the full-time salary that gives this total cost a year.", valueName: "pounds"))
    var target: Double?

    @Option(parsing: .unconditional, help: ArgumentHelp("Also give the total for this many posts a year.", valueName: "n"))
    var posts: Int?

    func validate() throws {
        for (name, value) in [("--pension", pension), ("--overhead", overhead), ("--apprenticeship-levy", apprenticeshipLevy)] {
            if let value, !(0...1).contains(value) { throw ValidationError("\(name) must be a fraction between 0 and 1, e.g. 0.16") }
        }
        let money = MSCModel.Unit.gbpPerYear.plausibleRange
        for (name, value) in [("--salary", salary), ("--operational-budget", operationalBudget), ("--target", target)] {
            if let value, !money.contains(value) {
                throw ValidationError("\(name) must be an amount in pounds a year \(InputBounds.describe(money)), found \(value)")
            }
        }
        if let fte, !InputBounds.personFTE.contains(fte) {
            throw ValidationError("--fte must be \(InputBounds.describe(InputBounds.personFTE)) (one person; for more people use --posts)")
        }
        if let posts, !(1...Int(MSCModel.Unit.count.plausibleRange.upperBound)).contains(posts) {
            throw ValidationError("--posts must be \(InputBounds.describe(1...MSCModel.Unit.count.plausibleRange.upperBound))")
        }
        if salary != nil, target != nil { throw ValidationError("give --salary or --target, not both") }
        if let salaryYear, FinancialYear(salaryYear) == nil {
            throw ValidationError("--salary-year \(salaryYear): expected a financial year such as 2024-25")
        }
        if salaryYear != nil, target != nil { throw ValidationError("--salary-year applies to a salary, not to --target") }
        if let taxYear, FinancialYear(taxYear) == nil {
            throw ValidationError("--tax-year \(taxYear): expected a tax year such as 2025-26")
        }
    }

    func run() throws {
        let assumptions = try common.loadAssumptions()
        let year = try taxYear ?? PostCostRates.defaultTaxYear(in: assumptions)
        try checkYears(taxYear: year, in: assumptions)
        var rates = try PostCostRates.central(from: assumptions, taxYear: year)
        if let pension { rates.pensionRate = pension }
        if let overhead { rates.overheadRate = overhead }
        if let apprenticeshipLevy { rates.apprenticeshipLevyRate = apprenticeshipLevy }
        if let operationalBudget { rates.operationalBudget = operationalBudget }
        let postFTE = try fte ?? assumptions.value("fte")

        let fullTimeSalary: Double
        var awards: [PayAwards.Award] = []
        var quotedFor: String?
        if let target {
            guard let solved = PostCost.salary(forTotal: target, fte: postFTE, rates: rates) else {
                throw CommandFailure(message: "--target \(target): below the operational budget of £\(rates.operationalBudget); no salary gives that total")
            }
            fullTimeSalary = solved
        } else {
            let quoted = try salary ?? assumptions.value("salary")
            // The shipped salary is quoted for its own year (the report's 2025-26); a salary given
            // on the command line is taken to be for the tax year unless --salary-year says otherwise.
            let quotedYear = try salaryYear ?? (salary == nil ? PostCostRates.defaultTaxYear(in: assumptions) : year)
            awards = try PayAwards.awards(from: quotedYear, to: year, in: assumptions)
            fullTimeSalary = awards.reduce(quoted) { $0 * (1 + $1.rate) }
            if !awards.isEmpty { quotedFor = quotedYear }
        }
        let cost = PostCost.breakdown(fullTimeSalary: fullTimeSalary, fte: postFTE, rates: rates)
        let report = CostReport(breakdown: cost, fullTimeSalary: fullTimeSalary, fte: postFTE, taxYear: year, rates: rates,
                                posts: posts, solvedFromTarget: target, assumptions: assumptions,
                                userSet: userSetLines, salaryQuotedFor: quotedFor, payAwards: awards)
        emit(common.format == .json ? JSONText.write(report.json) : report.table.rendered(as: common.format))
    }

    /// `--tax-year` within the years the NI rates reach, `--salary-year` within the pay awards.
    private func checkYears(taxYear year: String, in assumptions: AssumptionSet) throws {
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

    /// The lines whose value the user set on the command line (their source is "command line").
    private var userSetLines: Set<String> {
        var set: Set<String> = []
        if salary != nil || target != nil { set.insert("salary") }
        if pension != nil { set.insert("pensionRate") }
        if overhead != nil { set.insert("overheadRate") }
        if apprenticeshipLevy != nil { set.insert("apprenticeshipLevyRate") }
        if operationalBudget != nil { set.insert("operationalBudget") }
        if fte != nil { set.insert("fte") }
        return set
    }
}
