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

    @OptionGroup var cost: CostOptions

    @Option(parsing: .unconditional, help: ArgumentHelp("Solve for the full-time salary that gives this total cost a year.", valueName: "pounds"))
    var target: Double?

    @Option(parsing: .unconditional, help: ArgumentHelp("Also give the total for this many posts a year.", valueName: "n"))
    var posts: Int?

    func validate() throws {
        if let target, !MSCModel.Unit.gbpPerYear.plausibleRange.contains(target) {
            throw ValidationError("--target must be an amount in pounds a year \(InputBounds.describe(MSCModel.Unit.gbpPerYear.plausibleRange)), found \(target)")
        }
        if let posts, !(1...Int(MSCModel.Unit.count.plausibleRange.upperBound)).contains(posts) {
            throw ValidationError("--posts must be \(InputBounds.describe(1...MSCModel.Unit.count.plausibleRange.upperBound))")
        }
        if cost.salary != nil, target != nil { throw ValidationError("give --salary or --target, not both") }
        if cost.salaryYear != nil, target != nil { throw ValidationError("--salary-year applies to a salary, not to --target") }
    }

    func run() throws {
        try ScenarioRuns.noteUnusedSettings(common, output: .cashCost)
        let assumptions = try common.loadAssumptions()
        let basis = try cost.basis(assumptions)
        let rates = cost.rates(basis)
        let postFTE = try cost.fte ?? assumptions.value(.fte)

        let fullTimeSalary: Double
        var adjustment: PayAdjustment?
        if let target {
            guard let solved = PostCost.salary(forTotal: target, fte: postFTE, rates: rates) else {
                throw CommandFailure(message: "--target \(target): below the operational budget of £\(rates.operationalBudget); no salary gives that total")
            }
            fullTimeSalary = solved
        } else {
            fullTimeSalary = basis.fullTimeSalary
            adjustment = basis.salaryAdjustment
        }
        let breakdown = PostCost.breakdown(fullTimeSalary: fullTimeSalary, fte: postFTE, rates: rates)
        var userSet = cost.userSetLines
        if target != nil { userSet.insert(AssumptionName.salary.rawValue) }
        userSet.formUnion(assumptions.pinned)   // --set name=value
        let report = CostReport(breakdown: breakdown, fullTimeSalary: fullTimeSalary, fte: postFTE, taxYear: basis.taxYear, rates: rates,
                                posts: posts, solvedFromTarget: target, assumptions: assumptions,
                                userSet: userSet, payAdjustment: adjustment)
        emit(report, format: common.format)
    }
}
