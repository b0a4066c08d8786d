/// How many full-time equivalents each post has: a fixed number, or sized to the residents it serves.
public enum FTERule: Sendable, Equatable {
    /// Every post has this FTE (1 = one full-time coordinator).
    case fixed(Double)
    /// FTE = max(minimumFTE, residents served / residentsPerFTE): one FTE per N residents, with a floor.
    case perResidents(residentsPerFTE: Double, minimumFTE: Double)

    /// The FTE of a post serving `residents` people.
    public func fte(residents: Int) -> Double {
        switch self {
        case .fixed(let fte): return fte
        case .perResidents(let perFTE, let minimum): return max(minimum, Double(residents) / perFTE)
        }
    }

    /// The keys of an `fte:` mapping (the population-sized form).
    static let keys = ["residentsPerFTE", "minimumFTE"]

    /// Reads an `fte:` value: a number or assumption name (fixed FTE), or `{residentsPerFTE, minimumFTE}`.
    static func parse(_ node: YAMLValue, reader: ScenarioValueReader) throws -> FTERule {
        if (try? node.mapping()) != nil {
            let map = try node.mapping()
            let rule = try parsePerResidents(map, reader: reader)
            try map.rejectUnknownKeys(allowed: keys)
            return rule
        }
        // The unit's range (InputBounds.postFTE) is what makes a post a post.
        return .fixed(try reader.number(node, unit: .fte))
    }

    /// Reads `residentsPerFTE` and `minimumFTE` from `map` (the caller rejects unknown keys).
    static func parsePerResidents(_ map: YAMLMapping, reader: ScenarioValueReader) throws -> FTERule {
        let perNode = try map.required("residentsPerFTE", expected: "the number of residents per full-time coordinator, e.g. 250000")
        let perFTE = try reader.number(perNode, unit: .people)
        guard perFTE >= 1 else { throw perNode.error("expected at least 1 resident per FTE, found \(perFTE)") }
        let minimumNode = try map.required("minimumFTE", expected: "the smallest FTE a post may have, e.g. 1")
        let minimum = try reader.number(minimumNode, unit: .fte)
        return .perResidents(residentsPerFTE: perFTE, minimumFTE: minimum)
    }
}
