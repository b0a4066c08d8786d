/// The children a post's uplift may reach: an explicit, uncertain part of the benefit.
///
/// Councils referred about thirteen children to the NRM for every adult in 2023, yet the rate
/// ratio is measured on adults and coordinators focus on adults. Children need no consent and
/// children's services already refer them, so most of any change a coordinator makes there would
/// have happened anyway. The model lets a share `s` (`childAdditionalityShare`) of the post's
/// proportional uplift reach the councils' child referrals, already net of what would have
/// happened anyway (no further displacement):
/// `additional children = s × childrenPerAdult × gross additional adults`, where
/// `childrenPerAdult` is councils' child referrals over their adult identifications (NRM + DtN).
///
/// ```swift
/// ChildIdentifications.additional(grossAdultIdentifications: 10, childReferralsPerAdultIdentification: 7.4,
///                                 additionalityShare: 0.03)   // 2.22
/// ```
public enum ChildIdentifications {
    /// The assumption holding `s`.
    public static let shareAssumption = AssumptionName.childAdditionalityShare

    /// Additional child NRM referrals: `s × childrenPerAdult × gross additional adult identifications`.
    @inlinable
    public static func additional(grossAdultIdentifications: Double, childReferralsPerAdultIdentification: Double,
                                  additionalityShare: Double) -> Double {
        grossAdultIdentifications * childReferralsPerAdultIdentification * additionalityShare
    }

    /// Child referrals per adult identification: `children / (adult NRM referrals + DtN reports)`.
    public static func referralsPerAdultIdentification(childReferrals: Double, adultReferrals: Double,
                                                       dutyToNotifyReports: Double) -> Double {
        let adults = adultReferrals + dutyToNotifyReports
        return adults > 0 ? childReferrals / adults : 0
    }

    /// The ratio from the 2023 facts in `assumptions` (`laChildNRMReferrals2023`,
    /// `laAdultNRMReferrals2023`, `laDutyToNotifyReports2023`).
    public static func referralsPerAdultIdentification(from assumptions: AssumptionSet) throws -> Double {
        referralsPerAdultIdentification(childReferrals: try assumptions.value(.laChildNRMReferrals2023),
                                        adultReferrals: try assumptions.value(.laAdultNRMReferrals2023),
                                        dutyToNotifyReports: try assumptions.value(.laDutyToNotifyReports2023))
    }
}
