import MSCModel

/// Everything an evidence pack shows that has to be worked out rather than formatted: for each
/// simulated scenario its central case with switching values and its tornado bars, and among two
/// or more scenarios the decision analysis (`msc export` and the web page's pack download).
///
/// ```swift
/// let analysis = try EvidenceAnalysis(plans: plans, results: results, decision: DecisionRequest(seed: 20250101))
/// print(analysis.scenarios.map(\.centralCase.outcome.netPresentValue))
/// ```
public struct EvidenceAnalysis: Sendable {
    /// One scenario's analysed results.
    public struct Scenario: Sendable {
        public let plan: ScenarioPlan
        /// Its Monte Carlo run.
        public let result: SimulationResult
        /// The central case (every input central) and, when solved, the switching values.
        public let centralCase: CentralCaseAnalysis
        /// One-way sensitivity of the central-case NPV, largest swing first.
        public let tornado: [Tornado.Bar]
    }

    /// One per plan, in the order given.
    public let scenarios: [Scenario]
    /// The decision among the scenarios (``DecisionAnalysis/decide(plans:results:request:shouldStop:)``);
    /// nil with fewer than two options or no decision asked.
    public let decision: DecisionAnalysis?

    public var plans: [ScenarioPlan] { scenarios.map(\.plan) }

    /// Analyses `results[k]`, the run of `plans[k]`. With `decision`, the decision among the
    /// `decisionOptions` (indices into `plans`; by default all) is taken by the one decision
    /// pipeline (``DecisionAnalysis/decide(plans:results:request:shouldStop:)``); the runs must have
    /// kept their input draws (``SimulationSettings/keepInputDraws``). `solvingSwitchingValues`
    /// false skips the root searches when only the charts are wanted.
    public init(plans: [ScenarioPlan], results: [SimulationResult], decision request: DecisionRequest? = nil,
                decisionOptions: [Int]? = nil, solvingSwitchingValues: Bool = true) throws {
        guard plans.count == results.count else {
            throw DecisionError(description: "\(plans.count) scenarios but \(results.count) runs; expected one run per scenario")
        }
        scenarios = try zip(plans, results).map { plan, result in
            Scenario(plan: plan, result: result,
                     centralCase: try CentralCaseAnalysis(plan: plan.plan, solvingSwitchingValues: solvingSwitchingValues),
                     tornado: Tornado.bars(for: plan.plan))
        }
        let options = decisionOptions ?? Array(plans.indices)
        if options.count >= 2, let request {
            decision = try DecisionAnalysis.decide(plans: options.map { plans[$0] }, results: options.map { results[$0] }, request: request)
        } else {
            decision = nil
        }
    }
}
