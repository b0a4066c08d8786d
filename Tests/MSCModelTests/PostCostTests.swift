import Testing
@testable import MSCModel

/// The Acting Local report's rules: 2025-26 employer NI (15% above £5,000), 16% pension, nothing else.
private let reportRates = PostCostRates(employerNIRate: 0.15, niSecondaryThreshold: 5000, pensionRate: 0.16,
                                        apprenticeshipLevyRate: 0, overheadRate: 0, operationalBudget: 0)

@Suite struct PostCostTests {
    @Test func reproducesTheReportsCostOfAPost() {
        let cost = PostCost.breakdown(fullTimeSalary: 44490.84, rates: reportRates)
        // Independent arithmetic: 44,490.84 + 0.15 × 39,490.84 + 0.16 × 44,490.84.
        #expect(abs(cost.employerNI - 5923.626) < 1e-9)
        #expect(abs(cost.pension - 7118.5344) < 1e-9)
        #expect((cost.total * 100).rounded() / 100 == 57533.00)
    }

    @Test func fullEconomicCostOfAPartTimePostLineByLine() {
        let rates = PostCostRates(employerNIRate: 0.15, niSecondaryThreshold: 5000, pensionRate: 0.16,
                                  apprenticeshipLevyRate: 0.005, overheadRate: 0.2, operationalBudget: 5000)
        let cost = PostCost.breakdown(fullTimeSalary: 30_000, fte: 0.5, rates: rates)
        // By hand: salary 15,000; NI 0.15 × (15,000 − 5,000) = 1,500; pension 2,400; levy 75;
        // overheads 3,000; employment 21,975; with the £5,000 budget (not scaled by FTE) 26,975.
        #expect(cost.salary == 15_000)
        #expect(abs(cost.employerNI - 1_500) < 1e-9)
        #expect(abs(cost.pension - 2_400) < 1e-9)
        #expect(abs(cost.apprenticeshipLevy - 75) < 1e-9)
        #expect(abs(cost.overheads - 3_000) < 1e-9)
        #expect(cost.operationalBudget == 5_000)
        #expect(abs(cost.employmentCost - 21_975) < 1e-9)
        #expect(abs(cost.total - 26_975) < 1e-9)
        #expect(abs(PostCost.total(fullTimeSalary: 30_000, fte: 0.5, rates: rates) - 26_975) < 1e-9)
    }

    @Test func nationalTotalsMatchTheReport() {
        let perPost = (PostCost.total(fullTimeSalary: 44490.84, rates: reportRates) * 100).rounded() / 100
        #expect(perPost * 339 == 19_503_687)
        #expect(perPost * 330 == 18_985_890)
    }

