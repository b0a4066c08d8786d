/// What one additional identification is worth and what it sets in motion (DESIGN 3.5).
///
/// The Home Office unit cost of a victim (Research Report 100, £328,720 in 2016-17 prices) is the
/// whole cost of an episode of exploitation. Identification can avoid part of its harms and lost
/// output: `benefit per NRM referral = unitCost × avoidableHarmShare × harmAvoidedShare ×
/// conclusiveGroundsPositiveShare`, and a Duty to Notify report is worth `dutyToNotifyRelativeValue`
/// of that. It triggers, rather than avoids, decision-making, support, health, police and council
/// work: those are costs per identification, by the body that bears them (``TriggeredCosts``).
///
/// ```swift
/// let value = SocialValue(unitCostPerVictim: 450_000, avoidableHarmShare: 0.8, harmAvoidedShare: 0.3,
///                         conclusiveGroundsPositiveShare: 0.56, dutyToNotifyRelativeValue: 0.3, nrmShare: 0.5)
/// value.benefitPerNRMReferral      // 60,480
/// value.benefitPerIdentification   // 0.5 × 60,480 + 0.5 × 18,144 = 39,312
/// ```
public struct SocialValue: Sendable, Equatable {
    /// Home Office unit cost of one victim in the price base year (pounds per victim).
    public var unitCostPerVictim: Double
    /// Share of the unit cost in harms and lost output.
    public var avoidableHarmShare: Double
    /// Share of a confirmed victim's harms and lost output that identification avoids.
    public var harmAvoidedShare: Double
    /// Share of identified people confirmed as victims (positive conclusive-grounds decisions).
    public var conclusiveGroundsPositiveShare: Double
    /// Benefit of a DtN report over that of an NRM referral.
    public var dutyToNotifyRelativeValue: Double
    /// NRM referrals' share of identifications (the rest are DtN reports).
    public var nrmShare: Double

    public init(unitCostPerVictim: Double, avoidableHarmShare: Double, harmAvoidedShare: Double,
                conclusiveGroundsPositiveShare: Double, dutyToNotifyRelativeValue: Double, nrmShare: Double) {
        self.unitCostPerVictim = unitCostPerVictim
        self.avoidableHarmShare = avoidableHarmShare
        self.harmAvoidedShare = harmAvoidedShare
        self.conclusiveGroundsPositiveShare = conclusiveGroundsPositiveShare
        self.dutyToNotifyRelativeValue = dutyToNotifyRelativeValue
        self.nrmShare = nrmShare
    }

    /// The assumption names read for the benefit (besides the NRM share, from impact.yaml's facts).
    public static let assumptionNames: [AssumptionName] = [.unitCostPerVictim, .avoidableHarmShare, .harmAvoidedShare,
                                                           .conclusiveGroundsPositiveShare, .dutyToNotifyRelativeValue]

    /// Harm and lost output avoided by one additional NRM referral (pounds).
    public var benefitPerNRMReferral: Double {
        unitCostPerVictim * avoidableHarmShare * harmAvoidedShare * conclusiveGroundsPositiveShare
    }

    /// Harm avoided by one additional DtN report (pounds).
    public var benefitPerDutyToNotify: Double { benefitPerNRMReferral * dutyToNotifyRelativeValue }

    /// Benefit of one additional identification, NRM referrals and DtN reports in their proportions.
    public var benefitPerIdentification: Double {
        nrmShare * benefitPerNRMReferral + (1 - nrmShare) * benefitPerDutyToNotify
    }

    /// The unit cost per victim restated in `priceBaseYear` prices.
    ///
    /// The shipped assumption `unitCostPerVictim` holds one value keyed by its price year
    /// (`2016-17: 328720`), which is uprated with `deflator`. An override from a scenario carries
    /// no price year and is taken to be in the price base year already.
    public static func unitCostPerVictim(from assumptions: AssumptionSet, priceBaseYear: String,
                                         deflator: GDPDeflator) throws -> Double {
        let assumption = try assumptions.assumption(.unitCostPerVictim)
        guard let priceYear = assumption.valuesByPeriod.last?.period else { return assumption.value }
        guard FinancialYear(priceYear) != nil else {
            throw InputError(file: assumption.origin, key: "\(AssumptionName.unitCostPerVictim).values",
                             message: "\(priceYear) is not a price year; expected a financial year such as 2016-17")
        }
        return try deflator.uprate(amount: assumption.value, from: priceYear, to: priceBaseYear)
    }

    /// The central values, the unit cost uprated to `priceBaseYear` by `deflator`.
    public static func central(from assumptions: AssumptionSet, priceBaseYear: String,
                               deflator: GDPDeflator) throws -> SocialValue {
        let facts = try RateRatioDerivation.Facts(assumptions: assumptions)
        return SocialValue(
            unitCostPerVictim: try unitCostPerVictim(from: assumptions, priceBaseYear: priceBaseYear, deflator: deflator),
            avoidableHarmShare: try assumptions.value(.avoidableHarmShare),
            harmAvoidedShare: try assumptions.value(.harmAvoidedShare),
            conclusiveGroundsPositiveShare: try assumptions.value(.conclusiveGroundsPositiveShare),
            dutyToNotifyRelativeValue: try assumptions.value(.dutyToNotifyRelativeValue),
            nrmShare: facts.nrmShare)
    }

