extension FundingMix {
    /// The keys a scenario's `funding:` section accepts.
    public static let keys = ["sources", "absorbProbability", "gapTolerance"]
    /// The keys each funding source accepts.
    public static let sourceKeys = ["kind", "label", "share", "termYears", "renewalProbability", "decided"]

    /// The assumption used when a scenario leaves out `absorbProbability` (`Assumptions/funding.yaml`).
    public static let defaultAbsorbAssumption = AssumptionName.hostAbsorbProbability
    /// The assumption used when a scenario leaves out `gapTolerance` (`Assumptions/funding.yaml`).
    public static let defaultGapToleranceAssumption = AssumptionName.fundingGapTolerance

    /// Reads a scenario's `funding:` section strictly: every number may be a value or the name of an
    /// assumption; `renewalProbability` may also be an inline distribution (`{kind: beta, alpha: 18, beta: 2}`).
    ///
    /// Errors name the line and key: shares that do not sum to 1 ("shares sum to 0.9; expected 1"),
    /// an unknown kind, a term below one year, a renewal probability outside [0, 1].
    public static func parse(_ node: YAMLValue, assumptions: AssumptionSet, scenarioName: String) throws -> FundingMix {
        let reader = ScenarioValueReader(assumptions: assumptions)
        let map = try node.mapping()
        let sourcesNode = try map.required("sources", expected: "a list of funding sources, each with kind, share, termYears and renewalProbability")
        var sources: [FundingSource] = []
        for item in try sourcesNode.sequence() {
            let source = try item.mapping()
            let kind = try source.required("kind", expected: "a kind of funder").choice(FundingSourceKind.self)
            let label = try source.optional("label")?.name("a label for the funder")
            let shareNode = try source.required("share", expected: "a fraction of the post's cost")
            let share = try reader.number(shareNode, unit: .fraction)
            guard share > 0 else { throw shareNode.error("expected a share above 0; leave out a source that pays nothing") }
            let term = try reader.wholeYears(try source.required("termYears", expected: "a whole number of years between renewals"))
            let renewalNode = try source.required("renewalProbability",
                                                  expected: "a probability, an assumption name or a distribution such as {kind: beta, alpha: 18, beta: 2}")
            let renewal = try renewalAssumption(renewalNode, reader: reader, scenarioName: scenarioName,
                                                label: label ?? kind.label)
            let decision = try source.optional("decided")?.choice(FundingDecision.self)
            try source.rejectUnknownKeys(allowed: sourceKeys)
            sources.append(FundingSource(kind: kind, label: label, share: share, termYears: term, renewal: renewal,
                                         decision: decision))
        }
        // A number is taken as given; a name (or nothing, meaning the default assumption) keeps the
        // assumption so its uncertainty can be drawn.
        func resolve(_ node: YAMLValue?, default name: AssumptionName) throws -> (value: Double, assumption: Assumption?) {
            guard let node else {
                let assumption = try assumptions.assumption(name)
                return (assumption.value, assumption)
            }
            if (try? node.number()) != nil { return (try reader.number(node, unit: .fraction), nil) }
            let assumption = try reader.namedAssumption(node, unit: .fraction)
            return (assumption.value, assumption)
        }
        let (absorb, absorbAssumption) = try resolve(map.optional("absorbProbability"), default: defaultAbsorbAssumption)
        let gapNode = map.optional("gapTolerance")
        let (gap, gapAssumption) = try resolve(gapNode, default: defaultGapToleranceAssumption)
        try map.rejectUnknownKeys(allowed: keys)
        if let problem = problem(sources: sources, absorbProbability: absorb, gapTolerance: gap) {
            throw (gap >= 1 ? (gapNode ?? node) : sourcesNode).error(problem)
        }
        var mix = try FundingMix(sources: sources, absorbProbability: absorb, gapTolerance: gap)
        mix.absorbAssumption = absorbAssumption
        mix.gapToleranceAssumption = gapAssumption
        return mix
    }

    /// A renewal probability as an assumption: a named one, a fixed number, or an inline distribution.
    private static func renewalAssumption(_ node: YAMLValue, reader: ScenarioValueReader, scenarioName: String,
                                          label: String) throws -> Assumption {
        let origin = node.line.map { "\(node.file):\($0)" } ?? node.file
        func inline(value: Double, distribution: Distribution) -> Assumption {
            Assumption(name: "\(scenarioName).\(node.path)", description: "Chance that \(label) is renewed at each renewal point.",
                       unit: .fraction, value: value, distribution: distribution, sources: [], evidence: .illustrative,
                       notes: "Given in scenario \(scenarioName).", origin: origin)
        }
        if (try? node.mapping()) != nil {
            let distribution = try AssumptionParser.parseDistribution(node, unit: .fraction)
            return inline(value: distribution.mean.clamped01, distribution: distribution)
        }
        if (try? node.number()) != nil {
            let value = try reader.number(node, unit: .fraction)
            return inline(value: value, distribution: .fixed(value))
        }
        return try reader.namedAssumption(node, unit: .fraction)
    }
}

extension Double {
    /// The value held to [0, 1] (a normal distribution's mean may stray outside for extreme inputs).
    fileprivate var clamped01: Double { Swift.min(1, Swift.max(0, self)) }
}
