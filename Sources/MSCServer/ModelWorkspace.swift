import Foundation
import MSCModel
import MSCSimulation

/// What the server loads once at start: the assumptions, the authorities and the shipped
/// scenarios. Every request builds on these with the same library calls as the command line;
/// nothing a client sends is ever used as a file path.
public struct ModelWorkspace: Sendable {
    public let assumptionsDirectory: String
    public let authoritiesPath: String
    public let assumptions: AssumptionSet
    public let authorities: AuthorityTable
    /// The shipped scenarios the page offers, in file-name order.
    public let scenarios: [ShippedScenario]
    /// The hexagon layout of the councils (Open Innovations, MIT) the map is drawn on.
    public let hexLayout: HexLayout
    /// The tables shipped beside the scenarios (e.g. `unitary-2028-reorganisations.csv`): the
    /// only files an uploaded scenario may name, by these bare names.
    public let shippedTables: [String]
    public let scenariosDirectory: String

    /// One shipped scenario file, checked at start so a broken file is found before anyone asks.
    public struct ShippedScenario: Sendable {
        public let name: String
        public let question: String
        public let path: String
        public let horizonYears: Int
        public let declaredBaseline: String?
    }

    /// Loads the folders; any problem in a shipped file is an ``InputError`` naming it.
    public init(assumptionsDirectory: String, scenariosDirectory: String) throws {
        self.assumptionsDirectory = assumptionsDirectory
        authoritiesPath = (assumptionsDirectory as NSString).appendingPathComponent("authorities.csv")
        assumptions = try AssumptionLoader.load(directory: assumptionsDirectory)
        authorities = try AuthorityTable.load(path: authoritiesPath)
        hexLayout = try HexLayout.load(assumptionsDirectory: assumptionsDirectory)
        try hexLayout.checkCovers(authorities)
        self.scenariosDirectory = scenariosDirectory
        let listing = ((try? FileManager.default.contentsOfDirectory(atPath: scenariosDirectory)) ?? []).sorted()
        let files = listing.filter { $0.hasSuffix(".yaml") }
        shippedTables = listing.filter { $0.hasSuffix(".csv") }
        guard !files.isEmpty else {
            throw InputError(file: scenariosDirectory, message: "no scenario .yaml files; expected the shipped Scenarios/ folder")
        }
        var scenarios: [ShippedScenario] = []
        for file in files {
            let path = (scenariosDirectory as NSString).appendingPathComponent(file)
            let loaded = try Scenario.load(path: path, displayName: "Scenarios/\(file)", assumptions: assumptions,
                                           authorities: authorities)
            scenarios.append(ShippedScenario(name: loaded.scenario.name, question: loaded.scenario.question, path: path,
                                             horizonYears: loaded.scenario.horizonYears,
                                             declaredBaseline: loaded.scenario.baseline?.name))
        }
        self.scenarios = scenarios
    }

    /// The shipped scenario called `name`, or a 400 listing the names there are.
    func shipped(_ name: String) throws -> ShippedScenario {
        guard let found = scenarios.first(where: { $0.name == name }) else {
            throw APIError.badRequest("scenarios: no shipped scenario is called \"\(name)\"; expected one of \(scenarios.map(\.name).joined(separator: ", "))")
        }
        return found
    }

    /// The base assumptions with the request's overrides applied, each validated exactly as a
    /// scenario file's `overrides:` entry is (same parser, same ranges, same messages).
    func assumptions(overriddenBy overrides: [AssumptionOverride]) throws -> AssumptionSet {
        var set = assumptions
        for override in overrides {
            guard let original = assumptions.byName[override.name] else {
                let near = assumptions.all.map(\.name).filter {
                    $0.lowercased().contains(override.name.lowercased()) || override.name.lowercased().contains($0.lowercased())
                }.prefix(5)
                throw APIError.badRequest("overrides: no assumption is called \"\(override.name)\"; expected a name from GET /api/assumptions"
                                          + (near.isEmpty ? "" : " (near: \(near.joined(separator: ", ")))"))
            }
            do {
                // JSON is YAML, so the scenario loader's override reader checks the request's value.
                let root = try YAMLFile.parse(text: "\(override.name): \(override.json)", fileName: "overrides")
                guard let node = try root.mapping().optional(override.name) else {
                    throw APIError.badRequest("overrides.\(override.name): expected a number or {\"value\": …, \"distribution\": {…}}")
                }
                set.replace(try AssumptionLoader.override(original, with: node, by: "an override on the web page"))
            } catch let error as InputError {
                throw APIError.badRequest("overrides.\(error.key ?? override.name): \(error.message)")
            }
        }
        return set
    }

    /// Loads the request's scenarios (shipped ones by name, then uploads) on the overridden
    /// assumptions and compiles each into a plan.
    func plans(for request: ScenarioRequest) throws -> [ScenarioPlan] {
        let base = try assumptions(overriddenBy: request.overrides)
        var plans: [ScenarioPlan] = []
        do {
            for name in request.scenarios {
                let shipped = try shipped(name)
                let loaded = try Scenario.load(path: shipped.path, displayName: "Scenarios/\((shipped.path as NSString).lastPathComponent)",
                                               assumptions: base, authorities: authorities)
                plans.append(try ScenarioPlan.build(loaded: loaded, authorities: authorities, assumptionsDirectory: assumptionsDirectory,
                                                    inputFiles: [shipped.path, authoritiesPath] + base.files))
            }
            for upload in request.uploads {
                let loaded = try Scenario.parse(text: upload.yaml, fileName: upload.fileName, assumptions: base,
                                                authorities: authorities, files: uploadFileAccess)
                plans.append(try ScenarioPlan.build(loaded: loaded, authorities: authorities, assumptionsDirectory: assumptionsDirectory,
                                                    inputFiles: [authoritiesPath] + base.files))
            }
            try ScenarioPlan.requireDistinctNames(plans)
        } catch let error as InputError {
            throw APIError.input(error)
        }
        return plans
    }

    /// Checks an uploaded scenario with the loader the command line uses; its one-line error otherwise.
    func validate(upload: ScenarioUpload) throws -> LoadedScenario {
        do {
            return try Scenario.parse(text: upload.yaml, fileName: upload.fileName, assumptions: assumptions,
                                      authorities: authorities, files: uploadFileAccess)
        } catch let error as InputError {
            throw APIError.input(error)
        }
    }

    /// What an uploaded scenario may name: the shipped tables, by name, and nothing else.
    var uploadFileAccess: ScenarioFileAccess { .shippedOnly(folder: scenariosDirectory, names: shippedTables) }

    /// `text` with the server's own folders written as the names users know (`Assumptions`,
    /// `Scenarios`), so that no answer reveals where the server keeps its files.
    public var scrubPaths: @Sendable (String) -> String {
        let folders = [(assumptionsDirectory, "Assumptions"), (scenariosDirectory, "Scenarios")]
            .flatMap { folder, name -> [(String, String)] in
                let standard = (folder as NSString).standardizingPath
                let absolute = URL(fileURLWithPath: folder).standardizedFileURL.path
                return [(absolute, name), (standard, name), (folder, name)].filter { !$0.0.isEmpty && $0.0 != "." }
            }
            .sorted { $0.0.count > $1.0.count }   // the longest spelling first
        let workingDirectory = FileManager.default.currentDirectoryPath + "/"
        return { text in
            var out = text
            for (folder, name) in folders { out = out.replacingOccurrences(of: folder, with: name) }
            return out.replacingOccurrences(of: workingDirectory, with: "")
        }
    }
}
