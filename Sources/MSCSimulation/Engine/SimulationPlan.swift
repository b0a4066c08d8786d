import GSLKit
import MSCModel

/// Everything the engine needs to evaluate a scenario under uncertainty.
///
/// National inputs are a vector of named assumptions drawn once per iteration; post inputs
/// (salary, operational budget, funding renewals) are drawn per post.
public struct SimulationPlan: Sendable {
    /// The compiled scenario.
    public let model: ScenarioModel
    /// The national assumptions, in the order of the values vector passed to the closures below.
    public let nationalAssumptions: [Assumption]
    /// Turns a vector of national values into the evaluation's national inputs.
    public let makeNational: @Sendable ([Double]) -> NationalInputs
    /// Drawn per post: full-time salary in year 0.
    public let salary: Assumption
    /// Drawn per post: operational budget a year.
    public let operationalBudget: Assumption
    /// The iteration's funding parameters: renewal probabilities picked out of the national values,
    /// and any decision made once for all posts (a national grant's lapse), drawn from `stream`.
    /// Called once per iteration rather than once per post.
    public let fundingParameters: @Sendable (_ national: [Double], _ stream: RandomStream) -> [Double]
    /// Draws how many years a post of funding mix `mix` stays funded (alive in years 0..<n), given
    /// the iteration's funding parameters and the post's random stream.
    public let yearsFunded: @Sendable (_ mix: Int, _ fundingParameters: [Double], _ stream: RandomStream) -> Int
    /// Expected share of posts of each mix still funded in each year, given the national values
    /// (which hold the renewal probabilities), for the central case.
    public let expectedSurvival: @Sendable (_ national: [Double]) -> [[Double]]

    public init(model: ScenarioModel, nationalAssumptions: [Assumption],
                makeNational: @escaping @Sendable ([Double]) -> NationalInputs,
                salary: Assumption, operationalBudget: Assumption,
                fundingParameters: @escaping @Sendable ([Double], RandomStream) -> [Double] = { values, _ in values },
                yearsFunded: @escaping @Sendable (Int, [Double], RandomStream) -> Int,
                expectedSurvival: @escaping @Sendable ([Double]) -> [[Double]]) {
        self.model = model
        self.nationalAssumptions = nationalAssumptions
        self.makeNational = makeNational
        self.salary = salary
        self.operationalBudget = operationalBudget
        self.fundingParameters = fundingParameters
        self.yearsFunded = yearsFunded
        self.expectedSurvival = expectedSurvival
    }

    /// The central national values (each assumption's stated value).
    public var centralNationalValues: [Double] { nationalAssumptions.map(\.value) }

    /// The deterministic central case: every input at its central value, posts weighted by their
    /// expected survival.
    public func centralCase() -> ScenarioOutcome {
        centralCase(nationalValues: centralNationalValues)
    }

    /// The central case with the national values given (used for switching values and tornado swings).
    ///
    /// `salaryValue` and `operationalBudgetValue` set every post's value (default: central).
    public func centralCase(nationalValues: [Double], salaryValue: Double? = nil,
                            operationalBudgetValue: Double? = nil) -> ScenarioOutcome {
        let years = model.horizonYears
        var inputs = PostInputs(postCount: model.posts.count, horizonYears: years)
        let survivalByMix = expectedSurvival(nationalValues)
        for (index, post) in model.posts.enumerated() {
            inputs.salary[index] = salaryValue ?? salary.value
            inputs.operationalBudget[index] = operationalBudgetValue ?? operationalBudget.value
            let survival = survivalByMix[post.fundingIndex]
            for t in 0..<years { inputs.alive[index * years + t] = survival[t] }
        }
        var outcome = ScenarioOutcome(horizonYears: years)
        model.evaluate(national: makeNational(nationalValues), posts: inputs, into: &outcome)
        return outcome
    }
}
