import GSLKit
import MSCModel

/// Draws one iteration's per-post inputs into the kernel's scratch: each post's salary and
/// operational budget (from the post stream, post after post) and how long its funding lasts
/// (from the renewal stream, mix after mix).
struct PostDraws {
    let salary: Assumption
    let operationalBudget: Assumption
    let mixes: [FundingMix]
    /// The posts of each mix, in post order.
    let postsOfMix: [[Int]]
    let postCount: Int
    let years: Int
    /// Uniforms per post when both per-post inputs are quantiles of their uniforms (else nil).
    let uniformsPerPost: Int?

    init(plan: SimulationPlan) {
        salary = plan.salary
        operationalBudget = plan.operationalBudget
        mixes = plan.funding.map(\.mix)
        postsOfMix = plan.funding.indices.map { mix in plan.model.posts.indices.filter { plan.model.posts[$0].fundingIndex == mix } }
        postCount = plan.model.posts.count
        years = plan.model.horizonYears
        if let a = salary.distribution.uniformsPerDraw, let b = operationalBudget.distribution.uniformsPerDraw {
            uniformsPerPost = a + b
        } else {
            uniformsPerPost = nil
        }
    }

    /// Salaries and budgets, post by post; returns the draws made.
    func drawCosts(into scratch: ScenarioKernel.Scratch, stream: RandomStream) -> Int {
        let salaryDistribution = salary.distribution, salaryRange = salary.admissibleRange
        let budgetDistribution = operationalBudget.distribution, budgetRange = operationalBudget.admissibleRange
        let salaryDrawn = salaryDistribution.isUncertain, budgetDrawn = budgetDistribution.isUncertain
        if let perPost = uniformsPerPost {
            // Both are quantiles of one uniform each (or fixed): draw the uniforms in one go, in the
            // order the draws one by one would take them, so the numbers are the same.
            stream.fillUniform(UnsafeMutableBufferPointer(rebasing: scratch.uniforms[0..<(perPost * postCount)]))
            var next = 0
            for index in 0..<postCount {
                var u = salaryDrawn ? scratch.uniforms[next] : 0
                if salaryDrawn { next += 1 }
                scratch.salary[index] = salaryDistribution.draw(fromUniform: u).clamped(to: salaryRange)
                u = budgetDrawn ? scratch.uniforms[next] : 0
                if budgetDrawn { next += 1 }
                scratch.operationalBudget[index] = budgetDistribution.draw(fromUniform: u).clamped(to: budgetRange)
            }
        } else {
            for index in 0..<postCount {
                scratch.salary[index] = salaryDistribution.draw(using: stream).clamped(to: salaryRange)
                scratch.operationalBudget[index] = budgetDistribution.draw(using: stream).clamped(to: budgetRange)
            }
        }
        return (salaryDrawn ? postCount : 0) + (budgetDrawn ? postCount : 0)
    }

    /// How long each post is funded, given the iteration's funding draws; returns the draws made.
    ///
    /// A mix whose posts all last alike in this iteration (``FundingMix/fundsEveryPostAlike(_:)``:
    /// national decisions, nothing absorbed) is worked out once; any other, post by post.
    func drawFunding(_ fundingDraws: [FundingDraw], into scratch: ScenarioKernel.Scratch, lapses: inout [SourceLapse],
                     stream: RandomStream) -> Int {
        var draws = 0
        for (index, mix) in mixes.enumerated() {
            let draw = fundingDraws[index]
            let gap = draw.gapTolerance
            let posts = postsOfMix[index]
            if mix.fundsEveryPostAlike(draw) {
                mix.drawLapses(horizonYears: years, draw: draw, into: &lapses, uniform: { draws += 1; return stream.uniform() })
                let end = mix.fundedYears(horizonYears: years, lapses: lapses, gapTolerance: gap)
                for post in posts { scratch.endYear[post] = end }
                continue
            }
            for post in posts {
                mix.drawLapses(horizonYears: years, draw: draw, into: &lapses, uniform: { draws += 1; return stream.uniform() })
                scratch.endYear[post] = mix.fundedYears(horizonYears: years, lapses: lapses, gapTolerance: gap)
            }
        }
        return draws
    }
}
