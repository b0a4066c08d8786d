import Foundation
import MSCModel
import MSCTestSupport
import Testing
@testable import MSCSimulation

/// Children as an explicit, uncertain part of the benefit (finding 7).
@Suite("Child component of the benefit") struct ChildComponentTests {
    static func plan(_ name: String, _ settings: [String]) throws -> ScenarioPlan {
        try ScenarioPlan.load(path: PackageRoot.file("Scenarios/\(name).yaml"), assumptionsDirectory: PackageRoot.file("Assumptions"),
                              authoritiesPath: PackageRoot.file("Assumptions/authorities.csv"),
                              settings: settings.map(AssumptionSetting.init(parsing:)))
    }

    @Test func theRatioIsCouncilsChildReferralsOverTheirAdultIdentifications() throws {
        // Table 14, 2023: 969 + 833 + 878 + 932 children; 277 adult referrals + 211 DtN reports.
        let plan = try PackageRoot.shippedPlan("national-rollout")
        #expect(abs(plan.model.childReferralsPerAdultIdentification - 3612.0 / 488.0) < 1e-12)
    }

    @Test func theCentralCaseByHand() throws {
        // A fixed share and displacement: children = 0.02 × 3,612 / 488 × adults / (1 − 0.25), each
        // worth unit cost × avoidable × avoided × confirmed × (1 − reduction), discounted like benefits.
        let plan = try Self.plan("national-rollout", ["childAdditionalityShare=0.02", "displacementShare=0.25"])
        let outcome = plan.plan.centralCase()
        let set = plan.assumptions
        let unitCost = try #require(plan.plan.nationalAssumptions.first { $0.name == "unitCostPerVictim" }).value
        let perChild = unitCost * (try set.value("avoidableHarmShare")) * (try set.value("harmAvoidedShare"))
            * (try set.value("conclusiveGroundsPositiveShare")) * (1 - plan.adjustments.benefitReduction.value)
        let perChildTriggered = try set.value("decisionCostPerReferral") + set.value("policeCostPerReferral")
            + set.value("councilCostPerIdentification")
        let health = try set.value("healthShareOfAvoidableHarm")
        var childValue = 0.0, childTriggered = 0.0
        for t in outcome.identificationsByYear.indices {
            let children = 0.02 * 3612 / 488 * outcome.identificationsByYear[t] / 0.75
            #expect(abs(outcome.childIdentificationsByYear[t] - children) <= 1e-9 * max(1, children))
            let factor = health * plan.model.healthDiscountFactors[t] + (1 - health) * plan.discountFactors[t]
            childValue += factor * children * perChild
            childTriggered += plan.discountFactors[t] * children * perChildTriggered
        }
        #expect(childValue > 0)
        #expect(abs(outcome.presentValueChildBenefits - childValue) <= 1e-9 * childValue)
        #expect(abs(outcome.presentValueChildTriggeredCosts - childTriggered) <= 1e-9 * childTriggered)
        #expect(abs(outcome.netPresentValueWithoutChildren - (outcome.netPresentValue - childValue + childTriggered)) <= 1e-6 * childValue)
    }

    @Test func theExpectedChildReferralsAreTheMeanShareTimesTheRatioTimesTheGrossAdults() throws {
        // The share is drawn independently of everything else: E[children] = E[s] × 3,612 / 488 × E[adults] / 0.75,
        // with E[s] = (0 + 0.01 + 0.05) / 3 = 0.02 for triangular(0, 0.01, 0.05).
        let plan = try Self.plan("national-rollout", ["displacementShare=0.25"])
        let result = try SimulationEngine.run(plan.plan, settings: SimulationSettings(runs: 4000, seed: 11, threads: 2, keepInputDraws: true))
        let adults = result.summary(.additionalIdentifications).mean, children = result.summary(.childIdentifications).mean
        let expected = 0.02 * 3612 / 488 * adults / 0.75
        #expect(abs(children / expected - 1) < 0.05, "mean child referrals \(children), by hand \(expected)")
        // Draw by draw it is exact: s_i × ratio × adults_i / 0.75.
        let share = try #require(result.inputDraws?.column("childAdditionalityShare"))
        let adultDraws = try #require(result.metrics[.additionalIdentifications]), childDraws = try #require(result.metrics[.childIdentifications])
        for i in 0..<result.iterations {
            let byHand = share[i] * 3612 / 488 * adultDraws[i] / 0.75
            #expect(abs(childDraws[i] - byHand) <= 1e-9 * max(1, byHand))
        }
    }

    @Test func aShareOfZeroGivesTheAdultsOnlyFiguresExactly() throws {
        let plan = try Self.plan("national-rollout", ["childAdditionalityShare=0"])
        let result = try SimulationEngine.run(plan.plan, settings: SimulationSettings(runs: 500, seed: 5))
        #expect(result.metrics[.netPresentValue] == result.metrics[.netPresentValueWithoutChildren])
        #expect(result.metrics[.childIdentifications]?.allSatisfy { $0 == 0 } == true)
        // The central case's benefits are the adults' identifications times their value, as before children were counted.
        let outcome = plan.plan.centralCase()
        let national = plan.plan.nationalInputs(plan.plan.centralNationalValues)
        let value = plan.model.valuePerIdentification(national), triggered = plan.model.triggeredCosts(national).perIdentification
        #expect(outcome.benefitByYear == outcome.identificationsByYear.map { $0 * value })
        #expect(outcome.triggeredCostByYear == outcome.identificationsByYear.map { $0 * triggered })
        #expect(outcome.presentValueChildBenefits == 0)
        // And the other draws are untouched by the child share: the same seed gives the same adults.
        let withChildren = try SimulationEngine.run(try PackageRoot.shippedPlan("national-rollout").plan, settings: SimulationSettings(runs: 500, seed: 5))
        #expect(withChildren.metrics[.additionalIdentifications] == result.metrics[.additionalIdentifications])
        #expect(withChildren.metrics[.presentValueCosts] != result.metrics[.presentValueCosts])
    }
}
