import Foundation

/// The arithmetic behind the default identification rate ratio, from the Acting Local facts.
///
/// No authority-level referral counts are published, so the default `identificationRateRatio`
/// is derived in the open (its notes in `Assumptions/impact.yaml` show the same steps):
/// 1. crude ratio of adult NRM referrals per authority, coordinator authorities against the rest:
///    `(share / (1 − share)) · (otherAuthorities / coordinatorAuthorities)`;
/// 2. divided by how much larger the coordinator authorities are (`hostPopulationRatio`), giving a
///    ratio per resident;
/// 3. the part caused by the post: `exp(causalShare · ln(adjusted))`, i.e. the rest of the
///    association on the log scale is put down to selection (authorities that already see more
///    exploitation are the ones that create posts).
public struct RateRatioDerivation: Sendable, Equatable {
    /// Adult NRM referrals a year per coordinator authority (people per year).
    public let referralsPerCoordinatorAuthority: Double
    /// Adult NRM referrals a year per other authority (people per year).
    public let referralsPerOtherAuthority: Double
    /// Step 1: the crude ratio per authority.
    public let crudeRateRatio: Double
    /// Step 2: the ratio per resident.
    public let populationAdjustedRateRatio: Double
    /// Step 3: the ratio caused by the post (the model's central rate ratio).
    public let causalRateRatio: Double

    /// Runs the three steps.
    ///
    /// - Parameters:
    ///   - adultReferrals: adult NRM referrals by all local authorities in the year (277 in 2023).
    ///   - coordinatorShare: the share of those made by authorities with a coordinator (0.18).
    ///   - coordinatorAuthorities: how many authorities had a coordinator (9).
    ///   - otherAuthorities: how many did not (339 − 9 = 330 in England and Wales).
    ///   - hostPopulationRatio: mean population of a coordinator authority over that of the others.
    ///   - causalShare: the share of the log rate ratio caused by the post, in [0, 1].
    public init(adultReferrals: Double, coordinatorShare: Double, coordinatorAuthorities: Double,
                otherAuthorities: Double, hostPopulationRatio: Double, causalShare: Double) {
        referralsPerCoordinatorAuthority = adultReferrals * coordinatorShare / coordinatorAuthorities
        referralsPerOtherAuthority = adultReferrals * (1 - coordinatorShare) / otherAuthorities
        crudeRateRatio = referralsPerCoordinatorAuthority / referralsPerOtherAuthority
        populationAdjustedRateRatio = crudeRateRatio / hostPopulationRatio
        causalRateRatio = exp(causalShare * log(populationAdjustedRateRatio))
    }

    /// The derivation from the facts in `assumptions` (`laAdultNRMReferrals2023`,
    /// `coordinatorShareOfLAAdultReferrals`, `coordinatorAuthorities2023`,
    /// `coordinatorHostPopulationRatio`, `causalShare`) for `authorityCount` authorities in all.
    public static func fromFacts(in assumptions: AssumptionSet, authorityCount: Int) throws -> RateRatioDerivation {
        let coordinators = try assumptions.value("coordinatorAuthorities2023")
        return RateRatioDerivation(
            adultReferrals: try assumptions.value("laAdultNRMReferrals2023"),
            coordinatorShare: try assumptions.value("coordinatorShareOfLAAdultReferrals"),
            coordinatorAuthorities: coordinators,
            otherAuthorities: Double(authorityCount) - coordinators,
            hostPopulationRatio: try assumptions.value("coordinatorHostPopulationRatio"),
            causalShare: try assumptions.value("causalShare"))
    }
}
