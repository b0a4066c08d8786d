import Foundation
import Testing
@testable import MSCModel

@Suite("Identification uplift")
struct ImpactTests {
    @Test("a linear ramp over 2 years averages 0.25, 0.75, then 1")
    func rampTwoYears() {
        #expect(IdentificationUplift.ramp(yearIndex: -1, rampUpYears: 2) == 0)
        #expect(IdentificationUplift.ramp(yearIndex: 0, rampUpYears: 2) == 0.25)
        #expect(IdentificationUplift.ramp(yearIndex: 1, rampUpYears: 2) == 0.75)
        #expect(IdentificationUplift.ramp(yearIndex: 2, rampUpYears: 2) == 1)
        #expect(IdentificationUplift.ramp(yearIndex: 10, rampUpYears: 2) == 1)
    }

    @Test("a ramp ending inside a year, and no ramp at all")
    func rampPartial() {
        // 1.5 years: year 0 averages 0.5/1.5; year 1 rises from 2/3 to 1 by mid-year, then stays at 1.
        #expect(abs(IdentificationUplift.ramp(yearIndex: 0, rampUpYears: 1.5) - 1.0 / 3) < 1e-15)
        let yearOne = (1.5 * 1.5 - 1) / (2 * 1.5) + 0.5
        #expect(abs(IdentificationUplift.ramp(yearIndex: 1, rampUpYears: 1.5) - yearOne) < 1e-15)
        #expect(IdentificationUplift.ramp(yearIndex: 0, rampUpYears: 0) == 1)
        #expect(IdentificationUplift.ramp(yearIndex: 0, rampUpYears: 1) == 0.5)
    }

    @Test("additional identifications are base x (RR - 1) x coverage x ramp")
    func additional() {
        let extra = IdentificationUplift.additionalIdentifications(baselinePerYear: 2, rateRatio: 2.33, coverage: 0.5,
                                                                  rampFraction: 0.75)
        #expect(abs(extra - 2 * 1.33 * 0.5 * 0.75) < 1e-12)
        #expect(IdentificationUplift.additionalIdentifications(baselinePerYear: 2, rateRatio: 1, coverage: 1, rampFraction: 1) == 0)
        #expect(IdentificationUplift.identificationsWithPost(baselinePerYear: 2, rateRatio: 3, coverage: 1, rampFraction: 1) == 6)
    }

    @Test("the baseline is the observed figure when given, else population x the national rate")
    func baseline() {
        #expect(IdentificationUplift.baselinePerYear(observed: 7, population: 300_000, ratePer100kResidents: 0.817) == 7)
        #expect(abs(IdentificationUplift.baselinePerYear(observed: nil, population: 300_000, ratePer100kResidents: 0.817) - 2.451) < 1e-12)
    }

    @Test("the shipped baseline rate is (277 + 211), projected from 2023, over the residents of the authority table")
    func baselineRateFromFacts() throws {
        let assumptions = try PackagePaths.shippedAssumptions()
        let table = try AuthorityTable.load(path: PackagePaths.assumptions + "/authorities.csv")
        let identifications = try assumptions.value("laAdultNRMReferrals2023") + assumptions.value("laDutyToNotifyReports2023")
        #expect(identifications == 488)
        #expect(table.totalPopulation == 61_806_682)
        let rate = IdentificationUplift.ratePer100kResidents(identificationsPerYear: identifications,
                                                             residents: Double(table.totalPopulation))
        // 488 / 61,806,682 x 100,000, worked by hand; projected from 2023 by the growth assumption.
        #expect(abs(rate - 0.789559) < 1e-6)
        let growth = try assumptions.value("laIdentificationGrowthSince2023")
        #expect(abs(try assumptions.value("baselineIdentificationRate") - rate * growth) < 1e-12)
    }

    @Test("the shipped rate ratio is the open derivation from the report's facts")
    func rateRatioFromFacts() throws {
        let assumptions = try PackagePaths.shippedAssumptions()
        let table = try AuthorityTable.load(path: PackagePaths.assumptions + "/authorities.csv")
        #expect(table.authorities.count == 339)
        let derivation = try RateRatioDerivation.fromFacts(in: assumptions, authorityCount: table.authorities.count)
        #expect(abs(derivation.referralsPerCoordinatorAuthority - 5.54) < 1e-9)
        #expect(abs(derivation.referralsPerOtherAuthority - 227.14 / 330) < 1e-9)
        #expect(abs(derivation.crudeRateRatio - 8.0488) < 1e-4)
        // Host ratio from the mid-2024 table: 353,181.04 / 238,243.44 = 1.48244 (PopulationDerivationTests
        // recomputes it from the CSV); 8.0488 / 1.48244 = 5.4294; its square root 2.3301.
        #expect(abs(try assumptions.value("coordinatorHostPopulationRatio") - 1.48244) < 1e-5)
        #expect(abs(derivation.populationAdjustedRateRatio - 5.4294) < 1e-4)
        #expect(abs(derivation.causalRateRatio - 2.3301) < 1e-4)
        let shipped = try assumptions.assumption("identificationRateRatio")
        #expect(abs(shipped.value - derivation.causalRateRatio) < 0.005)
        guard case .lognormal(let logMean, let logSD) = shipped.distribution else {
            Issue.record("identificationRateRatio should be lognormal")
            return
        }
        #expect(abs(logMean - log(shipped.value)) < 1e-4)
        #expect(logSD >= 0.3)
        #expect(shipped.evidence == .derived)
    }

    @Test("central parameters read from the shipped assumptions")
    func parameters() throws {
        let parameters = try IdentificationParameters.central(from: PackagePaths.shippedAssumptions())
        #expect(parameters.rateRatio == 2.33 && parameters.rampUpYears == 2)
        #expect(abs(parameters.baselineRatePer100kResidents - 488.0 * 1.2688 / 61_806_682 * 100_000) < 1e-12)
    }
}
