import Foundation

extension ScenarioModel {
    /// The cost rates of a post in one evaluation: the price base year's NI, the drawn on-cost rates
    /// and the post's operational budget (DESIGN 3.1).
    package func costRates(_ national: NationalInputs, operationalBudget: Double) -> PostCostRates {
        PostCostRates(employerNIRate: employerNIRate, niSecondaryThreshold: niSecondaryThreshold,
                      pensionRate: national[.pensionRate], apprenticeshipLevyRate: national[.appraisalApprenticeshipLevyRate],
                      overheadRate: national[.appraisalOverheadRate], operationalBudget: operationalBudget)
    }

    /// What every salary is multiplied by in one evaluation: the drawn pending pay award in place
    /// of its central value, `(1 + award) / (1 + central)` (1 at the central value).
    package func payAwardFactor(_ national: NationalInputs) -> Double {
        (1 + national[.pendingPayAward]) / (1 + pendingPayAwardCentral)
    }

    /// The coverage parameters of one evaluation (DESIGN 3.3).
    package func coverageParameters(_ national: NationalInputs) -> CoverageParameters {
        CoverageParameters(benchmarkFTEPer100kResidents: national[.coverageBenchmarkFTEPer100k],
                           elasticity: national[.coverageElasticity])
    }

    /// The value of an identification in one evaluation (DESIGN 3.5), with the unit cost moved by
    /// the drawn growth of the deflator past its published years.
    package func socialValue(_ national: NationalInputs) -> SocialValue {
        SocialValue(unitCostPerVictim: national[.unitCostPerVictim]
                        * unitCostDeflatorProjection.factor(growth: national[.gdpDeflatorProjectedGrowth]),
                    avoidableHarmShare: national[.avoidableHarmShare], harmAvoidedShare: national[.harmAvoidedShare],
                    conclusiveGroundsPositiveShare: national[.conclusiveGroundsPositiveShare],
                    dutyToNotifyRelativeValue: national[.dutyToNotifyRelativeValue], nrmShare: nrmShare)
    }

    /// The money value of one additional identification: harm avoided, reduced for the evidence
    /// behind it (``BenefitEvidenceAdjustment``).
    package func valuePerIdentification(_ national: NationalInputs) -> Double {
        BenefitEvidenceAdjustment.reduced(socialValue(national).benefitPerIdentification, reduction: national[.benefitReduction])
    }

    /// The money value of one additional child NRM referral: harm avoided per NRM referral (a child
    /// identification is always a referral: no consent is needed, so no Duty to Notify report),
    /// from the adults' unit cost for want of a sourced one for children, reduced like the adults'.
    package func valuePerChildReferral(_ national: NationalInputs) -> Double {
        BenefitEvidenceAdjustment.reduced(socialValue(national).benefitPerNRMReferral, reduction: national[.benefitReduction])
    }

    /// The value and triggered cost of an adult identification and of a child referral, for
    /// ``ScenarioOutcome/value(perIdentification:perChildReferral:)``.
    package func unitValues(_ national: NationalInputs) -> (adult: (value: Double, triggered: Double),
                                                            child: (value: Double, triggered: Double)) {
        let triggered = triggeredCosts(national)
        return ((valuePerIdentification(national), triggered.perIdentification),
                (valuePerChildReferral(national), triggered.perChildReferral))
    }

    /// Additional child NRM referrals per gross additional adult identification (before displacement):
    /// ``ChildIdentifications/additional(grossAdultIdentifications:childReferralsPerAdultIdentification:additionalityShare:)`` of 1.
    package func childReferralsPerGrossAdultIdentification(_ national: NationalInputs) -> Double {
        ChildIdentifications.additional(grossAdultIdentifications: 1,
                                        childReferralsPerAdultIdentification: childReferralsPerAdultIdentification,
                                        additionalityShare: national[.childAdditionalityShare])
    }

    /// What a training place costs in this evaluation (nil when the scenario prices no places):
    /// the drawn hours, delivery costs and trainee salaries, trainees' pay growing at the drawn real pay growth.
    package func trainingPlacePrices(_ national: NationalInputs) -> TrainingPlacePrices? {
        guard let traineeCosting else { return nil }
        let inputs = TierValues { ModelParameter.trainingPlaceInputs($0) }
        return TrainingPlacePrices(deliveryCostPerPlace: inputs.map { national[$0.deliveryCost] },
                                   hoursPerPlace: inputs.map { national[$0.hours] },
                                   traineeSalary: inputs.map { national[$0.salary] }, realPayGrowth: national[.realPayGrowth],
                                   costing: traineeCosting, years: horizonYears)
    }

    /// The discount factor of each year for benefits: health effects (share h of the benefits,
    /// `healthShareOfAvoidableHarm`) at the health rate, the rest at the standard rate,
    /// `h · healthFactor_t + (1 − h) · factor_t` (Green Book: health effects are discounted at 1.5%).
    package func benefitDiscountFactors(_ national: NationalInputs) -> [Double] {
        let health = national[.healthShareOfAvoidableHarm]
        return zip(healthDiscountFactors, discountFactors).map { health * $0 + (1 - health) * $1 }
    }

    /// The public costs one additional identification triggers, by body (DESIGN 3.5).
    package func triggeredCosts(_ national: NationalInputs) -> TriggeredCosts {
        TriggeredCosts(decisionCostPerReferral: national[.decisionCostPerReferral],
                       supportContractCostPerAdultSupported: national[.supportContractCostPerAdultSupported],
                       healthCostPerAdultSupported: national[.healthCostPerAdultSupported],
                       policeCostPerReferral: national[.policeCostPerReferral],
                       councilCostPerIdentification: national[.councilCostPerIdentification],
                       reasonableGroundsPositiveShare: national[.reasonableGroundsPositiveShare], nrmShare: nrmShare)
    }

