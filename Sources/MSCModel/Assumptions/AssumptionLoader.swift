import Foundation

/// Loads every `*.yaml` file in an assumptions folder into one ``AssumptionSet``.
///
/// The folder is always given: finding the shipped one is the executables' job (`ShippedFiles` in
/// MSCReport), so the model reads nothing from the process environment.
public enum AssumptionLoader {
    /// Reads every `.yaml` file in `directory`, in name order; a name defined twice is an error.
    ///
    /// Assumptions marked `derivedFrom:` are then computed from the folder's `authorities.csv`
    /// (``PopulationDerivation``), so they always rest on the table's one population year.
    ///
    /// `folderAuthorities`, when given, is the folder's `authorities.csv` already read (a caller
    /// that reads it anyway passes it rather than have it read and checked twice).
    public static func load(directory: String, folderAuthorities: AuthorityTable? = nil) throws -> AssumptionSet {
        try resolvingDerivations(in: try loadUnresolved(directory: directory), folderAuthorities: folderAuthorities)
    }

    /// ``load(directory:folderAuthorities:)`` without working out the `derivedFrom:` assumptions,
    /// which need the folder's `authorities.csv`: a caller can read the table meanwhile.
    public static func loadUnresolved(directory: String) throws -> AssumptionSet {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw InputError(file: directory, message: "not a folder; expected a folder of assumption .yaml files")
        }
        let names = ((try? fm.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .sorted()
        guard !names.isEmpty else {
            throw InputError(file: directory, message: "no .yaml files; expected assumption files such as cost.yaml")
        }
        var assumptions: [Assumption] = []
        var seen: [String: String] = [:]
        var files: [String] = []
        for name in names {
            let path = (directory as NSString).appendingPathComponent(name)
            files.append(path)
            for assumption in try loadFile(path: path) {
                if let first = seen[assumption.name] {
                    throw InputError(file: assumption.origin, key: assumption.name,
                                     message: "defined twice; first defined at \(first)")
                }
                seen[assumption.name] = assumption.origin
                assumptions.append(assumption)
            }
        }
        return AssumptionSet(assumptions: assumptions, location: directory, files: files)
    }

    /// `set` (read by ``loadUnresolved(directory:)``) with its `derivedFrom:` assumptions worked out
    /// from the `authorities.csv` of its folder, `folderAuthorities` when that table is already read.
    public static func resolvingDerivations(in set: AssumptionSet, folderAuthorities: AuthorityTable?) throws -> AssumptionSet {
        guard set.all.contains(where: { $0.derivation != nil }) else { return set }
        let tablePath = (set.location as NSString).appendingPathComponent("authorities.csv")
        return try resolvingDerivations(in: set, authorities: try folderAuthorities ?? AuthorityTable.load(path: tablePath))
    }

    /// `set` with every assumption marked `derivedFrom:` computed from `authorities`.
    public static func resolvingDerivations(in set: AssumptionSet, authorities: AuthorityTable) throws -> AssumptionSet {
        let facts = PopulationFacts(table: authorities)
        var resolved = set
        for assumption in set.all {
            guard let derivation = assumption.derivation else { continue }
            resolved.replace(try derivation.resolve(assumption, facts: facts, inputs: set))
            resolved.derivedDefinitions[assumption.name] = assumption
        }
        return resolved
    }

    /// Reads the assumptions in one file: a mapping from assumption name to its definition.
    public static func loadFile(path: String) throws -> [Assumption] {
        let root = try YAMLFile.load(path: path)
        return try parse(root: root)
    }

    /// Reads assumptions from YAML text (used by tests and by estimate files). A value computed
    /// from the authority table (`derivedFrom:`) belongs in an assumptions folder, and is an error here.
    public static func parse(text: String, fileName: String) throws -> [Assumption] {
        let list = try parse(root: try YAMLFile.parse(text: text, fileName: fileName))
        if let derived = list.first(where: { $0.derivation != nil }) {
            throw InputError(file: derived.origin, key: "\(derived.name).derivedFrom",
                             message: "a value computed from the authority table is read only from an assumptions folder with authorities.csv; give a value instead")
        }
        return list
    }

    private static func parse(root: YAMLValue) throws -> [Assumption] {
        let map = try root.mapping()
        return try map.all().map { name, node in
            guard LowerCamelCase.matches(name) else {
                throw node.error("an assumption name must be lowerCamelCase letters and digits")
            }
            return try AssumptionParser.parse(name: name, node: node)
        }
    }

    /// Applies a scenario's override: a plain number (fixed at that value) or a mapping with
    /// `value` and optionally `distribution` and `notes`. `distribution: scaled` keeps the
    /// assumption's own uncertainty, scaled to the new value (``Distribution/scaled(by:)``): the
    /// web page sends it when only a value is typed, so that typing back the value shown changes
    /// nothing, and a user who moves a salary keeps its range.
    public static func override(_ base: Assumption, with node: YAMLValue, by origin: String) throws -> Assumption {
        if case .some = try? node.mapping() {
            let map = try node.mapping()
            let value = try AssumptionParser.checkedValue(try map.required("value", expected: base.unit.expectation),
                                                          unit: base.unit)
            let distribution = try map.optional("distribution").map { node -> Distribution in
                if (try? node.string()) == "scaled" { return try scaled(base, to: value, node: node) }
                return try AssumptionParser.parseDistribution(node, unit: base.unit)
            } ?? .fixed(value)
            let notes = try map.optional("notes")?.string()
            try map.rejectUnknownKeys(allowed: ["value", "distribution", "notes"])
            guard distribution.support.contains(value) else {
                throw node.error("value \(value) lies outside the distribution's range \(distribution.support)")
            }
            return base.overridden(value: value, distribution: distribution, by: origin, notes: notes)
        }
        let value = try AssumptionParser.checkedValue(node, unit: base.unit)
        return base.overridden(value: value, distribution: .fixed(value), by: origin)
    }

    /// `base`'s distribution scaled from its value to `value`; an error at `node` when it cannot be
    /// (a beta, whose support is fixed, or a value of zero).
    private static func scaled(_ base: Assumption, to value: Double, node: YAMLValue) throws -> Distribution {
        guard base.value != 0, let distribution = base.distribution.scaled(by: value / base.value) else {
            throw node.error("\(base.name)'s \(base.distribution.kind.rawValue) distribution cannot be scaled to a new value; expected a distribution written out, e.g. {kind: uniform, minimum: ..., maximum: ...}")
        }
        return distribution
    }
}
