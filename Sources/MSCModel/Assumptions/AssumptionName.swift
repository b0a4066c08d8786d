/// The name of an assumption as the files in `Assumptions/` spell it. Model code reads an
/// assumption through one of these constants (`assumptions.value(.pensionRate)`), not a string
/// literal, so a misspelt name does not compile, and a test holds every constant to a definition
/// in the shipped files.
public struct AssumptionName: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    public static let apprenticeshipLevyRate = AssumptionName("apprenticeshipLevyRate")
    public static let avoidableHarmShare = AssumptionName("avoidableHarmShare")
    public static let baselineIdentificationRate = AssumptionName("baselineIdentificationRate")
    public static let causalShare = AssumptionName("causalShare")
    public static let conclusiveGroundsPositiveShare = AssumptionName("conclusiveGroundsPositiveShare")
    public static let coordinatorAuthorities2023 = AssumptionName("coordinatorAuthorities2023")
    public static let coordinatorShareOfLAAdultReferrals = AssumptionName("coordinatorShareOfLAAdultReferrals")
    public static let councilCostPerIdentification = AssumptionName("councilCostPerIdentification")
    public static let countyShareOfTwoTierIdentifications = AssumptionName("countyShareOfTwoTierIdentifications")
    public static let decisionCostPerReferral = AssumptionName("decisionCostPerReferral")
    public static let dutyToNotifyRelativeValue = AssumptionName("dutyToNotifyRelativeValue")
    public static let employerNIRate = AssumptionName("employerNIRate")
    public static let fte = AssumptionName("fte")
    public static let gdpDeflatorProjectedGrowth = AssumptionName("gdpDeflatorProjectedGrowth")
    public static let harmAvoidedShare = AssumptionName("harmAvoidedShare")
    public static let healthCostPerAdultSupported = AssumptionName("healthCostPerAdultSupported")
    public static let healthDiscountRate = AssumptionName("healthDiscountRate")
    public static let identificationRateRatio = AssumptionName("identificationRateRatio")
    public static let identificationRateRatioMinimumLogSD = AssumptionName("identificationRateRatioMinimumLogSD")
    public static let laAdultNRMReferrals2023 = AssumptionName("laAdultNRMReferrals2023")
    public static let laAuthoritiesReferringAdults2023 = AssumptionName("laAuthoritiesReferringAdults2023")
    public static let laChildNRMReferrals2023 = AssumptionName("laChildNRMReferrals2023")
    public static let laDutyToNotifyReports2023 = AssumptionName("laDutyToNotifyReports2023")
    public static let laIdentificationGrowthSince2023 = AssumptionName("laIdentificationGrowthSince2023")
    public static let niSecondaryThreshold = AssumptionName("niSecondaryThreshold")
    public static let operationalBudget = AssumptionName("operationalBudget")
    public static let optimismBias = AssumptionName("optimismBias")
    public static let optimismBiasLowerBound = AssumptionName("optimismBiasLowerBound")
    public static let overheadRate = AssumptionName("overheadRate")
    public static let payAward = AssumptionName("payAward")
    public static let pensionRate = AssumptionName("pensionRate")
    public static let policeCostPerReferral = AssumptionName("policeCostPerReferral")
    public static let programmeStartYearsAfterPriceBase = AssumptionName("programmeStartYearsAfterPriceBase")
    public static let rampUpYears = AssumptionName("rampUpYears")
    public static let reasonableGroundsPositiveShare = AssumptionName("reasonableGroundsPositiveShare")
    public static let salary = AssumptionName("salary")
    public static let salaryQuotedForYearStarting = AssumptionName("salaryQuotedForYearStarting")
    public static let supportContractCostPerAdultSupported = AssumptionName("supportContractCostPerAdultSupported")
    public static let trainingActUnderstandingAfter = AssumptionName("trainingActUnderstandingAfter")
    public static let trainingActUnderstandingBefore = AssumptionName("trainingActUnderstandingBefore")
    public static let trainingIdentifyConfidenceAfter = AssumptionName("trainingIdentifyConfidenceAfter")
    public static let trainingIdentifyConfidenceBefore = AssumptionName("trainingIdentifyConfidenceBefore")
    public static let trainingReportingConfidenceImproved = AssumptionName("trainingReportingConfidenceImproved")
    public static let unitCostPerVictim = AssumptionName("unitCostPerVictim")

    /// Every name above, for the test that each is defined.
    public static let all: [AssumptionName] = [
        .apprenticeshipLevyRate,
        .avoidableHarmShare,
        .baselineIdentificationRate,
        .causalShare,
        .conclusiveGroundsPositiveShare,
        .coordinatorAuthorities2023,
        .coordinatorShareOfLAAdultReferrals,
        .councilCostPerIdentification,
        .countyShareOfTwoTierIdentifications,
        .decisionCostPerReferral,
        .dutyToNotifyRelativeValue,
        .employerNIRate,
        .fte,
        .gdpDeflatorProjectedGrowth,
        .harmAvoidedShare,
        .healthCostPerAdultSupported,
        .healthDiscountRate,
        .identificationRateRatio,
        .identificationRateRatioMinimumLogSD,
        .laAdultNRMReferrals2023,
        .laAuthoritiesReferringAdults2023,
        .laChildNRMReferrals2023,
        .laDutyToNotifyReports2023,
        .laIdentificationGrowthSince2023,
        .niSecondaryThreshold,
        .operationalBudget,
        .optimismBias,
        .optimismBiasLowerBound,
        .overheadRate,
        .payAward,
        .pensionRate,
        .policeCostPerReferral,
        .programmeStartYearsAfterPriceBase,
        .rampUpYears,
        .reasonableGroundsPositiveShare,
        .salary,
        .salaryQuotedForYearStarting,
        .supportContractCostPerAdultSupported,
        .trainingActUnderstandingAfter,
        .trainingActUnderstandingBefore,
        .trainingIdentifyConfidenceAfter,
        .trainingIdentifyConfidenceBefore,
        .trainingReportingConfidenceImproved,
        .unitCostPerVictim,
    ]
}

extension AssumptionSet {
    /// The assumption `name`, or an error saying which folder lacks it.
    public func assumption(_ name: AssumptionName) throws -> Assumption { try assumption(name.rawValue) }

    /// The central value of `name`.
    public func value(_ name: AssumptionName) throws -> Double { try value(name.rawValue) }

    /// The value of `name` for a period such as tax year `2025-26`.
    public func value(_ name: AssumptionName, period: String) throws -> Double { try value(name.rawValue, period: period) }
}