    /// The coverage of the councils the rate ratio was measured in, at this evaluation's coverage
    /// inputs (``HostCalibration/coverage(_:countyShare:)``).
    package func hostCoverage(_ national: NationalInputs) -> Double {
        hostCalibration.coverage(coverageParameters(national), countyShare: national[.countyShareOfTwoTierIdentifications])
    }

    /// The rate ratio at full coverage (``IdentificationUplift/fullCoverageRateRatio(hostRateRatio:hostCoverage:)``):
    /// `identificationRateRatio`, measured at the hosts' coverage, scaled up by it, and never below 1.
    package func fullCoverageRateRatio(_ national: NationalInputs) -> Double {
        IdentificationUplift.fullCoverageRateRatio(hostRateRatio: national[.identificationRateRatio],
                                                   hostCoverage: hostCoverage(national))
    }

    /// Additional identifications a year per identification of effect base at full ramp-up:
    /// `(RR_full − 1)` net of displacement (``IdentificationUplift/netOfDisplacement(_:displacementShare:)``).
    package func netUplift(_ national: NationalInputs) -> Double {
        netUplift(national, fullCoverageRateRatio: fullCoverageRateRatio(national))
    }

    /// ``netUplift(_:)`` from the rate ratio at full coverage already worked out for `national`
    /// (``fullCoverageRateRatio(_:)``), for callers that need the ratio too and would otherwise
    /// compute it twice.
    package func netUplift(_ national: NationalInputs, fullCoverageRateRatio rateRatio: Double) -> Double {
        IdentificationUplift.netOfDisplacement(rateRatio - 1, displacementShare: national[.displacementShare])
    }

    /// Each post's baseline identifications a year weighted by coverage (DESIGN 3.3, 3.4):
    /// `Σ_members baseline(residents × incidence index × tier weight) × coverage × share of the member's coordinator time`,
    /// so that `(RR − 1) × effectBase × ramp` is the post's extra identifications.
    package func effectBase(_ national: NationalInputs) -> [Double] {
        let coverage = coverageParameters(national)
        let countyShare = national[.countyShareOfTwoTierIdentifications]
        var effect = [Double](repeating: 0, count: posts.count)
        for member in members {
            let baseline = IdentificationUplift.baselinePerYear(
                observed: nil, population: member.residents * member.incidenceIndex * member.role.weight(countyShare: countyShare),
                ratePer100kResidents: national[.baselineIdentificationRate])
            effect[member.post] += baseline * coverage.coverage(ftePer100kResidents: member.ftePer100kResidents)
                * member.shareOfCoordinatorTime
        }
        return effect
    }

    /// Evaluates the horizon for one set of inputs: the readable reference (DESIGN 3.1, 3.4, 3.5, 3.7).
    ///
    /// Each year, each post in existence and funded (weight `alive`, a probability in the central
    /// case) costs its employer cost (``PostCost/totalForPost(fte:fullTimeSalary:rates:)``, salary
    /// grown at real pay growth) plus its training, and adds
    /// ``IdentificationUplift/additionalIdentifications(baselinePerYear:rateRatio:coverage:rampFraction:)``
    /// on its effect base; benefits are identifications times ``valuePerIdentification(_:)``; the
    /// appraisal is ``Appraisal/summary(costs:benefits:optimismBias:discountFactors:)``.
    package func evaluate(national: NationalInputs, posts inputs: PostInputs) -> ScenarioOutcome {
        let years = horizonYears
        var outcome = ScenarioOutcome(horizonYears: years)
        let effect = effectBase(national)
        let rateRatio = fullCoverageRateRatio(national)
        let award = payAwardFactor(national)
        let trainingPrices = trainingPlacePrices(national)
        let childrenPerAdult = childReferralsPerGrossAdultIdentification(national)
        for (index, post) in posts.enumerated() {
            let rates = costRates(national, operationalBudget: inputs.operationalBudget[index])
            for t in post.years(inHorizon: years) {
                let alive = inputs.alive[index * years + t]
                guard alive > 0 else { continue }
                let salary = PostCost.salary(inputs.salary[index] * award, afterYears: t, growthRate: national[.realPayGrowth])
                let cost = PostCost.totalForPost(fte: post.fte, fullTimeSalary: salary, rates: rates)
                    + post.trainingCost(year: t, prices: trainingPrices)
                let ramp = IdentificationUplift.ramp(yearIndex: t - post.rampStartYear, rampUpYears: national[.rampUpYears])
                let gross = IdentificationUplift.additionalIdentifications(baselinePerYear: effect[index], rateRatio: rateRatio,
                                                                           coverage: 1, rampFraction: ramp)
                let identifications = IdentificationUplift.netOfDisplacement(gross, displacementShare: national[.displacementShare])
                outcome.costByYear[t] += alive * cost
                outcome.identificationsByYear[t] += alive * identifications
                outcome.childIdentificationsByYear[t] += alive * gross * childrenPerAdult
                outcome.postsByYear[t] += alive
            }
        }
        let units = unitValues(national)
        outcome.value(perIdentification: units.adult, perChildReferral: units.child)
        outcome.appraise(optimismBias: national[.optimismBias], discountFactors: discountFactors,
                         startingOptimismBias: startingOptimismBias, benefitDiscountFactors: benefitDiscountFactors(national))
        return outcome
    }
}
