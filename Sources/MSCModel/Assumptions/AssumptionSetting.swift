/// One `--set name=value` from the command line: an assumption overridden for this run only,
/// checked exactly as an override in a scenario file is, and winning over the scenario's own.
///
/// ```swift
/// let setting = try AssumptionSetting(parsing: "pensionRate=0.2")
/// let set = try folder.applying([setting], authorities: table)   // pensionRate fixed at 0.2, pinned
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
    /// A command-line setting checked as a scenario override is (unit, range, distribution), with
    /// "did you mean" for an unknown name: the assumption it gives.
    public func checked(_ setting: AssumptionSetting) throws -> Assumption {
        guard let original = byName[setting.name] else {
            throw InputError(file: "--set", key: setting.name,
                             message: "no assumption is called \"\(setting.name)\"\(NameSuggestion.hint(for: setting.name, among: Array(byName.keys)))"
                                 + " (msc assumptions lists them)")
        }
        do {
            let node = try YAMLFile.parse(text: setting.text, fileName: "--set")
            return try AssumptionLoader.override(original, with: node, by: setting.origin)
        } catch let error as InputError {
            throw InputError(file: "--set", key: setting.name, message: error.message)
        }
    }
}

extension AssumptionSet {
    /// The set with the derived rate ratio completed and the command line's settings applied,
    /// pinned against a scenario's own overrides, with everything downstream of them derived
    /// again (``changing(_:authorities:pin:)``): `--set causalShare=0.8` moves the rate ratio,
    /// `--set identificationRateRatio=2` sets it directly.
    public func applying(_ settings: [AssumptionSetting], authorities: AuthorityTable) throws -> AssumptionSet {
        let set = try RateRatioDerivation.completing(self, authorities: authorities)
        return try set.changing(try settings.map { try set.checked($0) }, authorities: authorities, pin: true)
    }
}
