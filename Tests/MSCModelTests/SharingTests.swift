import Foundation
import Testing
@testable import MSCModel

private func shippedInputs() throws -> (AssumptionSet, AuthorityTable) {
    (try PackagePaths.shippedAssumptions(), try AuthorityTable.load(path: PackagePaths.assumptions + "/authorities.csv"))
}

/// The Acting Local rates (2025-26 NI, 16% pension, nothing else): a full-time post costs £57,533.
private let reportRates = PostCostRates(employerNIRate: 0.15, niSecondaryThreshold: 5000, pensionRate: 0.16,
                                        apprenticeshipLevyRate: 0, overheadRate: 0, operationalBudget: 0)

@Suite("Cost sharing")
struct SharingTests {
    @Test(arguments: [SharingRule.equal, .population, .referrals])
    func sharesOfEverySharedPostSumToExactlyOne(rule: SharingRule) throws {
        let (assumptions, authorities) = try shippedInputs()
        for deploymentRule in [DeploymentRule.countyArea(fte: .fixed(1)), .policeForceArea(fte: .fixed(1)), .region(fte: .fixed(1))] {
            let built = try Deployment.build(rule: deploymentRule, sharing: rule, authorities: authorities, assumptions: assumptions)
            for post in built.posts {
                let shares = post.members.map(\.costShare)
                #expect(shares.reduce(0, +) == 1, "\(post.name)")
                #expect(shares.reversed().reduce(0, +) == 1, "\(post.name)")
                #expect(shares.allSatisfy { $0 >= 0 })
            }
        }
    }

    @Test func apportionIsExactForAwkwardWeights() {
        for weights in [[1.0, 1, 1], [1, 2, 3, 4, 5, 6, 7], [0.1, 0.2, 0.3], [1e-9, 1, 1e9], [0, 0, 0], [3]] {
            let shares = SharingRule.apportion(weights: weights)
            #expect(shares.reduce(0, +) == 1)
            #expect(shares.count == weights.count)
        }
        let thirds = SharingRule.apportion(weights: [1, 1, 1])
        #expect(thirds.allSatisfy { abs($0 - 1.0 / 3) < 1e-12 })
    }

    @Test func populationSplitGivesTheCountyHalf() throws {
        let shares = SharingRule.population.shares(populations: [600, 100, 200, 300])
        let unit: Double = 1_099_511_627_776  // 2^40
        let exact: [Double] = [0.5, 100.0 / 1200, 200.0 / 1200, 0.25]
        for (share, value) in zip(shares, exact) { #expect(abs(share - value) <= 1 / unit) }
        #expect(shares[0] == 0.5 && shares[3] == 0.25)
        #expect(SharingRule.equal.shares(populations: [600, 100]) == [0.5, 0.5])
        // Referrals: observed counts when every member has one, otherwise expected (= population).
        #expect(SharingRule.referrals.shares(populations: [100, 300], observedReferrals: [3, 1]) == [0.75, 0.25])
        #expect(SharingRule.referrals.shares(populations: [100, 300]) == [0.25, 0.75])
    }

    @Test func kentShareRows() throws {
        let (assumptions, authorities) = try shippedInputs()
        let loaded = try Scenario.load(path: PackagePaths.scenarios + "/county-shared.yaml", assumptions: assumptions,
                                       authorities: authorities)
        let built = try Deployment.build(scenario: loaded.scenario, authorities: authorities, assumptions: loaded.assumptions)
        let kent = try AreaShares.area(named: "Kent", kind: nil, deployment: built, authorities: authorities)
        #expect(kent.kind == .countyArea)
        let table = built.shares(in: kent, fullTimeSalary: 44490.84, rates: reportRates, ownPostFTE: 1)
        #expect(table.rows.count == 13)
        #expect(table.posts.count == 1)
        let names = table.rows.map(\.name)
        #expect(names.first == "Kent")
        #expect(Set(names) == ["Kent", "Ashford", "Canterbury", "Dartford", "Dover", "Folkestone and Hythe", "Gravesham",
                               "Maidstone", "Sevenoaks", "Swale", "Thanet", "Tonbridge and Malling", "Tunbridge Wells"])
        #expect(table.rows.map(\.costShare).reduce(0, +) == 1)
        let county = table.rows[0]
        #expect(county.costShare == 0.5)
        #expect((county.annualCost * 100).rounded() / 100 == 28_766.50)
        #expect((county.ownPostAnnualCost * 100).rounded() / 100 == 57_533.00)
        // Districts pay their population's share of the other half, and each saves the rest of a post.
        let districtPopulation = table.rows.dropFirst().reduce(0) { $0 + $1.population }
        #expect(districtPopulation == county.population)
        for row in table.rows.dropFirst() {
            #expect(abs(row.costShare - 0.5 * Double(row.population) / Double(districtPopulation)) < 1e-12)
            #expect(abs(row.annualCost + row.saving - 57_533) < 0.01)
            #expect(row.coverage < row.ownPostCoverage)
        }
        // Every Kent council's resident gets the same density of coordinator time.
        let density = table.rows.map { $0.fteServing / Double($0.population) }
        #expect(density.allSatisfy { abs($0 - density[0]) < 1e-15 })
        #expect(abs(table.rows.map(\.annualCost).reduce(0, +) - table.postAnnualCost[table.posts[0].id]!) < 1e-9)
    }

    @Test func areaPrefersTheKindTheScenarioShares() throws {
        let (assumptions, authorities) = try shippedInputs()
        let built = try Deployment.build(rule: .policeForceArea(fte: .fixed(1)), sharing: .population,
                                         authorities: authorities, assumptions: assumptions)
        let kent = try AreaShares.area(named: "Kent", kind: nil, deployment: built, authorities: authorities)
        #expect(kent.kind == .policeForceArea)
        #expect(kent.members.contains { $0.name == "Medway" })
        let table = built.shares(in: kent, fullTimeSalary: 44490.84, rates: reportRates, ownPostFTE: 1)
        #expect(table.rows.count == 14)
        #expect(table.rows.map(\.costShare).reduce(0, +) == 1)
    }
}
