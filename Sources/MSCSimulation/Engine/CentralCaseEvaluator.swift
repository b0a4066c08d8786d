import MSCModel

/// Central cases of one plan evaluated one after another with the same working buffers.
///
/// A switching-value search evaluates the central case a few thousand times with one input moved;
/// allocating the kernel's buffers and the outcome's arrays for each took more time than the
/// evaluation itself. One evaluator is used by one thread at a time (a search on two threads takes
/// one each); ``SimulationPlan/centralCase(nationalValues:salaryValue:operationalBudgetValue:)``
/// makes a fresh one, so every central case goes through this one function.
final class CentralCaseEvaluator: @unchecked Sendable {
    let plan: SimulationPlan
    private let scratch: ScenarioKernel.Scratch
    private var outcome: ScenarioOutcome
    /// The model's inputs, refilled from each case's national values (made once, not per case).
    private var inputs: NationalInputs

    init(plan: SimulationPlan) {
        self.plan = plan
        scratch = ScenarioKernel.Scratch(kernel: plan.kernel)
        outcome = ScenarioOutcome(horizonYears: plan.model.horizonYears)
        inputs = plan.nationalInputs(plan.centralNationalValues)
    }

    /// The central case with the national values given; `salaryValue` and `operationalBudgetValue`
    /// set every post's value (default: the assumptions' central values).
    func evaluate(nationalValues: [Double], salaryValue: Double? = nil, operationalBudgetValue: Double? = nil) -> ScenarioOutcome {
        let kernel = plan.kernel
        let salary = salaryValue ?? plan.salary.value, budget = operationalBudgetValue ?? plan.operationalBudget.value
        for index in 0..<kernel.postCount {
            scratch.salary[index] = salary
            scratch.operationalBudget[index] = budget
            // Every post to its last year: the survival weights carry the chance of losing it.
            scratch.endYear[index] = kernel.activeEnd[index]
        }
        inputs.set(ordered: nationalValues)
        kernel.evaluate(national: inputs, survival: plan.expectedSurvival(nationalValues), scratch: scratch, into: &outcome)
        return outcome
    }
}
