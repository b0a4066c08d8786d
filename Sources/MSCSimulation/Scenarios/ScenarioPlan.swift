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
        let rateRatio = plan.model.fullCoverageRateRatio(national)
        return CentralUplift(fullCoverageRateRatio: rateRatio, displacementShare: national[.displacementShare],
                             net: plan.model.netUplift(national, fullCoverageRateRatio: rateRatio))
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
    /// The assumptions a council's own post is costed on (``LoadedScenario/councilAssumptions``).
    public var councilAssumptions: AssumptionSet { loaded.councilAssumptions }

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

        let identification = try IdentificationParameters.central(from: set)
        // The area incidence index (1 everywhere unless the scenario chooses the per-force one).
        let areaIndex = scenario.incidenceIndex == .policeForceArea
            ? try AreaIncidenceIndex.load(assumptionsDirectory: assumptionsDirectory, authorities: publishedAuthorities) : nil
        let incidence = CouncilIncidence(areaIndex: areaIndex, file: scenario.file)
        let members = try identificationMembers(periods, incidence: incidence)

        // Money: cost rates at the price base year, value of an identification uprated to it.
        // The salary is in price-base-year pounds: the shipped one (quoted for
        // salaryQuotedForYearStarting) brought forward by the pay awards, value and distribution
        // alike; one the scenario overrides (or --set sets) is taken as in those pounds already.
        let basis = try CostBasis(assumptions: set, scenario: scenario)
        let rates = basis.rates
        let salaryAssumption = try basis.salaryAssumption(.salary, in: set)
        let (unitCostAssumption, projection, projectedGrowth) = try unitCostInputs(scenario: scenario, assumptions: set,
                                                                                  assumptionsDirectory: assumptionsDirectory)
        let greenBook = try GreenBook(assumptions: set)

        let (training, trainingPlaces, trainingTotals) = try trainingAcrossPeriods(periods, scenario: scenario, assumptions: set,
                                                                                   basis: basis)
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
        let pendingAward: Assumption? = basis.isSetInTaxYear(.salary) ? nil
            : try basis.shippedPayAdjustment.awards.first { !$0.agreed && basis.shippedPayAdjustment.factor >= 1 }
                .map { try set.assumption($0.assumption) }
        let (modelPosts, fundingGroups) = modelPostsAndFundingGroups(
            scenario: scenario, periods: periods, existingHosts: existingHosts, training: training, trainingPlaces: trainingPlaces)
        let groups = fundingGroups.groups
        let model = ScenarioModel(
            name: scenario.name, horizonYears: years,
            posts: modelPosts,
            members: members, fundingGroupNames: fundingGroups.names, employerNIRate: rates.employerNIRate,
            niSecondaryThreshold: rates.niSecondaryThreshold,
            discountFactors: scenario.timing.discountFactors(horizonYears: years, greenBook: greenBook),
            unitCostDeflatorProjection: projection,
            nrmShare: try RateRatioDerivation.Facts(assumptions: set).nrmShare,
            hostCalibration: try RateRatioDerivation.hostCalibration(assumptions: set, authorities: publishedAuthorities),
            startingOptimismBias: adjustments.optimismBiasStart,
            pendingPayAwardCentral: pendingAward?.value ?? 0,
            healthDiscountFactors: scenario.timing.discountFactors(
                horizonYears: years, greenBook: GreenBook(bands: [.init(firstYear: 0, rate: try set.value(.healthDiscountRate))])),
            traineeCosting: traineeCosting,
            childReferralsPerAdultIdentification: try ChildIdentifications.referralsPerAdultIdentification(from: set))
        // National inputs: each model parameter from the assumption of its name, as the scenario adjusts it.
        let plan = try SimulationPlan(
            model: model,
            parameter: NationalAssumptions(scenario: scenario, assumptions: set, basis: basis, adjustments: adjustments,
                                           unitCost: unitCostAssumption, projection: projection, projectedGrowth: projectedGrowth,
                                           pendingAward: pendingAward).assumption(for:),
            salary: salaryAssumption, operationalBudget: try set.assumption(.operationalBudget),
            fundingMixes: [funding], fundingGroups: groups)
        let baseline = try baselineIdentifications(authorities, incidence: incidence,
                                                   countyShare: try set.value(.countyShareOfTwoTierIdentifications),
                                                   identification: identification)

        let (centralFunding, expectedFunding, expectedByGroup) = fundingExpectations(funding, years: years, groups: groups,
                                                                                    modelPosts: modelPosts)
        // The model's own net uplift (rate ratio less one, net of displacement) at the central inputs.
        let netUplift = plan.model.netUplift(plan.nationalInputs(plan.centralNationalValues))
        let rows = authorityRows(authorities, deployment: deployment, baseline: baseline, salary: salaryAssumption.value, rates: rates,
                                 netUplift: netUplift, fundingGroups: fundingGroups, expectedByGroup: expectedByGroup)
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
        let count = Int(try assumptions.value(.coordinatorAuthorities2023).rounded())
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
