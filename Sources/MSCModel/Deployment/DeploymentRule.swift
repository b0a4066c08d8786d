/// Where a scenario's coordinator posts go (DESIGN 3.3), with every authority and area already
/// resolved against the authority table, so building the posts cannot fail on a name.
public enum DeploymentRule: Sendable, Equatable {
    /// The posts that exist today: `codes` (resolved as `placement` says), one post each.
    case existing(codes: [String], placement: ExistingPlacement, fte: FTERule)
    /// One post in every authority (339 in the shipped table).
    case everyAuthority(fte: FTERule)
    /// One post per county area shared by the county and its districts; every other authority its own (175 on the table as published, 176 from 2027-28).
    case countyArea(fte: FTERule)
    /// One post per police force area, shared by the authorities in it (43).
    case policeForceArea(fte: FTERule)
    /// One hub per English region and Wales (10).
    case region(fte: FTERule)
    /// One post per area of the kind `over`, sized by residents (FTE per N residents, with a minimum).
    case populationBased(over: AreaKind, fte: FTERule)
    /// A post for each authority listed, and a shared post for each area listed.
    case explicit(authorityCodes: [String], areas: [AreaSelection], fte: FTERule)

    /// The rules by name, as written in scenario files.
    public enum Kind: String, CaseIterable, Sendable {
        case existing
        case everyAuthority = "every-authority"
        case countyArea = "county-area"
        case policeForceArea = "police-force-area"
        case region
        case populationBased = "population-based"
        case explicit
    }

    /// The rule's name.
    public var kind: Kind {
        switch self {
        case .existing: return .existing
        case .everyAuthority: return .everyAuthority
        case .countyArea: return .countyArea
        case .policeForceArea: return .policeForceArea
        case .region: return .region
        case .populationBased: return .populationBased
        case .explicit: return .explicit
        }
    }

    /// How big each post is.
    public var fte: FTERule {
        switch self {
        case .existing(_, _, let fte), .everyAuthority(let fte), .countyArea(let fte), .policeForceArea(let fte),
             .region(let fte), .populationBased(_, let fte), .explicit(_, _, let fte):
            return fte
        }
    }

    /// The kind of area the rule shares posts across, if it has one (for `msc share --area`).
    public var sharedAreaKind: AreaKind? {
        switch self {
        case .countyArea: return .countyArea
        case .policeForceArea: return .policeForceArea
        case .region: return .region
        case .populationBased(let over, _): return over == .authority ? nil : over
        case .existing, .everyAuthority, .explicit: return nil
        }
    }
}

/// How the authorities of the `existing` rule were chosen.
public enum ExistingPlacement: String, Sendable, Equatable {
    /// Listed by the scenario (`codes:`).
    case listed
    /// Flagged `has_msc` in the authority table.
    case flagged
    /// Illustrative: the evidence gives only the number of posts, not where they are, so the
    /// `count` most populous single-tier authorities (unitary, metropolitan and London boroughs)
    /// stand in for them. Only the count is sourced.
    case mostPopulousSingleTier = "most-populous-single-tier"
}

/// An area named in an `explicit` deployment: its kind and its name as the table spells it.
public struct AreaSelection: Sendable, Equatable {
    /// County area, police force area or region.
    public let kind: AreaKind
    /// The area's name as the authority table spells it, e.g. "Kent".
    public let name: String

    public init(kind: AreaKind, name: String) {
        self.kind = kind
        self.name = name
    }
}

extension AreaKind {
    /// The word a scenario uses for this kind of area (`county-area`, `police-force-area`, …).
    public var scenarioWord: String {
        switch self {
        case .authority: return "authority"
        case .countyArea: return "county-area"
        case .policeForceArea: return "police-force-area"
        case .region: return "region"
        }
    }

    /// The kind a scenario word names, or nil.
    public init?(scenarioWord: String) {
        guard let kind = AreaKind.allCases.first(where: { $0.scenarioWord == scenarioWord }) else { return nil }
        self = kind
    }
}
