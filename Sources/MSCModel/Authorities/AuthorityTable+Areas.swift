import Foundation

extension AuthorityTable {
    /// Each county council with its districts (21 in the shipped table), sorted by name.
    public var countyAreas: [AuthorityGroup] {
        authorities.filter { $0.tier == .county }
            .map { county in
                let districts = authorities.filter { $0.tier == .district && $0.countyCode == county.code }
                    .sorted { $0.name < $1.name }
                return AuthorityGroup(kind: .countyArea, name: county.name, code: county.code,
                                      members: [county] + districts)
            }
            .sorted { $0.name < $1.name }
    }

    /// The police force areas (43 in the shipped table), each with its authorities, sorted by
    /// name. County councils are members of the area their districts are in.
    public var policeForceAreas: [AuthorityGroup] {
        grouped(kind: .policeForceArea) { authority in
            authority.policeForceArea.map { ($0, authority.policeForceAreaCode) }
        }
    }

    /// The 9 English regions and Wales, each with its authorities, sorted by name.
    public var regions: [AuthorityGroup] {
        grouped(kind: .region) { ($0.region, nil) }
    }

    /// One group per coordinator post under the county-area rule (175 in the shipped table as published; 176 from 2027-28, once Surrey's councils are two unitaries): each
    /// county area shares one post; every other authority (unitary, metropolitan and London
    /// boroughs, the City, Welsh councils) has its own. Every authority is in exactly one group.
    public var countyAreaPosts: [AuthorityGroup] {
        countyAreas + authorities.filter { !$0.tier.isTwoTier }.map(Self.single)
    }

    /// The groups of one kind: every authority alone, county areas, police force areas or regions.
    public func groups(_ kind: AreaKind) -> [AuthorityGroup] {
        switch kind {
        case .authority: return authorities.map(Self.single)
        case .countyArea: return countyAreas
        case .policeForceArea: return policeForceAreas
        case .region: return regions
        }
    }

    /// Which kinds of area are called `name` (case-insensitive), most specific first: "Kent" is a
    /// county area and a police force area; "West Midlands" a police force area and a region;
    /// "Medway" an authority. Empty when nothing is called that.
    public func areaKinds(named name: String) -> [AreaKind] {
        let key = Self.nameKey(name)
        return Self.resolutionOrder.filter { kind in
            groups(kind).contains { Self.nameKey($0.name) == key || $0.code.map(Self.nameKey) == key }
        }
    }

    /// The area called `name` (or with that code), for commands such as `msc share --area NAME`.
    ///
    /// With `kind` nil, a name that several kinds share resolves in the order county area, police
    /// force area, region, authority; pass `kind` to choose (see ``areaKinds(named:)``). An unknown
    /// name throws an ``InputError`` (key `area`) listing near matches.
    public func area(named name: String, kind: AreaKind? = nil) throws -> AuthorityGroup {
        let key = Self.nameKey(name)
        for candidate in kind.map({ [$0] }) ?? Self.resolutionOrder {
            if let group = groups(candidate).first(where: { Self.nameKey($0.name) == key || $0.code.map(Self.nameKey) == key }) {
                return group
            }
        }
        if let kind {
            let others = areaKinds(named: name)
            if !others.isEmpty {
                let labels = others.map(\.label).joined(separator: " and a ")
                throw InputError(file: file, key: "area",
                                 message: "\"\(name)\" is a \(labels), not a \(kind.label)")
            }
        }
        let wanted = kind?.label ?? "county area, police force area, region or authority"
        let near = nearMatches(for: name, kinds: kind.map { [$0] } ?? Self.resolutionOrder)
        let hint = near.isEmpty
            ? "nothing similar; try a county such as \"Kent\", a police force area such as \"Thames Valley\" or a region such as \"South East\""
            : "near matches: " + near.joined(separator: ", ")
        throw InputError(file: file, key: "area", message: "no \(wanted) is called \"\(name)\"; \(hint)")
    }

    /// Up to 10 area names like `name` (prefix, contained, containing, or within two typing
    /// errors), each labelled with its kind, e.g. "Kent (county area)".
    public func nearMatches(for name: String, kinds: [AreaKind] = AreaKind.allCases) -> [String] {
        let key = Self.nameKey(name)
        guard !key.isEmpty else { return [] }
        var seen: Set<String> = []
        var result: [String] = []
        for kind in Self.resolutionOrder where kinds.contains(kind) {
            for group in groups(kind) {
                let candidate = Self.nameKey(group.name)
                let close = candidate.hasPrefix(key) || candidate.contains(key)
                    || (key.count >= 4 && key.contains(candidate))
                    || Self.editDistance(key, candidate, limit: 2) <= 2
                let label = "\(group.name) (\(kind.label))"
                if close, seen.insert(label).inserted { result.append(label) }
            }
        }
        return Array(result.prefix(10))
    }

    // MARK: Helpers

    static let resolutionOrder: [AreaKind] = [.countyArea, .policeForceArea, .region, .authority]

    private static func single(_ authority: Authority) -> AuthorityGroup {
        AuthorityGroup(kind: .authority, name: authority.name, code: authority.code, members: [authority])
    }

    private func grouped(kind: AreaKind, by key: (Authority) -> (String, String?)?) -> [AuthorityGroup] {
        var order: [String] = []
        var members: [String: [Authority]] = [:]
        var codes: [String: String] = [:]
        for authority in authorities {
            guard let (name, code) = key(authority) else { continue }
            if members[name] == nil { order.append(name) }
            members[name, default: []].append(authority)
            if let code { codes[name] = code }
        }
        return order.sorted().map { name in
            AuthorityGroup(kind: kind, name: name, code: codes[name],
                           members: members[name, default: []].sorted { $0.name < $1.name })
        }
    }

    /// Levenshtein distance between `a` and `b`, giving up (returning `limit + 1`) once it exceeds `limit`.
    static func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
        NameSuggestion.editDistance(a, b, limit: limit)
    }
}
