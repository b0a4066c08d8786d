extension FundingSourceKind {
    /// Whether this share comes from a council's own budget (its core revenue budget), as against
    /// the public health grant, a PCC, the NHS, a charity, partners or central government: the part
    /// of a post a council's finance officer counts as its own net cost.
    ///
    /// The public health grant is not a council's own money: it is a ring-fenced grant from the
    /// Department of Health and Social Care, paid to upper-tier councils (county and unitary
    /// councils) only. A district sharing a post never pays the public health part; the county's
    /// grant does. So it is a payer of its own, like the PCC.
    public var isCouncilBudget: Bool {
        switch self {
        case .laCoreBudget: return true
        case .publicHealth, .policeAndCrimeCommissioner, .centralGovernmentGrant, .nhsICB, .charitableGrant,
             .partnerContribution, .communitySafetyPartnership:
            return false
        }
    }
}

extension FundingMix {
    /// The share of a post's cost paid from councils' own core budgets (see ``FundingSourceKind/isCouncilBudget``).
    public var councilBudgetShare: Double {
        sources.filter(\.kind.isCouncilBudget).reduce(0) { $0 + $1.share }
    }
}
