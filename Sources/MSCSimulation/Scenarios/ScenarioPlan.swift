import Foundation
import GSLKit
import MSCModel

/// A scenario file turned into a runnable ``SimulationPlan``, with the pieces reports need
/// (deployment, funding, per-authority effects) kept alongside.
public struct ScenarioPlan: Sendable {
    public let loaded: LoadedScenario
    public let deployment: Deployment
    public let plan: SimulationPlan
    /// Per-authority results of the central case, in authority-table order.
    public let authorityRows: [AuthorityRow]
    /// Central expected funding of one post (survival and shares by funder per year).
    public let centralFunding: FundingExpectation
    /// Expected funding of one post averaged over the renewal probabilities' uncertainty (exact,
    /// as `msc funding` reports it), or the central one when a distribution has no closed form.
    public let expectedFunding: FundingExpectation
    /// The files the plan rests on (scenario, assumptions, authorities), for the run manifest.
    public let inputFiles: [String]
    /// What the scenario's training reaches, tier by tier, when it includes training (else empty).
    public let training: [TrainingTierTotals]

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
        let model = plan.model, years = model.horizonYears
        var inputs = PostInputs(postCount: model.posts.count, horizonYears: years)
        for index in 0..<model.posts.count {
            inputs.salary[index] = plan.salary.value
            inputs.operationalBudget[index] = plan.operationalBudget.value
            for t in 0..<years { inputs.alive[index * years + t] = 1 }
        }
        var outcome = ScenarioOutcome(horizonYears: years)
        model.evaluate(national: plan.makeNational(plan.centralNationalValues), posts: inputs, into: &outcome)
        return (0..<years).map { t in outcome.costByYear[t] - model.posts.reduce(0) { total, post in
            total + (t < post.trainingCostByYear.count ? post.trainingCostByYear[t] : 0)
        } }
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
        /// Extra identifications a year at full ramp-up, central rate ratio, post funded.
        public let additionalIdentificationsPerYear: Double
        /// Expected chance its post is still funded in the final year.
        public let survivalAtHorizon: Double
    }

    /// Loads a scenario, builds its deployment and compiles it for the engine.
    /// `settings` (`--set name=value`) are applied to the shipped assumptions and win over the scenario's overrides.
    public static func load(path: String, assumptionsDirectory: String, authoritiesPath: String,
                            settings: [AssumptionSetting] = []) throws -> ScenarioPlan {
        var base = try AssumptionLoader.load(directory: assumptionsDirectory)
        for setting in settings { try base.apply(setting) }
        let authorities = try AuthorityTable.load(path: authoritiesPath)
        let loaded = try Scenario.load(path: path, assumptions: base, authorities: authorities)
        return try build(loaded: loaded, authorities: authorities, assumptionsDirectory: assumptionsDirectory,
                         inputFiles: [path, authoritiesPath] + base.files)
    }

    /// Compiles a loaded scenario (DESIGN 3.1–3.7) into flat numbers for evaluation.
    public static func build(loaded: LoadedScenario, authorities: AuthorityTable, assumptionsDirectory: String,
                             inputFiles: [String]) throws -> ScenarioPlan {
        let scenario = loaded.scenario
        let set = loaded.assumptions
        let years = scenario.horizonYears
        let deployment = try Deployment.build(scenario: scenario, authorities: authorities, assumptions: set)

        // Identification: each authority's residents, linked to the posts serving it; the
        // evaluation turns them into baseline identifications and coverage for each draw.
        let identification = try IdentificationParameters.central(from: set)
        var members: [ScenarioModel.Member] = []
        let authorityByCode = Dictionary(uniqueKeysWithValues: authorities.authorities.map { ($0.code, $0) })
        for (postIndex, post) in deployment.posts.enumerated() {
            for member in post.members {
                guard let authority = authorityByCode[member.code] else { continue }
                let servingTotal = deployment.fteServing[member.code] ?? 0
                let role: ScenarioModel.TierRole = authority.tier == .county ? .county
                    : (authority.tier == .district ? .district : .singleTier)
                members.append(ScenarioModel.Member(
                    post: postIndex, residents: Double(authority.population),
                    shareOfCoordinatorTime: servingTotal > 0 ? member.fteServing / servingTotal : 0,
                    fteServing: servingTotal, role: role))
            }
        }

        // Money: cost rates at the price base year, value of an identification uprated to it.
        let taxYear = scenario.priceBaseYear
        let rates = try PostCostRates.central(from: set, taxYear: taxYear)
        var deflator = try GDPDeflator.load(assumptionsDirectory: assumptionsDirectory)
        if let baseYear = FinancialYear(scenario.priceBaseYear), baseYear > deflator.latestYear {
            // Past the published series the deflator grows at the projected rate (an assumption).
            deflator = try deflator.extended(through: baseYear, growthPerYear: try set.value("gdpDeflatorProjectedGrowth"))
        }
        let unitCost = try SocialValue.unitCostPerVictim(from: set, priceBaseYear: scenario.priceBaseYear, deflator: deflator)
        let unitCostAssumption = try set.assumption("unitCostPerVictim")
            .overridden(value: unitCost, distribution: .fixed(unitCost), by: "uprating to \(scenario.priceBaseYear) prices with the GDP deflator")
        let greenBook = try GreenBook(assumptions: set)

        // National inputs: one vector per iteration, in this order; funding parameters follow.
        let nationalNames = ["pensionRate", "apprenticeshipLevyRate", "overheadRate", "realPayGrowth",
                             "identificationRateRatio", "harmAvoidedShare", "supportCostPerReferral", "optimismBias",
                             "baselineIdentificationRate", "countyShareOfTwoTierIdentifications",
                             CoverageParameters.benchmarkAssumption, CoverageParameters.elasticityAssumption, "rampUpYears"]
        var national = try nationalNames.map { try set.assumption($0) }
        national.append(unitCostAssumption)
        let unitCostIndex = national.count - 1
        let funding = scenario.funding
        func index(of assumption: Assumption?, literal: Double) -> Int {
            let entry = assumption ?? Assumption(
                name: "\(scenario.name).funding.literal\(national.count)", description: "A value given in the scenario.",
                unit: .fraction, value: literal, distribution: .fixed(literal), sources: [], evidence: .illustrative,
                notes: "Given in scenario \(scenario.name).", origin: scenario.file)
            if let existing = national.firstIndex(where: { $0.name == entry.name }) { return existing }
            national.append(entry)
            return national.count - 1
        }
        let fundingIndices = funding.sources.map { index(of: $0.renewal, literal: $0.renewal.value) }
            + [index(of: funding.absorbAssumption, literal: funding.absorbProbability),
               index(of: funding.gapToleranceAssumption, literal: funding.gapTolerance)]
        let renewalCount = funding.sources.count
        let makeNational: @Sendable ([Double]) -> NationalInputs = { v in
            NationalInputs(pensionRate: v[0], apprenticeshipLevyRate: v[1], overheadRate: v[2], realPayGrowth: v[3],
                           rateRatio: v[4],
                           valuePerIdentification: SocialValue.valuePerIdentification(
                               unitCostPerVictim: v[unitCostIndex], harmAvoidedShare: v[5], supportCostPerReferral: v[6]),
                           optimismBias: v[7], baselineRatePer100k: v[8], countyShareOfTwoTier: v[9],
                           coverageBenchmark: v[10], coverageElasticity: v[11], rampUpYears: v[12])
        }
        // Funding parameters: each source's renewal probability, then absorb chance and gap
        // tolerance, then (when a source is decided nationally) each source's national lapse year.
        let decidedNationally = funding.hasNationalDecisions
        let fundingParameters: @Sendable ([Double], RandomStream) -> [Double] = { v, stream in
            var p = fundingIndices.map { v[$0] }
            if decidedNationally {
                let lapse = funding.drawNationalLapseYears(horizonYears: years, renewalProbabilities: Array(p[0..<renewalCount]),
                                                           uniform: { stream.uniform() })
                p += lapse.map { $0 == Int.max ? Double.infinity : Double($0) }
            }
            return p
        }
        let yearsFunded: @Sendable (Int, [Double], RandomStream) -> Int = { _, p, stream in
            funding.simulateFundedYears(horizonYears: years, packedParameters: p, uniform: { stream.uniform() })
        }
        let expectedSurvival: @Sendable ([Double]) -> [[Double]] = { v in
            let p = fundingIndices.map { v[$0] }
            let mix = (try? FundingMix(sources: funding.sources, absorbProbability: p[renewalCount],
                                       gapTolerance: p[renewalCount + 1])) ?? funding
            return [mix.expectedFunding(horizonYears: years, renewalProbabilities: Array(p[0..<renewalCount])).survival]
        }
        let renewalIndex = Array(fundingIndices[0..<renewalCount])

        let (training, trainingTotals) = try trainingCosts(scenario: scenario, deployment: deployment,
                                                           authorities: authorities, assumptions: set, years: years)
        let model = ScenarioModel(
            name: scenario.name, horizonYears: years,
            posts: deployment.posts.indices.map { index in
                let post = deployment.posts[index]
                return ScenarioModel.Post(name: post.name, fte: post.fte, fundingIndex: 0, trainingCostByYear: training[index])
            },
            members: members, fundingMixNames: [scenario.name], employerNIRate: rates.employerNIRate,
            niSecondaryThreshold: rates.niSecondaryThreshold,
            discountFactors: (0..<years).map { greenBook.discountFactor(year: $0) })
        let plan = SimulationPlan(model: model, nationalAssumptions: national, makeNational: makeNational,
                                  salary: try set.assumption("salary"), operationalBudget: try set.assumption("operationalBudget"),
                                  fundingParameters: fundingParameters, yearsFunded: yearsFunded, expectedSurvival: expectedSurvival)
        let countyShare = try set.value("countyShareOfTwoTierIdentifications")
        var baseline: [String: Double] = [:]
        for authority in authorities.authorities {
            let role: ScenarioModel.TierRole = authority.tier == .county ? .county
                : (authority.tier == .district ? .district : .singleTier)
            baseline[authority.code] = IdentificationUplift.baselinePerYear(
                observed: nil, population: Double(authority.population) * role.weight(countyShare: countyShare),
                ratePer100kResidents: identification.baselineRatePer100kResidents)
        }

        let centralFunding = funding.expectedFunding(horizonYears: years,
                                                     renewalProbabilities: renewalIndex.map { national[$0].value })
        let expectedFunding = funding.analyticFunding(horizonYears: years) ?? centralFunding
        let salary = try set.value("salary")
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
                additionalIdentificationsPerYear: base * coverage * (identification.rateRatio - 1),
                survivalAtHorizon: serving.isEmpty ? 0 : (expectedFunding.survival.last ?? 1)))
        }
        return ScenarioPlan(loaded: loaded, deployment: deployment, plan: plan, authorityRows: rows,
                            centralFunding: centralFunding, expectedFunding: expectedFunding, inputFiles: inputFiles,
                            training: trainingTotals)
    }

    /// Extra training costs a year of each post when the scenario includes training: staff time
    /// and delivery of the three tiers in each authority it serves with the coordinator in post,
    /// less what the authority would spend without one, shared among the posts serving an
    /// authority by the FTE each gives it. Empty arrays when the scenario has no training.
    static func trainingCosts(scenario: Scenario, deployment: Deployment, authorities: AuthorityTable,
                              assumptions: AssumptionSet, years: Int) throws -> ([[Double]], [TrainingTierTotals]) {
        guard scenario.training?.include == true else { return (Array(repeating: [], count: deployment.posts.count), []) }
        let trainingAssumptions = try TrainingAssumptions(from: assumptions, authorities: authorities,
                                                          taxYear: scenario.priceBaseYear)
        var extraByAuthority: [String: [Double]] = [:]
        var staff = [TrainingTier: Double](), trainedWith = [TrainingTier: Double](), trainedWithout = [TrainingTier: Double]()
        var extraCost = [TrainingTier: Double]()
        for authority in authorities.authorities {
            let fte = deployment.fteServing[authority.code] ?? 0
            guard fte > 0 else { continue }
            let with = try TrainingPlan.build(authority: authority, assumptions: trainingAssumptions,
                                              withCoordinator: true, coordinatorFTE: fte)
            let without = try TrainingPlan.build(authority: authority, assumptions: trainingAssumptions,
                                                 withCoordinator: false, coordinatorFTE: 0)
            extraByAuthority[authority.code] = zip(with.costByYear(years), without.costByYear(years)).map { $0 - $1 }
            for tier in TrainingTier.allCases {
                staff[tier, default: 0] += with.tier(tier).staff
                trainedWith[tier, default: 0] += with.tier(tier).trainedByYear(years).last ?? 0
                trainedWithout[tier, default: 0] += without.tier(tier).trainedByYear(years).last ?? 0
                let extra = zip(with.tier(tier).costByYear(years), without.tier(tier).costByYear(years)).reduce(0) { $0 + $1.0 - $1.1 }
                extraCost[tier, default: 0] += extra / Double(max(years, 1))
            }
        }
        let costs = deployment.posts.map { post in
            var costs = Array(repeating: 0.0, count: years)
            for member in post.members {
                guard let extra = extraByAuthority[member.code], let total = deployment.fteServing[member.code], total > 0 else { continue }
                let part = member.fteServing / total
                for t in 0..<years { costs[t] += extra[t] * part }
            }
            return costs
        }
        let totals = TrainingTier.allCases.map { tier in
            TrainingTierTotals(tier: tier, staff: staff[tier] ?? 0, trainedAtHorizonWithCoordinator: trainedWith[tier] ?? 0,
                               trainedAtHorizonWithout: trainedWithout[tier] ?? 0, extraCostPerYear: extraCost[tier] ?? 0)
        }
        return (costs, totals)
    }
}
