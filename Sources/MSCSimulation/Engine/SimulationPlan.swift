import GSLKit
import MSCModel

/// Everything the engine needs to evaluate a scenario under uncertainty.
///
/// National inputs are a vector of named assumptions drawn once per iteration: first the model's
/// parameters in ``ModelParameter`` order (bound by name, one loop), then the funding mixes'
/// renewal probabilities, absorb probabilities and gap tolerances. Post inputs (salary, operational
/// budget, funding lapses) are drawn per post.
public struct SimulationPlan: Sendable {
    /// The compiled scenario.
    public let model: ScenarioModel
    /// The national assumptions, in the order of the values vectors passed to ``centralCase(nationalValues:salaryValue:operationalBudgetValue:)``.
    public let nationalAssumptions: [Assumption]
    /// Drawn per post: full-time salary in year 0.
    public let salary: Assumption
    /// Drawn per post: operational budget a year.
    public let operationalBudget: Assumption
    /// The funding mixes of `model.fundingMixNames`, each with where its parameters sit among the national values.
    public private(set) var funding: [FundingBinding]
    /// The flattened evaluation the Monte Carlo and the central case run.
    let kernel: ScenarioKernel

    /// A funding mix and the places of its drawn parameters in the national values.
    public struct FundingBinding: Sendable {
        public let mix: FundingMix
        /// The national value holding each source's renewal probability.
        public let renewalSlots: [Int]
        public let absorbSlot: Int
        public let gapToleranceSlot: Int
        /// ``expectedSurvival(_:horizonYears:)`` at the central values, worked out once: a
        /// switching-value search evaluates the central case hundreds of times, mostly moving
        /// inputs that leave the funding as it is, and the analytic expectation enumerates
        /// every lapse state.
        private var centralSurvival: (absorb: Double, gapTolerance: Double, survival: [Double])?

        init(mix: FundingMix, renewalSlots: [Int], absorbSlot: Int, gapToleranceSlot: Int) {
            self.mix = mix
            self.renewalSlots = renewalSlots
            self.absorbSlot = absorbSlot
            self.gapToleranceSlot = gapToleranceSlot
        }

        /// Fills the cache from the central national values.
        mutating func rememberCentralSurvival(_ values: [Double], horizonYears: Int) {
            let survival = expectedSurvival(values, horizonYears: horizonYears)
            centralSurvival = (values[absorbSlot], values[gapToleranceSlot], survival)
        }

        /// The iteration's funding parameters; the national lapse years are drawn from `uniform`
        /// (only for sources decided nationally).
        func draw(_ values: UnsafeBufferPointer<Double>, horizonYears: Int, uniform: () -> Double) -> FundingDraw {
            let renewal = renewalSlots.map { values[$0] }
            return mix.draw(renewalProbabilities: renewal, absorbProbability: values[absorbSlot],
                            gapTolerance: values[gapToleranceSlot], horizonYears: horizonYears, uniform: uniform)
        }

        /// Expected share of posts still funded in each year, for the central case.
        ///
        /// At the renewal probabilities' central values this is the expectation over their
        /// distributions, `E[q^k]` (DESIGN 3.2; ``FundingMix/analyticFunding(horizonYears:)``), not
        /// `q^k` at the central q; a switching-value search that moves a renewal probability sets it
        /// to that value for certain.
        func expectedSurvival(_ values: [Double], horizonYears: Int) -> [Double] {
            let renewal = renewalSlots.map { values[$0] }
            let isCentral = renewal == self.mix.centralRenewalProbabilities
            if isCentral, let cached = centralSurvival,
               cached.absorb == values[absorbSlot], cached.gapTolerance == values[gapToleranceSlot] {
                return cached.survival
            }
            let mix = self.mix.with(absorbProbability: values[absorbSlot], gapTolerance: values[gapToleranceSlot])
            if isCentral, let exact = mix.analyticFunding(horizonYears: horizonYears) {
                return exact.survival
            }
            return mix.expectedFunding(horizonYears: horizonYears, renewalProbabilities: renewal).survival
        }
    }

