import Foundation
import MSCModel
import MSCSimulation
import MSCTestSupport
import Testing

// The decision problem built from real scenario runs: kept draws do not depend on the thread
// count, net benefit rebuilt from its parts equals the engine's NPV, and every uncertain input of
// the shipped scenarios belongs to one of the named groups.

private func plans(_ names: [String]) throws -> [ScenarioPlan] {
    try names.map(PackageRoot.shippedPlan)
}

@Test func keptDrawsAndTheDecisionProblemDoNotDependOnThreads() throws {
    let loaded = try plans(["status-quo", "national-rollout"])
    func run(threads: Int) throws -> [SimulationResult] {
        try loaded.map {
            try SimulationEngine.run($0.plan, settings: SimulationSettings(runs: 300, seed: 5, threads: threads, chunkSize: 50,
                                                                           keepInputDraws: true))
        }
    }
    let one = try run(threads: 1), three = try run(threads: 3)
    #expect(one.map(\.inputDraws) == three.map(\.inputDraws))
    let problem = try DecisionProblem.build(plans: loaded, results: one, baselineIndex: 0)
    // Shared inputs are drawn the same in both scenarios, so they appear once.
    #expect(Set(problem.inputs.map(\.name)).count == problem.inputs.count)
    #expect(!problem.inputs.contains { $0.name.hasSuffix(")") })
    for (option, result) in zip(problem.options, one) {
        let values = try #require(result.inputDraws?.valuePerIdentification)
        for i in 0..<result.iterations {
            // λ × discounted identifications − costs at the iteration's own λ is its NPV.
            let rebuilt = values[i] * option.discountedIdentifications[i] - option.presentValueCosts[i]
            #expect(abs(rebuilt - option.netPresentValue[i]) <= 1e-6 * max(1, abs(option.netPresentValue[i])))
        }
        // Undiscounted identifications are the run's additional identifications.
        #expect(option.identifications == result.metrics[.additionalIdentifications])
    }
    // The draws of an input are the ones the assumption's distribution gave: within its range.
    let rateRatio = try #require(problem.inputs.first { $0.name == "identificationRateRatio" })
    #expect(Set(rateRatio.draws).count > 250)
}

@Test func everyUncertainInputOfTheShippedScenariosIsInANamedGroup() throws {
    let loaded = try plans(["status-quo", "national-rollout", "county-shared", "regional-hub", "police-force-area", "local-mix"])
    let groups = InformationGroups.groups(for: loaded.map(\.scenario))
    let grouped = Set(groups.flatMap(\.members))
    for plan in loaded {
        for assumption in plan.plan.nationalAssumptions where assumption.distribution.isUncertain {
            #expect(grouped.contains(assumption.name), "\(assumption.name) of \(plan.scenario.name) is in no group")
        }
    }
}
