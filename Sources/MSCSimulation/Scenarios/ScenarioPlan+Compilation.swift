import MSCModel

/// The parts of compiling a scenario (``ScenarioPlan/build(loaded:authorities:assumptionsDirectory:inputFiles:reorganisations:)``),
/// each a small function of what it needs: the councils' incidence, the members that link
/// residents to posts, the funding groups, each council's baseline and its row of the tables.
extension ScenarioPlan {
    /// A council's area incidence index: 1 everywhere, unless the scenario chooses the per-force
    /// index, when each council takes its police force area's.
    struct CouncilIncidence {
        let areaIndex: AreaIncidenceIndex?
        /// The scenario file, named when a council has no area with an index.
        let file: String

        func index(of authority: Authority) throws -> Double {
            guard let areaIndex else { return 1 }
            guard let code = authority.policeForceAreaCode, let index = areaIndex.index(ofArea: code) else {
                throw InputError(file: file, key: "incidenceIndex",
                                 message: "\(authority.name) (\(authority.code)) has no police force area with an index; expected every council in one of the 43 areas")
            }
            return index
        }
    }

    /// Identification: each council's residents linked to the model post serving it in each part
    /// of the horizon, with its share of the coordinator time serving it; the evaluation turns
    /// them into baseline identifications and coverage for each draw.
    static func identificationMembers(_ periods: StructurePeriods, incidence: CouncilIncidence) throws -> [ScenarioModel.Member] {
        var members: [ScenarioModel.Member] = []
        for (k, (period, postIndices)) in zip(periods.periods, periods.modelPostIndices).enumerated() {
            let authorityByCode = Dictionary(uniqueKeysWithValues: period.authorities.authorities.map { ($0.code, $0) })
            for (postIndex, post) in period.deployment.posts.enumerated() where periods.opens(period: k, post: postIndex) {
                for member in post.members {
                    guard let authority = authorityByCode[member.code] else { continue }
                    let servingTotal = period.deployment.fteServing[member.code] ?? 0
                    members.append(ScenarioModel.Member(
                        post: postIndices[postIndex], residents: Double(authority.population),
                        shareOfCoordinatorTime: servingTotal > 0 ? member.fteServing / servingTotal : 0,
                        fteServing: servingTotal, role: ScenarioModel.TierRole(tier: authority.tier),
                        incidenceIndex: try incidence.index(of: authority)))
                }
            }
        }
        return members
    }

    /// The model's posts and the funding groups they draw in: the posts of one council share the
    /// mix as it is; a shared post whose councils each decide their own part of a source is a
    /// group of its own (one per distinct split of its cost; DESIGN 3.2).
    struct FundingGroups {
        var names: [String]
        var groups: [SimulationPlan.FundingGroup]
        /// The group of each split of a post's cost among its councils (absent: group 0).
        var groupOfSplit: [[Double]: Int]

        /// The group a post of this split of its cost draws in.
        func group(ofSplit split: [Double]) -> Int { groupOfSplit[split] ?? 0 }
    }

    static func modelPostsAndFundingGroups(scenario: Scenario, periods: StructurePeriods, existingHosts: Set<String>,
                                           training: [[Double]], trainingPlaces: [TrainingPlaces?]) -> ([ScenarioModel.Post], FundingGroups) {
        var groups = FundingGroups(names: [scenario.name], groups: [SimulationPlan.FundingGroup(mix: 0)], groupOfSplit: [:])
        let funding = scenario.funding
        let posts = periods.modelPosts(existingHosts: existingHosts, training: training, trainingPlaces: trainingPlaces) { post in
            let split = post.members.map(\.costShare)
            guard funding.dividesSources(split: split) else { return 0 }
            if let known = groups.groupOfSplit[split] { return known }
            groups.groupOfSplit[split] = groups.groups.count
            groups.groups.append(SimulationPlan.FundingGroup(mix: 0, split: split))
            groups.names.append("\(scenario.name): \(post.name)")
            return groups.groups.count - 1
        }
        return (posts, groups)
    }

