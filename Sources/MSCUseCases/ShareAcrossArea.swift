import MSCModel
import MSCReport
import MSCSimulation

/// What each council in an area pays for a scenario's posts, and buys, beside a post of its own
/// under the same funding: `msc share`, the page's share table and council cards.
public enum ShareAcrossArea {
    public struct Request {
        public var plan: ScenarioPlan
        public var authorities: AuthorityTable
        /// A county area, police force area, region or council, by name.
        public var area: String
        /// Which kind of area `area` names, when several share the name.
        public var kind: AreaKind?
        /// Cost choices of `msc share`'s options (nil: the scenario's basis and central rates; a
        /// council's own post on the assumptions before the scenario's overrides,
        /// ``MSCSimulation/ScenarioPlan/councilAssumptions``).
        public var basis: CostBasis?
        public var rates: PostCostRates?
        public var ownPostFTE: Double?
        public var ownPostOperationalBudget: Double?

        public init(plan: ScenarioPlan, authorities: AuthorityTable, area: String, kind: AreaKind? = nil,
                    basis: CostBasis? = nil, rates: PostCostRates? = nil, ownPostFTE: Double? = nil, ownPostOperationalBudget: Double? = nil) {
            self.plan = plan
            self.authorities = authorities
            self.area = area
            self.kind = kind
            self.basis = basis
            self.rates = rates
            self.ownPostFTE = ownPostFTE
            self.ownPostOperationalBudget = ownPostOperationalBudget
        }
    }

    /// - Throws: ``InputError`` with key `area` when no area has that name (with near matches).
    public static func run(_ request: Request) throws -> ShareReport {
        try ShareReport(plan: request.plan, authorities: request.authorities, area: request.area, kind: request.kind,
                        basis: request.basis, rates: request.rates,
                        ownPostFTE: request.ownPostFTE, ownPostOperationalBudget: request.ownPostOperationalBudget)
    }
}

/// One council under one scenario: its share, its posts' funders, what it buys (the map's click).
public enum CouncilCardLookup {
    /// - Throws: ``InputError`` with key `code` when no council has that ONS code.
    public static func run(plan: ScenarioPlan, code: String, authorities: AuthorityTable) throws -> CouncilCard {
        try CouncilCard(plan: plan, code: code, authorities: authorities)
    }
}
