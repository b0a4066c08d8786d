/// One funder's part of a post: its kind, share of the cost, term and chance of renewal (DESIGN 3.2).
public struct FundingSource: Sendable {
    /// Who pays.
    public let kind: FundingSourceKind
    /// How the source is named in tables (the kind's label unless the scenario gives one).
    public let label: String
    /// Share of the post's cost this source pays at the start, a fraction (the shares of a mix sum to 1).
    public let share: Double
    /// Years between renewal decisions: the source is re-decided at the start of years T, 2T, 3T, …
    public let termYears: Int
    /// The probability that the source is renewed at each renewal point, as an assumption: a named
    /// one from `Assumptions/`, or one built from a distribution given inline in the scenario
    /// (then its name is the scenario key path and its evidence is illustrative).
    public let renewal: Assumption
    /// Who decides the renewal (DESIGN 3.2): one national decision for every post, one decision for
    /// each post, or one for each council sharing a post (its part of the source).
    public let decision: FundingDecision

    /// True when one decision renews or ends this source for every post at once (a national grant).
    public var decidedNationally: Bool { decision == .nationally }

    /// True when each council sharing a post decides its own part of this source.
    public var decidedPerCouncil: Bool { decision == .perCouncil }

    /// A source; `decision` defaults to ``FundingDecision/default(for:)`` of its kind.
    public init(kind: FundingSourceKind, label: String? = nil, share: Double, termYears: Int, renewal: Assumption,
                decision: FundingDecision? = nil) {
        self.kind = kind
        self.label = label ?? kind.label
        self.share = share
        self.termYears = termYears
        self.renewal = renewal
        self.decision = decision ?? .default(for: kind)
    }

    /// The renewal probability a deterministic run uses (the assumption's central value).
    public var centralRenewalProbability: Double { renewal.value }

    /// Whether this source is re-decided at the start of `year` (years T, 2T, …; never year 0).
    @inlinable
    public func isRenewalPoint(year: Int) -> Bool { year > 0 && year % termYears == 0 }

    /// How many renewal points the source has passed by the start of `year`: ⌊year / T⌋.
    @inlinable
    public func renewalsPassed(byYear year: Int) -> Int { year / termYears }
}

/// Who decides whether a funding source is renewed, and so at what level its renewal is drawn
/// (DESIGN 3.2).
public enum FundingDecision: String, CaseIterable, Sendable {
    /// One national decision renews or ends the source for every post at once (a central grant
    /// decided at a spending review).
    case nationally
    /// One decision for each post: the councils sharing a post decide together, so the whole source
    /// is renewed or lapses for the post (a PCC's or a trust's grant to the post).
    case perPost = "per-post"
    /// Each council sharing a post decides its own part of the source (its cost share of it) in its
    /// own budget round: a post shared by 13 councils faces 13 decisions, and a council that drops
    /// out leaves its part uncovered. For a post of one council this is the same as `perPost`.
    case perCouncil = "per-council"

    /// The level a scenario gets when it does not say: each council decides its own budget
    /// contribution (its core budget or a partner council's contribution); any other funder decides
    /// once for the post.
    public static func `default`(for kind: FundingSourceKind) -> FundingDecision {
        switch kind {
        case .laCoreBudget, .partnerContribution: return .perCouncil
        default: return .perPost
        }
    }

    /// How the decision is described in footnotes, for a source of `kind`: a council budget
    /// decided per post means the councils sharing the post decide together.
    public func phrase(for kind: FundingSourceKind) -> String {
        switch self {
        case .nationally: return "one national decision for every post"
        case .perPost where kind == .laCoreBudget || kind == .partnerContribution:
            return "one decision for each post (the councils sharing it decide together)"
        case .perPost: return "one decision for each post"
        case .perCouncil: return "each council sharing a post decides its own part"
        }
    }
}
