import Dispatch
import Foundation
import GSLKit
import MSCModel

/// A scenario file turned into a runnable ``SimulationPlan``, with the pieces reports need
/// (deployment, funding, per-authority effects) kept alongside.
public struct ScenarioPlan: Sendable {
    public let loaded: LoadedScenario
    /// The first year's deployment (the per-authority tables show it).
    public let deployment: Deployment
    /// What changes in the authority structure during the horizon do to the posts, one sentence
    /// each (empty when none).
    public let structureNotes: [String]
    public let plan: SimulationPlan
    /// The discount factor of each year of the horizon (DESIGN 3.7), from the compiled model.
    public var discountFactors: [Double] { plan.model.discountFactors }
    /// The compiled scenario the plan evaluates.
    public var model: ScenarioModel { plan.model }
    /// The posts' funding groups (``SimulationPlan/fundingGroups``), in `model.fundingGroupNames` order.
    public var fundingGroups: [SimulationPlan.FundingGroup] { plan.fundingGroups }
    /// Per-authority results of the central case, in authority-table order.
    public let authorityRows: [AuthorityRow]
    /// Central expected funding of the average post (survival and shares by funder per year), at
    /// the renewal probabilities' central values: the funding groups' weighted by their posts.
    public let centralFunding: FundingExpectation
    /// Expected funding of the average post over the renewal probabilities' uncertainty (exact, as
    /// `msc funding` reports it), or the central one when a distribution has no closed form.
    public let expectedFunding: FundingExpectation
    /// The same for each funding group (``SimulationPlan/fundingGroups``), in group order.
    public let expectedFundingByGroup: [FundingExpectation]
    /// The files the plan rests on (scenario, assumptions, authorities), for the run manifest.
    public let inputFiles: [String]
    /// What the scenario's training reaches, tier by tier, when it includes training (else empty).
    public let training: [TrainingTierTotals]
    /// The councils whose posts exist today (at full effect from the first year).
    public let existingHostCodes: Set<String>
    /// Optimism bias after the scenario's mitigations, and the benefit evidence reduction.
    public let adjustments: AppraisalAdjustments
    /// The tax year and salary its posts are costed at: the price base year, the salary brought
    /// forward to it by the pay awards (``CostBasis``).
    public let costBasis: CostBasis
    /// The police-force-area incidence index when the scenario uses it (nil under the uniform index).
    public var areaIndex: AreaIncidenceIndex? = nil
    /// The changes of structure the plan was built with (confirmed and the scenario's own): a map
    /// drawn on the published councils' hexagons shows each successor through its predecessors'.
    public var reorganisations: [Reorganisation] = []

    /// The central uplift every per-council figure uses: the rate ratio at full coverage, the
    /// displacement share, and what they give together, `(RR_full − 1)(1 − displacement)`.
    public struct CentralUplift: Sendable {
        public let fullCoverageRateRatio: Double
        public let displacementShare: Double
        /// ``ScenarioModel/netUplift(_:)`` at the central inputs.
        public let net: Double
    }

    /// The uplift at the central inputs, as the model applies it (``ScenarioModel/netUplift(_:)``).
    public var centralUplift: CentralUplift {
        let national = plan.nationalInputs(plan.centralNationalValues)
        return CentralUplift(fullCoverageRateRatio: plan.model.fullCoverageRateRatio(national),
                             displacementShare: national[.displacementShare], net: plan.model.netUplift(national))
    }

    /// One training tier summed over the authorities a scenario's posts serve (DESIGN 3.6).
    public struct TrainingTierTotals: Sendable {
        public let tier: TrainingTier
        /// Staff (and councillors) the tier is for.
        public let staff: Double
        /// Holding current training in the final year, with the coordinators in post and without.
        public let trainedAtHorizonWithCoordinator: Double
        public let trainedAtHorizonWithout: Double
        /// Extra cost a year on average over the horizon (staff time and delivery), pounds.
        public let extraCostPerYear: Double
    }

