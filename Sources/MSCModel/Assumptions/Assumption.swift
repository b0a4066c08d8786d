/// One named model parameter: its value, unit, uncertainty, source and notes.
///
/// Assumptions are data, never literals in code: every default the model uses is one of these,
/// loaded from `Assumptions/*.yaml`, and every published figure can name the ones it rests on.
public struct Assumption: Sendable {
    /// The name the model and scenarios use (`salary`, `employerNIRate`).
    public let name: String
    /// What the value means, in a sentence.
    public let description: String
    /// The unit, from a closed list.
    public let unit: Unit
    /// The central value a deterministic run uses (for period-valued assumptions, the latest period).
    public let value: Double
    /// Values that change by tax or financial year (`2025-26`) or date, oldest first; empty otherwise.
    public let valuesByPeriod: [PeriodValue]
    /// The uncertainty a Monte Carlo run draws from.
    public let distribution: Distribution
    /// Where the value comes from (empty only for illustrative values).
    public let sources: [Source]
    /// How sure the value is.
    public let evidence: Evidence
    /// Reasoning, derivation or caveats.
    public let notes: String?
    /// The file and line the assumption was read from (or the scenario that overrode it).
    public let origin: String
    /// How the central value is computed from the authority table when the folder is loaded
    /// (`derivedFrom:` in the YAML); nil for a value written in the file.
    public let derivation: PopulationDerivation?
    /// True when the value replaces the folder's after loading (a scenario's `overrides:`, `--set`,
    /// the web page, or a value restated such as a salary brought forward): see ``overridden(value:distribution:by:notes:)``.
    public let isOverride: Bool

    /// A value that holds from a period on.
    public struct PeriodValue: Sendable, Equatable {
        /// The period label, e.g. `2025-26`.
        public let period: String
        public let value: Double
    }

    public init(name: String, description: String, unit: Unit, value: Double, valuesByPeriod: [PeriodValue] = [],
                distribution: Distribution, sources: [Source], evidence: Evidence, notes: String?, origin: String,
                derivation: PopulationDerivation? = nil, isOverride: Bool = false) {
        self.name = name
        self.description = description
        self.unit = unit
        self.value = value
        self.valuesByPeriod = valuesByPeriod
        self.distribution = distribution
        self.sources = sources
        self.evidence = evidence
        self.notes = notes
        self.origin = origin
        self.derivation = derivation
        self.isOverride = isOverride
    }

    /// The value for a period label: the value of the latest period that starts no later (a rate
    /// holds until it changes, so 2031-32 uses the 2025-26 rate), or nil before the first period.
    ///
    /// Period labels such as `2025-26` sort in date order as text.
    public func value(for period: String) -> Double? {
        if valuesByPeriod.isEmpty { return value }
        return valuesByPeriod.last { $0.period <= period }?.value
    }

    /// The period whose value holds at `period` (the latest starting no later), or nil.
    public func effectivePeriod(for period: String) -> String? {
        valuesByPeriod.last { $0.period <= period }?.period
    }

    /// The period labels this assumption has values for.
    public var periods: [String] { valuesByPeriod.map(\.period) }

    /// The same assumption with a new central value and distribution, noting who changed it.
    /// The same assumption with `sentence` added to its notes.
    public func noting(_ sentence: String) -> Assumption {
        Assumption(name: name, description: description, unit: unit, value: value, valuesByPeriod: valuesByPeriod,
                   distribution: distribution, sources: sources, evidence: evidence,
                   notes: [notes, sentence].compactMap { $0 }.joined(separator: " "), origin: origin,
                   derivation: derivation, isOverride: isOverride)
    }

    public func overridden(value newValue: Double, distribution newDistribution: Distribution, by origin: String,
                           notes extraNotes: String? = nil) -> Assumption {
        let combinedNotes = [notes, "Overridden by \(origin).", extraNotes].compactMap { $0 }.joined(separator: " ")
        return Assumption(name: name, description: description, unit: unit, value: newValue, valuesByPeriod: [],
                          distribution: newDistribution, sources: sources, evidence: evidence,
                          notes: combinedNotes, origin: origin, derivation: nil, isOverride: true)
    }
}
