import MSCModel

/// The named groups of inputs whose joint value of information a decision analysis reports: the
/// questions a national team could commission evidence on.
public enum InformationGroups {
    public static let identificationUplift = "identification uplift"
    public static let valueOfIdentification = "value of an identification"
    public static let costs = "costs"
    public static let fundingRenewal = "funding renewal"

    /// Inputs that set how many extra identifications a post brings.
    static let upliftInputs = [AssumptionName.identificationRateRatio, .displacementShare, ChildIdentifications.shareAssumption,
                               .baselineIdentificationRate, .countyShareOfTwoTierIdentifications,
                               CoverageParameters.benchmarkAssumption, CoverageParameters.elasticityAssumption, .rampUpYears].map(\.rawValue)
    /// Inputs that set what one identification is worth and what it triggers (the deflator's
    /// projected growth moves the unit cost when the price base year is past the published series).
    static let valueInputs = (SocialValue.assumptionNames + [.healthShareOfAvoidableHarm] + TriggeredCosts.assumptionNames
        + [.gdpDeflatorProjectedGrowth]
        + BenefitEvidenceAdjustment.gradesByStrength.map(BenefitEvidenceAdjustment.assumptionName(for:))).map(\.rawValue)
    /// Inputs that set what a post costs (per-post salary and budget draws vary between posts
    /// within an iteration, so they are not one quantity that evidence could pin down).
    /// The price of a training place (hours, delivery, trainee pay) counts where a scenario includes training.
    static let costInputs = [AssumptionName.pensionRate, .appraisalApprenticeshipLevyRate, .appraisalOverheadRate, .realPayGrowth,
                             .payAward2026to27].map(\.rawValue)
        + ModelParameter.allCases.filter(\.isTrainingPlaceInput).map(\.assumptionName)

    /// The four groups for these scenarios: funding renewal gathers each scenario's renewal,
    /// absorb and gap-tolerance assumptions.
    public static func groups(for scenarios: [Scenario]) -> [InputGroup] {
        var funding: [String] = []
        for scenario in scenarios {
            let mix = scenario.funding
            let names = mix.sources.map(\.renewal.name) + [mix.absorbAssumption?.name, mix.gapToleranceAssumption?.name].compactMap { $0 }
            for name in names where !funding.contains(name) { funding.append(name) }
        }
        return [InputGroup(name: identificationUplift, members: upliftInputs),
                InputGroup(name: valueOfIdentification, members: valueInputs),
                InputGroup(name: costs, members: costInputs),
                InputGroup(name: fundingRenewal, members: funding)]
    }
}
