extension FundingSourceKind {
    /// Whether this share is the councils' own money (their core budget, their public health
    /// grant, or partner councils' contributions), as against a PCC, the NHS, a charity or central
    /// government: the part of a post a council's finance officer counts as its net cost.
    public var isCouncilMoney: Bool {
        switch self {
        case .laCoreBudget, .publicHealth, .partnerContribution: return true
        case .policeAndCrimeCommissioner, .centralGovernmentGrant, .nhsICB, .charitableGrant, .communitySafetyPartnership:
            return false
        }
    }
}

extension FundingMix {
    /// The share of a post's cost that comes from councils' own money (see ``FundingSourceKind/isCouncilMoney``).
    public var councilShare: Double {
        sources.filter(\.kind.isCouncilMoney).reduce(0) { $0 + $1.share }
    }
}
