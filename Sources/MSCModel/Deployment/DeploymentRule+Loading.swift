extension DeploymentRule {
    /// The keys each rule accepts besides `rule`.
    static func keys(for kind: Kind) -> [String] {
        switch kind {
        case .existing: return ["rule", "count", "codes", "fte"]
        case .everyAuthority, .countyArea, .policeForceArea, .region: return ["rule", "fte"]
        case .populationBased: return ["rule", "over"] + FTERule.keys
        case .explicit: return ["rule", "authorities", "areas", "fte"]
        }
    }

    /// Reads a scenario's `deployment:` section strictly, resolving every authority and area named
    /// against `authorities`; an unknown rule, name or key is an error at its line.
    static func parse(_ node: YAMLValue, reader: ScenarioValueReader, authorities: AuthorityTable) throws -> DeploymentRule {
        let map = try node.mapping()
        let rule = try parseRule(map, reader: reader, authorities: authorities)
        try checkPostSizes(rule, map: map, authorities: authorities)
        return rule
    }

    /// A post sized to its residents must still be a post: at most ``InputBounds/maximumPostFTE``
    /// for the largest area the rule gives a post to (the smallest is held up by `minimumFTE`).
    private static func checkPostSizes(_ rule: DeploymentRule, map: YAMLMapping, authorities: AuthorityTable) throws {
        guard case .perResidents = rule.fte else { return }
        let groups = try Deployment.areaGroups(for: rule, authorities: authorities)
        guard let largest = groups.max(by: { Deployment.residentsServed(by: $0) < Deployment.residentsServed(by: $1) }) else { return }
        let fte = rule.fte.fte(residents: Deployment.residentsServed(by: largest))
        guard fte > InputBounds.maximumPostFTE else { return }
        let fteMap = rule.kind == .populationBased ? map : try map.required("fte", expected: "an FTE").mapping()
        let perNode = try fteMap.required("residentsPerFTE", expected: "residents per FTE")
        throw perNode.error("gives the post for \(largest.name) \(InputBounds.shown(fte.rounded())) FTE; "
                            + "expected at most \(InputBounds.shown(InputBounds.maximumPostFTE)) FTE per post (raise residentsPerFTE)")
    }

    private static func parseRule(_ map: YAMLMapping, reader: ScenarioValueReader, authorities: AuthorityTable) throws -> DeploymentRule {
        let kind = try map.required("rule", expected: "a deployment rule").choice(Kind.self)
        try map.rejectKeys(notIn: keys(for: kind))
        let fteNode = map.optional("fte")
        let fte = try fteNode.map { try FTERule.parse($0, reader: reader) }
            ?? .fixed(try reader.assumptions.value(.fte))
        switch kind {
        case .existing:
            return try parseExisting(map, fte: fte, authorities: authorities)
        case .everyAuthority: return .everyAuthority(fte: fte)
        case .countyArea: return .countyArea(fte: fte)
        case .policeForceArea: return .policeForceArea(fte: fte)
        case .region: return .region(fte: fte)
        case .populationBased:
            var over = AreaKind.authority
            if let overNode = map.optional("over") {
                let word = try overNode.string()
                guard let parsed = AreaKind(scenarioWord: word) else {
                    let allowed = AreaKind.allCases.map(\.scenarioWord).joined(separator: ", ")
                    throw overNode.error("expected one of \(allowed), found \"\(word)\"")
                }
                over = parsed
            }
            return .populationBased(over: over, fte: try FTERule.parsePerResidents(map, reader: reader))
        case .explicit:
            return try parseExplicit(map, fte: fte, authorities: authorities)
        }
    }

    private static func parseExisting(_ map: YAMLMapping, fte: FTERule, authorities: AuthorityTable) throws -> DeploymentRule {
        let countNode = try map.required("count", expected: "the number of posts that exist today, e.g. 9")
        let count = try countNode.integer("a whole number of posts")
        guard count >= 1, count <= authorities.authorities.count else {
            throw countNode.error("expected between 1 and \(authorities.authorities.count) posts, found \(count)")
        }
        if let codesNode = map.optional("codes") {
            let codes = try resolveAuthorities(codesNode, authorities: authorities)
            guard codes.count == count else {
                throw codesNode.error("lists \(codes.count) authorities but count is \(count); expected one code per post")
            }
            return .existing(codes: codes, placement: .listed, fte: fte)
        }
        do {
            let (codes, placement) = try existingPlacement(count: count, authorities: authorities)
            return .existing(codes: codes, placement: placement, fte: fte)
        } catch let error as InputError {
            throw countNode.error(error.message)
        }
    }

    /// Where today's `count` posts are when a scenario does not list them: the authorities flagged
    /// `has_msc`, or else (illustrative) the `count` most populous single-tier authorities. The
    /// identification rate ratio's derivation uses the same placement, so the two agree.
    public static func existingPlacement(count: Int, authorities: AuthorityTable) throws -> ([String], ExistingPlacement) {
        let flagged = authorities.authorities.filter(\.hasMSC).map(\.code)
        if !flagged.isEmpty {
            guard flagged.count == count else {
                throw InputError(file: authorities.file, key: "has_msc",
                                 message: "\(authorities.file) flags \(flagged.count) authorities with has_msc but count is \(count); expected them to agree, or list the posts under codes")
            }
            return (flagged, .flagged)
        }
        let singleTier: Set<AuthorityTier> = [.unitary, .metropolitanBorough, .londonBorough]
        let chosen = authorities.authorities.filter { singleTier.contains($0.tier) }
            .sorted { $0.population != $1.population ? $0.population > $1.population : $0.code < $1.code }
            .prefix(count)
            .map(\.code)
        guard chosen.count == count else {
            throw InputError(file: authorities.file, key: "count",
                             message: "only \(chosen.count) single-tier authorities to stand in for \(count) posts; list the posts under codes")
        }
        return (Array(chosen), .mostPopulousSingleTier)
    }

    private static func parseExplicit(_ map: YAMLMapping, fte: FTERule, authorities: AuthorityTable) throws -> DeploymentRule {
        let codes = try map.optional("authorities").map { try resolveAuthorities($0, authorities: authorities) } ?? []
        var areas: [AreaSelection] = []
        if let areasNode = map.optional("areas") {
            for item in try areasNode.sequence() {
                let selection = try resolveArea(item, authorities: authorities)
                if areas.contains(selection) {
                    throw item.error("\(selection.name) (\(selection.kind.label)) is listed twice; expected each area once")
                }
                areas.append(selection)
            }
        }
        guard !codes.isEmpty || !areas.isEmpty else {
            throw map.owner.error("expected at least one entry under authorities (codes or names) or areas (county, police force area or region names)")
        }
        return .explicit(authorityCodes: codes, areas: areas, fte: fte)
    }

    /// A list of authority codes or names, each resolved to a code; unknown or repeated entries are errors.
    private static func resolveAuthorities(_ node: YAMLValue, authorities: AuthorityTable) throws -> [String] {
        var codes: [String] = []
        for item in try node.sequence() {
            let text = try item.string()
            guard let authority = authorities.authority(code: text) ?? authorities.authority(named: text) else {
                let near = authorities.nearMatches(for: text, kinds: [.authority])
                let hint = near.isEmpty ? "expected an ONS code such as E07000110 or an authority's name"
                                        : "near matches: " + near.joined(separator: ", ")
                throw item.error("no authority has the code or name \"\(text)\"; \(hint)")
            }
            if codes.contains(authority.code) {
                throw item.error("\(authority.name) (\(authority.code)) is listed twice; expected each authority once")
            }
            codes.append(authority.code)
        }
        return codes
    }

    /// An area given as a name (`Kent`) or as `{name: Kent, kind: police-force-area}`.
    private static func resolveArea(_ node: YAMLValue, authorities: AuthorityTable) throws -> AreaSelection {
        var name: String
        var kind: AreaKind? = nil
        var nameNode = node
        if (try? node.mapping()) != nil {
            let map = try node.mapping()
            nameNode = try map.required("name", expected: "the area's name, e.g. Kent")
            name = try nameNode.string()
            if let kindNode = map.optional("kind") {
                let word = try kindNode.string()
                guard let parsed = AreaKind(scenarioWord: word), parsed != .authority else {
                    throw kindNode.error("expected one of county-area, police-force-area, region, found \"\(word)\"")
                }
                kind = parsed
            }
            try map.rejectUnknownKeys(allowed: ["name", "kind"])
        } else {
            name = try node.string()
        }
        let group: AuthorityGroup
        if let kind {
            do { group = try authorities.area(named: name, kind: kind) }
            catch let error as InputError { throw nameNode.error(error.message) }
        } else if let first = authorities.areaKinds(named: name).first(where: { $0 != .authority }) {
            group = try authorities.area(named: name, kind: first)
        } else if authorities.authority(named: name) != nil || authorities.authority(code: name) != nil {
            throw nameNode.error("\"\(name)\" is an authority, not an area; list it under authorities instead")
        } else {
            let near = authorities.nearMatches(for: name, kinds: [.countyArea, .policeForceArea, .region])
            let hint = near.isEmpty ? "expected a county such as Kent, a police force area such as Thames Valley or a region such as South East"
                                    : "near matches: " + near.joined(separator: ", ")
            throw nameNode.error("no county area, police force area or region is called \"\(name)\"; \(hint)")
        }
        name = group.name
        return AreaSelection(kind: group.kind, name: name)
    }
}
