/// What a decision is asked: against which option, at which value of an identification, with
/// which seed for the standard errors' redraws. `msc decide`, the page's decide (and compare with
/// the decision), and the evidence pack all pass one of these to ``DecisionAnalysis/decide(plans:results:request:shouldStop:)``.
public struct DecisionRequest: Sendable {
    /// The option the others are measured against, by name or file (nil: ``ComparisonPlans/decisionBaseline(_:requested:)``'s rule).
    public var baseline: String?
    /// A fixed value of one additional identification in pounds, instead of the model's own.
    public var threshold: Double?
    public var seed: UInt64
    /// Threads for the regressions (the figures do not depend on it).
    public var threads: Int

    public init(baseline: String? = nil, threshold: Double? = nil, seed: UInt64, threads: Int = 1) {
        self.baseline = baseline
        self.threshold = threshold
        self.seed = seed
        self.threads = threads
    }
}

extension DecisionAnalysis {
    /// The scenarios a decision weighs among a comparison's: the scenarios listed, or, when only
    /// one was listed (`msc export Scenarios/national-rollout.yaml`), it and the baseline it is
    /// compared with. So `msc decide A B C` and a pack of A B C weigh the same options, even when C
    /// declares a baseline that the pack runs beside it.
    public static func options(of resolved: ComparisonPlans) -> [Int] {
        resolved.listedCount >= 2 ? Array(0..<resolved.listedCount) : Array(resolved.plans.indices)
    }

    /// Whether runs made this way can be decided among, on every front end: the regressions on
    /// the draws need each shared input drawn the same in every scenario, which a Sobol design
    /// (dimensions in each scenario's own order) does not give, and at least 100 iterations.
    public static func canDecide(sampling: SamplingMethod, iterations: Int) -> Bool {
        sampling != .sobol && iterations >= 100
    }

    /// The one decision pipeline: the baseline by the rule every front end follows, the problem
    /// from the runs, then the analysis. `shouldStop` is asked between inputs.
    ///
    /// - Throws: ``DecisionError`` when the runs cannot be compared; a ``ComparisonPlans/BaselineError``
    ///   when the baseline asked for is not among the options.
    public static func decide(plans: [ScenarioPlan], results: [SimulationResult], request: DecisionRequest,
                              shouldStop: @escaping @Sendable () -> Bool = { false }) throws -> DecisionAnalysis {
        let baseline = try ComparisonPlans.decisionBaseline(plans, requested: request.baseline)
        let problem = try DecisionProblem.build(plans: plans, results: results, baselineIndex: baseline)
        return analyse(problem, threshold: request.threshold, seed: request.seed, threads: request.threads, shouldStop: shouldStop)
    }
}
