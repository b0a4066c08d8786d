/// Who pays a share of a coordinator post: a closed list, so a misspelt funder is an error.
///
/// The kinds are those the Acting Local report (Human Trafficking Foundation, Jan 2025, p.8)
/// describes funding coming from "within and outside the local authority", plus central government.
public enum FundingSourceKind: String, CaseIterable, Sendable, Codable {
    /// The host council's own core (revenue) budget, set every financial year.
    case laCoreBudget = "la-core-budget"
    /// A grant from the Police and Crime Commissioner (or mayor with PCC functions).
    case policeAndCrimeCommissioner = "police-and-crime-commissioner"
    /// A grant from central government (for example a Home Office programme).
    case centralGovernmentGrant = "central-government-grant"
    /// The public health grant: ring-fenced, from the Department of Health and Social Care to
    /// upper-tier councils (county and unitary councils), so in a two-tier area the county's grant
    /// pays this part for its districts too.
    case publicHealth = "public-health"
    /// An NHS integrated care board.
    case nhsICB = "nhs-icb"
    /// A charitable trust or foundation grant.
    case charitableGrant = "charitable-grant"
    /// A contribution from partner councils or agencies (for example districts paying towards a county post).
    case partnerContribution = "partner-contribution"
    /// A pooled budget of the Community Safety Partnership.
    case communitySafetyPartnership = "community-safety-partnership"

    /// A short human label, e.g. "Police and Crime Commissioner".
    public var label: String {
        switch self {
        case .laCoreBudget: return "Host council core budget"
        case .policeAndCrimeCommissioner: return "Police and Crime Commissioner"
        case .centralGovernmentGrant: return "Central government grant"
        case .publicHealth: return "Public health grant (DHSC, via upper-tier councils)"
        case .nhsICB: return "NHS integrated care board"
        case .charitableGrant: return "Charitable grant"
        case .partnerContribution: return "Partner contribution"
        case .communitySafetyPartnership: return "Community Safety Partnership"
        }
    }

    /// Whether the host council can take over this share when it lapses: every kind except the
    /// host's own core budget, since a council that declines to renew its own budget line has
    /// nobody left to pass the cost to.
    public var isAbsorbableByHost: Bool { self != .laCoreBudget }
}
