import Foundation
import Testing
@testable import MSCModel

@Suite("Value of an identification and the costs it triggers")
struct SocialValueTests {
    @Test("benefit per NRM referral = unit cost x avoidable x avoided x confirmed; DtN a share of it")
    func benefitFormula() {
        let value = SocialValue(unitCostPerVictim: 400_000, avoidableHarmShare: 0.75, harmAvoidedShare: 0.2,
                                conclusiveGroundsPositiveShare: 0.5, dutyToNotifyRelativeValue: 0.25, nrmShare: 0.6)
        #expect(abs(value.benefitPerNRMReferral - 30_000) < 1e-9)       // 400,000 × 0.75 × 0.2 × 0.5
        #expect(abs(value.benefitPerDutyToNotify - 7_500) < 1e-9)       // × 0.25
        #expect(abs(value.benefitPerIdentification - 21_000) < 1e-9)    // 0.6 × 30,000 + 0.4 × 7,500
    }

    @Test("triggered costs by body: support and NHS only for positive reasonable-grounds decisions, DtN the council's only")
    func triggeredFormula() {
        let costs = TriggeredCosts(decisionCostPerReferral: 1_000, supportContractCostPerAdultSupported: 10_000,
                                   healthCostPerAdultSupported: 2_000, policeCostPerReferral: 500,
                                   councilCostPerIdentification: 800, reasonableGroundsPositiveShare: 0.5, nrmShare: 0.75)
        #expect(costs.perNRMReferral(.homeOfficeSupportContract) == 5_000)
        #expect(costs.perNRMReferral(.nhs) == 1_000)
        let perNRM: Double = 8_300   // 1,000 + 5,000 + 1,000 + 500 + 800
        #expect(costs.perNRMReferral == perNRM)
        #expect(costs.perDutyToNotify(.police) == 0)
        #expect(costs.perDutyToNotify(.council) == 800)
        let blended: Double = 0.75 * 8_300 + 0.25 * 800
        #expect(abs(costs.perIdentification - blended) < 1e-9)
        #expect(abs(costs.perIdentification(.council) - 800) < 1e-9)
    }

    @Test("the shipped values: 2024 decisions (RG 53%, CG 56%) and the NRM share 277 / (277 + 211)")
    func shippedCentral() throws {
        let assumptions = try PackagePaths.shippedAssumptions()
        #expect(try assumptions.value("reasonableGroundsPositiveShare") == 0.53)
        #expect(try assumptions.value("conclusiveGroundsPositiveShare") == 0.56)
        let value = try SocialValue.central(from: assumptions, priceBaseYear: "2024-25")
        #expect(abs(value.nrmShare - 277.0 / 488.0) < 1e-12)
        // Uprating read independently from the shipped deflator file.
        let rows = try String(contentsOfFile: PackagePaths.assumptions + "/data/gdp_deflator_financial_year.csv", encoding: .utf8)
            .split(whereSeparator: \.isNewline).map { $0.split(separator: ",").map(String.init) }
        let index = Dictionary(uniqueKeysWithValues: rows.dropFirst().map { ($0[0], Double($0[1])!) })
        let unitCost = 328_720 * index["2024-25"]! / index["2016-17"]!
        #expect(abs(value.unitCostPerVictim - unitCost) < 1e-6)
        let perNRM: Double = unitCost * 0.8 * 0.3 * 0.56
        let expected: Double = 277.0 / 488 * perNRM + 211.0 / 488 * perNRM * 0.3
        #expect(abs(value.benefitPerIdentification - expected) < 1e-6)
        let costs = try TriggeredCosts.central(from: assumptions)
        let triggered: Double = 1_500 + 14_000 * 0.53 + 1_000 + 1_000
        #expect(abs(costs.perNRMReferral - triggered) < 1e-9)
    }

    @Test("the unit cost carries its price year; an override is taken as already in the base year")
    func priceYear() throws {
        var assumptions = try PackagePaths.shippedAssumptions()
        let unitCost = try assumptions.assumption("unitCostPerVictim")
        #expect(unitCost.periods == ["2016-17"])
        #expect(unitCost.value == 328_720)
        let deflator = try GDPDeflator.load(assumptionsDirectory: PackagePaths.assumptions)
        assumptions.replace(unitCost.overridden(value: 450_000, distribution: .fixed(450_000), by: "test"))
        #expect(try SocialValue.unitCostPerVictim(from: assumptions, priceBaseYear: "2024-25", deflator: deflator) == 450_000)
    }