    /// A plan from the model, the assumption behind each ``ModelParameter``, the per-post inputs and
    /// one funding mix per entry of `model.fundingMixNames` (posts name theirs by index).
    public init(model: ScenarioModel, parameter: (ModelParameter) throws -> Assumption,
                salary: Assumption, operationalBudget: Assumption, fundingMixes: [FundingMix]) rethrows {
        precondition(fundingMixes.count == max(1, model.fundingMixNames.count), "one funding mix per name")
        var national = try ModelParameter.allCases.map(parameter)
        func slot(of assumption: Assumption?, literal: Double, mixName: String, role: String) -> Int {
            let entry = assumption ?? Assumption(
                name: "\(mixName).funding.\(role)", description: "A value given in the scenario.",
                unit: .fraction, value: literal, distribution: .fixed(literal), sources: [], evidence: .illustrative,
                notes: "Given in scenario \(mixName).", origin: mixName)
            if let existing = national.firstIndex(where: { $0.name == entry.name }) { return existing }
            national.append(entry)
            return national.count - 1
        }
        funding = fundingMixes.enumerated().map { index, mix in
            let name = index < model.fundingMixNames.count ? model.fundingMixNames[index] : model.name
            return FundingBinding(
                mix: mix,
                renewalSlots: mix.sources.enumerated().map { source, entry in
                    slot(of: entry.renewal, literal: entry.renewal.value, mixName: name, role: "renewal\(source)")
                },
                absorbSlot: slot(of: mix.absorbAssumption, literal: mix.absorbProbability, mixName: name, role: "absorbProbability"),
                gapToleranceSlot: slot(of: mix.gapToleranceAssumption, literal: mix.gapTolerance, mixName: name, role: "gapTolerance"))
        }
        self.model = model
        self.nationalAssumptions = national
        self.salary = salary
        self.operationalBudget = operationalBudget
        self.kernel = ScenarioKernel(model: model)
        let central = national.map(\.value)
        for index in funding.indices {
            funding[index].rememberCentralSurvival(central, horizonYears: model.horizonYears)
        }
    }

    /// The public costs one additional identification triggers, at the central inputs.
    public var centralTriggeredCosts: TriggeredCosts {
        model.triggeredCosts(nationalInputs(centralNationalValues))
    }

    /// The central national values (each assumption's stated value).
    public var centralNationalValues: [Double] { nationalAssumptions.map(\.value) }

    /// The model's inputs in a vector of national values.
    package func nationalInputs(_ values: [Double]) -> NationalInputs { NationalInputs(ordered: values) }

    /// The value of one parameter in a vector of national values.
    public func value(of parameter: ModelParameter, in values: [Double]) -> Double { values[parameter.rawValue] }

    /// The deterministic central case: every input at its central value, posts weighted by their
    /// expected survival.
    public func centralCase() -> ScenarioOutcome {
        centralCase(nationalValues: centralNationalValues)
    }

    /// The central case with the national values given (used for switching values and tornado swings).
    ///
    /// `salaryValue` and `operationalBudgetValue` set every post's value (default: central). Run by
    /// the same kernel as the Monte Carlo, so a run with every input fixed equals it exactly.
    public func centralCase(nationalValues: [Double], salaryValue: Double? = nil,
                            operationalBudgetValue: Double? = nil) -> ScenarioOutcome {
        let survival = funding.map { $0.expectedSurvival(nationalValues, horizonYears: model.horizonYears) }
        let scratch = ScenarioKernel.Scratch(kernel: kernel)
        for index in 0..<kernel.postCount {
            scratch.salary[index] = salaryValue ?? salary.value
            scratch.operationalBudget[index] = operationalBudgetValue ?? operationalBudget.value
            scratch.endYear[index] = kernel.activeEnd[index]
        }
        var outcome = ScenarioOutcome(horizonYears: model.horizonYears)
        kernel.evaluate(national: nationalInputs(nationalValues), survival: survival, scratch: scratch, into: &outcome)
        return outcome
    }
}
