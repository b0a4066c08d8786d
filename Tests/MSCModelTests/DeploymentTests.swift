import Foundation
import Testing
@testable import MSCModel

private func shippedInputs() throws -> (AssumptionSet, AuthorityTable) {
    (try PackagePaths.shippedAssumptions(), try AuthorityTable.load(path: PackagePaths.assumptions + "/authorities.csv"))
}

private func deployment(of scenario: String) throws -> (Deployment, AuthorityTable) {
    let (assumptions, authorities) = try shippedInputs()
    let loaded = try Scenario.load(path: PackagePaths.scenarios + "/\(scenario).yaml", assumptions: assumptions,
                                   authorities: authorities)
    return (try Deployment.build(scenario: loaded.scenario, authorities: authorities, assumptions: loaded.assumptions),
            authorities)
}

@Suite("Deployment rules")
struct DeploymentTests {
    @Test func everyAuthorityHas339Posts() throws {
        let (built, _) = try deployment(of: "national-rollout")
        #expect(built.posts.count == 339)
        #expect(built.posts.allSatisfy { !$0.isShared && $0.fte == 1 })
        #expect(built.totalFTE == 339)
    }

    @Test func countyAreaHas175Posts() throws {
        let (built, authorities) = try deployment(of: "county-shared")
        #expect(built.posts.count == 175)
        let shared = built.posts.filter(\.isShared)
        #expect(shared.count == 21)
        #expect(built.posts.count - shared.count == 154)
        // Every authority is served by exactly one post.
        for authority in authorities.authorities {
            #expect(built.posts(serving: authority.code).count == 1, "\(authority.name)")
        }
        let kent = try #require(built.posts.first { $0.areaName == "Kent" })
        #expect(kent.members.count == 13)
        #expect(kent.hostCode == "E10000016")  // Kent County Council hosts
        #expect(kent.id == "county-area:E10000016")
    }

    @Test func policeForceAreaHas43Posts() throws {
        let (built, authorities) = try deployment(of: "police-force-area")
        #expect(built.posts.count == 43)
        #expect(Set(built.posts.flatMap { $0.members.map(\.code) }).count == authorities.authorities.count)
    }

    @Test func regionHas10Hubs() throws {
        let (built, authorities) = try deployment(of: "regional-hub")
        #expect(built.posts.count == 10)
        // One FTE per 500,000 residents, at least 2: FTE in proportion to the residents served.
        for post in built.posts {
            #expect(abs(post.fte - max(2, Double(post.residentsServed) / 500_000)) < 1e-12)
        }
        #expect(built.posts.reduce(0) { $0 + $1.residentsServed } == authorities.totalPopulation)
        let wales = try #require(built.posts.first { $0.areaName == "Wales" })
        #expect(wales.members.count == 22)
    }

    @Test func statusQuoHasNinePosts() throws {
        let (built, authorities) = try deployment(of: "status-quo")
        #expect(built.posts.count == 9)
        let served = built.coverage.filter { $0.value > 0 }
        #expect(served.count == 9)
        #expect(built.coverage.count == authorities.authorities.count)
    }

    @Test func populationBasedRuleSizesPostsWithAMinimum() throws {
        let (assumptions, authorities) = try shippedInputs()
        let rule = DeploymentRule.populationBased(over: .policeForceArea,
                                                  fte: .perResidents(residentsPerFTE: 1_000_000, minimumFTE: 1.5))
        let built = try Deployment.build(rule: rule, sharing: .equal, authorities: authorities, assumptions: assumptions)
        #expect(built.posts.count == 43)
        let metropolitan = try #require(built.posts.first { $0.areaName == "Metropolitan Police" })
        #expect(abs(metropolitan.fte - Double(metropolitan.residentsServed) / 1_000_000) < 1e-12)
        let smallest = try #require(built.posts.min { $0.residentsServed < $1.residentsServed })
        #expect(smallest.fte == 1.5)
    }

    @Test func fteServingFollowsResidentsAndCountiesStandForTheirDistricts() throws {
        let (built, authorities) = try deployment(of: "county-shared")
        let kent = try #require(built.posts.first { $0.areaName == "Kent" })
        let county = try #require(authorities.authority(code: "E10000016"))
        #expect(kent.residentsServed == county.population)
        for member in kent.members {
            #expect(abs(member.fteServing - Double(member.population) / Double(county.population)) < 1e-12)
        }
        // The county council is served by the whole post; each district by its share of residents.
        #expect(kent.members[0].fteServing == 1)
    }

    @Test func coverageFormula() throws {
        let parameters = CoverageParameters(benchmarkFTEPer100kResidents: 0.5, elasticity: 0.5)
        // 1 FTE for 400,000 residents is 0.25 per 100k: half the benchmark, coverage 0.5^0.5.
        #expect(abs(parameters.coverage(fteServing: 1, population: 400_000) - 0.5.squareRoot()) < 1e-15)
        #expect(parameters.coverage(fteServing: 1, population: 100_000) == 1)
        #expect(parameters.coverage(fteServing: 0, population: 100_000) == 0)
    }

    @Test func coverageBenchmarkIsTheMedianAuthority() throws {
        let (assumptions, authorities) = try shippedInputs()
        let populations = authorities.authorities.filter { $0.tier.countsResidents }.map(\.population).sorted()
        #expect(populations.count == 318)
        let median = Double(populations[158] + populations[159]) / 2
        #expect(median == 149_349.5)
        let benchmark = try assumptions.value(CoverageParameters.benchmarkAssumption)
        #expect(abs(benchmark - 100_000 / median) < 0.0005)
    }

    @Test func multiFTEPostsAreCostedPerPerson() {
        let rates = PostCostRates(employerNIRate: 0.15, niSecondaryThreshold: 5000, pensionRate: 0.16,
                                  apprenticeshipLevyRate: 0, overheadRate: 0, operationalBudget: 1000)
        let one = PostCost.total(fullTimeSalary: 44490.84, fte: 1, rates: rates)
        let half = PostCost.total(fullTimeSalary: 44490.84, fte: 0.5, rates: rates)
        #expect(abs(Post.annualCost(fte: 2.5, fullTimeSalary: 44490.84, rates: rates) - (2 * one + half)) < 1e-9)
        #expect(Post.annualCost(fte: 1, fullTimeSalary: 44490.84, rates: rates) == one)
    }
}
