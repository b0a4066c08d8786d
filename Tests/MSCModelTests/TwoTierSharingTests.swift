import Testing
@testable import MSCModel

/// A post shared across a police force area or region that holds a county and its districts must
/// count those residents once when it splits the cost by population.
@Suite struct TwoTierSharingTests {
    @Test func thamesValleyCountsOxfordshireResidentsOnce() throws {
        let assumptions = try PackagePaths.shippedAssumptions()
        let authorities = try AuthorityTable.load(path: PackagePaths.assumptions + "/authorities.csv")
        let loaded = try Scenario.load(path: PackagePaths.scenarios + "/police-force-area.yaml", assumptions: assumptions,
                                       authorities: authorities)
        let deployment = try Deployment.build(scenario: loaded.scenario, authorities: authorities, assumptions: loaded.assumptions)
        let post = try #require(deployment.posts.first { $0.areaName == "Thames Valley" })
        // Residents: the unitaries plus Oxfordshire's districts (the county's population is their sum).
        let residents = Double(post.residentsServed)
        let share = Dictionary(uniqueKeysWithValues: post.members.map { ($0.code, $0.costShare) })
        let buckinghamshire = try #require(authorities.authority(code: "E06000060"))
        #expect(abs(try #require(share["E06000060"]) - Double(buckinghamshire.population) / residents) < 1e-9)
        let oxfordshireArea = post.members.filter { $0.code == "E10000025" || authorities.authority(code: $0.code)?.countyCode == "E10000025" }
        let oxfordshire = try #require(authorities.authority(code: "E10000025"))
        #expect(abs(oxfordshireArea.reduce(0) { $0 + $1.costShare } - Double(oxfordshire.population) / residents) < 1e-9)
        #expect(post.members.reduce(0) { $0 + $1.costShare } == 1)
    }
}
