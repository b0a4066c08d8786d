import MSCModel
import Synchronization

/// The deterministic central case of a plan: every input at its central value, posts weighted by
/// their expected survival, and the switching value of each key input (Green Book).
///
/// ```swift
/// let analysis = try CentralCaseAnalysis(plan: scenarioPlan.plan)
/// print(analysis.outcome.netPresentValue, analysis.switchingValues.map(\.statement))
/// ```
public struct CentralCaseAnalysis: Sendable {
    /// Flows, present values, NPV and BCR at the central inputs.
    public let outcome: ScenarioOutcome
    /// One per uncertain input (and the unit cost per victim), in the plan's order; empty when not solved.
    public let switchingValues: [SwitchingValue]

    /// Evaluates the central case and (unless `solvingSwitchingValues` is false, for a quick
    /// answer such as the web page's) solves for switching values with GSL's root finder.
    public init(plan: SimulationPlan, solvingSwitchingValues: Bool = true) throws {
        outcome = plan.centralCase()
        switchingValues = solvingSwitchingValues ? try Self.switchingValues(plan) : []
    }

    /// The switching value of every uncertain national input, the salary and the operational
    /// budget, each moved alone with the others central. `unitCostPerVictim` is solved even when
    /// fixed: the value of harm is the input a reader most wants to see break the case.
    static func switchingValues(_ plan: SimulationPlan) throws -> [SwitchingValue] {
        let central = plan.centralNationalValues
        let inputs = (plan.nationalAssumptions + [plan.salary, plan.operationalBudget])
            .filter { $0.distribution.isUncertain || $0.name == AssumptionName.unitCostPerVictim.rawValue }
            .map { SwitchingInput(assumption: $0) }
        let names = plan.nationalAssumptions.map(\.name)
        // Each thread takes an evaluator from the pool for one evaluation and puts it back, so
        // the few thousand central cases of a search reuse a few sets of buffers.
        let evaluators = Mutex<[CentralCaseEvaluator]>([])
        // Solved on two threads: every input is its own root search, and the values do not
        // depend on the thread count; a Monte Carlo run's checklist waits for them.
        return try SwitchingValues.solve(inputs: inputs, threads: 2) { name, value in
            let evaluator = evaluators.withLock { $0.popLast() } ?? CentralCaseEvaluator(plan: plan)
            defer { evaluators.withLock { $0.append(evaluator) } }
            if name == plan.salary.name {
                return evaluator.evaluate(nationalValues: central, salaryValue: value).netPresentValue
            }
            if name == plan.operationalBudget.name {
                return evaluator.evaluate(nationalValues: central, operationalBudgetValue: value).netPresentValue
            }
            var values = central
            if let index = names.firstIndex(of: name) { values[index] = value }
            return evaluator.evaluate(nationalValues: values).netPresentValue
        }
    }
}
