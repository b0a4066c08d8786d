import Foundation
import MSCModel
import Testing
import MSCTestSupport
@testable import MSCSimulation

/// The shipped scenarios compiled for the engine, checked against independent arithmetic.
@Suite struct ScenarioPlanTests {
    static var root: String { PackageRoot.path }

    static func plan(_ name: String) throws -> ScenarioPlan {
        try ScenarioPlan.load(path: root + "/Scenarios/\(name).yaml", assumptionsDirectory: root + "/Assumptions",
                              authoritiesPath: root + "/Assumptions/authorities.csv")
    }

    @Test func nationalRolloutFirstYearCostIs339PostsAtTheCentralCost() throws {
        let plan = try Self.plan("national-rollout")
        #expect(plan.plan.model.posts.count == 339)
        // Central post: £44,490.84 + 15% NI above £5,000 + 16% pension + £5,000 budget = £62,533.0004.
        let perPost = 44490.84 * 1.16 + 0.15 * (44490.84 - 5000) + 5000
        let outcome = plan.plan.centralCase()
        #expect(abs(outcome.costByYear[0] - 339 * perPost) < 1e-3)
        #expect(outcome.postsByYear[0] == 339)
    }

    @Test func presentValuesAreTheDiscountedFlows() throws {
        let plan = try Self.plan("county-shared")
        let outcome = plan.plan.centralCase()
        let factors = plan.plan.model.discountFactors
        let costs = zip(outcome.costByYear, factors).reduce(0) { $0 + $1.0 * $1.1 }
        let benefits = zip(outcome.benefitByYear, factors).reduce(0) { $0 + $1.0 * $1.1 }
        let optimismBias = try plan.assumptions.value("optimismBias")
        #expect(abs(outcome.presentValueCosts - costs * (1 + optimismBias)) < 1e-6 * costs)
        #expect(abs(outcome.presentValueBenefits - benefits) < 1e-6 * max(benefits, 1))
        #expect(abs(factors[10 < factors.count ? 10 : factors.count - 1] - 1 / pow(1.035, Double(min(10, factors.count - 1)))) < 1e-12)
    }

    @Test func trainingAddsItsCostsAndOnlyWhileAPostIsFunded() throws {
        let without = try Self.plan("national-rollout")
        let with = try Self.plan("national-rollout-with-training")
        let a = without.plan.centralCase(), b = with.plan.centralCase()
        #expect(a.benefitByYear == b.benefitByYear)
        let survival = with.centralFunding.survival
        for t in 0..<a.costByYear.count {
            let training = with.plan.model.posts.reduce(0.0) { $0 + $1.trainingCostByYear[t] }
            #expect(training > 0)
            #expect(abs((b.costByYear[t] - a.costByYear[t]) - training * survival[t]) < 1e-6 * training)
        }
    }

    @Test func sharingCreditsEachAuthorityOnce() throws {
        // In county-shared every authority is served by exactly one post, so the posts' effect
        // bases add up to the authorities' coverage-weighted baselines.
        let plan = try Self.plan("county-shared")
        let fromPosts = plan.plan.model.effectBase(plan.plan.nationalInputs(plan.plan.centralNationalValues)).reduce(0, +)
        let fromAuthorities = plan.authorityRows.reduce(0) { $0 + $1.baselineIdentifications * $1.coverage }
        #expect(abs(fromPosts - fromAuthorities) < 1e-9 * fromAuthorities)
        #expect(plan.plan.model.posts.count == 175)
    }

    @Test func scenariosWithTheSamePostsShareTheirCostDraws() throws {
        // national-rollout and local-mix deploy the same 339 posts and differ only in funding, so
        // with one seed their first-year costs agree iteration by iteration (common random numbers).
        let settings = SimulationSettings(runs: 500, seed: 99, threads: 2)
        let central = try SimulationEngine.run(try Self.plan("national-rollout").plan, settings: settings)
        let local = try SimulationEngine.run(try Self.plan("local-mix").plan, settings: settings)
        #expect(central.metrics[.firstYearCost] == local.metrics[.firstYearCost])
    }

    @Test func aPostOfSeveralPeopleCostsTheSameInEveryCommand() throws {
        // regional-hub posts exceed 1 FTE: the engine and `msc share` must cost them alike.
        let plan = try Self.plan("regional-hub")
        #expect(plan.plan.model.posts.contains { $0.fte > 1 })
        let rates = try PostCostRates.central(from: plan.assumptions, taxYear: plan.scenario.priceBaseYear)
        let salary = try plan.assumptions.value("salary")
        let fromShare = plan.deployment.posts.reduce(0) { $0 + $1.annualCost(fullTimeSalary: salary, rates: rates) }
        let firstYear = plan.fullyFundedPostCostByYear[0]
        #expect(abs(firstYear - fromShare) < 1e-6 * fromShare)
    }

    @Test func aNationalGrantEndsEveryPostTogether() throws {
        // national-rollout's grant is one national decision at years 3, 6 and 9: in any iteration
        // either every post is funded in the final year or none is; the share with all funded is
        // E[q^3] for q ~ Beta(38, 2) = 38·39·40 / (40·41·42).
        let plan = try Self.plan("national-rollout")
        let result = try SimulationEngine.run(plan.plan, settings: SimulationSettings(runs: 4000, seed: 3, threads: 2))
        let final = try #require(result.metrics[.postsAtHorizon])
        #expect(final.allSatisfy { $0 == 0 || $0 == 339 })
        let allFunded = Double(final.filter { $0 == 339 }.count) / Double(final.count)
        let expected = 38.0 * 39 * 40 / (40 * 41 * 42)
        let standardError = (expected * (1 - expected) / Double(final.count)).squareRoot()
        #expect(abs(allFunded - expected) < 4 * standardError)
    }
}
