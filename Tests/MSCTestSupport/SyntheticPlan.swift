import Foundation
import GSLKit
import MSCModel
import MSCSimulation

/// A small synthetic scenario for engine and report tests: 12 posts, two funding mixes, 8 years,
/// uncertain national inputs. `niSecondaryThreshold` set above the salaries makes every post's
/// cost non-linear in its salary (the kernel's year-by-year fallback). `nationalGrant` makes the
/// second mix's grant one national decision, which hosts may absorb with `grantAbsorbProbability`.
public func makePlan(name: String = "synthetic", allFixed: Bool = false, niSecondaryThreshold: Double = 5000,
                     posts postFTE: [Double] = Array(repeating: 1, count: 12), nationalGrant: Bool = false,
                     grantAbsorbProbability: Double = 0) -> SimulationPlan {
    func assumption(_ name: String, _ value: Double, _ unit: MSCModel.Unit, _ distribution: Distribution) -> Assumption {
        Assumption(name: name, description: name, unit: unit, value: value,
                   distribution: allFixed ? .fixed(value) : distribution, sources: [], evidence: .illustrative,
                   notes: "test", origin: "test")
    }
    func fixed(_ name: String, _ value: Double, _ unit: MSCModel.Unit) -> Assumption {
        assumption(name, value, unit, .fixed(value))
    }
    let years = 8
    // Every fifth post exists today, at full effect from the first year.
    let posts = postFTE.indices.map {
        ScenarioModel.Post(name: "post \($0)", fte: postFTE[$0], fundingIndex: $0 % 2,
                           rampStartYear: $0 % 5 == 4 ? ScenarioModel.Post.alreadyAtFullEffect : 0)
    }
    // One single-tier authority per post, fully covered, with 3 + i baseline identifications a year.
    let members = posts.indices.map { ScenarioModel.Member(post: $0, residents: (3 + Double($0)) * 100_000, shareOfCoordinatorTime: 1, fteServing: 1_000_000, role: .singleTier) }
    let model = ScenarioModel(
        name: name, horizonYears: years, posts: posts, members: members, fundingGroupNames: ["local", "central"],
        employerNIRate: 0.15, niSecondaryThreshold: niSecondaryThreshold,
        discountFactors: (0..<years).map { 1 / pow(1.035, Double($0)) })
    let local = assumption("renewalLocal", allFixed ? 1 : 0.8, .fraction, .beta(alpha: 16, beta: 4))
    let central = assumption("renewalCentral", allFixed ? 1 : 0.97, .fraction, .beta(alpha: 97, beta: 3))
    // The mixes are valid by construction.
    let mixes = try! [
        FundingMix(sources: [FundingSource(kind: .laCoreBudget, share: 1, termYears: 1, renewal: local)],
                   absorbProbability: 0, gapTolerance: 0),
        FundingMix(sources: [FundingSource(kind: .centralGovernmentGrant, share: 1, termYears: 3, renewal: central,
                                           decision: nationalGrant ? .nationally : .perPost)],
                   absorbProbability: grantAbsorbProbability, gapTolerance: 0),
    ]
    return SimulationPlan(
        model: model,
        parameter: { parameter in
            switch parameter {
            case .pensionRate: return assumption("pensionRate", 0.16, .fraction, .triangular(minimum: 0.14, mode: 0.16, maximum: 0.23))
            case .realPayGrowth: return assumption("realPayGrowth", 0, .ratePerYear, .uniform(minimum: -0.01, maximum: 0.015))
            case .pendingPayAward: return fixed("pendingPayAward", 0, .ratePerYear)
            case .identificationRateRatio:
                return assumption("rateRatio", 1.5, .ratio, .lognormal(logMean: log(1.5), logStandardDeviation: 0.3))
            // The value of an identification is the unit cost itself (all harm avoided, no support cost).
            case .unitCostPerVictim:
                return assumption("valuePerIdentification", 40000, .gbpPerPerson, .pert(minimum: 10000, mode: 40000, maximum: 90000))
            case .avoidableHarmShare: return fixed("avoidableHarmShare", 1, .fraction)
            case .harmAvoidedShare: return fixed("harmAvoidedShare", 1, .fraction)
            case .conclusiveGroundsPositiveShare: return fixed("conclusiveGroundsPositiveShare", 1, .fraction)
            case .dutyToNotifyRelativeValue: return fixed("dutyToNotifyRelativeValue", 1, .fraction)
            case .healthShareOfAvoidableHarm: return fixed("healthShareOfAvoidableHarm", 0, .fraction)
            // Identifications trigger a council cost and some are displaced; benefits take a reduction.
            case .councilCostPerIdentification:
                return assumption("councilCostPerIdentification", 1000, .gbpPerPerson, .triangular(minimum: 300, mode: 1000, maximum: 3000))
            case .displacementShare: return assumption("displacementShare", 0.25, .fraction, .uniform(minimum: 0, maximum: 0.5))
            case .benefitReduction: return assumption("benefitReduction", 0.1, .fraction, .uniform(minimum: 0, maximum: 0.2))
            case .decisionCostPerReferral: return fixed("decisionCostPerReferral", 0, .gbpPerPerson)
            case .supportContractCostPerAdultSupported: return fixed("supportContractCostPerAdultSupported", 0, .gbpPerPerson)
            case .healthCostPerAdultSupported: return fixed("healthCostPerAdultSupported", 0, .gbpPerPerson)
            case .policeCostPerReferral: return fixed("policeCostPerReferral", 0, .gbpPerPerson)
            case .reasonableGroundsPositiveShare: return fixed("reasonableGroundsPositiveShare", 0.5, .fraction)
            case .gdpDeflatorProjectedGrowth: return fixed("gdpDeflatorProjectedGrowth", 0.025, .ratePerYear)
            case .appraisalApprenticeshipLevyRate: return fixed("apprenticeshipLevyRate", 0, .fraction)
            case .appraisalOverheadRate: return fixed("overheadRate", 0, .fraction)
            case .optimismBias: return fixed("optimismBias", 0.1, .fraction)
            case .baselineIdentificationRate: return fixed("baselineIdentificationRate", 1, .ratio)
            case .countyShareOfTwoTierIdentifications: return fixed("countyShare", 0.5, .fraction)
            case .coverageBenchmarkFTEPer100k: return fixed("coverageBenchmark", 1, .ratio)
            case .coverageElasticity: return fixed("coverageElasticity", 1, .ratio)
            case .rampUpYears: return fixed("rampUpYears", 2, .years)
            // No children reached and no training priced: the adults' figures alone.
            case .childAdditionalityShare: return fixed("childAdditionalityShare", 0, .fraction)
            case .trainingTier1Hours, .trainingTier2Hours, .trainingTier3Hours, .trainingTier1DeliveryCost,
                 .trainingTier2DeliveryCost, .trainingTier3DeliveryCost, .trainingTier1Salary, .trainingTier2Salary,
                 .trainingTier3Salary:
                return fixed(parameter.assumptionName, 0, .fraction)
            }
        },
        salary: assumption("salary", 44490.84, .gbpPerYear, .triangular(minimum: 40777, mode: 44490.84, maximum: 54495)),
        operationalBudget: assumption("operationalBudget", 5000, .gbpPerYear, .uniform(minimum: 0, maximum: 10000)),
        fundingMixes: mixes)
}
