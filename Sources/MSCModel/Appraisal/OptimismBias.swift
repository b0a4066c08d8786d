/// Optimism bias on the programme's costs (Green Book paras 5.43–5.46; DESIGN 3.7).
///
/// The starting value is the upper bound for the operating costs of outsourcing projects, 41%
/// (Mott MacDonald 2002, Table 2: the `optimismBias` assumption). It comes down only as specific
/// risks are mitigated: each mitigation a scenario lists removes a share of the starting value's
/// contribution, and `applied = start × (1 − Σ shares mitigated)` (the supplementary guidance's
/// worked example: `(100% − 92%) × 51% = 4%`), never below the lower bound (0% for outsourcing).
///
/// ```swift
/// OptimismBias.applied(start: 0.41, lowerBound: 0,
///                      mitigations: [.init(risk: "Pay award", shareMitigated: 0.1, reasoning: "…")])  // 0.369
/// ```
public enum OptimismBias {
    /// One mitigated risk, as a scenario lists it.
    public struct Mitigation: Sendable, Equatable {
        /// The risk area mitigated, e.g. "Pay awards above plan".
        public let risk: String
        /// The share of the starting optimism bias it removes, in (0, 1].
        public let shareMitigated: Double
        /// Why, and what the mitigation costs (the Green Book asks that it be costed).
        public let reasoning: String

        public init(risk: String, shareMitigated: Double, reasoning: String) {
            self.risk = risk
            self.shareMitigated = shareMitigated
            self.reasoning = reasoning
        }
    }

    /// The uplift applied: `max(lowerBound, start × (1 − Σ shareMitigated))`.
    public static func applied(start: Double, lowerBound: Double, mitigations: [Mitigation]) -> Double {
        let mitigated = min(1, mitigations.reduce(0) { $0 + $1.shareMitigated })
        return max(lowerBound, start * (1 - mitigated))
    }

    /// A sentence saying the value used and why, written from the values.
    public static func statement(start: Double, applied: Double, mitigations: [Mitigation]) -> String {
        let startText = NumberFormatting.percent(start)
        guard !mitigations.isEmpty else {
            return "Optimism bias \(startText) on programme costs: the Green Book starting value (Mott MacDonald Table 2, upper bound for outsourcing operating costs); no mitigations listed."
        }
        let listed = mitigations.map { "\($0.risk) (−\(NumberFormatting.percent($0.shareMitigated)) of it: \($0.reasoning))" }
            .joined(separator: "; ")
        return "Optimism bias \(NumberFormatting.percent(applied)) on programme costs: the starting value \(startText) (Mott MacDonald Table 2, outsourcing operating costs) reduced by the mitigations listed: \(listed)."
    }
}

/// The reduction of benefits for the quality of the evidence behind them (DESIGN 3.7).
///
/// The Green Book has no generic optimism-bias values for benefits and points to the
/// local-partnerships cost-benefit guidance (HM Treasury / New Economy, 2014), which scales the
/// adjustment by how confident the data are. Here each benefit input carries an evidence grade, and
/// the benefits are reduced by the reduction of the weakest grade among them
/// (`benefitReductionSourced`, `…Derived`, `…Unconfirmed`, `…Illustrative`).
public enum BenefitEvidenceAdjustment {
    /// The evidence grades from strongest to weakest.
    public static let gradesByStrength: [Evidence] = [.sourced, .derived, .unconfirmed, .illustrative]

    /// The assumption holding the reduction for `grade`.
    public static func assumptionName(for grade: Evidence) -> AssumptionName {
        switch grade {
        case .sourced: return .benefitReductionSourced
        case .derived: return .benefitReductionDerived
        case .unconfirmed: return .benefitReductionUnconfirmed
        case .illustrative: return .benefitReductionIllustrative
        }
    }

    /// The weakest grade among `grades` (sourced when empty).
    public static func weakest(_ grades: [Evidence]) -> Evidence {
        grades.max { gradesByStrength.firstIndex(of: $0)! < gradesByStrength.firstIndex(of: $1)! } ?? .sourced
    }

    /// Benefits after the reduction: `benefits × (1 − reduction)`.
    public static func reduced(_ benefits: Double, reduction: Double) -> Double { benefits * (1 - reduction) }
}