    /// Central cost of all the scenario's posts in each year were every one funded throughout
    /// (real pounds; training excluded), the base for each funder's expected cost.
    public var fullyFundedPostCostByYear: [Double] {
        let model = plan.model
        let national = plan.nationalInputs(plan.centralNationalValues)
        let rates = model.costRates(national, operationalBudget: plan.operationalBudget.value)
        return (0..<model.horizonYears).map { t in
            let salary = PostCost.salary(plan.salary.value, afterYears: t, growthRate: national[.realPayGrowth])
            return model.posts.reduce(0) { total, post in
                post.years(inHorizon: model.horizonYears).contains(t)
                    ? total + PostCost.totalForPost(fte: post.fte, fullTimeSalary: salary, rates: rates) : total
            }
        }
    }

    public var scenario: Scenario { loaded.scenario }
    public var assumptions: AssumptionSet { loaded.assumptions }

    /// One authority's place in the scenario.
    public struct AuthorityRow: Sendable {
        public let authority: Authority
        /// The post serving it (nil when none).
        public let postName: String?
        /// Its share of its post's cost (0 when none).
        public let costShare: Double
        /// Its share of the post's central yearly cost in the first year, pounds.
        public let annualCost: Double
        /// Coverage after dilution by sharing, in [0, 1].
        public let coverage: Double
        /// Baseline adult identifications a year without a post.
        public let baselineIdentifications: Double
        /// Extra identifications a year at full ramp-up, central rate ratio, net of displacement, post
        /// funded (``IdentificationUplift/councilAdditionalIdentifications(baselinePerYear:coverage:netUplift:)``).
        public let additionalIdentificationsPerYear: Double
        /// Expected chance its post is still funded in the final year.
        public let survivalAtHorizon: Double
    }

    /// Loads a scenario, builds its deployment and compiles it for the engine.
    /// `settings` (`--set name=value`) are applied to the shipped assumptions and win over the scenario's overrides.
    public static func load(path: String, assumptionsDirectory: String, authoritiesPath: String,
                            settings: [AssumptionSetting] = []) throws -> ScenarioPlan {
        // The authorities table and the assumption files are read at once, one on each of two
        // threads: neither needs the other until the derived assumptions are worked out. An error
        // in the table is reported first, as when they were read one after the other.
        let (tableResult, assumptionsResult) = readConcurrently(
            { try AuthorityTable.load(path: authoritiesPath) },
            { try AssumptionLoader.loadUnresolved(directory: assumptionsDirectory) })
        let authorities = try tableResult.get()
        // The folder's own table, when it is the one just read, is not read a second time.
        let folderTable = URL(fileURLWithPath: assumptionsDirectory).appendingPathComponent("authorities.csv").standardizedFileURL
        let sameTable = folderTable.path == URL(fileURLWithPath: authoritiesPath).standardizedFileURL.path
        let base = try AssumptionLoader.resolvingDerivations(in: try assumptionsResult.get(),
                                                             folderAuthorities: sameTable ? authorities : nil)
            .applying(settings, authorities: authorities)
        let loaded = try Scenario.load(path: path, assumptions: base, authorities: authorities)
        let (reorganisations, files) = try reorganisations(for: loaded.scenario, assumptionsDirectory: assumptionsDirectory)
        return try build(loaded: loaded, authorities: authorities, assumptionsDirectory: assumptionsDirectory,
                         inputFiles: [path, authoritiesPath] + files + base.files, reorganisations: reorganisations)
    }

    /// The confirmed reorganisations of the assumptions folder (`reorganisations.csv`, when
    /// present) and the scenario's own illustrative ones, with the files they came from.
    public static func reorganisations(for scenario: Scenario, assumptionsDirectory: String) throws -> ([Reorganisation], [String]) {
        let changesPath = (assumptionsDirectory as NSString).appendingPathComponent(AuthorityStructure.fileName)
        var files: [String] = []
        var result: [Reorganisation] = []
        if FileManager.default.fileExists(atPath: changesPath) {
            result += try Reorganisation.load(path: changesPath)
            files.append(changesPath)
        }
        if let extra = scenario.reorganisationsFile {
            result += try Reorganisation.load(path: extra)
            files.append(extra)
        }
        return (result, files)
    }

