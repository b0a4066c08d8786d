/// One `--set name=value` from the command line: an assumption overridden for this run only,
/// checked exactly as an override in a scenario file is, and winning over the scenario's own.
///
/// ```swift
/// let setting = try AssumptionSetting(parsing: "pensionRate=0.2")
/// try set.apply(setting)       // pensionRate is now fixed at 0.2 and pinned
/// ```
public struct AssumptionSetting: Sendable, Equatable {
    /// The assumption's name.
    public let name: String
    /// The value as typed: a number, or YAML such as `{value: 0.2, distribution: {kind: uniform, minimum: 0.1, maximum: 0.3}}`.
    public let text: String

    /// Splits `name=value`; throws an ``InputError`` naming `--set` when either side is missing.
    public init(parsing argument: String) throws {
        guard let equals = argument.firstIndex(of: "=") else {
            throw InputError(file: "--set", message: "\"\(argument)\": expected name=value, e.g. --set pensionRate=0.2")
        }
        let name = argument[..<equals].trimmingCharacters(in: .whitespaces)
        let text = argument[argument.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, !text.isEmpty else {
            throw InputError(file: "--set", message: "\"\(argument)\": expected name=value, e.g. --set pensionRate=0.2")
        }
        self.name = name
        self.text = text
    }

    /// Where the value came from, as assumption notes and the assumptions annex show it.
    public var origin: String { "--set \(name)=\(text)" }
}

extension AssumptionSet {
    /// Applies a command-line setting: the same checks as a scenario override (unit, range,
    /// distribution), "did you mean" for an unknown name; the assumption is then pinned so a
    /// scenario's own override of it gives way.
    public mutating func apply(_ setting: AssumptionSetting) throws {
        guard let original = byName[setting.name] else {
            throw InputError(file: "--set", key: setting.name,
                             message: "no assumption is called \"\(setting.name)\"\(NameSuggestion.hint(for: setting.name, among: Array(byName.keys)))"
                                 + " (msc assumptions lists them)")
        }
        do {
            let node = try YAMLFile.parse(text: setting.text, fileName: "--set")
            pin(try AssumptionLoader.override(original, with: node, by: setting.origin))
        } catch let error as InputError {
            throw InputError(file: "--set", key: setting.name, message: error.message)
        }
    }
}

extension AssumptionSet {
    /// The set with the command line's settings applied and the derived rate ratio completed:
    /// settings of loaded assumptions first (so a derivation uses them), then the derivation,
    /// then settings of derived ones (`--set identificationRateRatio=2`).
    public func applying(_ settings: [AssumptionSetting], authorities: AuthorityTable) throws -> AssumptionSet {
        var set = self
        let early = settings.filter { byName[$0.name] != nil }
        for setting in early { try set.apply(setting) }
        set = try RateRatioDerivation.completing(set, authorities: authorities)
        for setting in settings where !early.contains(setting) { try set.apply(setting) }
        return set
    }
}