/// When a scenario's programme runs relative to its price base year (DESIGN 3.7).
///
/// Money is in the prices of the price base year (2026-27) and discounting runs from it, so a
/// programme starting in 2027-28 has its first year discounted by one year: programme year `t`
/// (0 = first year) is discounted as year `t + offset`, with `offset = firstYear − priceBaseYear`.
public struct AppraisalTiming: Sendable, Equatable {
    public let priceBaseYear: FinancialYear
    public let firstYear: FinancialYear

    public init(priceBaseYear: FinancialYear, firstYear: FinancialYear) {
        self.priceBaseYear = priceBaseYear
        self.firstYear = firstYear
    }

    /// Years from the price base year to the programme's first year.
    public var offsetYears: Int { firstYear.startYear - priceBaseYear.startYear }

    /// The discount factor of each programme year, counted from the price base year.
    public func discountFactors(horizonYears: Int, greenBook: GreenBook) -> [Double] {
        (0..<horizonYears).map { greenBook.discountFactor(year: $0 + offsetYears) }
    }

    /// The financial year of programme year `t` (0 = first).
    public func year(_ t: Int) -> FinancialYear { firstYear.advanced(by: t) }
}

/// Small number formats for sentences written in the model (reports format their own tables).
enum NumberFormatting {
    /// `0.41` → `41%`, `0.035` → `3.5%`.
    static func percent(_ fraction: Double) -> String {
        let value = fraction * 100
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? "\(Int(rounded))%" : "\(rounded)%"
    }
}

/// The Green Book adjustments one scenario runs with, read once from its assumptions (DESIGN 3.7):
/// the optimism bias after its mitigations, and the benefit evidence cut.
///
/// **Optimism bias** follows the Green Book procedure (paras 5.43–5.46): start from the closest
/// category (Mott MacDonald Table 2, outsourcing operating costs, upper bound 41%), then reduce it by
/// each specific risk the appraisal already quantifies (``modelledMitigations``: an input drawn in
/// the Monte Carlo earns its reduction only while it is drawn), then by the scenario's own listed
/// mitigations; what is left covers the risks not quantified. The unmitigated result is shown beside.
///
/// **Benefit evidence cut**: an input's weakness is carried either by its range or by a cut, not
/// both. A benefit input drawn from a range carries it in the range; a fixed input takes its grade's
/// cut; benefits take the cut of the weakest fixed input (sourced when none). The stacked cut of the
/// weakest grade among all inputs is kept as a sensitivity (``sensitivityCut``).
public struct AppraisalAdjustments: Sendable {
    /// The benefit inputs whose weakness is carried by a range or a cut.
    public static let benefitInputNames: [AssumptionName] = [.identificationRateRatio, .causalShare, .displacementShare,
                                                             .baselineIdentificationRate, .rampUpYears] + SocialValue.assumptionNames

    /// The risks the model quantifies, each an assumption holding the share of the starting optimism
    /// bias it removes, with the inputs whose draws quantify it.
    public static let modelledMitigations: [(assumption: AssumptionName, inputs: [AssumptionName])] = [
        (.optimismBiasMitigationPayLevel, [.salary]),
        (.optimismBiasMitigationPayGrowth, [.realPayGrowth, .payAward2026to27]),
        (.optimismBiasMitigationOnCosts, [.pensionRate]),
        (.optimismBiasMitigationOverheads, [.appraisalOverheadRate]),
        (.optimismBiasMitigationOperatingBudget, [.operationalBudget]),
    ]

    /// The risks no input quantifies, which the optimism bias left after mitigation covers.
    public static let risksLeft = "recruitment and vacancy (posts filled late, by agency cover or after turnover), management and grant administration (line management of new posts, the grant's monitoring), and the role's scope (no set remit: operational work beyond the post)"

    /// Starting optimism bias (`optimismBias`) and the value applied after mitigations.
    public let optimismBiasStart: Double
    public let optimismBiasApplied: Double
    /// The model's mitigations (those whose inputs are drawn) then the scenario's.
    public let mitigations: [OptimismBias.Mitigation]
    /// The scenario's own mitigations (a subset of ``mitigations``).
    public let scenarioMitigations: [OptimismBias.Mitigation]
    /// Each benefit input with its grade and whether a range carries its weakness (it is drawn).
    public let benefitInputs: [(name: String, grade: Evidence, carriedByRange: Bool)]
    public var benefitInputGrades: [(name: String, grade: Evidence)] { benefitInputs.map { ($0.name, $0.grade) } }
    /// The weakest grade among the fixed benefit inputs (sourced when none).
    public let benefitGrade: Evidence
    /// The assumption holding the cut for that grade.
    public let benefitReduction: Assumption
    /// The cut of the weakest grade among all benefit inputs, ranges or not: the stacked cut, shown as a sensitivity.
    public let sensitivityCut: Assumption

