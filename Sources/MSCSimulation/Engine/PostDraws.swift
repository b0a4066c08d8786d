import GSLKit
import MSCModel

/// Draws one iteration's per-post inputs into the kernel's scratch: each post's salary and
/// operational budget (from the post stream, post after post) and how long its funding lasts
/// (from the renewal stream, funding group after group).
struct PostDraws {
    let salary: Assumption
    let operationalBudget: Assumption
    let mixes: [FundingMix]
    /// The posts of each funding group, in post order.
    let postsOfGroup: [[Int]]
    /// The decisions each group's posts face (``FundingMix/parts(split:)``), worked out once.
    let partsOfGroup: [[FundingMix.Part]]
    /// The groups of each mix, in group order.
    let groupsOfMix: [[Int]]
    let postCount: Int
    let years: Int
    /// Salary and budget as quantiles of their uniforms, when both are (else nil).
    let quantiles: (salary: QuantileOfUniform, budget: QuantileOfUniform)?

    init(plan: SimulationPlan) {
        salary = plan.salary
        operationalBudget = plan.operationalBudget
        mixes = plan.funding.map(\.mix)
        partsOfGroup = plan.fundingGroups.map { plan.funding[$0.mix].mix.parts(split: $0.split) }
        groupsOfMix = plan.funding.indices.map { mix in plan.fundingGroups.indices.filter { plan.fundingGroups[$0].mix == mix } }
        postsOfGroup = plan.fundingGroups.indices.map { group in
            plan.model.posts.indices.filter { plan.model.posts[$0].fundingIndex == group }
        }
        postCount = plan.model.posts.count
        years = plan.model.horizonYears
        if let salaryQuantile = QuantileOfUniform(salary), let budgetQuantile = QuantileOfUniform(operationalBudget) {
            quantiles = (salaryQuantile, budgetQuantile)
        } else {
            quantiles = nil
        }
    }

    /// Salaries and budgets, post by post; returns the draws made.
    func drawCosts(into scratch: ScenarioKernel.Scratch, stream: RandomStream) -> Int {
        let salaryDistribution = salary.distribution, salaryRange = salary.admissibleRange
        let budgetDistribution = operationalBudget.distribution, budgetRange = operationalBudget.admissibleRange
        let salaryDrawn = salaryDistribution.isUncertain, budgetDrawn = budgetDistribution.isUncertain
        if let (salaryQuantile, budgetQuantile) = quantiles {
            let perPost = salaryQuantile.uniformsPerDraw + budgetQuantile.uniformsPerDraw
            // Both are quantiles of one uniform each (or fixed): draw the uniforms in one go, in the
            // order the draws one by one would take them, so the numbers are the same.
            let uniforms = UnsafeMutableBufferPointer(rebasing: scratch.uniforms[0..<(perPost * postCount)])
            stream.fillUniform(uniforms)
            let budgetOffset = salaryQuantile.uniformsPerDraw
            let salaries = scratch.salary, budgets = scratch.operationalBudget
            for index in 0..<postCount {
                let first = perPost * index
                salaries[index] = salaryQuantile.value(salaryQuantile.uniformsPerDraw > 0 ? uniforms[first] : 0)
                budgets[index] = budgetQuantile.value(budgetQuantile.uniformsPerDraw > 0 ? uniforms[first + budgetOffset] : 0)
            }
        } else {
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
                               largestPost: groupsOfMix[mix].map { partsOfGroup[$0].count }.max() ?? 1)
        }
    }

    /// How long each post is funded, given the iteration's draw of each mix; returns the draws made.
    ///
    /// A group whose posts all last alike in this iteration (``FundingMix/fundsEveryPostAlike(_:)``:
    /// national decisions, nothing absorbed) is worked out once; any other, post by post, each
    /// council's part of a source decided per council on its own.
    func drawFunding(_ fundingDraws: [FundingDraw], into scratch: ScenarioKernel.Scratch, kernels: [FundingLapseKernel],
                     stream: RandomStream) -> Int {
        var draws = 0
        let endYear = scratch.endYear
        for (index, mix) in mixes.enumerated() {
            let draw = fundingDraws[index], kernel = kernels[index]
            kernel.prepare(draw)
            let alike = mix.fundsEveryPostAlike(draw)
            for group in groupsOfMix[index] {
                let posts = postsOfGroup[group]
                partsOfGroup[group].withUnsafeBufferPointer { parts in
                    if alike {
                        let end = kernel.fundedYears(parts: parts, stream: stream, draws: &draws)
                        for post in posts { endYear[post] = end }
                        return
                    }
                    for post in posts { endYear[post] = kernel.fundedYears(parts: parts, stream: stream, draws: &draws) }
                }
            }
        }
        return draws
    }
}

/// A per-post input drawn as the quantile of one uniform (fixed, uniform or triangular), with
/// what stays the same from draw to draw worked out once. Each value is computed exactly as
/// ``Distribution/draw(fromUniform:)`` computes it (the same operations in the same order),
/// then held to the assumption's admissible range.
struct QuantileOfUniform {
    private enum Shape {
        case fixed(Double)
        case uniform(lower: Double, upper: Double)
        case triangular(TriangularQuantile)
        case invalid
    }
    private let shape: Shape
    private let range: ClosedRange<Double>
    /// 1 when a value takes a uniform, 0 for a fixed value.
    let uniformsPerDraw: Int

    init?(_ assumption: Assumption) {
        range = assumption.admissibleRange
        switch assumption.distribution {
        case .fixed(let value):
            shape = .fixed(value)
            uniformsPerDraw = 0
        case .uniform(let lower, let upper):
            shape = lower.isFinite && upper.isFinite && lower <= upper ? .uniform(lower: lower, upper: upper) : .invalid
            uniformsPerDraw = 1
        case .triangular(let minimum, let mode, let maximum):
            shape = TriangularQuantile(minimum: minimum, mode: mode, maximum: maximum).map(Shape.triangular) ?? .invalid
            uniformsPerDraw = 1
        default:
            return nil
        }
    }

    /// The value at uniform `u` in [0, 1).
    @inline(__always)
    func value(_ u: Double) -> Double {
        let raw: Double
        switch shape {
        case .fixed(let value): raw = value
        case .uniform(let lower, let upper): raw = lower + u * (upper - lower)
        case .triangular(let quantile): raw = quantile(u)
        case .invalid: raw = .nan
        }
        return raw.clamped(to: range)
    }
}
