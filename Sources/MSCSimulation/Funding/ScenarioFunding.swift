import Foundation
import MSCModel

/// The funding of every post of a scenario (DESIGN 3.2), exact and simulated: posts of one council
/// face the mix as it is; a shared post whose councils each decide their own part of a source
/// (``FundingDecision/perCouncil``) faces one decision per council, so it is worked out on its own.
public struct ScenarioFunding: Sendable {
    /// Posts funded alike: the posts of one council, or one shared post.
    public struct Group: Sendable {
        /// "posts of one council", or the shared post's name.
        public let name: String
        /// Posts in the group (over the horizon, counting a successor's post once).
        public let posts: Int
        /// Councils paying towards each post.
        public let councils: Int
        /// Funding decisions each post faces: one per source, and one per council for a source
        /// decided per council.
        public let decisions: Int
        /// The exact expectation for one of its posts, when the renewal distributions have closed-form moments.
        public let analytic: FundingExpectation?
        /// The Monte Carlo estimate for one of its posts.
        public let simulated: FundingSimulationResult
    }

    /// The groups, in the plan's order (the posts of one council first).
    public let groups: [Group]
    /// The average post: each group weighted by its posts (nil when a group has no exact value).
    public let analytic: FundingExpectation?
    /// The Monte Carlo estimate of the average post, with standard errors combined over the groups
    /// (independent runs): `sqrt(Σ_g w_g² se_g²)`.
    public let simulated: FundingSimulationResult

    /// Works out every group of `plan`, simulating `runs` posts of each; group g's stream starts
    /// from a seed derived from `seed` and g (group 0 from `seed` itself).
    public static func analyse(_ plan: ScenarioPlan, runs: Int, seed: UInt64) -> ScenarioFunding {
        let model = plan.model
        let years = model.horizonYears
        let mix = plan.scenario.funding
        var groups: [Group] = []
        for (index, group) in plan.fundingGroups.enumerated() {
            let posts = model.posts.filter { $0.fundingIndex == index }.count
            guard posts > 0 || index == 0 else { continue }
            let expanded = mix.expanded(split: group.split)
            let groupSeed = index == 0 ? seed : seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15
            let simulated = FundingSimulation.run(mix: expanded.mix, horizonYears: years, runs: runs, seed: groupSeed)
            let name = index == 0 ? "Posts of one council" : (model.fundingGroupNames[index].split(separator: ":", maxSplits: 1).last
                .map { $0.trimmingCharacters(in: .whitespaces) } ?? model.fundingGroupNames[index])
            groups.append(Group(
                name: name, posts: posts, councils: max(1, group.split.filter { $0 > 0 }.count), decisions: mix.partCount(split: group.split),
                analytic: mix.analyticFunding(horizonYears: years, split: group.split),
                simulated: simulated.regrouped(sourceOf: expanded.sourceOf, sourceCount: mix.sources.count)))
        }
        let weighted = groups.filter { $0.posts > 0 }
        let total = Double(weighted.reduce(0) { $0 + $1.posts })
        let analytic: FundingExpectation? = weighted.allSatisfy { $0.analytic != nil }
            ? FundingExpectation.average(weighted.map { ($0.analytic!, Double($0.posts)) }) : nil
        let simulatedMean = FundingExpectation.average(weighted.map { ($0.simulated.expectation, Double($0.posts)) })
            ?? groups[0].simulated.expectation
        func combined(_ errors: (FundingSimulationResult) -> [Double]) -> [Double] {
            var sum = Array(repeating: 0.0, count: errors(groups[0].simulated).count)
            for group in weighted {
                let weight = total > 0 ? Double(group.posts) / total : 1
                for (year, error) in errors(group.simulated).enumerated() { sum[year] += weight * weight * error * error }
            }
            return sum.map { $0.squareRoot() }
        }
        let simulated = FundingSimulationResult(
            expectation: simulatedMean, survivalStandardError: combined(\.survivalStandardError),
            expectedPostYearsStandardError: combined { [$0.expectedPostYearsStandardError] }[0],
            runs: runs, seed: seed)
        return ScenarioFunding(groups: groups, analytic: analytic, simulated: simulated)
    }

    /// The groups of shared posts whose councils each decide their own part (empty when none).
    public var sharedGroups: [Group] { groups.filter { $0.councils > 1 } }
}

extension FundingSimulationResult {
    /// The result with an expanded mix's funders added back into the sources they are parts of.
    func regrouped(sourceOf: [Int], sourceCount: Int) -> FundingSimulationResult {
        FundingSimulationResult(expectation: expectation.regrouped(sourceOf: sourceOf, sourceCount: sourceCount),
                                survivalStandardError: survivalStandardError,
                                expectedPostYearsStandardError: expectedPostYearsStandardError, runs: runs, seed: seed)
    }
}