    @Test("illustrative value assumptions carry ranges and reasons")
    func illustrativeHaveRanges() throws {
        let assumptions = try PackagePaths.shippedAssumptions()
        for name in ["avoidableHarmShare", "harmAvoidedShare", "dutyToNotifyRelativeValue", "decisionCostPerReferral",
                     "supportContractCostPerAdultSupported", "healthCostPerAdultSupported", "policeCostPerReferral",
                     "councilCostPerIdentification", "causalShare", "displacementShare", "rampUpYears",
                     "benefitReductionIllustrative", "appraisalOverheadRate"] {
            let assumption = try assumptions.assumption(name)
            #expect(assumption.evidence == .illustrative, "\(name)")
            #expect(assumption.distribution.isUncertain, "\(name) needs a range")
            #expect((assumption.notes ?? "").count > 100, "\(name) needs its reasoning")
        }
        // A DtN report is worth less than an NRM referral across its whole range.
        #expect(try assumptions.assumption("dutyToNotifyRelativeValue").distribution.support.upperBound < 1)
    }
}

@Suite("Green Book adjustments")
struct AppraisalAdjustmentTests {
    @Test("optimism bias starts at Mott MacDonald's 41% and comes down only by listed shares")
    func optimismBias() throws {
        let assumptions = try PackagePaths.shippedAssumptions()
        let start = try assumptions.assumption("optimismBias")
        #expect(start.value == 0.41)
        #expect(!start.distribution.isUncertain)
        #expect(start.evidence == .sourced)
        #expect(OptimismBias.applied(start: 0.41, lowerBound: 0, mitigations: []) == 0.41)
        let two = [OptimismBias.Mitigation(risk: "a", shareMitigated: 0.25, reasoning: "r"),
                   OptimismBias.Mitigation(risk: "b", shareMitigated: 0.5, reasoning: "r")]
        #expect(abs(OptimismBias.applied(start: 0.41, lowerBound: 0, mitigations: two) - 0.1025) < 1e-12)
        #expect(OptimismBias.applied(start: 0.41, lowerBound: 0.05, mitigations: two + two) == 0.05)
        // The worked example of the supplementary guidance: (100% − 92%) × 51% = 4%.
        let example = [OptimismBias.Mitigation(risk: "all", shareMitigated: 0.92, reasoning: "r")]
        #expect(abs(OptimismBias.applied(start: 0.51, lowerBound: 0, mitigations: example) - 0.0408) < 1e-12)
        #expect(OptimismBias.statement(start: 0.41, applied: 0.41, mitigations: []).contains("41%"))
    }

    @Test("benefits take the reduction of their weakest evidence grade")
    func benefitGrade() {
        #expect(BenefitEvidenceAdjustment.weakest([.sourced, .derived]) == .derived)
        #expect(BenefitEvidenceAdjustment.weakest([.unconfirmed, .illustrative, .sourced]) == .illustrative)
        #expect(BenefitEvidenceAdjustment.weakest([]) == .sourced)
        #expect(BenefitEvidenceAdjustment.reduced(200, reduction: 0.25) == 150)
    }

    @Test("discounting runs from the price base year: a 2027-28 start is discounted one year")
    func timing() throws {
        let timing = AppraisalTiming(priceBaseYear: FinancialYear("2026-27")!, firstYear: FinancialYear("2027-28")!)
        #expect(timing.offsetYears == 1)
        let greenBook = GreenBook(bands: [.init(firstYear: 0, rate: 0.035), .init(firstYear: 31, rate: 0.03)])
        let factors = timing.discountFactors(horizonYears: 31, greenBook: greenBook)
        #expect(abs(factors[0] - 1 / 1.035) < 1e-12)
        #expect(abs(factors[29] - 1 / pow(1.035, 30)) < 1e-12)
        #expect(abs(factors[30] - 1 / (pow(1.035, 30) * 1.03)) < 1e-12)
        #expect(timing.year(9).description == "2036-37")
    }
}
