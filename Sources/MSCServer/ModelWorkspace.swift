import Foundation
import MSCModel
import MSCSimulation
import MSCUseCases

/// What the server loads once at start: the assumptions, the authorities and the shipped
/// scenarios. Every request builds on these with the same library calls as the command line;
/// nothing a client sends is ever used as a file path.
public struct ModelWorkspace: Sendable {
    public let assumptionsDirectory: String
    public let authoritiesPath: String
    public let assumptions: AssumptionSet
    /// The assumptions with the rate ratio derived, once at start: every request's overrides
    /// start from these rather than deriving it again.
    let derivedAssumptions: AssumptionSet
    public let authorities: AuthorityTable
    /// The shipped scenarios the page offers, in file-name order.
    public let scenarios: [ShippedScenario]
    /// The hexagon layout of the councils (Open Innovations, MIT) the map is drawn on.
    public let hexLayout: HexLayout
    /// The tables shipped beside the scenarios (e.g. `unitary-2028-reorganisations.csv`): the
    /// only files an uploaded scenario may name, by these bare names.
    public let shippedTables: [String]
    public let scenariosDirectory: String
    /// The basis the shipped scenarios cost their posts on (their price base year; the salary
    /// brought forward to it): the page shows salaries in these pounds, as the model uses them.
    public let salaryBasis: CostBasis

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
        derivedAssumptions = try RateRatioDerivation.completing(assumptions, authorities: authorities)
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
        var bases: [CostBasis] = []
        for file in files {
            let path = (scenariosDirectory as NSString).appendingPathComponent(file)
            let loaded = try Scenario.load(path: path, displayName: "Scenarios/\(file)", assumptions: assumptions,
                                           authorities: authorities)
            scenarios.append(ShippedScenario(name: loaded.scenario.name, question: loaded.scenario.question, path: path,
                                             horizonYears: loaded.scenario.horizonYears,
                                             declaredBaseline: loaded.scenario.baseline?.name))
            bases.append(try CostBasis(assumptions: assumptions, scenario: loaded.scenario))
        }
        self.scenarios = scenarios
        // Every shipped scenario has one price base year; were they to differ, the page would show
        // the first's and each run would still cost on its own scenario's basis.
        salaryBasis = bases[0]
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
        var changes: [Assumption] = []
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
                changes.append(try AssumptionLoader.override(original, with: node, by: "an override on the web page"))
            } catch let error as InputError {
                throw APIError.badRequest("overrides.\(error.key ?? override.name): \(error.message)")
            }
        }
        do {
            // What is derived from an overridden input is derived again, as on the command line.
            return try derivedAssumptions.changing(changes, authorities: authorities, pin: false)
        } catch let error as InputError {
            throw APIError.badRequest("overrides: \(error.message)")
        }
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

    /// The request's scenarios, loaded, with its baseline and where a baseline that was not
    /// ticked comes from: the shipped scenarios, by name, with the request's overrides, never a
    /// file a client names. The use cases resolve the comparison (``ComparisonPlans``'s one rule).
    func selection(for request: ScenarioRequest) throws -> ScenarioSelection {
        let source = ComparisonPlans.BaselineSource { name, declaredBy in
            guard self.scenarios.contains(where: { $0.name == name }) else {
                let whose = declaredBy.map { "\($0.name) declares \"\(name)\" as its baseline, but no shipped scenario" } ?? "no shipped scenario"
                throw APIError.badRequest("baseline: \(whose) is called \"\(name)\"; expected one of \(self.scenarios.map(\.name).joined(separator: ", "))")
            }
            let plan = try self.plans(for: ScenarioRequest(scenarios: [name], overrides: request.overrides))[0]
            return (plan, "Scenarios/\((try self.shipped(name).path as NSString).lastPathComponent)")
        }
        return ScenarioSelection(listed: try plans(for: request), baseline: request.baseline, baselineSource: source)
    }

    /// The most scenarios a request can run once baselines that were not ticked are added: the
    /// work budget counts these.
    func mostScenariosRun(for request: ScenarioRequest) -> Int {
        let listed = request.scenarios.count + request.uploads.count
        if let baseline = request.baseline { return listed + (request.scenarios.contains(baseline) ? 0 : 1) }
        let declared = Set(request.scenarios.compactMap { name in scenarios.first { $0.name == name }?.declaredBaseline })
        return listed + declared.subtracting(request.scenarios).count + request.uploads.count
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
