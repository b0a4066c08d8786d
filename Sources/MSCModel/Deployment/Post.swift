/// One coordinator post: where it is hosted, how big it is, and the authorities it serves.
public struct Post: Sendable, Equatable, Identifiable {
    /// Stable identifier: the kind of area and its code, e.g. `county-area:E10000016`, `authority:E06000001`.
    public let id: String
    /// A name for people, e.g. "Kent county area", "Hartlepool".
    public let name: String
    /// The kind of area the post serves.
    public let area: AreaKind
    /// The name of that area, e.g. "Kent" (as `msc share --area` takes it).
    public let areaName: String
    /// ONS code of the authority that employs the coordinator.
    public let hostCode: String
    /// Full-time equivalents.
    public let fte: Double
    /// Residents served, each counted once (a county council stands for all its districts' residents).
    public let residentsServed: Int
    /// The authorities served, host first for single-authority posts, otherwise in area order.
    public let members: [PostMember]

    public init(id: String, name: String, area: AreaKind, areaName: String, hostCode: String, fte: Double,
                residentsServed: Int, members: [PostMember]) {
        self.id = id
        self.name = name
        self.area = area
        self.areaName = areaName
        self.hostCode = hostCode
        self.fte = fte
        self.residentsServed = residentsServed
        self.members = members
    }

    /// True when more than one authority shares the post.
    public var isShared: Bool { members.count > 1 }

    /// The yearly employer cost of the post, pounds, from the full-time salary and rates (DESIGN 3.1).
    ///
    /// A post of f FTE is costed as ⌊f⌋ full-time coordinators plus one part-time coordinator for
    /// the remainder, each with their own NI secondary threshold and operational budget: the
    /// threshold and the report's operational budget both apply per person, not per team.
    public func annualCost(fullTimeSalary: Double, rates: PostCostRates) -> Double {
        Self.annualCost(fte: fte, fullTimeSalary: fullTimeSalary, rates: rates)
    }

    /// The yearly employer cost of a team of `fte` FTE, costed per person as in ``annualCost(fullTimeSalary:rates:)``.
    public static func annualCost(fte: Double, fullTimeSalary: Double, rates: PostCostRates) -> Double {
        PostCost.totalForPost(fte: fte, fullTimeSalary: fullTimeSalary, rates: rates)
    }
}

/// One authority served by a post: its share of the cost and of the coordinator's time.
public struct PostMember: Sendable, Equatable {
    /// ONS code of the authority.
    public let code: String
    /// Name of the authority.
    public let name: String
    /// Fraction of the post's cost this authority pays; the shares of one post sum to exactly 1.
    public let costShare: Double
    /// The authority's population (for a county council, all its districts' residents).
    public let population: Int
    /// FTE of the post serving this authority: post FTE × population / residents served.
    public let fteServing: Double

    public init(code: String, name: String, costShare: Double, population: Int, fteServing: Double) {
        self.code = code
        self.name = name
        self.costShare = costShare
        self.population = population
        self.fteServing = fteServing
    }
}