    /// Each council's baseline identifications a year without a post: its residents (times its
    /// incidence index, and its tier's share in a two-tier area) at the national baseline rate.
    static func baselineIdentifications(_ authorities: AuthorityTable, incidence: CouncilIncidence, countyShare: Double,
                                        identification: IdentificationParameters) throws -> [String: Double] {
        var baseline: [String: Double] = [:]
        for authority in authorities.authorities {
            let role = ScenarioModel.TierRole(tier: authority.tier)
            baseline[authority.code] = IdentificationUplift.baselinePerYear(
                observed: nil, population: Double(authority.population) * (try incidence.index(of: authority)) * role.weight(countyShare: countyShare),
                ratePer100kResidents: identification.baselineRatePer100kResidents)
        }
        return baseline
    }

    /// Each first-year council's row of the per-authority tables: the post serving it, its share
    /// and cost, coverage, baseline and additional identifications (the model's net uplift at the
    /// central inputs), and the chance its post is still funded at the horizon.
    static func authorityRows(_ authorities: AuthorityTable, deployment: Deployment, baseline: [String: Double], salary: Double,
                              rates: PostCostRates, netUplift: Double, fundingGroups: FundingGroups,
                              expectedByGroup: [FundingExpectation]) -> [AuthorityRow] {
        authorities.authorities.map { authority in
            let serving = deployment.posts(serving: authority.code)
            let member = serving.first?.members.first { $0.code == authority.code }
            let postCost = serving.first.map { Post.annualCost(fte: $0.fte, fullTimeSalary: salary, rates: rates) } ?? 0
            let coverage = deployment.coverage[authority.code] ?? 0
            let base = baseline[authority.code] ?? 0
            return AuthorityRow(
                authority: authority, postName: serving.first?.name, costShare: member?.costShare ?? 0,
                annualCost: (member?.costShare ?? 0) * postCost, coverage: coverage, baselineIdentifications: base,
                additionalIdentificationsPerYear: IdentificationUplift.councilAdditionalIdentifications(
                    baselinePerYear: base, coverage: coverage, netUplift: netUplift),
                survivalAtHorizon: serving.first.map { post in
                    expectedByGroup[fundingGroups.group(ofSplit: post.members.map(\.costShare))].survival.last ?? 1
                } ?? 0)
        }
    }

    /// The unit cost of a victim in the price base year's pounds (uprated with the GDP deflator,
    /// projected past the published series at the projected growth), and how the drawn growth
    /// moves it: only through the projected years, and only when the unit cost carries a price
    /// year (a scenario's override is already in base-year prices).
    static func unitCostInputs(scenario: Scenario, assumptions set: AssumptionSet,
                               assumptionsDirectory: String) throws -> (Assumption, DeflatorProjection, Assumption) {
        let published = try GDPDeflator.load(assumptionsDirectory: assumptionsDirectory)
        var deflator = published
        let baseYear = FinancialYear(scenario.priceBaseYear)
        let projectedGrowth = try set.assumption(ModelParameter.gdpDeflatorProjectedGrowth.assumptionName)
        if let baseYear, baseYear > deflator.latestYear {
            // Past the published series the deflator grows at the projected rate (an assumption).
            deflator = try deflator.extended(through: baseYear, growthPerYear: projectedGrowth.value)
        }
        let unitCost = try SocialValue.unitCostPerVictim(from: set, priceBaseYear: scenario.priceBaseYear, deflator: deflator)
        let unitCostAssumption = try set.assumption(ModelParameter.unitCostPerVictim.assumptionName)
            .overridden(value: unitCost, distribution: .fixed(unitCost), by: "uprating to \(scenario.priceBaseYear) prices with the GDP deflator")
        // The drawn growth moves the unit cost only through the projected years, and only when the
        // unit cost carries a price year (a scenario's override is already in base-year prices).
        let pricedInAYear = try set.assumption(ModelParameter.unitCostPerVictim.assumptionName).valuesByPeriod.last != nil
        let projection = pricedInAYear && baseYear != nil
            ? DeflatorProjection(deflator: published, priceBaseYear: baseYear!, centralGrowth: projectedGrowth.value) : .none
        return (unitCostAssumption, projection, projectedGrowth)
    }

    /// Each model post's training costs by year and places, over every part of the horizon, and the
    /// first part's totals by tier (what the tables show).
    static func trainingAcrossPeriods(_ periods: StructurePeriods, scenario: Scenario, assumptions set: AssumptionSet,
                                      basis: CostBasis) throws -> ([[Double]], [TrainingPlaces?], [TrainingTierTotals]) {
        var training: [[Double]] = []
        var trainingPlaces: [TrainingPlaces?] = []
        var trainingTotals: [TrainingTierTotals] = []
        for (index, period) in periods.periods.enumerated() {
            let (costs, totals, places) = try trainingCosts(scenario: scenario, deployment: period.deployment,
                                                            authorities: period.authorities, assumptions: set,
                                                            basis: basis, years: scenario.horizonYears)
            training.append(contentsOf: costs)
            trainingPlaces.append(contentsOf: places)
            if index == 0 { trainingTotals = totals }
        }
        return (training, trainingPlaces, trainingTotals)
    }

