import MSCModel

/// Which inputs a plan's NPV hangs on: one-way (tornado) and variance-based (Sobol) sensitivity,
/// both on the central-case NPV.
///
/// ```swift
/// let analysis = SensitivityAnalysis(plan: scenarioPlan.plan, baseSamples: 2000, seed: 20250101)
/// print(analysis.bars.first?.name ?? "", analysis.indices.map(\.total))
/// ```
public struct SensitivityAnalysis: Sendable {
    /// NPV with every input at its central value.
    public let centralNPV: Double
    /// One bar per uncertain input, largest swing first.
    public let bars: [Tornado.Bar]
    /// First-order and total indices of every uncertain input, in the plan's order.
    public let indices: [SobolIndices.Index]

    /// Computes both analyses; the Sobol indices use `baseSamples` rows of a design seeded by `seed`,
    /// evaluated on up to `threads` threads (the results do not depend on the thread count).
    public init(plan: SimulationPlan, baseSamples: Int, seed: UInt64, threads: Int = 1) {
        centralNPV = plan.centralCase().netPresentValue
        bars = Tornado.bars(for: plan)
        let national = plan.nationalAssumptions
        let uncertain = national.indices.filter { national[$0].distribution.isUncertain }
        let postLevel = [plan.salary, plan.operationalBudget].filter { $0.distribution.isUncertain }
        let names = uncertain.map { national[$0].name } + postLevel.map(\.name)
        let central = plan.centralNationalValues
        // The quantile functions alone, read once: each row reads them without copying an
        // assumption (and retaining its strings) per input.
        let nationalDistributions = uncertain.map { national[$0].bounded }
        let postLevelDistributions = postLevel.map { (isSalary: $0.name == plan.salary.name, distribution: $0.bounded) }
        // Rows are evaluated in blocks claimed by `threads` workers, each block with its own
        // evaluator (working buffers made once per block, not once per row); every value depends
        // on its row alone, so the indices do not depend on the thread count.
        indices = SobolIndices.estimate(names: names, baseSamples: baseSamples, seed: seed) { rows in
            let blockSize = 512
            let blocks = (rows.count + blockSize - 1) / blockSize
            let results = ResultSlots<[Double]>(count: blocks)
            forEachClaimed(blocks, workers: threads) { block in
                let evaluator = CentralCaseEvaluator(plan: plan)
                let range = (block * blockSize)..<min(rows.count, (block + 1) * blockSize)
                results.set(block, range.map { r in
                    let u = rows[r]
                    var values = central
                    for (k, index) in uncertain.enumerated() { values[index] = nationalDistributions[k].quantile(u[k]) }
                    var salary: Double?, budget: Double?
                    for (k, input) in postLevelDistributions.enumerated() {
                        let value = input.distribution.quantile(u[uncertain.count + k])
                        if input.isSalary { salary = value } else { budget = value }
                    }
                    return evaluator.evaluate(nationalValues: values, salaryValue: salary, operationalBudgetValue: budget).netPresentValue
                })
            }
            return results.values().flatMap { $0 }
        }
    }
}
