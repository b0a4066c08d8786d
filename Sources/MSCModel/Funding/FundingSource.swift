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
    /// True when one decision renews or ends this source for every post at once (a national grant),
    /// false when each post's source is decided on its own (a council's or a partner's budget).
    public let decidedNationally: Bool

    public init(kind: FundingSourceKind, label: String? = nil, share: Double, termYears: Int, renewal: Assumption,
                decidedNationally: Bool = false) {
        self.kind = kind
        self.label = label ?? kind.label
        self.share = share
        self.termYears = termYears
        self.renewal = renewal
        self.decidedNationally = decidedNationally
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