    /// Expected funding of each group (exact over the renewal probabilities' uncertainty where it
    /// has a closed form, else at their central values), and of the average post at the central
    /// values and over the uncertainty: the groups' weighted by their posts.
    static func fundingExpectations(_ funding: FundingMix, years: Int, groups: [SimulationPlan.FundingGroup],
                                    modelPosts: [ScenarioModel.Post]) -> (central: FundingExpectation, expected: FundingExpectation,
                                                                          expectedByGroup: [FundingExpectation]) {
        let centralByGroup = groups.map {
            funding.expectedFunding(horizonYears: years, renewalProbabilities: funding.centralRenewalProbabilities, split: $0.split)
        }
        let expectedByGroup = zip(groups, centralByGroup).map { group, central in
            funding.analyticFunding(horizonYears: years, split: group.split) ?? central
        }
        let postsByGroup = groups.indices.map { group in Double(modelPosts.filter { $0.fundingIndex == group }.count) }
        func averaged(_ byGroup: [FundingExpectation]) -> FundingExpectation {
            FundingExpectation.average(zip(byGroup, postsByGroup).filter { $0.1 > 0 }.map { ($0.0, $0.1) }) ?? byGroup[0]
        }
        return (averaged(centralByGroup), averaged(expectedByGroup), expectedByGroup)
    }

    /// Each national input of the model (``ModelParameter``) as the assumption of its name, as
    /// the scenario adjusts it: the unit cost uprated, optimism bias after the mitigations, the
    /// pending pay award (or none), trainees' salaries in base-year pounds, and inputs the
    /// scenario does not use fixed with a note that says so.
    struct NationalAssumptions {
        let scenario: Scenario
        let assumptions: AssumptionSet
        let basis: CostBasis
        let adjustments: AppraisalAdjustments
        let unitCost: Assumption
        let projection: DeflatorProjection
        let projectedGrowth: Assumption
        let pendingAward: Assumption?

        func assumption(for parameter: ModelParameter) throws -> Assumption {
            let set = assumptions
            switch parameter {
            case .unitCostPerVictim: return unitCost
            case .optimismBias:
                let start = try set.assumption(parameter.assumptionName)
                guard !adjustments.mitigations.isEmpty else { return start }
                let by = adjustments.scenarioMitigations.isEmpty ? "the mitigations of the risks the model quantifies (appraisal.yaml)"
                    : "the mitigations of the risks the model quantifies (appraisal.yaml) and those listed in \(scenario.file)"
                return start.overridden(value: adjustments.optimismBiasApplied, distribution: .fixed(adjustments.optimismBiasApplied),
                                        by: by)
            case .benefitReduction: return adjustments.benefitReduction
            case .pendingPayAward:
                return pendingAward ?? Assumption(
                    name: "pendingPayAward", description: "No pay award not yet agreed brings the salary to the price base year.",
                    unit: .ratePerYear, value: 0, distribution: .fixed(0), sources: [], evidence: .derived,
                    notes: "Not used: the salary needs no pending pay award to reach \(scenario.priceBaseYear).", origin: scenario.file)
            case let input where input.isTrainingPlaceInput:
                // Trainees' salaries in the price base year's pounds, as the training model costs them.
                let assumption = input.assumptionName.hasSuffix("Salary")
                    ? try basis.salaryAssumption(input.assumptionName, in: set) : try set.assumption(input.assumptionName)
                guard scenario.training?.include == true else {
                    return assumption.overridden(value: assumption.value, distribution: .fixed(assumption.value),
                                                 by: "not used: \(scenario.file) includes no training")
                }
                return assumption
            case .gdpDeflatorProjectedGrowth where projection.years == 0:
                return projectedGrowth.overridden(value: projectedGrowth.value, distribution: .fixed(projectedGrowth.value),
                                                  by: "not used: no projected deflator years before \(scenario.priceBaseYear)")
            default: return try set.assumption(parameter.assumptionName)
            }
        }
    }
}
