import Foundation

extension Scenario {
    /// The keys a scenario file accepts at its top level.
    public static let keys = ["name", "question", "horizonYears", "priceBaseYear", "baseline", "deployment",
                              "costSharing", "funding", "overrides", "training", "firstYear",
                              "optimismBiasMitigations", "reorganisations", "incidenceIndex"]

    /// Reads the scenario at `path` strictly and applies its overrides to `assumptions`.
    ///
    /// Every problem is one ``InputError`` naming the file, line, column and key and saying what
    /// was expected: an unknown key, an unknown deployment rule, an authority or area that does not
    /// exist, funding shares that do not sum to 1, a term below one year, an override of an
    /// assumption that does not exist.
    /// A file the scenario names (its `reorganisations:` table) must lie in the scenario's own
    /// folder; `displayName` is how the scenario is named in errors (its path unless given).
    public static func load(path: String, displayName: String? = nil, assumptions: AssumptionSet,
                            authorities: AuthorityTable) throws -> LoadedScenario {
        let folder = (path as NSString).deletingLastPathComponent
        return try parse(root: try YAMLFile.load(path: path, displayName: displayName), assumptions: assumptions,
                         authorities: authorities, files: .withinFolder(folder.isEmpty ? "." : folder))
    }

    /// Reads a scenario from YAML text; `fileName` names it in errors and locates its baseline.
    /// `files` says which files the text may name: a scenario sent to the server may name only
    /// files the server ships (``ScenarioFileAccess/shippedOnly(folder:names:)``).
    public static func parse(text: String, fileName: String, assumptions: AssumptionSet,
                             authorities: AuthorityTable, files: ScenarioFileAccess) throws -> LoadedScenario {
        try parse(root: try YAMLFile.parse(text: text, fileName: fileName), assumptions: assumptions,
                  authorities: authorities, files: files)
    }

    private static func parse(root: YAMLValue, assumptions shipped: AssumptionSet,
                              authorities: AuthorityTable, files: ScenarioFileAccess) throws -> LoadedScenario {
        let file = root.file
        // The identification rate ratio is derived from the facts and this authority table (unless
        // the folder defines it), before the scenario's overrides so that they can replace it.
        let base = try RateRatioDerivation.completing(shipped, authorities: authorities)
        let map = try root.mapping()
        try map.rejectKeys(notIn: keys)

        let name = try map.required("name", expected: "the scenario's short name, e.g. county-shared").name("the scenario's short name")
        let question = try nonEmptyText(try map.required("question", expected: "the question the scenario answers, in a sentence"))

        // Overrides first, so every other section sees the assumptions the scenario runs on; what
        // is derived from an overridden input is derived again (AssumptionDependencies).
        var overrides: [Assumption] = []
        var overridden: [String] = []
        if let overridesNode = map.optional("overrides") {
            for (key, node) in try overridesNode.mapping().all() {
                guard let original = base.byName[key] else {
                    throw node.error("no assumption is called \"\(key)\" in \(base.location)\(NameSuggestion.hint(for: key, among: Array(base.byName.keys)))")
                }
                // A value set on the command line (--set) wins over the scenario's own.
                if base.pinned.contains(key) { continue }
                let origin = node.line.map { "\(file):\($0)" } ?? file
                overrides.append(try AssumptionLoader.override(original, with: node, by: origin))
                overridden.append(key)
            }
        }
        let assumptions = try base.changing(overrides, authorities: authorities, pin: false)
        let reader = ScenarioValueReader(assumptions: assumptions)

        let horizonNode = try map.required("horizonYears", expected: "the number of years to evaluate, e.g. 10")
        let horizon = try horizonNode.integer("a whole number of years")
        guard InputBounds.horizonYears.contains(horizon) else {
            throw horizonNode.error("expected a horizon of \(InputBounds.horizonYears.lowerBound) to \(InputBounds.horizonYears.upperBound) years, found \(horizon)")
        }
        let priceBaseYearNode = try map.required("priceBaseYear", expected: "a financial year such as 2026-27")
        let priceBaseYear = try parsePriceBaseYear(priceBaseYearNode)
        let reach = try priceBaseYearReach(in: assumptions)
        if let year = FinancialYear(priceBaseYear), !reach.contains(year) {
            throw priceBaseYearNode.error("\(reach.expectation("a price base year")), found \(priceBaseYear)")
        }
        let firstYear: String
        if let firstYearNode = map.optional("firstYear") {
            firstYear = try parsePriceBaseYear(firstYearNode)
            guard firstYear >= priceBaseYear else {
                throw firstYearNode.error("the first year \(firstYear) is before the price base year \(priceBaseYear); expected \(priceBaseYear) or later")
            }
        } else {
            let delay = try assumptions.value(.programmeStartYearsAfterPriceBase)
            firstYear = FinancialYear(priceBaseYear)!.advanced(by: Int(delay.rounded())).description
        }
        let mitigations = try map.optional("optimismBiasMitigations").map(parseMitigations) ?? []
        let baseline = try map.optional("baseline").map { try parseBaseline($0, ownName: name, file: file) }
        let deployment = try DeploymentRule.parse(try map.required("deployment", expected: "a mapping with a rule"),
                                                  reader: reader, authorities: authorities)
        let sharing = try map.optional("costSharing")?.choice(SharingRule.self) ?? .population
        let funding = try FundingMix.parse(try map.required("funding", expected: "a mapping with sources"),
                                           assumptions: assumptions, scenarioName: name)
        let training = try map.optional("training").map(TrainingSettings.parse)
        // Further (illustrative) reorganisations: a CSV beside the scenario, read when it is run.
        let reorganisationsFile = try map.optional("reorganisations").map {
            try files.resolve($0, expected: "a reorganisations CSV (columns as Assumptions/reorganisations.csv)")
        }
        let incidenceIndex = try map.optional("incidenceIndex")?.choice(IncidenceIndexKind.self) ?? .uniform
        try map.rejectUnknownKeys(allowed: keys)

        let scenario = Scenario(name: name, question: question, file: file, horizonYears: horizon,
                                priceBaseYear: priceBaseYear, baseline: baseline, deployment: deployment,
                                sharing: sharing, funding: funding, training: training,
                                overriddenAssumptions: overridden, firstYear: firstYear,
                                optimismBiasMitigations: mitigations, reorganisationsFile: reorganisationsFile,
                                incidenceIndex: incidenceIndex)
        return LoadedScenario(scenario: scenario, assumptions: assumptions, councilAssumptions: base)
    }

