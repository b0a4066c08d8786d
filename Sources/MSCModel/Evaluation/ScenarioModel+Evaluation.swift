import Foundation

extension ScenarioModel {
    /// Each post's baseline identifications a year weighted by coverage (DESIGN 3.3, 3.4):
    /// `Σ_members rate × residents × tier weight × min(1, FTE per 100k / benchmark)^elasticity × share`,
    /// so that `(RR − 1) × effectBase` is the post's extra identifications at full ramp-up.
    public func effectBase(_ national: NationalInputs) -> [Double] {
        var effect = [Double](repeating: 0, count: posts.count)
        effect.withUnsafeMutableBufferPointer { accumulateEffectBase(national, into: $0) }
        return effect
    }

    /// Adds each post's effect base into `effect` (zeroed by the caller), without allocating.
    @usableFromInline
    func accumulateEffectBase(_ national: NationalInputs, into effect: UnsafeMutableBufferPointer<Double>) {
        let logBenchmark = log(national.coverageBenchmark), elasticity = national.coverageElasticity
        for member in members where member.ftePer100kResidents > 0 {
            // min(1, d / b)^e, as exp(e · min(0, log d − log b)): full coverage needs no exp at all.
            let logRatio = member.logFTEPer100k - logBenchmark
            let coverage = logRatio >= 0 ? 1 : exp(elasticity * logRatio)
            effect[member.post] += national.baselineRatePer100k * member.residentsPer100k
                * member.role.weight(countyShare: national.countyShareOfTwoTier) * coverage * member.shareOfCoordinatorTime
        }
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
        // Scratch space on the stack: this runs once per Monte Carlo iteration.
        withUnsafeTemporaryAllocation(of: Double.self, capacity: years) { ramp in
        withUnsafeTemporaryAllocation(of: Double.self, capacity: posts.count) { effect in
        for t in 0..<years { ramp[t] = IdentificationUplift.ramp(yearIndex: t, rampUpYears: national.rampUpYears) }
        effect.initialize(repeating: 0)
        accumulateEffectBase(national, into: effect)
        let uplift = national.rateRatio - 1
        let growthFactor = 1 + national.realPayGrowth
        // PostCost.totalForPost written out for speed: whole people, then one part-time person.
        let proportional = 1 + national.pensionRate + national.apprenticeshipLevyRate + national.overheadRate
        let niRate = employerNIRate, threshold = niSecondaryThreshold
        postInputs.alive.withUnsafeBufferPointer { alive in
        postInputs.salary.withUnsafeBufferPointer { salary in
        postInputs.operationalBudget.withUnsafeBufferPointer { budgets in
        postFullTimePeople.withUnsafeBufferPointer { people in
        postPartTimeFraction.withUnsafeBufferPointer { parts in
        postTrainingCost.withUnsafeBufferPointer { training in
        outcome.costByYear.withUnsafeMutableBufferPointer { cost in
        outcome.identificationsByYear.withUnsafeMutableBufferPointer { identifications in
        outcome.postsByYear.withUnsafeMutableBufferPointer { funded in
            for index in 0..<people.count {
                let budget = budgets[index], whole = people[index], part = parts[index]
                var fullTimeSalary = salary[index]
                let extraPerYear = effect[index] * uplift
                let base = index * years
                for t in 0..<years {
                    let share = alive[base + t]
                    if share > 0 {
                        var postCost = whole * (fullTimeSalary * proportional
                            + niRate * Swift.max(0, fullTimeSalary - threshold) + budget)
                        if part > 0 {
                            let paid = fullTimeSalary * part
                            postCost += paid * proportional + niRate * Swift.max(0, paid - threshold) + budget
                        }
                        cost[t] += share * (postCost + training[base + t])
                        identifications[t] += share * extraPerYear * ramp[t]
                        funded[t] += share
                    }
                    fullTimeSalary *= growthFactor
                }
            }
        }}}}}}}}}
        }}
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
