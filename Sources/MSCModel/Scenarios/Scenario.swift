/// A question about coordinator posts, written as data: where the posts go, who pays, how costs
/// are shared, over what horizon, against which baseline, and any assumptions changed (DESIGN 2, 5).
///
/// Scenarios live in `Scenarios/*.yaml`; ``load(path:assumptions:authorities:)`` reads one strictly.
///
/// ```swift
/// let loaded = try Scenario.load(path: "Scenarios/county-shared.yaml", assumptions: set, authorities: table)
/// loaded.scenario.deployment.kind   // .countyArea
/// let deployment = try Deployment.build(scenario: loaded.scenario, authorities: table, assumptions: loaded.assumptions)
/// ```
public struct Scenario: Sendable {
    /// Short name, e.g. `county-shared`.
    public let name: String
    /// The question the scenario answers, in a sentence.
    public let question: String
    /// The file it was read from, as the user named it.
    public let file: String
    /// Years evaluated; year 0 is the posts' first year.
    public let horizonYears: Int
    /// Financial year whose prices all money is in (real terms), e.g. `2025-26`.
    public let priceBaseYear: String
    /// The scenario this one is compared against, if any.
    public let baseline: ScenarioReference?
    /// Where the posts go and how big they are.
    public let deployment: DeploymentRule
    /// How the cost of a post serving several authorities is split among them.
    public let sharing: SharingRule
    /// Who pays for each post and how likely each funder is to renew.
    public let funding: FundingMix
    /// The training settings, when the scenario has a `training:` section.
    public let training: TrainingSettings?
    /// Names of the assumptions the scenario overrides, in file order.
    public let overriddenAssumptions: [String]
    /// The programme's first financial year (DESIGN 3.7): `firstYear:`, or the price base year plus
    /// `programmeStartYearsAfterPriceBase`.
    public let firstYear: String
    /// Mitigations that lower the optimism bias from its starting value, each with its reasoning.
    public let optimismBiasMitigations: [OptimismBias.Mitigation]
    /// A CSV of further, illustrative reorganisations the scenario assumes (`reorganisations:`),
    /// on top of the confirmed ones in `Assumptions/reorganisations.csv`; nil when none.
    public let reorganisationsFile: String?
    /// Which area incidence index scales each council's baseline identifications (`incidenceIndex:`;
    /// uniform when the file does not say).
    public let incidenceIndex: IncidenceIndexKind

    /// When the programme runs relative to the price base year.
    public var timing: AppraisalTiming {
        AppraisalTiming(priceBaseYear: FinancialYear(priceBaseYear)!, firstYear: FinancialYear(firstYear)!)
    }

    public init(name: String, question: String, file: String, horizonYears: Int, priceBaseYear: String,
                baseline: ScenarioReference?, deployment: DeploymentRule, sharing: SharingRule, funding: FundingMix,
                training: TrainingSettings?, overriddenAssumptions: [String], firstYear: String? = nil,
                optimismBiasMitigations: [OptimismBias.Mitigation] = [], reorganisationsFile: String? = nil,
                incidenceIndex: IncidenceIndexKind = .uniform) {
        self.name = name
        self.question = question
        self.file = file
        self.horizonYears = horizonYears
        self.priceBaseYear = priceBaseYear
        self.baseline = baseline
        self.deployment = deployment
        self.sharing = sharing
        self.funding = funding
        self.training = training
        self.overriddenAssumptions = overriddenAssumptions
        self.firstYear = firstYear ?? priceBaseYear
        self.optimismBiasMitigations = optimismBiasMitigations
        self.reorganisationsFile = reorganisationsFile
        self.incidenceIndex = incidenceIndex
    }
}

/// Another scenario named as a baseline: its name and the file it is in.
public struct ScenarioReference: Sendable, Equatable {
    /// The baseline's name as written, e.g. `status-quo`.
    public let name: String
    /// The baseline's file: `<name>.yaml` beside the scenario that names it.
    public let path: String
    /// Where the scenario names it (file:line of its `baseline:` key), so an error about the
    /// baseline can point at it.
    public let line: Int?

    public init(name: String, path: String, line: Int? = nil) {
        self.name = name
        self.path = path
        self.line = line
    }
}

/// A scenario together with the assumptions it runs on (the shipped set with its overrides applied).
public struct LoadedScenario: Sendable {
    /// The scenario as read from its file.
    public let scenario: Scenario
    /// The assumptions after the scenario's overrides.
    public let assumptions: AssumptionSet
    /// The assumptions before the scenario's own overrides (with `--set` and a page's overrides):
    /// what a council's own post is costed on, since a scenario's overrides describe its posts
    /// (a regional hub's travel budget is no part of a council's post).
    public let councilAssumptions: AssumptionSet

    public init(scenario: Scenario, assumptions: AssumptionSet, councilAssumptions: AssumptionSet? = nil) {
        self.scenario = scenario
        self.assumptions = assumptions
        self.councilAssumptions = councilAssumptions ?? assumptions
    }
}