    /// How many posts exist in each year of the horizon (whether funded or not): the deployment
    /// rule applied to the councils in force that year.
    public var postsInPlaceByYear: [Int] {
        let model = plan.model
        return (0..<model.horizonYears).map { t in model.posts.filter { $0.years(inHorizon: model.horizonYears).contains(t) }.count }
    }

    /// Compiles a loaded scenario (DESIGN 3.1–3.7) into flat numbers for evaluation.
    ///
    /// The authority structure is dated: `reorganisations` replace councils from a year on, and the
    /// deployment rule is applied to the councils in force in each part of the horizon
    /// (``StructurePeriods``).
    public static func build(loaded: LoadedScenario, authorities publishedAuthorities: AuthorityTable, assumptionsDirectory: String,
                             inputFiles: [String], reorganisations given: [Reorganisation]? = nil) throws -> ScenarioPlan {
        let scenario = loaded.scenario
        let set = loaded.assumptions
        let years = scenario.horizonYears
        // nil: the folder's and the scenario's own, as load reads them.
        let reorganisations = try given ?? Self.reorganisations(for: scenario, assumptionsDirectory: assumptionsDirectory).0
        let structure = try AuthorityStructure(base: publishedAuthorities, reorganisations: reorganisations)
        let periods = try StructurePeriods(structure: structure, firstYear: scenario.timing.firstYear, horizonYears: years,
                                           scenario: scenario, assumptions: set)
        // The first year's councils and posts carry the per-authority tables.
        let authorities = periods.periods[0].authorities
        let deployment = periods.periods[0].deployment

        // Identification: each authority's residents, linked to the posts serving it; the
        // evaluation turns them into baseline identifications and coverage for each draw.
        let identification = try IdentificationParameters.central(from: set)
        // The area incidence index (1 everywhere unless the scenario chooses the per-force one),
        // by police force area code: a council takes its area's.
        let areaIndex = scenario.incidenceIndex == .policeForceArea
            ? try AreaIncidenceIndex.load(assumptionsDirectory: assumptionsDirectory, authorities: publishedAuthorities) : nil
        func incidenceIndex(_ authority: Authority) throws -> Double {
            guard let areaIndex else { return 1 }
            guard let code = authority.policeForceAreaCode, let index = areaIndex.index(ofArea: code) else {
                throw InputError(file: scenario.file, key: "incidenceIndex",
                                 message: "\(authority.name) (\(authority.code)) has no police force area with an index; expected every council in one of the 43 areas")
            }
            return index
        }
        var members: [ScenarioModel.Member] = []
        for (k, (period, postIndices)) in zip(periods.periods, periods.modelPostIndices).enumerated() {
            let authorityByCode = Dictionary(uniqueKeysWithValues: period.authorities.authorities.map { ($0.code, $0) })
            for (postIndex, post) in period.deployment.posts.enumerated() where periods.opens(period: k, post: postIndex) {
                for member in post.members {
                    guard let authority = authorityByCode[member.code] else { continue }
                    let servingTotal = period.deployment.fteServing[member.code] ?? 0
                    let role: ScenarioModel.TierRole = authority.tier == .county ? .county
                        : (authority.tier == .district ? .district : .singleTier)
                    members.append(ScenarioModel.Member(
                        post: postIndices[postIndex], residents: Double(authority.population),
                        shareOfCoordinatorTime: servingTotal > 0 ? member.fteServing / servingTotal : 0,
                        fteServing: servingTotal, role: role, incidenceIndex: try incidenceIndex(authority)))
                }
            }
        }

        // Money: cost rates at the price base year, value of an identification uprated to it.
        // The salary is in price-base-year pounds: the shipped one (quoted for
        // salaryQuotedForYearStarting) brought forward by the pay awards, value and distribution
        // alike; one the scenario overrides (or --set sets) is taken as in those pounds already.
        let basis = try CostBasis(assumptions: set, scenario: scenario)
        let rates = basis.rates
        let salaryAssumption = try basis.salaryAssumption("salary", in: set)
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
        let greenBook = try GreenBook(assumptions: set)

        var training: [[Double]] = []
        var trainingPlaces: [TrainingPlaces?] = []
        var trainingTotals: [TrainingTierTotals] = []
        for (index, period) in periods.periods.enumerated() {
            let (costs, totals, places) = try trainingCosts(scenario: scenario, deployment: period.deployment,
                                                            authorities: period.authorities, assumptions: set,
                                                            basis: basis, years: years)
            training.append(contentsOf: costs)
            trainingPlaces.append(contentsOf: places)
            if index == 0 { trainingTotals = totals }
        }
        // Trainees' time is costed as the training model costs it (on-costs at their central values).
        let includesTraining = scenario.training?.include == true
        let traineeCosting = try includesTraining ? TrainingAssumptions(from: set, authorities: publishedAuthorities, basis: basis)
            .traineeCosting : nil
        let funding = scenario.funding
        // The posts that exist today: status-quo's placement (or the councils it lists). A post
        // serving only such councils is at full effect from the first year, so a rollout adds
        // nothing new there (DESIGN 3.4).
        // Placed on today's councils (as status-quo and the rate ratio derivation place them), then
        // carried to any successors in force in the first year.
        let existingHosts = Set(structure.codesInForce(
            Array(try existingHostCodes(scenario: scenario, authorities: publishedAuthorities, assumptions: set)).sorted(),
            in: scenario.timing.firstYear))
        let adjustments = try AppraisalAdjustments(scenario: scenario, assumptions: set)
        // The pay award not yet agreed that brings the shipped salary to the price base year, drawn
        // like any other input (none when the salary is set in that year's pounds or no award is pending).
        let pendingAward: Assumption? = basis.salariesSetInTaxYear.contains("salary") ? nil
            : try basis.shippedPayAdjustment.awards.first { !$0.agreed && basis.shippedPayAdjustment.factor >= 1 }
                .map { try set.assumption($0.assumption) }
        // Funding groups: the posts of one council share the mix as it is; a shared post whose
        // councils each decide their own part of a source is a group of its own (DESIGN 3.2).
        var groupNames = [scenario.name]
        var groups = [SimulationPlan.FundingGroup(mix: 0)]
        var groupOfSplit: [[Double]: Int] = [:]
        let modelPosts = periods.modelPosts(existingHosts: existingHosts, training: training, trainingPlaces: trainingPlaces) { post in
            let split = post.members.map(\.costShare)
            guard funding.dividesSources(split: split) else { return 0 }
            if let known = groupOfSplit[split] { return known }
            groupOfSplit[split] = groups.count
            groups.append(SimulationPlan.FundingGroup(mix: 0, split: split))
            groupNames.append("\(scenario.name): \(post.name)")
            return groups.count - 1
        }
        let model = ScenarioModel(
            name: scenario.name, horizonYears: years,
            posts: modelPosts,
            members: members, fundingGroupNames: groupNames, employerNIRate: rates.employerNIRate,
            niSecondaryThreshold: rates.niSecondaryThreshold,
            discountFactors: scenario.timing.discountFactors(horizonYears: years, greenBook: greenBook),
            unitCostDeflatorProjection: projection,
            nrmShare: try RateRatioDerivation.Facts(assumptions: set).nrmShare,
            hostCalibration: try RateRatioDerivation.hostCalibration(assumptions: set, authorities: publishedAuthorities),
            startingOptimismBias: adjustments.optimismBiasStart,
            pendingPayAwardCentral: pendingAward?.value ?? 0,
            healthDiscountFactors: scenario.timing.discountFactors(
                horizonYears: years, greenBook: GreenBook(bands: [.init(firstYear: 0, rate: try set.value("healthDiscountRate"))])),
            traineeCosting: traineeCosting,
            childReferralsPerAdultIdentification: try ChildIdentifications.referralsPerAdultIdentification(from: set))
        // National inputs: each model parameter from the assumption of its name.
        let plan = try SimulationPlan(
            model: model,
            parameter: { parameter in
                switch parameter {
                case .unitCostPerVictim: return unitCostAssumption
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
                    guard includesTraining else {
                        return assumption.overridden(value: assumption.value, distribution: .fixed(assumption.value),
                                                     by: "not used: \(scenario.file) includes no training")
                    }
                    return assumption
                case .gdpDeflatorProjectedGrowth where projection.years == 0:
                    return projectedGrowth.overridden(value: projectedGrowth.value, distribution: .fixed(projectedGrowth.value),
                                                      by: "not used: no projected deflator years before \(scenario.priceBaseYear)")
                default: return try set.assumption(parameter.assumptionName)
                }
            },
            salary: salaryAssumption, operationalBudget: try set.assumption("operationalBudget"),
            fundingMixes: [funding], fundingGroups: groups)
        let countyShare = try set.value("countyShareOfTwoTierIdentifications")
        var baseline: [String: Double] = [:]
        for authority in authorities.authorities {
            let role: ScenarioModel.TierRole = authority.tier == .county ? .county
                : (authority.tier == .district ? .district : .singleTier)
            baseline[authority.code] = IdentificationUplift.baselinePerYear(
                observed: nil, population: Double(authority.population) * (try incidenceIndex(authority)) * role.weight(countyShare: countyShare),
                ratePer100kResidents: identification.baselineRatePer100kResidents)
        }

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
        let centralFunding = averaged(centralByGroup)
        let expectedFunding = averaged(expectedByGroup)
        let salary = salaryAssumption.value
        // The model's own net uplift (rate ratio less one, net of displacement) at the central inputs.
        let netUplift = plan.model.netUplift(plan.nationalInputs(plan.centralNationalValues))
        var rows: [AuthorityRow] = []
        for authority in authorities.authorities {
            let serving = deployment.posts(serving: authority.code)
            let member = serving.first?.members.first { $0.code == authority.code }
            let postCost = serving.first.map { Post.annualCost(fte: $0.fte, fullTimeSalary: salary, rates: rates) } ?? 0
            let coverage = deployment.coverage[authority.code] ?? 0
            let base = baseline[authority.code] ?? 0
            rows.append(AuthorityRow(
                authority: authority, postName: serving.first?.name, costShare: member?.costShare ?? 0,
                annualCost: (member?.costShare ?? 0) * postCost, coverage: coverage, baselineIdentifications: base,
                additionalIdentificationsPerYear: IdentificationUplift.councilAdditionalIdentifications(
                    baselinePerYear: base, coverage: coverage, netUplift: netUplift),
                survivalAtHorizon: serving.first.map { post in
                    expectedByGroup[groupOfSplit[post.members.map(\.costShare)] ?? 0].survival.last ?? 1
                } ?? 0))
        }
        return ScenarioPlan(loaded: loaded, deployment: deployment, structureNotes: periods.notes, plan: plan, authorityRows: rows,
                            centralFunding: centralFunding, expectedFunding: expectedFunding,
                            expectedFundingByGroup: expectedByGroup, inputFiles: inputFiles,
                            training: trainingTotals, existingHostCodes: existingHosts, adjustments: adjustments,
                            costBasis: basis, areaIndex: areaIndex, reorganisations: reorganisations)
    }

