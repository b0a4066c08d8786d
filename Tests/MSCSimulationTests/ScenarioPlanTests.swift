import Foundation
import MSCModel
import Testing
import MSCTestSupport
@testable import MSCSimulation

/// The shipped scenarios compiled for the engine, checked against independent arithmetic.
@Suite struct ScenarioPlanTests {
    static var root: String { PackageRoot.path }

    static func plan(_ name: String) throws -> ScenarioPlan {
        try PackageRoot.shippedPlan(name)
    }

    @Test func nationalRolloutFirstYearCostIs329PostsAtTheCentralCost() throws {
        // From 2027-28 (the rollout's first year) Surrey's 12 councils are 2: 339 - 12 + 2 = 329.
        let plan = try Self.plan("national-rollout")
        #expect(plan.plan.model.posts.count == 329)
        // Central post at full economic cost at 2026-27 prices: the 2025-26 salary £44,490.84
        // brought forward by the 2026-27 award (the employers' 3.3% offer) + 16% pension + 0.5%
        // apprenticeship levy + 20% overheads + 15% NI above £5,000 + £5,000 budget.
        let salary = 44490.84 * 1.033
        let perPost = salary * (1 + 0.16 + 0.005 + 0.20) + 0.15 * (salary - 5000) + 5000
        let outcome = plan.plan.centralCase()
        #expect(abs(outcome.costByYear[0] - 329 * perPost) < 1e-3)
        #expect(outcome.postsByYear[0] == 329)
    }

    /// The 2026-27 pay award is not agreed (3.3% offered, 3.3% to 4.5% in its range): it is drawn,
    /// and a draw replaces the central award in every salary.
    @Test func thePendingPayAwardIsDrawnAndMovesEverySalary() throws {
        let plan = try Self.plan("national-rollout")
        let award = try #require(plan.plan.nationalAssumptions.first { $0.name == "payAward2026to27" })
        #expect(award.distribution == .triangular(minimum: 0.033, mode: 0.033, maximum: 0.045))
        var values = plan.plan.centralNationalValues
        values[plan.plan.nationalAssumptions.firstIndex { $0.name == "payAward2026to27" }!] = 0.045
        let outcome = plan.plan.centralCase(nationalValues: values)
        // By hand, as the full economic cost above with the 2025-26 salary brought forward by 4.5%.
        let salary = 44490.84 * 1.045
        let perPost = salary * (1 + 0.16 + 0.005 + 0.20) + 0.15 * (salary - 5000) + 5000
        #expect(abs(outcome.costByYear[0] - 329 * perPost) < 1e-3)
    }

    @Test func presentValuesOfTheRolloutByHand() throws {
        // national-rollout: 329 posts at the central full economic cost (as above), funded in year t
        // with probability E[q^k], q ~ Beta(38, 2), k = floor(t / 3) renewals; no real pay growth and
        // no training; money in 2026-27 prices from 2027-28, so year t is discounted t + 1 years at
        // 3.5%; programme costs carry 41% optimism bias (Mott MacDonald's upper bound) less the 60%
        // of it that the risks the model draws remove: 0.41 × (1 − 0.25 − 0.1 − 0.1 − 0.1 − 0.05) = 16.4%;
        // the unmitigated figure keeps 41%.
        let plan = try Self.plan("national-rollout")
        #expect(try plan.assumptions.value("realPayGrowth") == 0)
        #expect(plan.postsInPlaceByYear.allSatisfy { $0 == 329 })
        let outcome = plan.plan.centralCase()
        let salary = 44490.84 * 1.033   // 2025-26 salary, 2026-27 award
        let perPost = salary * (1 + 0.16 + 0.005 + 0.20) + 0.15 * (salary - 5000) + 5000
        var programme = 0.0, benefits = 0.0, triggered = 0.0, identifications = 0.0
        for t in 0..<outcome.costByYear.count {
            var funded = 1.0
            for j in 0..<(t / 3) { funded *= (38 + Double(j)) / (40 + Double(j)) }
            let discount = 1 / pow(1.035, Double(t + 1))
            programme += 329 * funded * perPost * discount
            // Health effects (three quarters of the benefits, healthShareOfAvoidableHarm) at the
            // Green Book health rate, 1.5%; the rest at 3.5%.
            benefits += outcome.benefitByYear[t] * (0.75 / pow(1.015, Double(t + 1)) + 0.25 * discount)
            triggered += outcome.triggeredCostByYear[t] * discount
            identifications += outcome.identificationsByYear[t] * discount
        }
        #expect(triggered > 0)
        let uplift = 1 + 0.41 * 0.4
        #expect(abs(outcome.presentValueProgrammeCosts - programme * uplift) < 1e-9 * programme)
        #expect(abs(outcome.presentValueCosts - (programme * uplift + triggered)) < 1e-9 * programme)
        #expect(abs(outcome.presentValueProgrammeCostsAtStartingOptimismBias - programme * 1.41) < 1e-9 * programme)
        #expect(abs(outcome.netPresentValueAtStartingOptimismBias - (benefits - programme * 1.41 - triggered)) < 1e-9 * programme)
        #expect(abs(outcome.presentValueBenefits - benefits) < 1e-9 * benefits)
        #expect(abs(outcome.costPerIdentification - programme * uplift / identifications) < 1e-9 * outcome.costPerIdentification)
    }

