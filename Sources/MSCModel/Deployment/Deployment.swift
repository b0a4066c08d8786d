/// The posts a scenario creates, who shares each one and what coverage every authority gets
/// (DESIGN 3.3).
///
/// ```swift
/// let deployment = try Deployment.build(scenario: scenario, authorities: table, assumptions: assumptions)
/// deployment.posts.count          // 175 under county-shared on the table as published (176 from 2027-28)
/// deployment.coverage["E07000110"] // Maidstone's coverage, already raised to the elasticity
/// ```
public struct Deployment: Sendable {
    /// The rule the posts came from.
    public let rule: DeploymentRule
    /// How each shared post's cost is split.
    public let sharing: SharingRule
    /// The posts, in area order.
    public let posts: [Post]
    /// The coverage benchmark and elasticity used.
    public let coverageParameters: CoverageParameters
    /// FTE serving each authority, summed over the posts it is a member of; every authority in the
    /// table has an entry (0 when no post serves it).
    public let fteServing: [String: Double]
    /// Coverage of each authority in [0, 1], already raised to the elasticity; every authority in
    /// the table has an entry (0 when no post serves it).
    public let coverage: [String: Double]

    public init(rule: DeploymentRule, sharing: SharingRule, posts: [Post], coverageParameters: CoverageParameters,
                fteServing: [String: Double], coverage: [String: Double]) {
        self.rule = rule
        self.sharing = sharing
        self.posts = posts
        self.coverageParameters = coverageParameters
        self.fteServing = fteServing
        self.coverage = coverage
    }

    /// Total FTE of all posts.
    public var totalFTE: Double { posts.reduce(0) { $0 + $1.fte } }

    /// The posts that serve the authority with `code`.
    public func posts(serving code: String) -> [Post] {
        posts.filter { post in post.members.contains { $0.code == code } }
    }

    /// Builds the posts of a loaded scenario with its (overridden) assumptions.
    public static func build(scenario: Scenario, authorities: AuthorityTable, assumptions: AssumptionSet) throws -> Deployment {
        try build(rule: scenario.deployment, sharing: scenario.sharing, authorities: authorities, assumptions: assumptions)
    }

    /// Builds the posts of `rule`, splitting shared posts by `sharing`.
    ///
    /// `observedReferrals` (adult referrals by authority code) feeds the `referrals` split for posts
    /// whose every member has a count; the shipped table has none, so the split uses expected
    /// referrals, which is the population split.
    public static func build(rule: DeploymentRule, sharing: SharingRule, authorities: AuthorityTable,
                             assumptions: AssumptionSet, observedReferrals: [String: Double] = [:]) throws -> Deployment {
        let parameters = try CoverageParameters.central(from: assumptions)
        let groups = try areaGroups(for: rule, authorities: authorities)
        let posts = groups.map { makePost(group: $0, fteRule: rule.fte, sharing: sharing, observedReferrals: observedReferrals) }
        var fteServing: [String: Double] = [:]
        for authority in authorities.authorities { fteServing[authority.code] = 0 }
        for post in posts {
            for member in post.members { fteServing[member.code, default: 0] += member.fteServing }
        }
        var coverage: [String: Double] = [:]
        for authority in authorities.authorities {
            coverage[authority.code] = parameters.coverage(fteServing: fteServing[authority.code] ?? 0,
                                                           population: authority.population)
        }
        return Deployment(rule: rule, sharing: sharing, posts: posts, coverageParameters: parameters,
                          fteServing: fteServing, coverage: coverage)
    }

    /// The groups of authorities that each get one post under `rule`.
    static func areaGroups(for rule: DeploymentRule, authorities: AuthorityTable) throws -> [AuthorityGroup] {
        func single(_ code: String) throws -> AuthorityGroup {
            guard let authority = authorities.authority(code: code) else {
                throw InputError(file: authorities.file, key: "code", message: "no authority has the code \(code)")
            }
            return AuthorityGroup(kind: .authority, name: authority.name, code: authority.code, members: [authority])
        }
        switch rule {
        case .existing(let codes, _, _): return try codes.map(single)
        case .everyAuthority: return authorities.groups(.authority)
        case .countyArea: return authorities.countyAreaPosts
        case .policeForceArea: return authorities.policeForceAreas
        case .region: return authorities.regions
        case .populationBased(let over, _): return authorities.groups(over)
        case .explicit(let codes, let areas, _):
            return try codes.map(single) + areas.map { try authorities.area(named: $0.name, kind: $0.kind) }
        }
    }

    /// The residents a post for `group` serves: each counted once, a county council standing for
    /// its districts' residents when both are in the group.
    static func residentsServed(by group: AuthorityGroup) -> Int {
        let memberCodes = Set(group.members.map(\.code))
        return group.members.reduce(0) { total, authority in
            if authority.tier == .county { return total + authority.population }
            if let county = authority.countyCode, memberCodes.contains(county) { return total }
            return total + authority.population
        }
    }

    /// One post for a group: hosted by its most populous member (the county council where there is
    /// one), sized by the FTE rule, with cost shares and each member's slice of the coordinator's time.
    ///
    /// A member's slice is post FTE × its population / residents served, so every resident of the
    /// area gets the same density of coordinator time; a county council's slice covers all its
    /// districts' residents, as its services do (so slices of a county area add to more than the
    /// post's FTE: the two tiers serve the same people).
    static func makePost(group: AuthorityGroup, fteRule: FTERule, sharing: SharingRule,
                         observedReferrals: [String: Double]) -> Post {
        let members = group.members
        let residents = residentsServed(by: group)
        let host = members.max { a, b in a.population != b.population ? a.population < b.population : a.code > b.code }!
        let fte = fteRule.fte(residents: residents)
        let observed = members.compactMap { observedReferrals[$0.code] }
        // A county council and its districts serve the same residents, so where both share a post
        // each counts for half its population (an area then counts once): in weights doubled to
        // stay whole, a two-tier member weighs its population and any other member twice that.
        let countiesWithDistricts = Set(members.compactMap { $0.tier == .district ? $0.countyCode : nil })
            .intersection(Set(members.map(\.code)))
        let sharingWeights = members.map { authority -> Int in
            let twoTierShared = countiesWithDistricts.contains(authority.code)
                || (authority.countyCode.map { countiesWithDistricts.contains($0) } ?? false)
            return twoTierShared ? authority.population : 2 * authority.population
        }
        let shares = sharing.shares(populations: sharingWeights,
                                    observedReferrals: observed.count == members.count ? observed : nil)
        let postMembers = zip(members, shares).map { authority, share in
            PostMember(code: authority.code, name: authority.name, costShare: share, population: authority.population,
                       fteServing: residents > 0 ? fte * Double(authority.population) / Double(residents) : 0)
        }
        let name = group.kind == .authority ? group.name : "\(group.name) \(group.kind.label)"
        return Post(id: "\(group.kind.scenarioWord):\(group.code ?? group.name)", name: name, area: group.kind,
                    areaName: group.name, hostCode: host.code, fte: fte, residentsServed: residents, members: postMembers)
    }
}
