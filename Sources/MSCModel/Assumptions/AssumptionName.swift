/// The name of an assumption as the files in `Assumptions/` spell it. Model functions that read
/// an assumption by a fixed name read it through one of these cases
/// (`assumptions.value(.pensionRate)`), not a string literal, so a misspelt name does not
/// compile, and a test holds every case to a definition in the shipped files. (Names that
/// arrive as data, from a scenario, `--set` or a list of inputs, stay text.)
public enum AssumptionName: String, CaseIterable, Sendable, CustomStringConvertible {
    case apprenticeshipLevyRate
    case avoidableHarmShare
    case baselineIdentificationRate
    case causalShare
    case conclusiveGroundsPositiveShare
    case coordinatorAuthorities2023
    case coordinatorShareOfLAAdultReferrals
    case coordinatorTrainingCapacity
    case councilCostPerIdentification
    case councillorsEngland
    case councillorsWales
    case countyShareOfTwoTierIdentifications
    case decisionCostPerReferral
    case dutyToNotifyRelativeValue
    case employerNIRate
    case fte
    case gdpDeflatorProjectedGrowth
    case harmAvoidedShare
    case healthCostPerAdultSupported
    case healthDiscountRate
    case identificationRateRatio
    case identificationRateRatioMinimumLogSD
    case laAdultNRMReferrals2023
    case laAuthoritiesReferringAdults2023
    case laChildNRMReferrals2023
    case laDutyToNotifyReports2023
    case laIdentificationGrowthSince2023
    case localGovernmentWorkforce
    case niSecondaryThreshold
    case operationalBudget
    case optimismBias
    case optimismBiasLowerBound
    case overheadRate
    case payAward
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
    case trainingTier1UptakeWithCoordinator
    case trainingTier1UptakeWithoutCoordinator
    case trainingTier3PriorityShare
    case unitCostPerVictim

    public var description: String { rawValue }
}

extension AssumptionSet {
    /// The assumption `name`, or an error saying which folder lacks it.
    public func assumption(_ name: AssumptionName) throws -> Assumption { try assumption(name.rawValue) }

    /// The central value of `name`.
    public func value(_ name: AssumptionName) throws -> Double { try value(name.rawValue) }

    /// The value of `name` for a period such as tax year `2025-26`.
    public func value(_ name: AssumptionName, period: String) throws -> Double { try value(name.rawValue, period: period) }
}
