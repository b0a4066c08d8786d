import MSCModel

extension ShareReport {
    /// What each council in the area called `area` pays for the posts of a loaded scenario
    /// (`msc share` and the web page's council card), beside a post of its own under the same funding.
    ///
    /// By default the posts are costed at the scenario's central salary and rates for the latest
    /// tax year; `msc share` passes its cost options instead. `ownPostOperationalBudget` costs the
    /// council's own post when it differs from the shared post's (a hub's travel budget is no part
    /// of it); `baselineIdentifications` (by ONS code) gives what sharing buys.
    ///
    /// - Throws: ``InputError`` with key `area` when no county, police force area, region or
    ///   council has that name (with near matches).
    public init(loaded: LoadedScenario, authorities: AuthorityTable, deployment: Deployment,
                area: String, kind: AreaKind? = nil, taxYear chosenYear: String? = nil, rates chosenRates: PostCostRates? = nil,
                fullTimeSalary chosenSalary: Double? = nil, ownPostFTE chosenFTE: Double? = nil,
                ownPostOperationalBudget: Double? = nil, baselineIdentifications: [String: Double] = [:]) throws {
        let assumptions = loaded.assumptions
        let group = try AreaShares.area(named: area, kind: kind, deployment: deployment, authorities: authorities)
        let taxYear = try chosenYear ?? PostCostRates.defaultTaxYear(in: assumptions)
        let rates = try chosenRates ?? PostCostRates.central(from: assumptions, taxYear: taxYear)
        let salary = try chosenSalary ?? assumptions.value("salary")
        let ownFTE = try chosenFTE ?? assumptions.value("fte")
        var ownRates = rates
        if let ownPostOperationalBudget { ownRates.operationalBudget = ownPostOperationalBudget }
        let shares = deployment.shares(in: group, fullTimeSalary: salary, rates: rates, ownPostFTE: ownFTE, ownPostRates: ownRates)
        self.init(scenario: loaded.scenario, deployment: deployment, shares: shares, taxYear: taxYear,
                  fullTimeSalary: salary, operationalBudget: rates.operationalBudget,
                  ownPostOperationalBudget: ownRates.operationalBudget, ownPostFTE: ownFTE,
                  baselineIdentifications: baselineIdentifications,
                  rateRatio: try IdentificationParameters.central(from: assumptions).rateRatio)
    }
}
