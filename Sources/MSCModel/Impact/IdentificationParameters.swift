/// The central values of the identification-uplift assumptions, read from an ``AssumptionSet``.
///
/// Names in `Assumptions/impact.yaml`: `identificationRateRatio`, `baselineIdentificationRate`,
/// `rampUpYears`. A Monte Carlo run draws each from its distribution instead.
public struct IdentificationParameters: Sendable, Equatable {
    /// Rate ratio of adult identification with a full post at full effect (unitless).
    public var rateRatio: Double
    /// Adult identifications by local authorities per 100,000 residents a year without a post.
    public var baselineRatePer100kResidents: Double
    /// Years from a post's start until its effect is full (linear ramp).
    public var rampUpYears: Double

    public init(rateRatio: Double, baselineRatePer100kResidents: Double, rampUpYears: Double) {
        self.rateRatio = rateRatio
        self.baselineRatePer100kResidents = baselineRatePer100kResidents
        self.rampUpYears = rampUpYears
    }

    /// The assumption names this struct reads, for provenance tables.
    public static let assumptionNames: [AssumptionName] = [.identificationRateRatio, .baselineIdentificationRate, .rampUpYears]

    /// The central values from `assumptions`.
    public static func central(from assumptions: AssumptionSet) throws -> IdentificationParameters {
        IdentificationParameters(rateRatio: try assumptions.value(.identificationRateRatio),
                                 baselineRatePer100kResidents: try assumptions.value(.baselineIdentificationRate),
                                 rampUpYears: try assumptions.value(.rampUpYears))
    }
}
