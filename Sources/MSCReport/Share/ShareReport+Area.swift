import MSCModel
import MSCSimulation

extension ShareReport {
    /// What each council in the area called `area` pays for a scenario's posts (`msc share`, the
    /// web page's share table and council card), beside a post of its own under the same funding:
    /// the one way every front end builds it.
    ///
    /// The posts are costed on `basis` (by default the scenario's, ``CostBasis``: its price base
    /// year, the salary brought forward to it) at `rates` (by default the basis's central rates);
    /// `msc share` passes its cost options. The council's own post is costed on the assumptions
    /// before the scenario's overrides (``ScenarioPlan/councilAssumptions``), so a hub's travel
    /// budget is no part of it, on every front end; `ownPostOperationalBudget` replaces its budget. What sharing
    /// buys comes from the plan: each council's baseline and the model's central uplift, net of
    /// displacement (``IdentificationUplift/councilAdditionalIdentifications(baselinePerYear:coverage:netUplift:)``).
    ///
    /// - Throws: ``InputError`` with key `area` when no county, police force area, region or
    ///   council has that name (with near matches).
    public init(plan: ScenarioPlan, authorities: AuthorityTable, area: String, kind: AreaKind? = nil,
                basis chosenBasis: CostBasis? = nil, rates chosenRates: PostCostRates? = nil,
                ownPostFTE chosenFTE: Double? = nil, ownPostOperationalBudget: Double? = nil) throws {
        let deployment = plan.deployment
        let group = try AreaShares.area(named: area, kind: kind, deployment: deployment, authorities: authorities)
        let basis = chosenBasis ?? plan.costBasis
        let rates = chosenRates ?? basis.rates
        let salary = basis.fullTimeSalary
        // A council's own post: the assumptions before the scenario's overrides, which describe its posts.
        let ownFTE = try chosenFTE ?? plan.councilAssumptions.value(.fte)
        var ownRates = rates
        ownRates.operationalBudget = try ownPostOperationalBudget ?? plan.councilAssumptions.value(.operationalBudget)
        let shares = deployment.shares(in: group, fullTimeSalary: salary, rates: rates, ownPostFTE: ownFTE, ownPostRates: ownRates)
        self.init(scenario: plan.scenario, deployment: deployment, shares: shares, taxYear: basis.taxYear,
                  fullTimeSalary: salary, salaryAdjustment: basis.salaryAdjustment, operationalBudget: rates.operationalBudget,
                  ownPostOperationalBudget: ownRates.operationalBudget, ownPostFTE: ownFTE,
                  baselineIdentifications: Dictionary(uniqueKeysWithValues: plan.authorityRows.map {
                      ($0.authority.code, $0.baselineIdentifications)
                  }),
                  uplift: plan.centralUplift,
                  costBases: plan.postCostBases(fullTimeSalary: salary, rates: rates))
    }
}
