import Foundation
import GSLKit
import MSCModel
import MSCSimulation

/// A small synthetic scenario for engine and report tests: 12 posts, two funding mixes, 8 years, uncertain national inputs.
public func makePlan(name: String = "synthetic", allFixed: Bool = false) -> SimulationPlan {
    func assumption(_ name: String, _ value: Double, _ unit: MSCModel.Unit, _ distribution: Distribution) -> Assumption {
        Assumption(name: name, description: name, unit: unit, value: value,
                   distribution: allFixed ? .fixed(value) : distribution, sources: [], evidence: .illustrative,
                   notes: "test", origin: "test")
    }
    let national = [
        assumption("pensionRate", 0.16, .fraction, .triangular(minimum: 0.14, mode: 0.16, maximum: 0.23)),
        assumption("realPayGrowth", 0, .ratePerYear, .uniform(minimum: -0.01, maximum: 0.015)),
        assumption("rateRatio", 1.5, .ratio, .lognormal(logMean: log(1.5), logStandardDeviation: 0.3)),
        assumption("valuePerIdentification", 40000, .gbpPerPerson, .pert(minimum: 10000, mode: 40000, maximum: 90000)),
        assumption("renewalLocal", allFixed ? 1 : 0.8, .fraction, .beta(alpha: 16, beta: 4)),
        assumption("renewalCentral", allFixed ? 1 : 0.97, .fraction, .beta(alpha: 97, beta: 3)),
    ]
    let years = 8
    let posts = (0..<12).map { ScenarioModel.Post(name: "post \($0)", fte: 1, fundingIndex: $0 % 2) }
    // One single-tier authority per post, fully covered, with 3 + i baseline identifications a year.
    let members = (0..<12).map { ScenarioModel.Member(post: $0, residents: (3 + Double($0)) * 100_000, shareOfCoordinatorTime: 1, fteServing: 1_000_000, role: .singleTier) }
    let model = ScenarioModel(
        name: name, horizonYears: years, posts: posts, members: members, fundingMixNames: ["local", "central"],
        employerNIRate: 0.15, niSecondaryThreshold: 5000,
        discountFactors: (0..<years).map { 1 / pow(1.035, Double($0)) })
    let terms = [1, 3]
    return SimulationPlan(
        model: model, nationalAssumptions: national,
        makeNational: { v in
            NationalInputs(pensionRate: v[0], apprenticeshipLevyRate: 0, overheadRate: 0, realPayGrowth: v[1],
                           rateRatio: v[2], valuePerIdentification: v[3], optimismBias: 0.1, baselineRatePer100k: 1,
                           countyShareOfTwoTier: 0.5, coverageBenchmark: 1, coverageElasticity: 1, rampUpYears: 2)
        },
        salary: assumption("salary", 44490.84, .gbpPerYear, .triangular(minimum: 40777, mode: 44490.84, maximum: 54495)),
        operationalBudget: assumption("operationalBudget", 5000, .gbpPerYear, .uniform(minimum: 0, maximum: 10000)),
        fundingParameters: { v, _ in [v[4], v[5]] },
        yearsFunded: { mix, renewal, stream in
            let q = renewal[mix]
            var year = terms[mix]
            while year < years {
                if !stream.bernoulli(probability: q) { return year }
                year += terms[mix]
            }
            return years
        },
        expectedSurvival: { v in
            (0..<2).map { mix in
                let q = mix == 0 ? v[4] : v[5]
                return (0..<years).map { pow(q, Double($0 / terms[mix])) }
            }
        })
}