    /// `optimismBiasMitigations:` a list of `{risk, shareMitigated, reasoning}`, each share in (0, 1],
    /// the shares summing to at most 1.
    private static func parseMitigations(_ node: YAMLValue) throws -> [OptimismBias.Mitigation] {
        var total = 0.0
        return try node.sequence().map { item in
            let map = try item.mapping()
            try map.rejectKeys(notIn: ["risk", "shareMitigated", "reasoning"])
            let risk = try nonEmptyText(try map.required("risk", expected: "the risk area mitigated, e.g. pay awards above plan"))
            let shareNode = try map.required("shareMitigated", expected: "the share of the starting optimism bias removed, e.g. 0.1")
            let share = try shareNode.number("a fraction between 0 and 1")
            guard share > 0, share <= 1 else { throw shareNode.error("expected a share above 0 and at most 1, found \(share)") }
            total += share
            guard total <= 1 + 1e-12 else { throw shareNode.error("the shares mitigated sum to \(total); expected at most 1") }
            let reasoning = try nonEmptyText(try map.required("reasoning", expected: "why the risk is mitigated and what the mitigation costs"))
            return OptimismBias.Mitigation(risk: risk, shareMitigated: share, reasoning: reasoning)
        }
    }

    private static func nonEmptyText(_ node: YAMLValue) throws -> String {
        let text = try node.string().trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw node.error("expected text, found nothing") }
        return text
    }

    /// A financial year written `2025-26` (the second part the year after the first).
    private static func parsePriceBaseYear(_ node: YAMLValue) throws -> String {
        let text = try node.string()
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              let first = Int(parts[0]), let second = Int(parts[1]), (first + 1) % 100 == second else {
            throw node.error("expected a financial year such as 2025-26, found \"\(text)\"")
        }
        return text
    }

    /// The baseline: another scenario's name, whose file is expected beside this one. Loading does
    /// not require that file: `run`, `funding`, `share`, `training` and `sensitivity` never use
    /// it, so a scenario copied on its own still runs. `compare` and `export` use it, and there a
    /// baseline that is neither among the scenarios given nor a file beside this one is an error
    /// naming this file, the line of `baseline:` and the key (`ScenarioRuns.baselineIndices`).
    private static func parseBaseline(_ node: YAMLValue, ownName: String, file: String) throws -> ScenarioReference {
        let name = try nonEmptyText(node)
        let stem = name.hasSuffix(".yaml") ? String(name.dropLast(5)) : name
        guard stem != ownName else { throw node.error("a scenario cannot be its own baseline; expected another scenario's name") }
        guard !stem.contains("/") else {
            throw node.error("expected the name of a scenario in the same folder, e.g. status-quo, found \"\(name)\"")
        }
        let folder = (file as NSString).deletingLastPathComponent
        let path = folder.isEmpty ? "\(stem).yaml" : (folder as NSString).appendingPathComponent("\(stem).yaml")
        return ScenarioReference(name: stem, path: path, line: node.line)
    }
}
