extension FundingSourceKind {
    /// Whether this share comes from a council's own budget (its core budget or its public health
    /// grant), as against a PCC, the NHS, a charity, partners or central government: the part of a
    /// post a council's finance officer counts as its own net cost.
    public var isCouncilBudget: Bool {
        switch self {
        case .laCoreBudget, .publicHealth: return true
        case .policeAndCrimeCommissioner, .centralGovernmentGrant, .nhsICB, .charitableGrant, .partnerContribution,
             .communitySafetyPartnership:
            return false
        }
    }
}

extension FundingMix {
    /// The share of a post's cost paid from councils' own budgets (see ``FundingSourceKind/isCouncilBudget``).
    public var councilBudgetShare: Double {
        sources.filter(\.kind.isCouncilBudget).reduce(0) { $0 + $1.share }
    }
}
