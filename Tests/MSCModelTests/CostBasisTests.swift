import Foundation
import Testing
@testable import MSCModel

/// One rule for the year a post is costed in and its salary then, checked against arithmetic done
/// here: the shipped salary £44,490.84 is quoted for 2025-26 (Acting Local), the 2026-27 award is
/// the employers' 3.3% offer (not agreed), the 2025-26 award 3.2% (agreed).
@Suite struct CostBasisTests {
    static func authorities() throws -> AuthorityTable {
        try AuthorityTable.load(path: PackagePaths.assumptions + "/authorities.csv")
    }

    static func scenario(_ name: String, settings: [String] = []) throws -> LoadedScenario {
        let table = try authorities()
        let set = try PackagePaths.shippedAssumptions().applying(try settings.map { try AssumptionSetting(parsing: $0) }, authorities: table)
        return try Scenario.load(path: PackagePaths.scenarios + "/\(name).yaml", assumptions: set, authorities: table)
    }

    @Test func withoutAScenarioTheReportsBasisReproduces57533() throws {
        let set = try PackagePaths.shippedAssumptions()
        let basis = try CostBasis(assumptions: set)
        #expect(basis.taxYear == "2025-26")
        #expect(basis.fullTimeSalary == 44490.84)
        #expect(basis.awards.isEmpty && basis.salaryAdjustment.sentence == nil)
        // 44,490.84 + 15% × (44,490.84 − 5,000) + 16% × 44,490.84 = 57,533.00
        var rates = basis.rates
        rates.operationalBudget = 0
        let total = PostCost.total(fullTimeSalary: basis.fullTimeSalary, rates: rates)
        #expect((total * 100).rounded() / 100 == 57_533.00)
        // And the target solves back to the salary.
        #expect(abs((PostCost.salary(forTotal: 57_533, fte: 1, rates: rates) ?? 0) - 44_490.84) < 0.005)
    }

    @Test func aScenarioIsCostedAtItsPriceBaseYearWithTheSalaryBroughtForward() throws {
        let loaded = try Self.scenario("national-rollout")
        let basis = try CostBasis(assumptions: loaded.assumptions, scenario: loaded.scenario)
        #expect(basis.taxYear == "2026-27")
        #expect(abs(basis.fullTimeSalary - 44_490.84 * 1.033) < 1e-9)
        #expect(basis.awards.map(\.year.description) == ["2026-27"])
        #expect(basis.awards.first?.agreed == false)
        #expect(basis.rates.employerNIRate == 0.15 && basis.rates.niSecondaryThreshold == 5000)
        let sentence = try #require(basis.salaryAdjustment.sentence)
        #expect(sentence == "brought forward from 2025-26 to 2026-27 by the NJC pay award 2026-27 3.3% (not agreed: payAward2026to27)")
        // The same as asking for the year without a scenario (msc cost --tax-year 2026-27).
        let asked = try CostBasis(assumptions: loaded.assumptions, choices: .init(taxYear: "2026-27"))
        #expect(asked.fullTimeSalary == basis.fullTimeSalary && asked.taxYear == basis.taxYear)
    }

    @Test func theSalaryAssumptionIsScaledWholeWithANote() throws {
        let loaded = try Self.scenario("national-rollout")
        let basis = try CostBasis(assumptions: loaded.assumptions, scenario: loaded.scenario)
        let salary = try basis.salaryAssumption("salary", in: loaded.assumptions)
        #expect(abs(salary.value - 44_490.84 * 1.033) < 1e-9)
        guard case .triangular(let low, let mode, let high) = salary.distribution else {
            Issue.record("expected triangular, found \(salary.distribution)"); return
        }
        #expect(abs(low - 40_777 * 1.033) < 1e-9 && abs(mode - 44_490.84 * 1.033) < 1e-9 && abs(high - 48_204.68 * 1.033) < 1e-9)
        #expect(salary.notes?.contains("Overridden by the NJC pay award 2026-27 3.3% (not agreed: payAward2026to27), bringing it from 2025-26 to 2026-27 pounds") == true,
                "\(salary.notes ?? "")")
        // Trainees' pay is quoted for 2025-26 too (NJC spine 2025-26) and carried alike.
        let trainee = try basis.salaryAssumption("trainingTier1Salary", in: loaded.assumptions)
        #expect(abs(trainee.value - 32_061 * 1.033) < 1e-9)
        let training = try TrainingAssumptions(from: loaded.assumptions, authorities: try Self.authorities(), basis: basis)
        #expect(abs(training.tiers.frontline.traineeSalary - 33_699 * 1.033) < 1e-9)
        #expect(training.payBasis == basis.shippedPayAdjustment)
    }

    @Test func aSalarySetByTheUserOrAScenarioIsInTheBasisYearsPounds() throws {
        let set = try PackagePaths.shippedAssumptions()
        // --salary with --tax-year: that year's pounds; with --salary-year: brought forward.
        let given = try CostBasis(assumptions: set, choices: .init(taxYear: "2026-27", salary: 50_000))
        #expect(given.fullTimeSalary == 50_000 && given.awards.isEmpty)
        let quoted = try CostBasis(assumptions: set, choices: .init(taxYear: "2026-27", salary: 50_000, salaryYear: "2024-25"))
        #expect(abs(quoted.fullTimeSalary - 50_000 * 1.032 * 1.033) < 1e-9)
        #expect(quoted.awards.map(\.agreed) == [true, false])
        // --set salary on a scenario: not brought forward twice.
        let pinned = try Self.scenario("national-rollout", settings: ["salary=48000"])
        let basis = try CostBasis(assumptions: pinned.assumptions, scenario: pinned.scenario)
        #expect(basis.fullTimeSalary == 48_000)
        #expect(try basis.salaryAssumption("salary", in: pinned.assumptions).value == 48_000)
        // The trainees' pay, not set, is still brought forward.
        #expect(abs(try basis.salaryAssumption("trainingTier3Salary", in: pinned.assumptions).value - 40_777 * 1.033) < 1e-9)
    }

    @Test func anEarlierYearTakesTheAwardBackAndAYearOutOfReachIsRefused() throws {
        let set = try PackagePaths.shippedAssumptions()
        let earlier = try CostBasis(assumptions: set, choices: .init(taxYear: "2024-25"))
        #expect(abs(earlier.fullTimeSalary - 44_490.84 / 1.032) < 1e-9)
        #expect(earlier.rates.employerNIRate == 0.138 && earlier.rates.niSecondaryThreshold == 9100)
        #expect(earlier.salaryAdjustment.sentence?.hasPrefix("brought back from 2025-26 to 2024-25") == true)
        do {
            _ = try CostBasis(assumptions: set, choices: .init(taxYear: "3000-01"))
            Issue.record("3000-01 accepted")
        } catch let error as InputError {
            #expect(error.key == "tax-year" && error.message.hasPrefix("3000-01: expected a tax year from 2024-25 to"))
        }
        do {
            _ = try CostBasis(assumptions: set, choices: .init(taxYear: "2025-26", salaryYear: "2026-27"))
            Issue.record("a salary year after the tax year accepted")
        } catch let error as InputError {
            #expect(error.key == "salary-year")
        }
    }
}
