import GSLKit
import MSCModel

/// Draws one iteration's per-post inputs into the kernel's scratch: each post's salary and
/// operational budget (from the post stream, post after post) and how long its funding lasts
/// (from the renewal stream, funding group after group).
struct PostDraws {
    let salary: Assumption
    let operationalBudget: Assumption
    let mixes: [FundingMix]
    /// Each funding group's posts (in post order) and the decisions they face
    /// (``FundingMix/parts(split:)``), worked out once and flat: group g's posts are
    /// `groupPosts[groupPostStart[g]..<groupPostStart[g + 1]]`, its decisions likewise. Raw
    /// buffers, so the draw takes no reference to an array per group.
    let groupPosts: ConstantBuffer<Int>
    let groupPostStart: ConstantBuffer<Int>
    let groupParts: ConstantBuffer<FundingMix.Part>
    let groupPartStart: ConstantBuffer<Int>
    /// The groups of each mix, in group order.
    let groupsOfMix: [[Int]]
    let postCount: Int
    let years: Int
    /// Salary and budget as quantiles of their uniforms, when both are (else nil).
    let quantiles: (salary: PerPostQuantile, budget: PerPostQuantile)?

    init(plan: SimulationPlan) {
        salary = plan.salary
        operationalBudget = plan.operationalBudget
        mixes = plan.funding.map(\.mix)
        let partsOfGroup = plan.fundingGroups.map { plan.funding[$0.mix].mix.parts(split: $0.split) }
        groupsOfMix = plan.funding.indices.map { mix in plan.fundingGroups.indices.filter { plan.fundingGroups[$0].mix == mix } }
        let postsOfGroup = plan.fundingGroups.indices.map { group in
            plan.model.posts.indices.filter { plan.model.posts[$0].fundingIndex == group }
        }
        func starts(_ counts: [Int]) -> [Int] { counts.reduce(into: [0]) { $0.append($0.last! + $1) } }
        groupPosts = ConstantBuffer(postsOfGroup.flatMap { $0 })
        groupPostStart = ConstantBuffer(starts(postsOfGroup.map(\.count)))
        groupParts = ConstantBuffer(partsOfGroup.flatMap { $0 })
        groupPartStart = ConstantBuffer(starts(partsOfGroup.map(\.count)))
        postCount = plan.model.posts.count
        years = plan.model.horizonYears
        if let salaryQuantile = PerPostQuantile(salary), let budgetQuantile = PerPostQuantile(operationalBudget) {
            quantiles = (salaryQuantile, budgetQuantile)
        } else {
            quantiles = nil
        }
    }

    /// Salaries and budgets, post by post; returns the draws made.
    func drawCosts(into scratch: ScenarioKernel.Scratch, stream: RandomStream) -> Int {
        let salaryDrawn = salary.distribution.isUncertain, budgetDrawn = operationalBudget.distribution.isUncertain
        if let (salaryQuantile, budgetQuantile) = quantiles {
            // Both are quantiles of one uniform each (or fixed): draw the uniforms in one go, in the
            // order the draws one by one would take them, so the numbers are the same.
            let perPost = salaryQuantile.uniformsPerDraw + budgetQuantile.uniformsPerDraw
            let uniforms = UnsafeMutableBufferPointer(rebasing: scratch.uniforms[0..<(perPost * postCount)])
            stream.fillUniform(uniforms)
            PerPostQuantile.values(salary: salaryQuantile, budget: budgetQuantile, uniforms: UnsafeBufferPointer(uniforms),
                                   salaries: scratch.salary, budgets: scratch.operationalBudget, posts: postCount)
        } else {
            let salaryDistribution = salary.distribution, salaryRange = salary.admissibleRange
            let budgetDistribution = operationalBudget.distribution, budgetRange = operationalBudget.admissibleRange
            for index in 0..<postCount {
                scratch.salary[index] = salaryDistribution.draw(using: stream).clamped(to: salaryRange)
                scratch.operationalBudget[index] = budgetDistribution.draw(using: stream).clamped(to: budgetRange)
            }
        }
        return (salaryDrawn ? postCount : 0) + (budgetDrawn ? postCount : 0)
    }

    /// One ``FundingLapseKernel`` per mix, for one worker thread (each holds its iteration's state).
    func makeFundingKernels() -> [FundingLapseKernel] {
        mixes.indices.map { mix in
            FundingLapseKernel(mix: mixes[mix], horizonYears: years,
                               largestPost: groupsOfMix[mix].map { groupPartStart[$0 + 1] - groupPartStart[$0] }.max() ?? 1)
        }
    }

    /// How long each post is funded, given the iteration's draw of each mix; returns the draws made.
    ///
    /// A group whose posts all last alike in this iteration (``FundingMix/fundsEveryPostAlike(_:)``:
    /// national decisions, nothing absorbed) is worked out once; any other, post by post (all the
    /// group's posts in one call), each council's part of a source decided per council on its own.
    func drawFunding(_ fundingDraws: [FundingDraw], into scratch: ScenarioKernel.Scratch, kernels: [FundingLapseKernel],
                     uniforms: inout BufferedUniforms) -> Int {
        var draws = 0, everyGroupAlike = true
        let endYear = scratch.endYear
        for index in mixes.indices {
            let kernel = kernels[index]
            kernel.prepare(fundingDraws[index])
            // Asked of the mix in place: copying it out took a reference to each of its arrays.
            let alike = mixes.withUnsafeBufferPointer { $0[index].fundsEveryPostAlike(fundingDraws[index]) }
            everyGroupAlike = everyGroupAlike && alike
            for group in groupsOfMix[index] {
                let parts = UnsafeBufferPointer(rebasing: groupParts.values[groupPartStart[group]..<groupPartStart[group + 1]])
                let posts = groupPosts.values[groupPostStart[group]..<groupPostStart[group + 1]]
                let years = kernel.fundedYears(parts: parts, posts: alike ? 1 : posts.count, uniforms: &uniforms, draws: &draws)
                if alike {
                    for post in posts { endYear[post] = years[0] }
                    continue
                }
                for (index, post) in posts.enumerated() { endYear[post] = years[index] }
            }
        }
        scratch.fundingEndsAlike = everyGroupAlike
        return draws
    }
}
