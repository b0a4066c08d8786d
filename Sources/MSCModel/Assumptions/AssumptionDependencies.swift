/// The assumptions computed from others, as one dependency graph: whichever way an input changes
/// (a scenario's `overrides:`, `--set`, an override on the web page), everything downstream of it
/// is derived again, the same way. A derived value set directly is kept, and its notes say that
/// its inputs no longer apply to it.
///
/// The graph has two kinds of node: the assumptions computed from the authority table when a
/// folder is loaded (``PopulationDerivation``, e.g. `baselineIdentificationRate` from
/// `laIdentificationGrowthSince2023`), and `identificationRateRatio`, derived from the Acting
/// Local facts and `causalShare` (``RateRatioDerivation``).
public enum AssumptionDependencies {
    /// What `identificationRateRatio` is derived from.
    public static let rateRatioInputs = (RateRatioDerivation.Facts.assumptionNames + [.causalShare]).map(\.rawValue)

    /// The inputs of `name` when it is derived in `set` (and not set directly), else nil.
    public static func inputs(of name: String, in set: AssumptionSet) -> [String]? {
        guard let current = set.byName[name], !current.isOverride else { return nil }
        if let definition = set.derivedDefinitions[name] { return definition.derivation?.inputs }
        if name == AssumptionName.identificationRateRatio.rawValue, set.rateRatioIsDerived { return rateRatioInputs }
        return nil
    }
}

extension AssumptionSet {
    /// The set with `changes` in place of the assumptions of the same names (each already checked:
    /// ``AssumptionLoader/override(_:with:by:)``), then every derived assumption downstream of a
    /// change computed again from the changed inputs, in dependency order. `pin` keeps the changes
    /// against a scenario's own overrides (`--set`). A derived assumption that is itself changed,
    /// or pinned, is never computed again.
    public func changing(_ changes: [Assumption], authorities: AuthorityTable, pin: Bool) throws -> AssumptionSet {
        var set = self
        var changed = pinned
        for change in changes {
            var assumption = change
            if let inputs = AssumptionDependencies.inputs(of: change.name, in: self) {
                assumption = change.noting("It is otherwise derived from \(inputs.joined(separator: ", ")); set directly, those inputs no longer apply to it.")
            }
            if pin { set.pin(assumption) } else { set.replace(assumption) }
            changed.insert(change.name)
        }
        guard !changes.isEmpty else { return set }
        // Computed from the authority table when the folder was loaded: from their definitions.
        var facts: PopulationFacts?   // worked out only when a derivation needs it
        for (name, definition) in set.derivedDefinitions.sorted(by: { $0.key < $1.key }) {
            guard !changed.contains(name), let derivation = definition.derivation,
                  !changed.isDisjoint(with: derivation.inputs) else { continue }
            if facts == nil { facts = PopulationFacts(table: authorities) }
            set.replace(try derivation.resolve(definition, facts: facts!, inputs: set))
            changed.insert(name)
        }
        // The rate ratio, when derived here, from the facts and the causal share.
        if set.rateRatioIsDerived, !changed.contains(AssumptionName.identificationRateRatio.rawValue),
           !changed.isDisjoint(with: AssumptionDependencies.rateRatioInputs) {
            let derivation = try RateRatioDerivation.derive(assumptions: set, authorities: authorities)
            let origin = "derived from \(set.location)/impact.yaml and \(authorities.file), with " + changes.map(\.origin).joined(separator: ", ")
            set.replace(derivation.assumption(origin: origin))
        }
        return set
    }
}

/// The two ways a post is costed read different rates for the same line: an input set for one
/// output does nothing to the other, and the user is told which output it does affect.
public enum CostOutput: Sendable {
    /// The council's cash cost (`msc cost`, `msc share`'s payments).
    case cashCost
    /// The appraisal's full economic cost (`msc run`, `compare`, `decide`, `export`, `funding`).
    case appraisal

    /// Each rate read by one output only, with the one the other output reads in its place.
    static let counterparts: [(cash: AssumptionName, appraisal: AssumptionName, line: String)] = [
        (.overheadRate, .appraisalOverheadRate, "overheads"),
        (.apprenticeshipLevyRate, .appraisalApprenticeshipLevyRate, "the apprenticeship levy"),
    ]

    /// A sentence for each of `names` that this output does not read, saying which output does.
    public func unusedSettingNotes(_ names: [String]) -> [String] {
        Self.counterparts.compactMap { pair in
            switch self {
            case .appraisal where names.contains(pair.cash.rawValue):
                return "\(pair.cash) is the council's cash-cost rate for \(pair.line) (msc cost, msc share); the appraisal does not read it. Set \(pair.appraisal) to change the appraisal."
            case .cashCost where names.contains(pair.appraisal.rawValue):
                return "\(pair.appraisal) is the appraisal's rate for \(pair.line) (msc run, compare, decide, export, funding, and share's full economic cost column); the council's cash cost does not read it. Set \(pair.cash) to change the cash cost."
            default:
                return nil
            }
        }
    }
}
