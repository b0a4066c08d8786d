/// Every assumption a run uses, by name, with the files they came from.
public struct AssumptionSet: Sendable {
    /// The assumptions by name.
    public private(set) var byName: [String: Assumption]
    /// Where the set was loaded from (a folder), for errors and manifests.
    public let location: String
    /// The files read, for the run manifest's hashes.
    public let files: [String]

    public init(assumptions: [Assumption], location: String, files: [String]) {
        self.byName = Dictionary(assumptions.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.location = location
        self.files = files
    }

    /// All assumptions sorted by name.
    public var all: [Assumption] { byName.values.sorted { $0.name < $1.name } }

    /// The assumption called `name`, or an error saying which folder lacks it.
    public func assumption(_ name: String) throws -> Assumption {
        guard let found = byName[name] else {
            throw InputError(file: location, key: name,
                             message: "assumption missing; expected a definition of '\(name)' in one of the .yaml files")
        }
        return found
    }

    /// The central value of `name`.
    public func value(_ name: String) throws -> Double {
        try assumption(name).value
    }

    /// The value of `name` for a period such as tax year `2025-26`.
    public func value(_ name: String, period: String) throws -> Double {
        let found = try assumption(name)
        guard let value = found.value(for: period) else {
            let known = found.periods.joined(separator: ", ")
            throw InputError(file: found.origin, key: name,
                             message: "no value for period \(period); expected one of \(known)")
        }
        return value
    }

    /// Replaces one assumption (a scenario override or a fitted estimate).
    public mutating func replace(_ assumption: Assumption) {
        byName[assumption.name] = assumption
    }

    /// Names set on the command line (`--set`): a scenario's override of one of them gives way.
    public private(set) var pinned: Set<String> = []

    /// The folder's own definitions of the assumptions computed when it was loaded (`derivedFrom:`),
    /// kept so that a change to one of their inputs can compute them again.
    public internal(set) var derivedDefinitions: [String: Assumption] = [:]

    /// Whether `identificationRateRatio` was derived here (``RateRatioDerivation/completing(_:authorities:)``)
    /// rather than defined by the folder: then a change to one of its inputs derives it again.
    public internal(set) var rateRatioIsDerived = false

    /// Replaces one assumption and keeps it against a scenario's overrides (`--set`).
    public mutating func pin(_ assumption: Assumption) {
        byName[assumption.name] = assumption
        pinned.insert(assumption.name)
    }
}
