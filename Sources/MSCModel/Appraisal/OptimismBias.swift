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
    public static func assumptionName(for grade: Evidence) -> String {
        switch grade {
        case .sourced: return "benefitReductionSourced"
        case .derived: return "benefitReductionDerived"
        case .unconfirmed: return "benefitReductionUnconfirmed"
        case .illustrative: return "benefitReductionIllustrative"
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
/// the optimism bias after its mitigations, and the benefit reduction set by the weakest evidence
/// grade among the inputs the benefits rest on.
public struct AppraisalAdjustments: Sendable {
    /// The benefit inputs whose evidence grades set the benefit reduction.
    public static let benefitInputNames = ["identificationRateRatio", "causalShare", "displacementShare",
                                           "baselineIdentificationRate", "rampUpYears"] + SocialValue.assumptionNames

    /// Starting optimism bias (`optimismBias`) and the value applied after mitigations.
    public let optimismBiasStart: Double
    public let optimismBiasApplied: Double
    public let mitigations: [OptimismBias.Mitigation]
    /// Each benefit input with its grade, and the weakest grade.
    public let benefitInputGrades: [(name: String, grade: Evidence)]
    public let benefitGrade: Evidence
    /// The assumption holding the reduction for that grade.
    public let benefitReduction: Assumption

    public init(scenario: Scenario, assumptions: AssumptionSet) throws {
        optimismBiasStart = try assumptions.value("optimismBias")
        mitigations = scenario.optimismBiasMitigations
        optimismBiasApplied = OptimismBias.applied(start: optimismBiasStart,
                                                   lowerBound: try assumptions.value("optimismBiasLowerBound"),
                                                   mitigations: mitigations)
        benefitInputGrades = try Self.benefitInputNames.map { ($0, try assumptions.assumption($0).evidence) }
        benefitGrade = BenefitEvidenceAdjustment.weakest(benefitInputGrades.map(\.grade))
        benefitReduction = try assumptions.assumption(BenefitEvidenceAdjustment.assumptionName(for: benefitGrade))
    }

    /// The sentence every output carries about optimism bias.
    public var optimismBiasStatement: String {
        OptimismBias.statement(start: optimismBiasStart, applied: optimismBiasApplied, mitigations: mitigations)
    }

    /// The sentence every output carries about the benefit reduction.
    public var benefitReductionStatement: String {
        let weakest = benefitInputGrades.filter { $0.grade == benefitGrade }.map(\.name)
        return "Benefits reduced by \(NumberFormatting.percent(benefitReduction.value)) (\(benefitReduction.distribution.summary)) for the quality of their evidence: the weakest grade among their inputs is \(benefitGrade.rawValue) (\(weakest.joined(separator: ", ")))."
    }
}
