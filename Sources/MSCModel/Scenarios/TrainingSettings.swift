/// What a scenario says about staff training (DESIGN 3.6): for now only whether it is included.
///
/// The `training:` section is kept separate from the rest of the scenario so that its settings can
/// grow (tiers, refresh intervals) without touching the scenario loader.
public struct TrainingSettings: Sendable, Equatable {
    /// Whether the scenario's results include the three-tier training programme.
    public let include: Bool

    public init(include: Bool) {
        self.include = include
    }

    /// The keys the `training:` section accepts.
    public static let keys = ["include"]

    /// Reads the `training:` mapping strictly.
    public static func parse(_ node: YAMLValue) throws -> TrainingSettings {
        let map = try node.mapping()
        let include = try map.required("include", expected: "true or false").bool()
        try map.rejectUnknownKeys(allowed: keys)
        return TrainingSettings(include: include)
    }
}
