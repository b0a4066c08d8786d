/// What each council in an area pays towards the posts serving it, beside what a post of its own
/// would cost, and the coverage each gets: the table a council finance officer reads (`msc share`).
public struct AreaShares: Sendable {
    /// One council's part in one post.
    public struct Row: Sendable, Equatable {
        /// ONS code of the council.
        public let code: String
        /// Name of the council.
        public let name: String
        /// County, district, unitary and so on.
        public let tier: AuthorityTier
        /// The council's population (a county council's is all its districts' residents).
        public let population: Int
        /// The id of the post it shares, or nil when no post serves it.
        public let postID: String?
        /// The post's name for people, or nil when no post serves it.
        public let postName: String?
        /// Fraction of the post's cost it pays (0 with no post).
        public let costShare: Double
        /// What it pays a year: cost share × the post's yearly cost, pounds.
        public let annualCost: Double
        /// What a post of its own (one post of `fte` FTE) would cost a year, pounds.
        public let ownPostAnnualCost: Double
        /// FTE of coordinator time serving it from this post.
        public let fteServing: Double
        /// Its coverage under the scenario (all posts serving it), in [0, 1].
        public let coverage: Double
        /// Its coverage with a post of its own instead.
        public let ownPostCoverage: Double

        /// What sharing saves it a year against a post of its own, pounds.
        public var saving: Double { ownPostAnnualCost - annualCost }
    }

    /// The area asked about.
    public let area: AuthorityGroup
    /// The posts serving any council in the area, in deployment order.
    public let posts: [Post]
    /// Each post's yearly cost, pounds, by post id.
    public let postAnnualCost: [String: Double]
    /// One row per council and post serving it, councils in area order.
    public let rows: [Row]

    public init(area: AuthorityGroup, posts: [Post], postAnnualCost: [String: Double], rows: [Row]) {
        self.area = area
        self.posts = posts
        self.postAnnualCost = postAnnualCost
        self.rows = rows
    }

    /// Councils in the area no post serves.
    public var unservedCodes: [String] { rows.filter { $0.postID == nil }.map(\.code) }

    /// The area called `name` for a share table: of `kind` when given; otherwise of the kind the
    /// deployment shares posts across when the name is one (so "Kent" under the police-force-area
    /// rule is the Kent police force area, Medway included), else the table's usual order
    /// (county area, police force area, region, authority).
    public static func area(named name: String, kind: AreaKind?, deployment: Deployment,
                            authorities: AuthorityTable) throws -> AuthorityGroup {
        if let kind { return try authorities.area(named: name, kind: kind) }
        if let preferred = deployment.rule.sharedAreaKind, authorities.areaKinds(named: name).contains(preferred) {
            return try authorities.area(named: name, kind: preferred)
        }
        return try authorities.area(named: name)
    }
}

extension Deployment {
    /// The shares of every council in `area` in the posts serving it, costed with the full-time
    /// salary and rates given (DESIGN 3.1), beside a post of `ownPostFTE` FTE of its own.
    ///
    /// `ownPostRates` cost the post of its own when they differ from the shared post's (a hub's
    /// travel budget is no part of a council's own post).
    public func shares(in area: AuthorityGroup, fullTimeSalary: Double, rates: PostCostRates,
                       ownPostFTE: Double, ownPostRates: PostCostRates? = nil) -> AreaShares {
        let ownCost = Post.annualCost(fte: ownPostFTE, fullTimeSalary: fullTimeSalary, rates: ownPostRates ?? rates)
        let memberCodes = Set(area.members.map(\.code))
        let serving = posts.filter { post in post.members.contains { memberCodes.contains($0.code) } }
        var costs: [String: Double] = [:]
        for post in serving { costs[post.id] = post.annualCost(fullTimeSalary: fullTimeSalary, rates: rates) }
        var rows: [AreaShares.Row] = []
        for authority in area.members {
            let coverage = self.coverage[authority.code] ?? 0
            let ownCoverage = coverageParameters.coverage(fteServing: ownPostFTE, population: authority.population)
            let memberships = serving.compactMap { post in post.members.first { $0.code == authority.code }.map { (post, $0) } }
            if memberships.isEmpty {
                rows.append(.init(code: authority.code, name: authority.name, tier: authority.tier,
                                  population: authority.population, postID: nil, postName: nil, costShare: 0,
                                  annualCost: 0, ownPostAnnualCost: ownCost, fteServing: 0, coverage: coverage,
                                  ownPostCoverage: ownCoverage))
            }
            for (post, member) in memberships {
                rows.append(.init(code: authority.code, name: authority.name, tier: authority.tier,
                                  population: authority.population, postID: post.id, postName: post.name,
                                  costShare: member.costShare, annualCost: member.costShare * costs[post.id]!,
                                  ownPostAnnualCost: ownCost, fteServing: member.fteServing, coverage: coverage,
                                  ownPostCoverage: ownCoverage))
            }
        }
        return AreaShares(area: area, posts: serving, postAnnualCost: costs, rows: rows)
    }
}
