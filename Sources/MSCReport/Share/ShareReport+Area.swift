import MSCModel

extension ShareReport {
    /// What each council in the area called `area` pays for the posts of a loaded scenario
    /// (`msc share` and the web page's council card), beside a post of its own under the same funding.
    ///
    /// The posts are costed on `basis` (by default the scenario's, ``CostBasis``: its price base
    /// year, the salary brought forward to it) at `rates` (by default the basis's central rates);
    /// `msc share` passes its cost options. `ownPostOperationalBudget` costs the
    /// council's own post when it differs from the shared post's (a hub's travel budget is no part
    /// of it); `baselineIdentifications` (by ONS code) gives what sharing buys.
    ///
    /// - Throws: ``InputError`` with key `area` when no county, police force area, region or
    ///   council has that name (with near matches).
    public init(loaded: LoadedScenario, authorities: AuthorityTable, deployment: Deployment,
                area: String, kind: AreaKind? = nil, basis chosenBasis: CostBasis? = nil, rates chosenRates: PostCostRates? = nil,
                ownPostFTE chosenFTE: Double? = nil,
                ownPostOperationalBudget: Double? = nil, baselineIdentifications: [String: Double] = [:]) throws {
        let assumptions = loaded.assumptions
        let group = try AreaShares.area(named: area, kind: kind, deployment: deployment, authorities: authorities)
        let basis = try chosenBasis ?? CostBasis(assumptions: assumptions, scenario: loaded.scenario)
        let rates = chosenRates ?? basis.rates
        let salary = basis.fullTimeSalary
        let ownFTE = try chosenFTE ?? assumptions.value("fte")
        var ownRates = rates
        if let ownPostOperationalBudget { ownRates.operationalBudget = ownPostOperationalBudget }
        let shares = deployment.shares(in: group, fullTimeSalary: salary, rates: rates, ownPostFTE: ownFTE, ownPostRates: ownRates)
        self.init(scenario: loaded.scenario, deployment: deployment, shares: shares, taxYear: basis.taxYear,
                  fullTimeSalary: salary, salaryAdjustment: basis.salaryAdjustment, operationalBudget: rates.operationalBudget,
                  ownPostOperationalBudget: ownRates.operationalBudget, ownPostFTE: ownFTE,
                  baselineIdentifications: baselineIdentifications,
                  rateRatio: try Self.fullCoverageRateRatio(assumptions: assumptions, authorities: authorities))
    }

    /// The central rate ratio at full coverage, as the model applies it: the ratio measured in
    /// today's host councils scaled by their coverage (``HostCalibration``).
    static func fullCoverageRateRatio(assumptions: AssumptionSet, authorities: AuthorityTable) throws -> Double {
        let hosts = try RateRatioDerivation.hostCalibration(assumptions: assumptions, authorities: authorities)
        let coverage = hosts.coverage(try CoverageParameters.central(from: assumptions),
                                      countyShare: try assumptions.value("countyShareOfTwoTierIdentifications"))
        return IdentificationUplift.fullCoverageRateRatio(hostRateRatio: try IdentificationParameters.central(from: assumptions).rateRatio,
                                                          hostCoverage: coverage)
    }
}