    @Test func triggeredCostsAreEachIdentificationsCostsByBody() throws {
        let plan = try Self.plan("county-shared")
        let outcome = plan.plan.centralCase()
        // Money in 2026-27 prices, the programme from 2027-28: year t is discounted t + 1 years.
        let factors = plan.plan.model.discountFactors
        for t in factors.indices { #expect(abs(factors[t] - 1 / pow(1.035, Double(t + 1))) < 1e-12) }
        // Triggered costs: each identification's costs by body, recomputed from the assumptions.
        let set = plan.assumptions
        let nrm = 277.0 / 488
        let perNRM = try set.value("decisionCostPerReferral") + (try set.value("supportContractCostPerAdultSupported")
            + set.value("healthCostPerAdultSupported")) * set.value("reasonableGroundsPositiveShare")
            + set.value("policeCostPerReferral") + set.value("councilCostPerIdentification")
        let perIdentification = nrm * perNRM + (1 - nrm) * (try set.value("councilCostPerIdentification"))
        // A child referral triggers the decision, police and council costs (children's services support children).
        let perChild = try set.value("decisionCostPerReferral") + set.value("policeCostPerReferral") + set.value("councilCostPerIdentification")
        for t in factors.indices {
            let byHand = outcome.identificationsByYear[t] * perIdentification + outcome.childIdentificationsByYear[t] * perChild
            #expect(abs(outcome.triggeredCostByYear[t] - byHand) < 1e-6)
        }
    }

    @Test func trainingAddsItsCostsAndOnlyWhileAPostIsFunded() throws {
        let without = try Self.plan("national-rollout")
        let with = try Self.plan("national-rollout-with-training")
        let a = without.plan.centralCase(), b = with.plan.centralCase()
        #expect(a.benefitByYear == b.benefitByYear)
        let survival = with.expectedFunding.survival
        for t in 0..<a.costByYear.count {
            let training = with.plan.model.posts.reduce(0.0) { $0 + $1.trainingCostByYear[t] }
            #expect(training > 0)
            #expect(abs((b.costByYear[t] - a.costByYear[t]) - training * survival[t]) < 1e-6 * training)
        }
    }

    @Test func theCentralCaseWeightsPostsByExpectedSurvival() throws {
        // A national grant renewed every 3 years with q ~ Beta(38, 2): the posts funded in year t
        // are 329 E[q^k], k = floor(t / 3) renewals, not 329 × 0.95^k (329 councils from 2027-28).
        let plan = try Self.plan("national-rollout")
        let outcome = plan.plan.centralCase()
        for t in 0..<outcome.postsByYear.count {
            let k = t / 3
            var moment = 1.0
            for j in 0..<k { moment *= (38 + Double(j)) / (40 + Double(j)) }
            #expect(abs(outcome.postsByYear[t] - 329 * moment) < 1e-9)
        }
        #expect(abs(outcome.postsByYear[9] - 329 * pow(0.95, 3)) > 1)
    }

    @Test func postsThatExistTodayAreAtFullEffectFromTheFirstYear() throws {
        // In national-rollout the 9 councils status-quo places today's posts in have them at full
        // effect from year 1: their effect is the same in both scenarios while funded.
        let rollout = try Self.plan("national-rollout"), status = try Self.plan("status-quo")
        #expect(rollout.existingHostCodes == status.existingHostCodes)
        #expect(rollout.existingHostCodes.count == 9)
        let existing = rollout.plan.model.posts.filter { $0.rampStartYear == ScenarioModel.Post.alreadyAtFullEffect }
        #expect(existing.count == 9)
        #expect(status.plan.model.posts.allSatisfy { $0.rampStartYear == ScenarioModel.Post.alreadyAtFullEffect })
        // Status quo: identifications per funded post are the same in every year (no ramp).
        let outcome = status.plan.centralCase()
        let perPost = outcome.identificationsByYear[0] / outcome.postsByYear[0]
        for t in 1..<outcome.postsByYear.count {
            #expect(abs(outcome.identificationsByYear[t] / outcome.postsByYear[t] - perPost) < 1e-9 * perPost)
        }
    }

    @Test func sharingCreditsEachAuthorityOnce() throws {
        // In county-shared every authority is served by exactly one post, so the posts' effect
        // bases add up to the authorities' coverage-weighted baselines.
        let plan = try Self.plan("county-shared")
        let fromPosts = plan.plan.model.effectBase(plan.plan.nationalInputs(plan.plan.centralNationalValues)).reduce(0, +)
        let fromAuthorities = plan.authorityRows.reduce(0) { $0 + $1.baselineIdentifications * $1.coverage }
        #expect(abs(fromPosts - fromAuthorities) < 1e-9 * fromAuthorities)
        // 20 county areas and 156 single-tier councils (East and West Surrey among them) from 2027-28.
        #expect(plan.plan.model.posts.count == 176)
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
        var rates = try PostCostRates.central(from: plan.assumptions, taxYear: plan.scenario.priceBaseYear)
        rates.apprenticeshipLevyRate = try plan.assumptions.value("appraisalApprenticeshipLevyRate")
        rates.overheadRate = try plan.assumptions.value("appraisalOverheadRate")
        let salary = try plan.assumptions.value("salary") * 1.033   // brought to 2026-27
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
        #expect(final.allSatisfy { $0 == 0 || $0 == 329 })
        let allFunded = Double(final.filter { $0 == 329 }.count) / Double(final.count)
        let expected = 38.0 * 39 * 40 / (40 * 41 * 42)
        let standardError = (expected * (1 - expected) / Double(final.count)).squareRoot()
        #expect(abs(allFunded - expected) < 4 * standardError)
    }

    @Test func theSalaryIsBroughtForwardToThePriceBaseYearValueAndRange() throws {
        // The shipped salary is quoted for 2025-26 (triangular 40,777 / 44,490.84 / 48,204.68); a
        // 2026-27 price base year multiplies all of it by the 2026-27 award, 1.033 (not agreed).
        let plan = try Self.plan("national-rollout")
        let salary = plan.plan.salary
        #expect(abs(salary.value - 44490.84 * 1.033) < 1e-9)
        // The range comes along: its top, 44,490.84 + (44,490.84 − 40,777) = 48,204.68, × 1.033,
        // and its mean stays the brought-forward average.
        #expect(abs(salary.distribution.support.upperBound - 48204.68 * 1.033) < 1e-9)
        #expect(abs(salary.distribution.mean - 44490.84 * 1.033) < 1e-6)
        let note = try #require(salary.notes)
        for words in ["2026-27 3.3%", "not agreed", "from 2025-26 to 2026-27"] { #expect(note.contains(words), "\(note)") }
        // The per-authority rows cost the same salary.
        let row = try #require(plan.authorityRows.first { $0.postName != nil && $0.costShare == 1 })
        var rates = try PostCostRates.central(from: plan.assumptions, taxYear: "2026-27")
        rates.operationalBudget = try plan.assumptions.value("operationalBudget")
        let expected = 44490.84 * 1.033 * (1 + 0.16) + 0.15 * (44490.84 * 1.033 - 5000) + rates.operationalBudget
        #expect(abs(row.annualCost - expected) < 1e-6)
    }

    @Test func aSalaryTheScenarioOrTheUserSetsIsNotBroughtForwardAgain() throws {
        // A scenario's override is in its price base year's pounds already.
        let source = try String(contentsOfFile: Self.root + "/Scenarios/national-rollout.yaml", encoding: .utf8)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("msc-salary-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("own-salary.yaml").path
        try (source + "\noverrides:\n  salary:\n    value: 50000\n    distribution: {kind: triangular, minimum: 45000, mode: 50000, maximum: 55000}\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let overridden = try ScenarioPlan.load(path: path, assumptionsDirectory: Self.root + "/Assumptions",
                                               authoritiesPath: Self.root + "/Assumptions/authorities.csv")
        #expect(overridden.plan.salary.value == 50000)
        #expect(overridden.plan.salary.distribution == .triangular(minimum: 45000, mode: 50000, maximum: 55000))
        // So is a value set with --set.
        let set = try ScenarioPlan.load(path: Self.root + "/Scenarios/national-rollout.yaml", assumptionsDirectory: Self.root + "/Assumptions",
                                        authoritiesPath: Self.root + "/Assumptions/authorities.csv",
                                        settings: [try AssumptionSetting(parsing: "salary=48000")])
        #expect(set.plan.salary.value == 48000)
    }
}
