import Foundation
import Testing
import MSCTestSupport
import MSCModel
@testable import MSCSimulation

@Suite("Dated authority structure")
struct AuthorityStructureTests {
    static var assumptions: String { PackageRoot.file("Assumptions") }

    @Test func surreyIsReplacedFromApril2027() throws {
        let structure = try AuthorityStructure.load(assumptionsDirectory: Self.assumptions)
        #expect(try structure.table(in: FinancialYear("2026-27")!).authorities.count == 339)
        let later = try structure.table(in: FinancialYear("2027-28")!)
        #expect(later.authorities.count == 329)   // 339 - 12 + 2
        let east = try #require(later.authority(named: "East Surrey")), west = try #require(later.authority(named: "West Surrey"))
        // ONS mid-2024: Elmbridge 141,926 + Epsom and Ewell 83,288 + Mole Valley 88,709 + Reigate and
        // Banstead 159,134 + Tandridge 90,586 = 563,643; the six western districts 685,006.
        #expect(east.population == 563_643 && west.population == 685_006)
        #expect(east.population + west.population == structure.base.authority(named: "Surrey")?.population)
        #expect(east.tier == .unitary && east.policeForceArea == "Surrey" && east.region == "South East")
        #expect(east.populationStatus?.contains("provisional_code") == true)
        #expect(later.authority(named: "Woking") == nil && later.authority(code: "E10000030") == nil)
        #expect(later.totalPopulation == structure.base.totalPopulation)
    }

    /// A copy of the national rollout starting in 2026-27, without a baseline.
    static func rolloutFrom2026() throws -> String {
        let text = try String(contentsOfFile: PackageRoot.file("Scenarios/national-rollout.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "firstYear: 2027-28", with: "firstYear: 2026-27")
            .replacingOccurrences(of: "baseline: status-quo\n", with: "")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rollout-\(UUID().uuidString).yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func everyAuthorityCountsTheCouncilsInForceEachYear() throws {
        let path = try Self.rolloutFrom2026()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let plan = try ScenarioPlan.load(path: path, assumptionsDirectory: Self.assumptions,
                                         authoritiesPath: Self.assumptions + "/authorities.csv")
        #expect(plan.postsInPlaceByYear == [339] + Array(repeating: 329, count: 9))
        #expect(plan.structureNotes.count == 1)
        #expect(plan.structureNotes[0].hasPrefix("339 posts in 2026-27, 329 from 2027-28: on 1 April 2027 12 councils are replaced by East Surrey (confirmed), West Surrey (confirmed)"))
        let posts = plan.plan.model.posts
        // Unchanged councils keep one post for the whole horizon; Surrey's 12 end after year 1 and
        // East and West Surrey's posts start in year 2, continuing the ramp their predecessors began.
        #expect(posts.count == 341)
        #expect(posts.filter { $0.years(inHorizon: 10) == 0..<1 }.count == 12)
        let successors = posts.filter { $0.years(inHorizon: 10) == 1..<10 }
        #expect(successors.count == 2 && successors.allSatisfy { $0.rampStartYear == 0 })
    }

    @Test func theIllustrativeUnitaryScenarioSaysSo() throws {
        let path = PackageRoot.file("Scenarios/unitary-2028.yaml")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("# Question (illustrative): what if every two-tier area goes unitary in 2028?"))
        let plan = try ScenarioPlan.load(path: path, assumptionsDirectory: Self.assumptions,
                                         authoritiesPath: Self.assumptions + "/authorities.csv")
        // 329 councils in 2027-28; the other 20 county areas (20 counties, 153 districts) become 20 unitaries.
        #expect(plan.postsInPlaceByYear == [329] + Array(repeating: 176, count: 9))
        #expect(plan.structureNotes[0].contains("(illustrative)"))
        // A successor's renewals fall on its predecessors' schedule, counted from the programme's
        // first year: its posts are in the funding group of the posts that run on (one survival
        // curve), and the note says so rather than "from vesting day".
        let posts = plan.plan.model.posts
        let successors = posts.filter { $0.years(inHorizon: 10).lowerBound == 1 }
        #expect(!successors.isEmpty)
        #expect(Set(posts.map(\.fundingIndex)) == Set(successors.map(\.fundingIndex)))
        #expect(plan.structureNotes.allSatisfy { $0.contains("predecessors' schedule") && !$0.contains("renewals counted from vesting day") })
    }

    @Test func badReorganisationsAreClearErrors() throws {
        let structure = try AuthorityStructure.load(assumptionsDirectory: Self.assumptions)
        let bad = Reorganisation(effective: FinancialYear("2028-29")!, successorCode: "E06900999", codeIsProvisional: true,
                                 successorName: "Nowhere", officialName: "Nowhere Council", region: "South East",
                                 policeForceAreaCode: "E23000031", policeForceArea: "Surrey", predecessorCodes: ["E07000207"],
                                 status: "illustrative", origin: "x.csv:2")
        #expect(inputErrorMessage { _ = try structure.adding([bad]) }?
            .contains("x.csv:2: predecessor_codes: E07000207 is not a council in 2028-29 before this change") == true)
    }
}
