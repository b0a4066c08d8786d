/// What kind of area a group of authorities is.
public enum AreaKind: String, CaseIterable, Sendable, Codable {
    /// A single authority on its own.
    case authority
    /// A county council together with its district councils.
    case countyArea = "county_area"
    /// The authorities within one police force area (Police Act 1996, Schedule 1).
    case policeForceArea = "police_force_area"
    /// One of the 9 English regions, or Wales.
    case region

    /// A short human label, e.g. "police force area".
    public var label: String {
        switch self {
        case .authority: return "authority"
        case .countyArea: return "county area"
        case .policeForceArea: return "police force area"
        case .region: return "region"
        }
    }
}

/// A named set of authorities: a county area, a police force area, a region, or one authority.
///
/// ```swift
/// let kent = try table.area(named: "Kent", kind: .countyArea)
/// kent.members.count        // 13: Kent County Council and its 12 districts
/// kent.residentPopulation   // the districts' residents, the county not counted twice
/// ```
public struct AuthorityGroup: Sendable, Equatable {
    /// What kind of area this is.
    public let kind: AreaKind
    /// The area's name, e.g. "Kent", "Thames Valley", "South East".
    public let name: String
    /// The area's GSS code where it has one (county E10, police force area E23/W15, authority).
    public let code: String?
    /// The authorities in the area; for a county area the county council comes first, then its
    /// districts by name; otherwise sorted by name.
    public let members: [Authority]

    public init(kind: AreaKind, name: String, code: String?, members: [Authority]) {
        self.kind = kind
        self.name = name
        self.code = code
        self.members = members
    }

    /// Residents of the area, each counted once (county councils left out).
    public var residentPopulation: Int { Authority.residentPopulation(of: members) }

    /// The county council of a county area; nil for other kinds.
    public var countyCouncil: Authority? { members.first { $0.tier == .county } }

    /// The district councils of a county area; empty for other kinds unless they hold districts.
    public var districts: [Authority] { members.filter { $0.tier == .district } }
}