    /// The councils with a post today: those a scenario's `existing` rule lists or places, else the
    /// placement status-quo uses (``DeploymentRule/existingPlacement(count:authorities:)``), the
    /// same that the identification rate ratio is derived from.
    static func existingHostCodes(scenario: Scenario, authorities: AuthorityTable, assumptions: AssumptionSet) throws -> Set<String> {
        if case .existing(let codes, _, _) = scenario.deployment { return Set(codes) }
        let count = Int(try assumptions.value("coordinatorAuthorities2023").rounded())
        return Set(try DeploymentRule.existingPlacement(count: count, authorities: authorities).0)
    }
}

/// Runs `first` and `second` on two threads and returns both outcomes.
private func readConcurrently<A: Sendable, B: Sendable>(_ first: @Sendable () throws -> A,
                                                        _ second: @Sendable () throws -> B) -> (Result<A, any Error>, Result<B, any Error>) {
    let results = ConcurrentResults<A, B>()
    DispatchQueue.concurrentPerform(iterations: 2) { index in
        if index == 0 { results.first = Result { try first() } } else { results.second = Result { try second() } }
    }
    return (results.first!, results.second!)
}

/// The two slots of ``readConcurrently(_:_:)``: each written by one thread, read after both finish.
private final class ConcurrentResults<A, B>: @unchecked Sendable {
    var first: Result<A, any Error>?
    var second: Result<B, any Error>?
}
