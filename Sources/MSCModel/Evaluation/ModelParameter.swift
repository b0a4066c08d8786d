/// The scenario-wide inputs of one evaluation, each named after the assumption it is read from.
///
/// A Monte Carlo iteration draws each once; the central case takes each assumption's value. The
/// model reads them by name (`inputs[.pensionRate]`), never by position, so adding, removing or
/// reordering a case cannot swap two inputs: a plan binds them with one loop over ``allCases``.
public enum ModelParameter: Int, CaseIterable, Sendable {
    // Cost (DESIGN 3.1)
    case pensionRate
    /// The levy and overheads of the appraisal's full economic cost (not cost.yaml's report basis, 0).
    case appraisalApprenticeshipLevyRate
    case appraisalOverheadRate
    /// Real growth of salaries a year.
    case realPayGrowth
    /// The pay award not yet agreed that brings the salary to the price base year (e.g.
    /// `payAward2026to27`); fixed at 0 when no such award is used. Each draw rescales every
    /// salary by `(1 + award) / (1 + central award)` (``ScenarioModel/payAwardFactor(_:)``).
    case pendingPayAward
    // Identification (DESIGN 3.3, 3.4)
    /// Rate ratio of identifications with a coordinator at full coverage and full ramp-up.
    case identificationRateRatio
    /// Adult identifications (NRM + Duty to Notify) a year per 100,000 residents without a post.
    case baselineIdentificationRate
    /// Share of a two-tier area's identifications credited to the county council.
    case countyShareOfTwoTierIdentifications
    /// Coordinator FTE per 100,000 residents at which coverage is full.
    case coverageBenchmarkFTEPer100k
    /// Elasticity of the effect to coverage below the benchmark.
    case coverageElasticity
    /// Years for a post to reach its full effect.
    case rampUpYears
    /// Share of the extra identifications other first responders would have made anyway.
    case displacementShare
    /// Share of a post's proportional uplift that reaches the children councils refer (net of
    /// what children's services would have referred anyway); see ``ChildIdentifications``.
    case childAdditionalityShare
    // Value (DESIGN 3.5)
    /// Home Office unit cost of one victim in the price base year's prices, at the central
    /// projection of the GDP deflator (see ``ScenarioModel/unitCostDeflatorProjection``).
    case unitCostPerVictim
    case avoidableHarmShare
    case harmAvoidedShare
    case conclusiveGroundsPositiveShare
    case dutyToNotifyRelativeValue
    /// Share of the harms and lost output avoided that are health effects valued in QALYs
    /// (physical and emotional harms), discounted at the health rate.
    case healthShareOfAvoidableHarm
    // Costs an identification triggers (DESIGN 3.5), by the body that bears them
    case decisionCostPerReferral
    case supportContractCostPerAdultSupported
    case healthCostPerAdultSupported
    case policeCostPerReferral
    case councilCostPerIdentification
    case reasonableGroundsPositiveShare
    /// Growth of the GDP deflator a year past the published series, which moves the unit cost
    /// when the price base year lies beyond it.
    case gdpDeflatorProjectedGrowth
    // Appraisal (DESIGN 3.7)
    /// Green Book optimism bias uplift on the programme's costs, after the scenario's mitigations.
    case optimismBias
    /// Reduction of benefits for the weakest evidence grade among their inputs; read from the
    /// grade's assumption (``BenefitEvidenceAdjustment/assumptionName(for:)``), not one of this name.
    case benefitReduction
    // Training (DESIGN 3.6): what a place costs, drawn in scenarios that include training (fixed,
    // and unused, in those that do not). How many places a post adds is held at its central value.
    case trainingTier1Hours, trainingTier2Hours, trainingTier3Hours
    case trainingTier1DeliveryCost, trainingTier2DeliveryCost, trainingTier3DeliveryCost
    /// Trainees' full-time salaries in the price base year's pounds.
    case trainingTier1Salary, trainingTier2Salary, trainingTier3Salary

    /// The parameters that price a training place of `tier`: its hours, delivery cost and trainee salary.
    public static func trainingPlaceInputs(_ tier: TrainingTier) -> (hours: ModelParameter, deliveryCost: ModelParameter,
                                                                     salary: ModelParameter) {
        switch tier {
        case .awareness: return (.trainingTier1Hours, .trainingTier1DeliveryCost, .trainingTier1Salary)
        case .frontline: return (.trainingTier2Hours, .trainingTier2DeliveryCost, .trainingTier2Salary)
        case .specialist: return (.trainingTier3Hours, .trainingTier3DeliveryCost, .trainingTier3Salary)
        }
    }

    /// Whether the parameter prices a training place.
    public var isTrainingPlaceInput: Bool {
        TrainingTier.allCases.contains { tier in
            let inputs = Self.trainingPlaceInputs(tier)
            return [inputs.hours, inputs.deliveryCost, inputs.salary].contains(self)
        }
    }

    /// The assumption the parameter is read from (the case's name).
    public var assumptionName: String { String(describing: self) }

    /// The case for an assumption name, if the model uses it.
    public init?(assumptionName: String) {
        guard let found = Self.allCases.first(where: { $0.assumptionName == assumptionName }) else { return nil }
        self = found
    }
}
