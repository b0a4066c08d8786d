/// The name of an assumption as the files in `Assumptions/` spell it. Model functions that read
/// an assumption by a fixed name read it through one of these cases
/// (`assumptions.value(.pensionRate)`), not a string literal, so a misspelt name does not
/// compile, and a test holds every case to a definition in the shipped files. (Names that
/// arrive as data, from a scenario, `--set` or a list of inputs, stay text.)
public enum AssumptionName: String, CaseIterable, Sendable, CustomStringConvertible {
    case appraisalApprenticeshipLevyRate
    case appraisalOverheadRate
    case apprenticeshipLevyRate
    case avoidableHarmShare
    case baselineIdentificationRate
    case benefitReductionDerived
    case benefitReductionIllustrative
    case benefitReductionSourced
    case benefitReductionUnconfirmed
    case causalShare
    case childAdditionalityShare
    case conclusiveGroundsPositiveShare
    case coordinatorAuthorities2023
    case coordinatorShareOfLAAdultReferrals
    case coordinatorTrainingCapacity
    case councilCostPerIdentification
    case councillorsEngland
    case councillorsWales
    case countyShareOfTwoTierIdentifications
    case coverageBenchmarkFTEPer100k
    case coverageElasticity
    case decisionCostPerReferral
    case discountRateYears0To30
    case discountRateYears126To200
    case discountRateYears201To300
    case discountRateYears301Plus
    case discountRateYears31To75
    case discountRateYears76To125
    case displacementShare
    case dutyToNotifyRelativeValue
    case employerNIRate
    case fte
    case fundingGapTolerance
    case gdpDeflatorProjectedGrowth
    case harmAvoidedShare
    case healthCostPerAdultSupported
    case healthDiscountRate
    case healthShareOfAvoidableHarm
    case hostAbsorbProbability
    case identificationRateRatio
    case identificationRateRatioMinimumLogSD
    case laAdultNRMReferrals2023
    case laAuthoritiesReferringAdults2023
    case laChildAndUnknownAgeNRMReferrals2023
    case laChildNRMReferrals2023
    case laDutyToNotifyReports2023
    case laIdentificationGrowthSince2023
    case localGovernmentWorkforce
    case niSecondaryThreshold
    case nrmReferralsMaleShare2023
    case nrmReferralsUKNationalShare2024
    case operationalBudget
    case optimismBias
    case optimismBiasLowerBound
    case optimismBiasMitigationOnCosts
    case optimismBiasMitigationOperatingBudget
    case optimismBiasMitigationOverheads
    case optimismBiasMitigationPayGrowth
    case optimismBiasMitigationPayLevel
    case overheadRate
    case payAward
    case payAward2026to27
    case pensionRate
    case pilotEvaluationCostPerYear
    case policeCostPerReferral
    case programmeStartYearsAfterPriceBase
    case rampUpYears
    case realPayGrowth
    case reasonableGroundsPositiveShare
    case salary
    case salaryQuotedForYearStarting
    case supportContractCostPerAdultSupported
    case trainingActUnderstandingAfter
    case trainingActUnderstandingBefore
    case trainingDistrictWorkforceShare
    case trainingFaceToFaceCapacityWithoutCoordinator
    case trainingFrontlineShare
    case trainingIdentifyConfidenceAfter
    case trainingIdentifyConfidenceBefore
    case trainingPaidHoursPerYear
    case trainingReportingConfidenceImproved
    case trainingSpecialistShare
    case trainingTier1DeliveryCost
    case trainingTier1Hours
    case trainingTier1RefreshYears
    case trainingTier1Salary
    case trainingTier1UptakeWithCoordinator
    case trainingTier1UptakeWithoutCoordinator
    case trainingTier2DeliveryCost
    case trainingTier2Hours
    case trainingTier2RefreshYears
    case trainingTier2Salary
    case trainingTier3DeliveryCost
    case trainingTier3Hours
    case trainingTier3PriorityShare
    case trainingTier3RefreshYears
    case trainingTier3Salary
    case unitCostPerVictim
    public var description: String { rawValue }

    /// What each training tier has an assumption for, spelt as its name ends
    /// (`trainingTier2` + `Hours`).
    public enum TrainingTierQuantity: String, CaseIterable, Sendable {
        /// Hours of training a trainee takes.
        case hours = "Hours"
        /// What delivering the training costs per trainee (pounds).
        case deliveryCost = "DeliveryCost"
        /// A trainee's full-time salary (pounds a year).
        case salary = "Salary"
        /// Years before a trainee is trained again.
        case refreshYears = "RefreshYears"
    }

    /// The assumption holding `quantity` for `tier`, e.g. `trainingTier2Hours`: a case, so a tier
    /// or quantity without one does not compile.
    public static func training(_ quantity: TrainingTierQuantity, tier: TrainingTier) -> AssumptionName {
        switch (tier, quantity) {
        case (.awareness, .hours): return .trainingTier1Hours
        case (.awareness, .deliveryCost): return .trainingTier1DeliveryCost
        case (.awareness, .salary): return .trainingTier1Salary
        case (.awareness, .refreshYears): return .trainingTier1RefreshYears
        case (.frontline, .hours): return .trainingTier2Hours
        case (.frontline, .deliveryCost): return .trainingTier2DeliveryCost
        case (.frontline, .salary): return .trainingTier2Salary
        case (.frontline, .refreshYears): return .trainingTier2RefreshYears
        case (.specialist, .hours): return .trainingTier3Hours
        case (.specialist, .deliveryCost): return .trainingTier3DeliveryCost
        case (.specialist, .salary): return .trainingTier3Salary
        case (.specialist, .refreshYears): return .trainingTier3RefreshYears
        }
    }
}

extension AssumptionSet {
    /// The assumption `name` when the set defines it, else nil (for names that may be absent).
    public subscript(name: AssumptionName) -> Assumption? { byName[name.rawValue] }

    /// The assumption `name`, or an error saying which folder lacks it.
    public func assumption(_ name: AssumptionName) throws -> Assumption { try assumption(name.rawValue) }

    /// The central value of `name`.
    public func value(_ name: AssumptionName) throws -> Double { try value(name.rawValue) }

    /// The value of `name` for a period such as tax year `2025-26`.
    public func value(_ name: AssumptionName, period: String) throws -> Double { try value(name.rawValue, period: period) }
}
