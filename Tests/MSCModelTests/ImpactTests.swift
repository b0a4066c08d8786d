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

    @Test("the rate ratio: every reading of the 18%, from the same placement as status-quo, recomputed here")
    func rateRatioFromFacts() throws {
        let raw = try PackagePaths.shippedAssumptions()
        #expect(raw.byName["identificationRateRatio"] == nil, "derived at load time, not written in impact.yaml")
        let table = try AuthorityTable.load(path: PackagePaths.assumptions + "/authorities.csv")
        let derivation = try RateRatioDerivation.derive(assumptions: raw, authorities: table)

        // The hosts: the councils flagged has_msc, else the 9 most populous single-tier councils,
        // the same rule status-quo's `existing` deployment uses.
        let flagged = table.authorities.filter(\.hasMSC)
        let singleTier: Set<AuthorityTier> = [.unitary, .metropolitanBorough, .londonBorough]
        let hosts = flagged.isEmpty
            ? Array(table.authorities.filter { singleTier.contains($0.tier) }
                .sorted { ($0.population, $1.code) > ($1.population, $0.code) }.prefix(9))
            : flagged
        #expect(Set(derivation.hostCodes) == Set(hosts.map(\.code)))
        let status = try Scenario.load(path: PackagePaths.scenarios + "/status-quo.yaml", assumptions: raw, authorities: table)
        guard case .existing(let codes, _, _) = status.scenario.deployment else { Issue.record("status-quo is existing"); return }
        #expect(Set(codes) == Set(derivation.hostCodes), "the derivation and status-quo use one placement")

        // Readings recomputed from the facts: 277 referrals, 211 DtN, 18%, 9 councils, 218 referring.
        let hostCodes = Set(hosts.map(\.code))
        let others = table.authorities.filter { !hostCodes.contains($0.code) }
        let asc = others.filter { $0.tier != .district }
        func mean(_ rows: [Authority]) -> Double { Double(rows.map(\.population).reduce(0, +)) / Double(rows.count) }
        let hostMean = mean(hosts)
        let odds = 0.18 / 0.82
        let nrmShare = 277.0 / (277 + 211)
        var expected: [Double] = []
        var adjusted: [(Double, Double)] = []
        for (councils, comparisonMean) in [(Double(others.count), mean(others)), (209.0, mean(others)), (Double(asc.count), mean(asc))] {
            for populationRatio in [1, hostMean / comparisonMean] {
                for weight in [1, nrmShare] {
                    let a = odds * councils / 9 / populationRatio
                    adjusted.append((a, weight))
                    expected.append(1 + (pow(a, 0.5) - 1) * weight)
                }
            }
        }
        #expect(others.count == 330)
        #expect(derivation.readings.count == 12)
        for (reading, value) in zip(derivation.readings, expected) {
            #expect(abs(reading.rateRatioAtCentralCausalShare - value) < 1e-12)
        }
        // Crude per council against all 330 others: (0.18 / 0.82) × (330 / 9) = 8.049.
        #expect(abs(derivation.readings[0].crudeRatio - 8.04878) < 1e-5)

        // Moments over the readings and 200 quantiles of triangular(0.2, 0.5, 0.8), plus sampling error.
        var logs: [Double] = []
        var squares = 0.0
        for k in 0..<200 {
            let p = (Double(k) + 0.5) / 200
            let c = p < 0.5 ? 0.2 + (p * 0.6 * 0.3).squareRoot() : 0.8 - ((1 - p) * 0.6 * 0.3).squareRoot()
            squares += c * c / 200
            for (a, weight) in adjusted { logs.append(log(1 + (pow(a, c) - 1) * weight)) }
        }
        let logMean = logs.reduce(0, +) / Double(logs.count)
        let variance = logs.map { ($0 - logMean) * ($0 - logMean) }.reduce(0, +) / Double(logs.count)
            + squares * (1 / (0.18 * 277) + 1 / (0.82 * 277))
        #expect(abs(derivation.logMean - logMean) < 1e-12)
        #expect(abs(derivation.logSDBeforeFloor - variance.squareRoot()) < 1e-12)
        #expect(derivation.logSD == max(0.45, variance.squareRoot()))

        let shipped = try RateRatioDerivation.completing(raw, authorities: table).assumption("identificationRateRatio")
        guard case .lognormal(let mu, let sigma) = shipped.distribution else { Issue.record("lognormal expected"); return }
        #expect(abs(shipped.value - exp(logMean)) < 1e-12)
        #expect(mu == derivation.logMean && sigma >= 0.45)
        #expect(shipped.evidence == .derived)
        // The central value and the spread cover every reading: each lies inside the 90% interval.
        for value in expected {
            #expect(value > exp(mu - 1.6449 * sigma) && value < exp(mu + 1.6449 * sigma))
        }
        #expect(exp(mu) > expected.min()! && exp(mu) < expected.max()!)
    }

    @Test("the rate ratio follows the authority table: larger hosts give a smaller per-resident ratio")
    func rateRatioFollowsPopulation() throws {
        let raw = try PackagePaths.shippedAssumptions()
        // Twelve unitaries (the nine largest host today's posts), a county and its twenty districts.
        func table(hostPopulation: Int) throws -> AuthorityTable {
            let unitaries = (0..<12).map { i in
                Authority(code: "E0600\(String(format: "%04d", i))", name: "U\(i)", tier: .unitary, region: "R",
                          population: i < 9 ? hostPopulation + i : 100_000)
            }
            let districts = (0..<20).map { i in
                Authority(code: "E0700\(String(format: "%04d", i))", name: "D\(i)", tier: .district, region: "R",
                          countyCode: "E10000001", county: "C", population: 50_000)
            }
            let county = Authority(code: "E10000001", name: "C", tier: .county, region: "R", population: 1_000_000)
            return try AuthorityTable(authorities: unitaries + [county] + districts)
        }
        let base = try RateRatioDerivation.derive(assumptions: raw, authorities: try table(hostPopulation: 200_000))
        let bigger = try RateRatioDerivation.derive(assumptions: raw, authorities: try table(hostPopulation: 400_000))
        let hostMean = (0..<9).map { 200_000.0 + Double($0) }.reduce(0, +) / 9
        let othersMean = (3 * 100_000.0 + 1_000_000 + 20 * 50_000) / 24
        #expect(abs(base.readings[2].hostPopulationRatio - hostMean / othersMean) < 1e-9)   // all others, per resident
        #expect(abs(base.readings[10].hostPopulationRatio - hostMean / 325_000) < 1e-9)     // adult social care, per resident
        #expect(bigger.readings[2].hostPopulationRatio > 1.99 * base.readings[2].hostPopulationRatio)
        #expect(bigger.logMean < base.logMean)
    }

    @Test("a folder or scenario that defines the rate ratio replaces the derivation")
    func definedRateRatioWins() throws {
        var raw = try PackagePaths.shippedAssumptions()
        let table = try AuthorityTable.load(path: PackagePaths.assumptions + "/authorities.csv")
        let fitted = Assumption(name: "identificationRateRatio", description: "fitted", unit: .ratio, value: 1.4,
                                distribution: .lognormal(logMean: log(1.4), logStandardDeviation: 0.2), sources: [],
                                evidence: .derived, notes: "a fit", origin: "rr.yaml")
        raw.replace(fitted)
        #expect(try RateRatioDerivation.completing(raw, authorities: table).value("identificationRateRatio") == 1.4)
    }

    @Test("displacement removes the share other first responders would have made")
    func displacement() {
        #expect(IdentificationUplift.netOfDisplacement(40, displacementShare: 0.25) == 30)
        #expect(IdentificationUplift.netOfDisplacement(40, displacementShare: 0) == 40)
    }

    @Test("central parameters read from the shipped assumptions")
    func parameters() throws {
        let table = try AuthorityTable.load(path: PackagePaths.assumptions + "/authorities.csv")
        let set = try RateRatioDerivation.completing(PackagePaths.shippedAssumptions(), authorities: table)
        let parameters = try IdentificationParameters.central(from: set)
        #expect(parameters.rateRatio == (try set.value("identificationRateRatio")))
        #expect(parameters.rampUpYears == 2)
        #expect(abs(parameters.baselineRatePer100kResidents - 488.0 * 1.2688 / 61_806_682 * 100_000) < 1e-12)
    }
}
