import MSCModel

extension ShareReport {
    /// What each council in the area called `area` pays for the posts of a loaded scenario
    /// (`msc share` and the web page's council card): the posts are costed at the scenario's
    /// central salary and rates for the latest tax year, beside a post of its own of `fte` FTE.
    ///
    /// - Throws: ``InputError`` with key `area` when no county, police force area, region or
    ///   council has that name (with near matches).
    public init(loaded: LoadedScenario, authorities: AuthorityTable, deployment: Deployment,
                area: String, kind: AreaKind? = nil) throws {
        let assumptions = loaded.assumptions
        let group = try AreaShares.area(named: area, kind: kind, deployment: deployment, authorities: authorities)
        let taxYear = try PostCostRates.defaultTaxYear(in: assumptions)
        let rates = try PostCostRates.central(from: assumptions, taxYear: taxYear)
        let salary = try assumptions.value("salary")
        let ownFTE = try assumptions.value("fte")
        let shares = deployment.shares(in: group, fullTimeSalary: salary, rates: rates, ownPostFTE: ownFTE)
        self.init(scenario: loaded.scenario, deployment: deployment, shares: shares, taxYear: taxYear,
                  fullTimeSalary: salary, operationalBudget: rates.operationalBudget, ownPostFTE: ownFTE)
    }
}
