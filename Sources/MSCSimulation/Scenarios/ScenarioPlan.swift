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
    /// The files the plan rests on (scenario, assumptions, authorities), for the run manifest.
    public let inputFiles: [String]

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
    public static func load(path: String, assumptionsDirectory: String, authoritiesPath: String) throws -> ScenarioPlan {
        let base = try AssumptionLoader.load(directory: assumptionsDirectory)
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

        // Identification: each authority's baseline, diluted by coverage, credited to the posts serving it.
        let identification = try IdentificationParameters.central(from: set)
        let countyShare = try set.value("countyShareOfTwoTierIdentifications")
        var baseline: [String: Double] = [:]
        for authority in authorities.authorities {
            let residents = Double(authority.population)
            let weight: Double
            switch authority.tier {
            case .county: weight = countyShare
            case .district: weight = 1 - countyShare
            default: weight = 1
            }
            baseline[authority.code] = IdentificationUplift.baselinePerYear(
                observed: nil, population: residents * weight, ratePer100kResidents: identification.baselineRatePer100kResidents)
        }
        var effectBase: [Double] = []
        for post in deployment.posts {
            var effect = 0.0
            for member in post.members {
                let servingTotal = deployment.fteServing[member.code] ?? 0
                let part = servingTotal > 0 ? member.fteServing / servingTotal : 0
                effect += (baseline[member.code] ?? 0) * (deployment.coverage[member.code] ?? 0) * part
            }
            effectBase.append(effect)
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

        // National inputs: one vector per iteration; renewal probabilities follow the fixed ones.
        let fixedNames = ["pensionRate", "apprenticeshipLevyRate", "overheadRate", "realPayGrowth",
                          "identificationRateRatio", "harmAvoidedShare", "supportCostPerReferral", "optimismBias"]
        var national = try fixedNames.map { try set.assumption($0) }
        national.append(unitCostAssumption)
        let unitCostIndex = national.count - 1
        var renewalIndex: [Int] = []
        for source in scenario.funding.sources {
            if let existing = national.firstIndex(where: { $0.name == source.renewal.name }) {
                renewalIndex.append(existing)
            } else {
                national.append(source.renewal)
                renewalIndex.append(national.count - 1)
            }
        }
        let funding = scenario.funding
        let makeNational: @Sendable ([Double]) -> NationalInputs = { v in
            NationalInputs(pensionRate: v[0], apprenticeshipLevyRate: v[1], overheadRate: v[2], realPayGrowth: v[3],
                           rateRatio: v[4],
                           valuePerIdentification: SocialValue.valuePerIdentification(
                               unitCostPerVictim: v[unitCostIndex], harmAvoidedShare: v[5], supportCostPerReferral: v[6]),
                           optimismBias: v[7])
        }
        let renewalIndices = renewalIndex
        let fundingParameters: @Sendable ([Double]) -> [Double] = { v in renewalIndices.map { v[$0] } }
        let yearsFunded: @Sendable (Int, [Double], RandomStream) -> Int = { _, renewal, stream in
            funding.simulateFundedYears(horizonYears: years, renewalProbabilities: renewal, uniform: { stream.uniform() })
        }
        let expectedSurvival: @Sendable ([Double]) -> [[Double]] = { v in
            [funding.expectedFunding(horizonYears: years, renewalProbabilities: renewalIndices.map { v[$0] }).survival]
        }

        let training = try trainingCosts(scenario: scenario, deployment: deployment, authorities: authorities,
                                         assumptions: set, years: years)
        let model = ScenarioModel(
            name: scenario.name, horizonYears: years,
            posts: deployment.posts.indices.map { index in
                let post = deployment.posts[index]
                return ScenarioModel.Post(name: post.name, fte: post.fte, effectBase: effectBase[index], fundingIndex: 0,
                                          trainingCostByYear: training[index])
            },
            fundingMixNames: [scenario.name], employerNIRate: rates.employerNIRate,
            niSecondaryThreshold: rates.niSecondaryThreshold,
            discountFactors: (0..<years).map { greenBook.discountFactor(year: $0) },
            rampByYear: (0..<years).map { IdentificationUplift.ramp(yearIndex: $0, rampUpYears: identification.rampUpYears) })
        let plan = SimulationPlan(model: model, nationalAssumptions: national, makeNational: makeNational,
                                  salary: try set.assumption("salary"), operationalBudget: try set.assumption("operationalBudget"),
                                  fundingParameters: fundingParameters, yearsFunded: yearsFunded, expectedSurvival: expectedSurvival)

        let centralFunding = funding.expectedFunding(horizonYears: years,
                                                     renewalProbabilities: renewalIndex.map { national[$0].value })
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
                survivalAtHorizon: serving.isEmpty ? 0 : (centralFunding.survival.last ?? 1)))
        }
        return ScenarioPlan(loaded: loaded, deployment: deployment, plan: plan, authorityRows: rows,
                            centralFunding: centralFunding, inputFiles: inputFiles)
    }

    /// Extra training costs a year of each post when the scenario includes training: staff time
    /// and delivery of the three tiers in each authority it serves with the coordinator in post,
    /// less what the authority would spend without one, shared among the posts serving an
    /// authority by the FTE each gives it. Empty arrays when the scenario has no training.
    static func trainingCosts(scenario: Scenario, deployment: Deployment, authorities: AuthorityTable,
                              assumptions: AssumptionSet, years: Int) throws -> [[Double]] {
        guard scenario.training?.include == true else { return Array(repeating: [], count: deployment.posts.count) }
        let trainingAssumptions = try TrainingAssumptions(from: assumptions, authorities: authorities,
                                                          taxYear: scenario.priceBaseYear)
        var extraByAuthority: [String: [Double]] = [:]
        for authority in authorities.authorities {
            let fte = deployment.fteServing[authority.code] ?? 0
            guard fte > 0 else { continue }
            let with = try TrainingPlan.build(authority: authority, assumptions: trainingAssumptions,
                                              withCoordinator: true, coordinatorFTE: fte).costByYear(years)
            let without = try TrainingPlan.build(authority: authority, assumptions: trainingAssumptions,
                                                 withCoordinator: false, coordinatorFTE: 0).costByYear(years)
            extraByAuthority[authority.code] = zip(with, without).map { $0 - $1 }
        }
        return deployment.posts.map { post in
            var costs = Array(repeating: 0.0, count: years)
            for member in post.members {
                guard let extra = extraByAuthority[member.code], let total = deployment.fteServing[member.code], total > 0 else { continue }
                let part = member.fteServing / total
                for t in 0..<years { costs[t] += extra[t] * part }
            }
            return costs
        }
    }
}
