import Foundation
import Testing
@testable import MSCModel

@Suite("Social value of an identification")
struct SocialValueTests {
    @Test("value = unit cost x harm avoided - support cost")
    func formula() {
        #expect(SocialValue.valuePerIdentification(unitCostPerVictim: 400_000, harmAvoidedShare: 0.25,
                                                   supportCostPerReferral: 10_000) == 90_000)
    }

    @Test("the shipped central value in 2024-25 prices")
    func shippedCentral() throws {
        let assumptions = try PackagePaths.shippedAssumptions()
        let deflator = try GDPDeflator.load(assumptionsDirectory: PackagePaths.assumptions)
        let inputs = try SocialValueInputs.central(from: assumptions, priceBaseYear: "2024-25", deflator: deflator)
        #expect(abs(inputs.unitCostPerVictim - 328_720 * 112.375 / 85.65) < 1e-9)
        #expect(inputs.harmAvoidedShare == 0.2)
        #expect(inputs.supportCostPerReferral == 8_000)
        #expect(abs(inputs.valuePerIdentification - (431_289.0834792761 * 0.2 - 8_000)) < 1e-6)
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

    @Test("a price base year past the deflator series is a clear error")
    func unknownPriceBaseYear() throws {
        let assumptions = try PackagePaths.shippedAssumptions()
        let deflator = try GDPDeflator.load(assumptionsDirectory: PackagePaths.assumptions)
        #expect(throws: InputError.self) {
            try SocialValueInputs.central(from: assumptions, priceBaseYear: "2025-26", deflator: deflator)
        }
        let growth = try assumptions.value("gdpDeflatorProjectedGrowth")
        let extended = try deflator.extended(through: FinancialYear("2025-26")!, growthPerYear: growth)
        let inputs = try SocialValueInputs.central(from: assumptions, priceBaseYear: "2025-26", deflator: extended)
        #expect(abs(inputs.unitCostPerVictim - 328_720 * 112.375 * 1.025 / 85.65) < 1e-6)
    }

    @Test("illustrative social-value assumptions carry ranges and reasons")
    func illustrativeHaveRanges() throws {
        let assumptions = try PackagePaths.shippedAssumptions()
        for name in ["harmAvoidedShare", "supportCostPerReferral", "causalShare", "rampUpYears", "optimismBias"] {
            let assumption = try assumptions.assumption(name)
            #expect(assumption.evidence == .illustrative, "\(name)")
            #expect(assumption.distribution.isUncertain, "\(name) needs a range")
            #expect((assumption.notes ?? "").count > 100, "\(name) needs its reasoning")
        }
    }
}

@Suite("Social value in the price base year")
struct SocialValueBaseYearTests {
    @Test("2025-26 prices extend the deflator by the projected growth")
    func projected() throws {
        let assumptions = try PackagePaths.shippedAssumptions()
        let inputs = try SocialValueInputs.central(from: assumptions, priceBaseYear: "2025-26")
        #expect(abs(inputs.unitCostPerVictim - 328_720 * 112.375 * 1.025 / 85.65) < 1e-6)
        #expect(abs(inputs.valuePerIdentification - (442_071.310566258 * 0.2 - 8_000)) < 1e-6)
        let observed = try SocialValueInputs.central(from: assumptions, priceBaseYear: "2024-25")
        #expect(abs(observed.valuePerIdentification - 78_257.81669585522) < 1e-6)
    }
}