    /// The central values in `priceBaseYear` prices, with the shipped deflator (extended past its
    /// data by `gdpDeflatorProjectedGrowth` when the base year is later).
    public static func central(from assumptions: AssumptionSet, priceBaseYear: String) throws -> SocialValue {
        try central(from: assumptions, priceBaseYear: priceBaseYear,
                    deflator: try GDPDeflator.load(assumptions: assumptions, through: priceBaseYear))
    }
}

/// The public costs one additional identification triggers, by the body that bears them (DESIGN 3.5).
///
/// Per NRM referral: Home Office decisions; Home Office support contract and NHS care for those
/// with a positive reasonable-grounds decision; police; council. Per DtN report: council only.
///
/// ```swift
/// let costs = TriggeredCosts(decisionCostPerReferral: 1_500, supportContractCostPerAdultSupported: 12_000,
///                            healthCostPerAdultSupported: 2_000, policeCostPerReferral: 1_000,
///                            councilCostPerIdentification: 1_000, reasonableGroundsPositiveShare: 0.5,
///                            nrmShare: 1)
/// costs.perNRMReferral   // 1,500 + (12,000 + 2,000) × 0.5 + 1,000 + 1,000 = 10,500
/// ```
public struct TriggeredCosts: Sendable, Equatable {
    /// The bodies that bear triggered costs.
    public enum Body: String, CaseIterable, Sendable {
        case homeOfficeDecisions = "Home Office (NRM decisions)"
        case homeOfficeSupportContract = "Home Office (victim support contract)"
        case nhs = "NHS"
        case police = "Police"
        case council = "Council"
    }

    public var decisionCostPerReferral: Double
    public var supportContractCostPerAdultSupported: Double
    public var healthCostPerAdultSupported: Double
    public var policeCostPerReferral: Double
    public var councilCostPerIdentification: Double
    public var reasonableGroundsPositiveShare: Double
    /// NRM referrals' share of identifications.
    public var nrmShare: Double

    public init(decisionCostPerReferral: Double, supportContractCostPerAdultSupported: Double,
                healthCostPerAdultSupported: Double, policeCostPerReferral: Double,
                councilCostPerIdentification: Double, reasonableGroundsPositiveShare: Double, nrmShare: Double) {
        self.decisionCostPerReferral = decisionCostPerReferral
        self.supportContractCostPerAdultSupported = supportContractCostPerAdultSupported
        self.healthCostPerAdultSupported = healthCostPerAdultSupported
        self.policeCostPerReferral = policeCostPerReferral
        self.councilCostPerIdentification = councilCostPerIdentification
        self.reasonableGroundsPositiveShare = reasonableGroundsPositiveShare
        self.nrmShare = nrmShare
    }

    /// The assumption names read (besides the NRM share).
    public static let assumptionNames: [AssumptionName] = [.decisionCostPerReferral, .supportContractCostPerAdultSupported,
                                                           .healthCostPerAdultSupported, .policeCostPerReferral,
                                                           .councilCostPerIdentification, .reasonableGroundsPositiveShare]

    /// Cost borne by `body` per additional NRM referral (pounds).
    public func perNRMReferral(_ body: Body) -> Double {
        switch body {
        case .homeOfficeDecisions: return decisionCostPerReferral
        case .homeOfficeSupportContract: return supportContractCostPerAdultSupported * reasonableGroundsPositiveShare
        case .nhs: return healthCostPerAdultSupported * reasonableGroundsPositiveShare
        case .police: return policeCostPerReferral
        case .council: return councilCostPerIdentification
        }
    }

    /// Cost borne by `body` per additional DtN report: the council's only.
    public func perDutyToNotify(_ body: Body) -> Double { body == .council ? councilCostPerIdentification : 0 }

    /// Cost borne by `body` per additional identification, NRM and DtN in their proportions.
    public func perIdentification(_ body: Body) -> Double {
        nrmShare * perNRMReferral(body) + (1 - nrmShare) * perDutyToNotify(body)
    }

    /// All triggered costs per NRM referral.
    public var perNRMReferral: Double { Body.allCases.reduce(0) { $0 + perNRMReferral($1) } }

    /// Cost borne by `body` per additional child NRM referral: the decision, the police and the
    /// council (children's services support a child; the Home Office contract and its NHS care
    /// are for adults).
    public func perChildReferral(_ body: Body) -> Double {
        switch body {
        case .homeOfficeDecisions, .police, .council: return perNRMReferral(body)
        case .homeOfficeSupportContract, .nhs: return 0
        }
    }

    /// All triggered costs per child NRM referral.
    public var perChildReferral: Double { Body.allCases.reduce(0) { $0 + perChildReferral($1) } }

    /// All triggered costs per identification.
    public var perIdentification: Double { Body.allCases.reduce(0) { $0 + perIdentification($1) } }

    /// The central values from `assumptions`.
    public static func central(from assumptions: AssumptionSet) throws -> TriggeredCosts {
        TriggeredCosts(
            decisionCostPerReferral: try assumptions.value(.decisionCostPerReferral),
            supportContractCostPerAdultSupported: try assumptions.value(.supportContractCostPerAdultSupported),
            healthCostPerAdultSupported: try assumptions.value(.healthCostPerAdultSupported),
            policeCostPerReferral: try assumptions.value(.policeCostPerReferral),
            councilCostPerIdentification: try assumptions.value(.councilCostPerIdentification),
            reasonableGroundsPositiveShare: try assumptions.value(.reasonableGroundsPositiveShare),
            nrmShare: try RateRatioDerivation.Facts(assumptions: assumptions).nrmShare)
    }
}
