import Foundation
import GSLKit
import MSCModel
import Testing
import MSCTestSupport
@testable import MSCSimulation

/// The Monte Carlo as it was first written, kept here as an independent reference: every input
/// drawn from one stream, each post's funding walked renewal point by renewal point with one
/// uniform per decision (a national source: one decision per point for all posts), and the
/// readable model evaluated post by post and year by year.
private func referenceRun(_ plan: SimulationPlan, runs: Int, seed: UInt64) -> [Metric: [Double]] {
    let stream = RandomStream(seed: seed)
    let model = plan.model, years = model.horizonYears
    var metrics: [Metric: [Double]] = [:]
    for _ in 0..<runs {
        let values = plan.nationalAssumptions.map { $0.distribution.isUncertain ? $0.draw(using: stream) : $0.value }
        // National decisions: renewed or not at each renewal point, shared by every post of the mix.
        let nationalRenewed: [[[Bool]]] = plan.funding.map { binding in
            binding.mix.sources.enumerated().map { index, source in
                (0..<years).map { year in
                    source.decidedNationally && year > 0 && year % source.termYears == 0
                        ? stream.uniform() < values[binding.renewalSlots[index]] : true
                }
            }
        }
        var inputs = PostInputs(postCount: model.posts.count, horizonYears: years)
        for (index, post) in model.posts.enumerated() {
            inputs.salary[index] = plan.salary.draw(using: stream)
            inputs.operationalBudget[index] = plan.operationalBudget.draw(using: stream)
            let group = plan.fundingGroups[post.fundingIndex]
            let binding = plan.funding[group.mix]
            let absorb = values[binding.absorbSlot], gap = values[binding.gapToleranceSlot]
            // Each decision of the post: a source, or a council's part of one decided per council.
            let parts = binding.mix.parts(split: group.split)
            var live = Array(repeating: true, count: parts.count)
            var uncovered = 0.0
            var funded = years
            yearLoop: for year in 1..<max(years, 1) {
                for (p, part) in parts.enumerated() where live[p] && year % binding.mix.sources[part.source].termYears == 0 {
                    let source = binding.mix.sources[part.source]
                    let renewed = source.decidedNationally
                        ? nationalRenewed[group.mix][part.source][year]
                        : stream.uniform() < values[binding.renewalSlots[part.source]]
                    if renewed { continue }
                    live[p] = false
                    if absorb > 0, source.kind.isAbsorbableByHost, stream.uniform() < absorb { continue }
                    uncovered += part.share
                }
                if uncovered > gap + FundingMix.shareSumTolerance {
                    funded = year
                    break yearLoop
                }
            }
            for t in 0..<years { inputs.alive[index * years + t] = t < funded ? 1 : 0 }
        }
        let outcome = model.evaluate(national: plan.nationalInputs(values), posts: inputs)
        for metric in Metric.allCases { metrics[metric, default: []].append(metric.value(of: outcome)) }
    }
    return metrics
}

@Suite struct EngineAgreementTests {
    /// The engine's mean of every reported metric agrees with the reference's within Monte Carlo
    /// error (independent draws: the difference of means has variance se₁² + se₂²).
    private func expectAgreement(_ plan: SimulationPlan, runs: Int, label: String) throws {
        let engine = try SimulationEngine.run(plan, settings: SimulationSettings(runs: runs, seed: 2024, threads: 2))
        let reference = referenceRun(plan, runs: runs, seed: 99)
        for metric in Metric.allCases {
            let mine = engine.summary(metric), theirs = Summary(reference[metric] ?? [])
            let error = (mine.monteCarloStandardError * mine.monteCarloStandardError
                + theirs.monteCarloStandardError * theirs.monteCarloStandardError).squareRoot()
            #expect(abs(mine.mean - theirs.mean) <= 4.5 * error + 1e-9 * abs(theirs.mean),
                    "\(label) \(metric): engine \(mine.mean), reference \(theirs.mean), error \(error)")
        }
    }

    @Test func theSyntheticPlanAgreesWithTheReference() throws {
        try expectAgreement(makePlan(), runs: 3000, label: "synthetic")
    }

    @Test(arguments: [("status-quo", 3000), ("national-rollout", 400), ("county-shared", 500)])
    func shippedScenariosAgreeWithTheReference(scenario: String, runs: Int) throws {
        try expectAgreement(try ScenarioPlanTests.plan(scenario).plan, runs: runs, label: scenario)
    }
}
