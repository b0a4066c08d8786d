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
    /// The funding mixes, each with where its parameters sit among the national values; one draw
    /// of a mix per iteration serves every group that uses it, so a national decision is one.
    public private(set) var funding: [FundingBinding]
    /// The funding groups of `model.fundingGroupNames`: a mix and, for a post whose councils each
    /// decide their own part of a source, their shares of its cost.
    public let fundingGroups: [FundingGroup]
    /// Each group's expected survival at the central values, worked out once (see ``FundingBinding``).
    private var centralSurvival: [CentralSurvival?]
    /// Each funding group's decisions and fitting combinations at the central gap, reused by every
    /// central case that keeps the gap (a layout that does not fit is worked out afresh).
    private let survivalLayouts: [SurvivalLayout]
    /// The flattened evaluation the Monte Carlo and the central case run.
    let kernel: ScenarioKernel

    /// Posts that share a funding mix and how their councils split its cost (DESIGN 3.2).
    public struct FundingGroup: Sendable, Equatable {
        /// Index of the mix in ``SimulationPlan/funding``.
        public let mix: Int
        /// The councils' shares of the post's cost, when the mix has a source decided per council
        /// and the post is shared (``FundingMix/parts(split:)``); empty otherwise.
        public let split: [Double]

        public init(mix: Int, split: [Double] = []) {
            self.mix = mix
            self.split = split
        }
    }

    /// The expected survival of a group at the central values: a switching-value search evaluates
    /// the central case hundreds of times, mostly moving inputs that leave the funding as it is.
    private struct CentralSurvival: Sendable {
        let absorb: Double
        let gapTolerance: Double
        let survival: [Double]
    }

    /// A funding mix and the places of its drawn parameters in the national values. A class: the
    /// Monte Carlo reaches it in every iteration from every worker, and copying a struct out took a
    /// reference to each of the mix's arrays, shared between the threads.
    public final class FundingBinding: Sendable {
        public let mix: FundingMix
        /// The national value holding each source's renewal probability.
        public let renewalSlots: [Int]
        public let absorbSlot: Int
        public let gapToleranceSlot: Int
        init(mix: FundingMix, renewalSlots: [Int], absorbSlot: Int, gapToleranceSlot: Int) {
            self.mix = mix
            self.renewalSlots = renewalSlots
            self.absorbSlot = absorbSlot
            self.gapToleranceSlot = gapToleranceSlot
        }

        /// The iteration's funding parameters, into `draw`; the national lapse years are drawn from
        /// `uniform` (only for sources decided nationally).
        func draw(into draw: inout FundingDraw, _ values: UnsafeBufferPointer<Double>, horizonYears: Int, uniform: () -> Double) {
            renewalSlots.withUnsafeBufferPointer { slots in
                mix.draw(into: &draw, renewalProbability: { values[slots[$0]] }, absorbProbability: values[absorbSlot],
                         gapTolerance: values[gapToleranceSlot], horizonYears: horizonYears, uniform: uniform)
            }
        }

        /// Expected share of a group's posts still funded in each year, for the central case.
        ///
        /// At the renewal probabilities' central values this is the expectation over their
        /// distributions, `E[q^k]` (DESIGN 3.2; ``FundingMix/analyticFunding(horizonYears:)``), not
        /// `q^k` at the central q; a switching-value search that moves a renewal probability sets it
        /// to that value for certain.
        func expectedSurvival(_ values: [Double], horizonYears: Int, split: [Double], layout: SurvivalLayout? = nil) -> [Double] {
            at(values, renewalCentral: isCentral(values)).expectedSurvival(horizonYears: horizonYears, split: split, layout: layout)
        }

        /// The mix at national values `values` (whose renewal probabilities are central or not, as
        /// the caller has already asked), for the survival of each group that uses it.
        func at(_ values: [Double], renewalCentral: Bool) -> MixAtValues {
            MixAtValues(mix: mix.with(absorbProbability: values[absorbSlot], gapTolerance: values[gapToleranceSlot]),
                        renewal: renewalSlots.map { values[$0] }, renewalCentral: renewalCentral)
        }

        /// A mix with its absorb probability and gap at some national values, and its renewal
        /// probabilities there: made once per mix for a central case, not once per group (a class,
        /// so each group's use takes one reference, not one for each of the mix's arrays).
        final class MixAtValues {
            let mix: FundingMix
            let renewal: [Double]
            /// Whether the renewal probabilities are at their central values (then the survival is
            /// the expectation over their distributions, where it has a closed form).
            let renewalCentral: Bool

            init(mix: FundingMix, renewal: [Double], renewalCentral: Bool) {
                self.mix = mix
                self.renewal = renewal
                self.renewalCentral = renewalCentral
            }

            func expectedSurvival(horizonYears: Int, split: [Double], layout: SurvivalLayout?) -> [Double] {
                if renewalCentral, let exact = mix.analyticSurvival(horizonYears: horizonYears, split: split, layout: layout) {
                    return exact
                }
                return mix.expectedSurvival(horizonYears: horizonYears, renewalProbabilities: renewal, split: split, layout: layout)
            }
        }

        /// Whether `values` hold the renewal probabilities at their central values (compared in
        /// place: a central case asks this of every funding group).
        func isCentral(_ values: [Double]) -> Bool {
            let central = mix.centralRenewalProbabilities
            return renewalSlots.count == central.count && renewalSlots.indices.allSatisfy { values[renewalSlots[$0]] == central[$0] }
        }
    }

    /// A plan from the model, the assumption behind each ``ModelParameter``, the per-post inputs,
    /// the funding mixes and one funding group per entry of `model.fundingGroupNames` (posts name
    /// theirs by index; by default group i is mix i, undivided).
    public init(model: ScenarioModel, parameter: (ModelParameter) throws -> Assumption,
                salary: Assumption, operationalBudget: Assumption, fundingMixes: [FundingMix],
                fundingGroups: [FundingGroup]? = nil) rethrows {
        let groups = fundingGroups ?? fundingMixes.indices.map { FundingGroup(mix: $0) }
        precondition(groups.count == max(1, model.fundingGroupNames.count), "one funding group per name")
        precondition(groups.allSatisfy { fundingMixes.indices.contains($0.mix) }, "each group names a mix")
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
            let name = groups.firstIndex { $0.mix == index }.flatMap { $0 < model.fundingGroupNames.count ? model.fundingGroupNames[$0] : nil }
                ?? model.name
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
        self.fundingGroups = groups
        centralSurvival = Array(repeating: nil, count: groups.count)
        let central = national.map(\.value)
        let bindings = funding
        survivalLayouts = groups.map { group in
            let binding = bindings[group.mix]
            return SurvivalLayout(mix: binding.mix.with(absorbProbability: central[binding.absorbSlot],
                                                        gapTolerance: central[binding.gapToleranceSlot]), split: group.split)
        }
        for index in groups.indices {
            let binding = funding[groups[index].mix]
            centralSurvival[index] = CentralSurvival(
                absorb: central[binding.absorbSlot], gapTolerance: central[binding.gapToleranceSlot],
                survival: binding.expectedSurvival(central, horizonYears: model.horizonYears, split: groups[index].split,
                                                   layout: survivalLayouts[index]))
        }
    }

    /// Expected share of each funding group's posts still funded in each year, for national values
    /// `values` (the central ones unless a switching-value search or a tornado moves one).
    func expectedSurvival(_ values: [Double]) -> [[Double]] {
        // Asked once per mix, not per group (a shared-post scenario has a group for each post), and
        // the mix at these values made once per mix, only if some group needs it.
        let renewalCentral = funding.map { $0.isCentral(values) }
        var mixes: [FundingBinding.MixAtValues?] = Array(repeating: nil, count: funding.count)
        return fundingGroups.indices.map { index in
            let mix = fundingGroups[index].mix, binding = funding[mix]
            if let cached = centralSurvival[index], renewalCentral[mix],
               cached.absorb == values[binding.absorbSlot], cached.gapTolerance == values[binding.gapToleranceSlot] {
                return cached.survival
            }
            let atValues = mixes[mix] ?? binding.at(values, renewalCentral: renewalCentral[mix])
            mixes[mix] = atValues
            return atValues.expectedSurvival(horizonYears: model.horizonYears, split: fundingGroups[index].split,
                                             layout: survivalLayouts[index])
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
        CentralCaseEvaluator(plan: self).evaluate(nationalValues: nationalValues, salaryValue: salaryValue,
                                                  operationalBudgetValue: operationalBudgetValue)
    }
}
