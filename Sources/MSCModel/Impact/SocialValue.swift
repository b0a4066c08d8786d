/// The money value to society of one additional identification of an adult victim (DESIGN 3.5).
///
/// value = `unitCostPerVictim · harmAvoidedShare − supportCostPerReferral`, all in the prices of
/// the price base year. The unit cost is the Home Office estimate of the cost of one victim of
/// modern slavery (Research Report 100, 2018: £328,720 in 2016-17 prices), restated in the price
/// base year with the GDP deflator.
///
/// ```swift
/// SocialValue.valuePerIdentification(unitCostPerVictim: 431_289, harmAvoidedShare: 0.2,
///                                    supportCostPerReferral: 8_000)   // 78,257.8
/// ```
public enum SocialValue {
    /// Harm avoided less the support costs a referral triggers, in pounds per identification.
    public static func valuePerIdentification(unitCostPerVictim: Double, harmAvoidedShare: Double,
                                              supportCostPerReferral: Double) -> Double {
        unitCostPerVictim * harmAvoidedShare - supportCostPerReferral
    }

    /// The unit cost per victim restated in `priceBaseYear` prices.
    ///
    /// The shipped assumption `unitCostPerVictim` holds one value keyed by its price year
    /// (`2016-17: 328720`), which is uprated with `deflator`. An override from a scenario carries
    /// no price year and is taken to be in the price base year already.
    public static func unitCostPerVictim(from assumptions: AssumptionSet, priceBaseYear: String,
                                         deflator: GDPDeflator) throws -> Double {
        let assumption = try assumptions.assumption("unitCostPerVictim")
        guard let priceYear = assumption.valuesByPeriod.last?.period else { return assumption.value }
        guard FinancialYear(priceYear) != nil else {
            throw InputError(file: assumption.origin, key: "unitCostPerVictim.values",
                             message: "\(priceYear) is not a price year; expected a financial year such as 2016-17")
        }
        return try deflator.uprate(amount: assumption.value, from: priceYear, to: priceBaseYear)
    }
}

/// The central social-value inputs in the prices of one year, read from an ``AssumptionSet``.
public struct SocialValueInputs: Sendable, Equatable {
    /// Financial year whose prices the money values are in, e.g. `2024-25`.
    public let priceBaseYear: String
    /// Home Office unit cost of one victim, uprated to the price base year (pounds per victim).
    public var unitCostPerVictim: Double
    /// Share of that cost avoided by identifying a victim, in [0, 1].
    public var harmAvoidedShare: Double
    /// Support and referral costs triggered by one identification (pounds per identification).
    public var supportCostPerReferral: Double

    public init(priceBaseYear: String, unitCostPerVictim: Double, harmAvoidedShare: Double, supportCostPerReferral: Double) {
        self.priceBaseYear = priceBaseYear
        self.unitCostPerVictim = unitCostPerVictim
        self.harmAvoidedShare = harmAvoidedShare
        self.supportCostPerReferral = supportCostPerReferral
    }

    /// The assumption names these inputs read, for provenance tables.
    public static let assumptionNames = ["unitCostPerVictim", "harmAvoidedShare", "supportCostPerReferral"]

    /// Pounds per additional identification.
    public var valuePerIdentification: Double {
        SocialValue.valuePerIdentification(unitCostPerVictim: unitCostPerVictim, harmAvoidedShare: harmAvoidedShare,
                                           supportCostPerReferral: supportCostPerReferral)
    }

    /// The central values, with the unit cost uprated to `priceBaseYear` by `deflator`.
    public static func central(from assumptions: AssumptionSet, priceBaseYear: String,
                               deflator: GDPDeflator) throws -> SocialValueInputs {
        SocialValueInputs(
            priceBaseYear: priceBaseYear,
            unitCostPerVictim: try SocialValue.unitCostPerVictim(from: assumptions, priceBaseYear: priceBaseYear,
                                                                 deflator: deflator),
            harmAvoidedShare: try assumptions.value("harmAvoidedShare"),
            supportCostPerReferral: try assumptions.value("supportCostPerReferral"))
    }

    /// The central values in `priceBaseYear` prices, with the shipped deflator (extended past its
    /// data by `gdpDeflatorProjectedGrowth` when the base year is later, e.g. 2025-26).
    public static func central(from assumptions: AssumptionSet, priceBaseYear: String) throws -> SocialValueInputs {
        try central(from: assumptions, priceBaseYear: priceBaseYear,
                    deflator: try GDPDeflator.load(assumptions: assumptions, through: priceBaseYear))
    }
}