    @Test func targetSolvesBackForTheSalary() throws {
        let salary = try #require(PostCost.salary(forTotal: 57533, rates: reportRates))
        #expect(abs(salary - 44490.84) < 0.005)
        // Below the NI threshold the inverse is linear in the on-costs only.
        let low = try #require(PostCost.salary(forTotal: 5800, rates: reportRates))
        #expect(abs(low - 5000) < 1e-9)
        #expect(PostCost.salary(forTotal: 100, rates: PostCostRates(employerNIRate: 0.15, niSecondaryThreshold: 5000,
            pensionRate: 0.16, apprenticeshipLevyRate: 0, overheadRate: 0, operationalBudget: 500)) == nil)
    }

    @Test func inverseAgreesWithForwardForManyRates() throws {
        for target in stride(from: 1000.0, through: 120_000, by: 7_777) {
            for fte in [0.5, 1.0] {
                var rates = reportRates
                rates.apprenticeshipLevyRate = 0.005
                rates.overheadRate = 0.2
                rates.operationalBudget = 800
                let salary = try #require(PostCost.salary(forTotal: target, fte: fte, rates: rates))
                #expect(abs(PostCost.total(fullTimeSalary: salary, fte: fte, rates: rates) - target) < 1e-6)
            }
        }
    }

    @Test func partTimeScalesSalaryButNotTheThreshold() {
        let half = PostCost.breakdown(fullTimeSalary: 40000, fte: 0.5, rates: reportRates)
        #expect(half.salary == 20000)
        #expect(abs(half.employerNI - 0.15 * (20000 - 5000)) < 1e-9)
    }

    @Test func taxYear2024UsesTheOlderRates() throws {
        let set = try PackagePaths.shippedAssumptions()
        let rates = try PostCostRates.central(from: set, taxYear: "2024-25")
        #expect(rates.employerNIRate == 0.138)
        #expect(rates.niSecondaryThreshold == 9100)
        #expect(throws: InputError.self) { try PostCostRates.central(from: set, taxYear: "2019-20") }
    }

    @Test func shippedDefaultsGiveTheReportFigureWithoutOperationalBudget() throws {
        let set = try PackagePaths.shippedAssumptions()
        var rates = try PostCostRates.central(from: set, taxYear: PostCostRates.defaultTaxYear(in: set))
        #expect(rates.operationalBudget == 5000)
        rates.operationalBudget = 0
        let total = PostCost.total(fullTimeSalary: try set.value("salary"), rates: rates)
        #expect((total * 100).rounded() / 100 == 57533.00)
    }

    @Test func payGrowthCompounds() {
        #expect(abs(PostCost.salary(40000, afterYears: 2, growthRate: 0.01) - 40804) < 1e-9)
    }

    @Test func payAwardsBringASalaryForward() throws {
        let set = try PackagePaths.shippedAssumptions()
        // 2.5% in 2024-25 and 3.2% in 2025-26 (NJC agreements), worked by hand.
        #expect(abs(try PayAwards.bringForward(43_000, from: "2024-25", to: "2025-26", in: set) - 44_376) < 1e-9)
        #expect(abs(try PayAwards.bringForward(43_000, from: "2023-24", to: "2025-26", in: set) - 43_000 * 1.025 * 1.032) < 1e-9)
        #expect(try PayAwards.bringForward(43_000, from: "2025-26", to: "2025-26", in: set) == 43_000)
        // 2026-27: the employers' 3.3% offer (The MJ, 2026), not agreed.
        let awards = try PayAwards.awards(from: "2025-26", to: "2026-27", in: set)
        #expect(awards == [PayAwards.Award(year: FinancialYear("2026-27")!, rate: 0.033, agreed: false, assumption: "payAward2026to27")])
        #expect(abs(try PayAwards.bringForward(43_000, from: "2025-26", to: "2026-27", in: set) - 44_419) < 1e-9)
        #expect(throws: InputError.self) { try PayAwards.bringForward(43_000, from: "2025-26", to: "2027-28", in: set) }
        #expect(throws: InputError.self) { try PayAwards.bringForward(43_000, from: "2025-26", to: "2024-25", in: set) }
        #expect(PayAwards.pendingAssumptionName(for: FinancialYear("2099-00")!) == "payAward2099to00")
    }

    @Test func costRatesFor2026to27() throws {
        let set = try PackagePaths.shippedAssumptions()
        // HMRC rates via tax tables: 15% above £5,000, threshold frozen to April 2031.
        let rates = try PostCostRates.central(from: set, taxYear: "2026-27")
        #expect(rates.employerNIRate == 0.15 && rates.niSecondaryThreshold == 5000)
        #expect(try PostCostRates.defaultTaxYear(in: set) == "2025-26")
        // LGPS 2025 valuation sample (Isio, 78 employers): mean 16%, top 27%, mirrored below the mean.
        #expect(try set.assumption("pensionRate").distribution == .triangular(minimum: 0.05, mode: 0.16, maximum: 0.27))
    }

    /// Where a source gives a central estimate, the distribution drawn has that mean: the report's
    /// average salary (£57,533 solved back: (57,533 + 0.15 × 5,000) / 1.31) and the LGPS sample's
    /// average employer rate (16%).
    @Test func sourcedCentralValuesAreTheMeansOfTheirDistributions() throws {
        let set = try PackagePaths.shippedAssumptions()
        let salary = try set.assumption("salary"), pension = try set.assumption("pensionRate")
        let reportSalary = (57_533 + 0.15 * 5_000) / 1.31
        #expect(abs(salary.value - reportSalary) < 0.01)
        #expect(abs(salary.distribution.mean - reportSalary) < 0.01, "salary mean \(salary.distribution.mean)")
        #expect(abs(pension.distribution.mean - 0.16) < 1e-12, "pension mean \(pension.distribution.mean)")
    }
}
