import Foundation
import Testing
import MSCTestSupport
@testable import MSCModel

/// The police-force-area incidence index against a calculation by hand from the Home Office
/// counts (`Assumptions/data/nrm_police_first_responder_referrals.csv`, copied from the shared
/// area data) and the mid-2024 populations of `Assumptions/authorities.csv`.
@Suite("Area incidence index")
struct AreaIncidenceIndexTests {
    private func shipped() throws -> (AreaIncidenceIndex, AuthorityTable) {
        let table = try AuthorityTable.load(path: PackageRoot.file("Assumptions/authorities.csv"))
        return (try AreaIncidenceIndex.load(assumptionsDirectory: PackageRoot.file("Assumptions"), authorities: table), table)
    }

    @Test func totalsAreTheFortyThreeForces() throws {
        let (index, _) = try shipped()
        #expect(index.areas.count == 43)
        #expect(index.quarters == ["2022-Q2", "2022-Q3", "2022-Q4", "2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4"])
        // The 43 territorial forces made 6,332 of the 6,899 police referrals of the 7 quarters
        // (950 + 969 + 1,034 + 1,043 + 938 + 970 + 995); BTP, the ROCUs, Scotland and NI are left out.
        #expect(index.areas.reduce(0) { $0 + $1.referrals } == 6_332)
        // Residents counted once: the 318 non-county councils, 61,806,682 (ONS mid-2024 total).
        #expect(index.areas.reduce(0) { $0 + $1.residents } == 61_806_682)
        // 6,332 over 1.75 years per 61,806,682 residents × 100,000.
        #expect(abs(index.nationalRatePer100kPerYear - 6_332 / 1.75 / 61_806_682 * 100_000) < 1e-12)
    }

    @Test func bedfordshireAndCityOfLondonByHand() throws {
        let (index, table) = try shipped()
        // τ² and the prior, computed separately (Python, from the same two CSVs): the weighted
        // variance of y/E is 0.12238485015500886, Poisson noise m/Ē = 43 / 6,332 = 0.006790903348,
        // so τ² = 0.11559394680693558 and a = b = 1/τ² = 8.650972024254823 (m = 1).
        #expect(abs(index.betweenAreaVariance - 0.11559394680693558) < 1e-12)
        #expect(abs(index.priorShape - 8.650972024254823) < 1e-9)
        #expect(abs(index.priorRate - 8.650972024254823) < 1e-9)
        let a = 8.650972024254823
        // Bedfordshire Police: 16 + 18 + 19 + 12 + 9 + 6 + 11 = 91 referrals; Luton 239,090 +
        // Bedford 194,976 + Central Bedfordshire 315,877 = 749,943 residents.
        let bedsExpected = 6_332.0 * 749_943 / 61_806_682
        let beds = try #require(index.areas.first { $0.code == "E23000026" })
        #expect(beds.referrals == 91 && beds.residents == 749_943)
        #expect(abs(beds.index - (91 + a) / (bedsExpected + a)) < 1e-9)
        #expect(abs(beds.index - 1.1658) < 5e-5)
        // City of London Police: 1 + 1 + 1 + 2 + 3 + 3 + 2 = 13 referrals on 15,111 residents, a
        // raw ratio of 8.4 shrunk to (13 + a) / (1.548 + a) = 2.12.
        let cityExpected = 6_332.0 * 15_111 / 61_806_682
        let city = try #require(index.areas.first { $0.code == "E23000034" })
        #expect(abs(city.rawIndex - 13 / cityExpected) < 1e-12)
        #expect(abs(city.index - (13 + a) / (cityExpected + a)) < 1e-9)
        // Every council takes its force's index.
        let byCouncil = try index.indexByCouncil(table)
        #expect(byCouncil["E06000032"] == beds.index)   // Luton
        #expect(byCouncil.count == 339)
    }

    @Test func noVarianceBetweenAreasGivesOne() throws {
        // Two areas whose counts are exactly their expected ones: τ² = 0, every index 1.
        let index = try AreaIncidenceIndex(file: "t", quarters: ["q"], counts: [
            (code: "A", name: "A", referrals: 10, residents: 1_000), (code: "B", name: "B", referrals: 20, residents: 2_000)])
        #expect(index.betweenAreaVariance == 0)
        #expect(index.areas.allSatisfy { $0.index == 1 })
    }

    @Test func badCountIsOneClearError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("aii-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("counts.csv").path
        try "quarter,first_responder,responder_kind,police_force_area_code,nrm_referrals_made\n2023-Q1,Kent Police,E&W territorial force,E23000032,-3\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let table = try AuthorityTable.load(path: PackageRoot.file("Assumptions/authorities.csv"))
        let text = inputErrorMessage { _ = try AreaIncidenceIndex.load(path: path, authorities: table) }
        #expect(text?.contains("nrm_referrals_made") == true)
        #expect(text?.contains("line 2") == true || text?.contains(":2") == true)
    }
}
