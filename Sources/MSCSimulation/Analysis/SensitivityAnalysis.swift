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

    /// Computes both analyses; the Sobol indices use `baseSamples` rows of a design seeded by `seed`.
    public init(plan: SimulationPlan, baseSamples: Int, seed: UInt64) {
        centralNPV = plan.centralCase().netPresentValue
        bars = Tornado.bars(for: plan)
        let national = plan.nationalAssumptions
        let uncertain = national.indices.filter { national[$0].distribution.isUncertain }
        let postLevel = [plan.salary, plan.operationalBudget].filter { $0.distribution.isUncertain }
        let names = uncertain.map { national[$0].name } + postLevel.map(\.name)
        let central = plan.centralNationalValues
        indices = SobolIndices.estimate(names: names, baseSamples: baseSamples, seed: seed) { u in
            var values = central
            for (k, index) in uncertain.enumerated() { values[index] = national[index].quantile(u[k]) }
            var salary: Double?, budget: Double?
            for (k, assumption) in postLevel.enumerated() {
                let value = assumption.quantile(u[uncertain.count + k])
                if assumption.name == plan.salary.name { salary = value } else { budget = value }
            }
            return plan.centralCase(nationalValues: values, salaryValue: salary, operationalBudgetValue: budget).netPresentValue
        }
    }
}