    public init(scenario: Scenario, assumptions: AssumptionSet) throws {
        optimismBiasStart = try assumptions.value(.optimismBias)
        var modelled: [OptimismBias.Mitigation] = []
        for (name, inputs) in Self.modelledMitigations {
            guard let share = assumptions[name] else { continue }
            let drawn = inputs.compactMap { assumptions[$0] }.filter(\.distribution.isUncertain)
            // A mitigation is earned only while the Monte Carlo draws what it rests on.
            guard share.value > 0, !drawn.isEmpty else { continue }
            let described = drawn.map { "\($0.name) \($0.distribution.summary)" }.joined(separator: ", ")
            modelled.append(OptimismBias.Mitigation(risk: share.description, shareMitigated: share.value,
                                                    reasoning: "drawn in the Monte Carlo: \(described)"))
        }
        scenarioMitigations = scenario.optimismBiasMitigations
        mitigations = modelled + scenarioMitigations
        optimismBiasApplied = OptimismBias.applied(start: optimismBiasStart,
                                                   lowerBound: try assumptions.value(.optimismBiasLowerBound),
                                                   mitigations: mitigations)
        benefitInputs = try Self.benefitInputNames.map { name in
            let assumption = try assumptions.assumption(name)
            return (name.rawValue, assumption.evidence, assumption.distribution.isUncertain)
        }
        benefitGrade = BenefitEvidenceAdjustment.weakest(benefitInputs.filter { !$0.carriedByRange }.map(\.grade))
        benefitReduction = try assumptions.assumption(BenefitEvidenceAdjustment.assumptionName(for: benefitGrade))
        sensitivityCut = try assumptions.assumption(BenefitEvidenceAdjustment.assumptionName(
            for: BenefitEvidenceAdjustment.weakest(benefitInputs.map(\.grade))))
    }

    /// The sentence every output carries about optimism bias.
    public var optimismBiasStatement: String {
        let start = NumberFormatting.percent(optimismBiasStart)
        guard !mitigations.isEmpty else {
            return OptimismBias.statement(start: optimismBiasStart, applied: optimismBiasApplied, mitigations: mitigations)
                + " Results at \(start) are the unmitigated results."
        }
        let listed = mitigations.map { "\($0.risk) (−\(NumberFormatting.percent($0.shareMitigated)) of it; \($0.reasoning))" }
            .joined(separator: "; ")
        return "Optimism bias \(NumberFormatting.percent(optimismBiasApplied)) on programme costs. Category: outsourcing, operating expenditure (Mott MacDonald Table 2), the closest to recurring staff spending delivered by councils; starting value \(start), its upper bound. Reduced, as the Green Book (paras 5.43-5.46) asks, by each specific risk already quantified: \(listed). Left: \(NumberFormatting.percent(optimismBiasApplied)) for risks the model does not quantify: \(Self.risksLeft). The unmitigated results (at \(start)) are shown beside."
    }

    /// The sentence every output carries about the benefit evidence cut.
    public var benefitReductionStatement: String {
        let ranged = benefitInputs.filter(\.carriedByRange).map(\.name)
        let fixed = benefitInputs.filter { !$0.carriedByRange }.map { "\($0.name) (\($0.grade.rawValue))" }
        let cutText = benefitReduction.distribution.isUncertain
            ? "\(NumberFormatting.percent(benefitReduction.value)) (\(benefitReduction.distribution.summary))"
            : NumberFormatting.percent(benefitReduction.value)
        return "Benefits cut by \(cutText) for the quality of their evidence: an input's weakness is carried by its range or by a cut, not both. Carried by their ranges (drawn): \(ranged.isEmpty ? "none" : ranged.joined(separator: ", ")). Cut by grade (fixed): \(fixed.isEmpty ? "none" : fixed.joined(separator: ", ")); the weakest of these is \(benefitGrade.rawValue). Sensitivity: the stacked cut of the weakest grade among all the inputs, \(NumberFormatting.percent(sensitivityCut.value)) (\(sensitivityCut.name)), on top of the ranges, is shown beside."
    }
}
