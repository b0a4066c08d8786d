import Foundation

extension ScenarioModel {
    /// Each post's baseline identifications a year weighted by coverage (DESIGN 3.3, 3.4):
    /// `Σ_members rate × residents × tier weight × min(1, FTE per 100k / benchmark)^elasticity × share`,
    /// so that `(RR − 1) × effectBase` is the post's extra identifications at full ramp-up.
    public func effectBase(_ national: NationalInputs) -> [Double] {
        var effect = [Double](repeating: 0, count: posts.count)
        let benchmark = national.coverageBenchmark, elasticity = national.coverageElasticity
        for member in members where member.ftePer100kResidents > 0 {
            let coverage = pow(Swift.min(1, member.ftePer100kResidents / benchmark), elasticity)
            effect[member.post] += national.baselineRatePer100k * member.residentsPer100k
                * member.role.weight(countyShare: national.countyShareOfTwoTier) * coverage * member.shareOfCoordinatorTime
        }
        return effect
    }

    /// Evaluates the horizon for one set of inputs (DESIGN 3.1, 3.4, 3.5, 3.7).
    ///
    /// Costs: each funded post's employer cost (``PostCost/totalForPost(fte:fullTimeSalary:rates:)``)
    /// with salaries growing at real pounds' pay growth, plus its training. Benefits:
    /// `effectBase × (RR − 1) × ramp(t)` extra identifications times the value of one. Present
    /// values use the Green Book factors; optimism bias scales the present value of costs.
    public func evaluate(national: NationalInputs, posts postInputs: PostInputs, into outcome: inout ScenarioOutcome) {
        let years = horizonYears
        for t in 0..<years {
            outcome.costByYear[t] = 0
            outcome.identificationsByYear[t] = 0
            outcome.postsByYear[t] = 0
        }
        let ramp = (0..<years).map { IdentificationUplift.ramp(yearIndex: $0, rampUpYears: national.rampUpYears) }
        let effect = effectBase(national)
        let uplift = national.rateRatio - 1
        let growthFactor = 1 + national.realPayGrowth
        var rates = PostCostRates(employerNIRate: employerNIRate, niSecondaryThreshold: niSecondaryThreshold,
                                  pensionRate: national.pensionRate, apprenticeshipLevyRate: national.apprenticeshipLevyRate,
                                  overheadRate: national.overheadRate, operationalBudget: 0)
        postInputs.alive.withUnsafeBufferPointer { alive in
        postInputs.salary.withUnsafeBufferPointer { salary in
        postInputs.operationalBudget.withUnsafeBufferPointer { budgets in
        postFTE.withUnsafeBufferPointer { fte in
        postTrainingCost.withUnsafeBufferPointer { training in
        outcome.costByYear.withUnsafeMutableBufferPointer { cost in
        outcome.identificationsByYear.withUnsafeMutableBufferPointer { identifications in
        outcome.postsByYear.withUnsafeMutableBufferPointer { funded in
            for index in 0..<fte.count {
                rates.operationalBudget = budgets[index]
                var fullTimeSalary = salary[index]
                let extraPerYear = effect[index] * uplift
                let base = index * years
                for t in 0..<years {
                    let share = alive[base + t]
                    if share > 0 {
                        let postCost = PostCost.totalForPost(fte: fte[index], fullTimeSalary: fullTimeSalary, rates: rates)
                        cost[t] += share * (postCost + training[base + t])
                        identifications[t] += share * extraPerYear * ramp[t]
                        funded[t] += share
                    }
                    fullTimeSalary *= growthFactor
                }
            }
        }}}}}}}}
        var pvCosts = 0.0, pvBenefits = 0.0
        for t in 0..<years {
            let benefit = outcome.identificationsByYear[t] * national.valuePerIdentification
            outcome.benefitByYear[t] = benefit
            pvCosts += outcome.costByYear[t] * discountFactors[t]
            pvBenefits += benefit * discountFactors[t]
        }
        outcome.presentValueCosts = pvCosts * (1 + national.optimismBias)
        outcome.presentValueBenefits = pvBenefits
    }
}
