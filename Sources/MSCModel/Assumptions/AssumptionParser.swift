import Foundation

/// Reads one assumption from its YAML mapping, enforcing the rules every shipped file obeys.
///
/// Rules: known keys only; a closed list of units; a source unless the value is `illustrative`
/// (and then notes saying why); a fraction within [0, 1]; money never negative; a distribution's
/// named parameters complete, ordered and inside the unit's range.
enum AssumptionParser {
    static let keys = ["description", "unit", "value", "values", "derivedFrom", "distribution", "source", "evidence", "notes"]
    static let sourceKeys = ["title", "publisher", "date", "url", "page", "licence"]

    static func parse(name: String, node: YAMLValue) throws -> Assumption {
        let map = try node.mapping()
        try map.rejectKeys(notIn: keys)
        let description = try map.required("description", expected: "a sentence saying what the value means").string()
        let unit = try map.required("unit", expected: "a unit").choice(Unit.self)
        let evidence = try map.required("evidence", expected: "sourced, derived, unconfirmed or illustrative")
            .choice(Evidence.self)
        let notes = try map.optional("notes")?.string()

        let valueNode = map.optional("value")
        let valuesNode = map.optional("values")
        if let derivedNode = map.optional("derivedFrom") {
            return try parseDerived(name: name, node: node, map: map, derivedNode: derivedNode, description: description,
                                    unit: unit, evidence: evidence, notes: notes)
        }
        var periods: [Assumption.PeriodValue] = []
        let central: Double
        switch (valueNode, valuesNode) {
        case (let single?, nil):
            central = try checkedValue(single, unit: unit)
        case (nil, let many?):
            let byPeriod = try many.mapping()
            for (period, entry) in byPeriod.all() {
                periods.append(.init(period: period, value: try checkedValue(entry, unit: unit)))
            }
            guard let last = periods.last else { throw many.error("expected at least one period: value") }
            guard periods.map(\.period) == periods.map(\.period).sorted() else {
                throw many.error("expected periods in date order, oldest first")
            }
            central = last.value
        case (_?, _?):
            throw map.owner.error("give either value or values (by period), not both")
        case (nil, nil):
            throw InputError(file: node.file, line: node.line, column: node.column, key: "\(name).value",
                             message: "missing; expected \(unit.expectation)")
        }

        let distribution: Distribution
        if let distributionNode = map.optional("distribution") {
            if !periods.isEmpty { throw distributionNode.error("a value that changes by period must be fixed; remove the distribution") }
            distribution = try parseDistribution(distributionNode, unit: unit)
            guard distribution.support.contains(central) else {
                throw valueNode!.error("central value \(central) lies outside the distribution's range \(distribution.support)")
            }
        } else {
            distribution = .fixed(central)
        }

        let sources = try parseSources(name: name, node: node, map: map, evidence: evidence, notes: notes)
        try map.rejectUnknownKeys(allowed: keys)
        let origin = node.line.map { "\(node.file):\($0)" } ?? node.file
        return Assumption(name: name, description: description, unit: unit, value: central, valuesByPeriod: periods,
                          distribution: distribution, sources: sources, evidence: evidence, notes: notes, origin: origin)
    }

    /// An assumption computed from the authority table when its folder is loaded: no `value`, and
    /// a triangular or PERT range without a `mode` (the mode is the derived value), or no range.
    /// The central value stays NaN until ``PopulationDerivation`` resolves it.
    private static func parseDerived(name: String, node: YAMLValue, map: YAMLMapping, derivedNode: YAMLValue,
                                     description: String, unit: Unit, evidence: Evidence, notes: String?) throws -> Assumption {
        let derivation = try derivedNode.choice(PopulationDerivation.self)
        if let given = map.optional("value") ?? map.optional("values") {
            throw given.error("a value derived from the authority table (derivedFrom) is computed when loaded; remove value")
        }
        guard evidence == .derived else {
            throw map.owner.error("a value computed from the authority table has evidence derived; found \(evidence.rawValue)")
        }
        var distribution = Distribution.fixed(.nan)
        if let distributionNode = map.optional("distribution") {
            let range = try distributionNode.mapping()
            let kind = try range.required("kind", expected: "triangular or pert").choice(Distribution.Kind.self)
            guard kind == .triangular || kind == .pert else {
                throw distributionNode.error("a derived value's range is triangular or pert (minimum, maximum; the mode is the derived value); found \(kind.rawValue)")
            }
            if let mode = range.optional("mode") {
                throw mode.error("the mode of a derived value is the value computed from the authority table; remove mode")
            }
            let lo = try checkedValue(try range.required("minimum", expected: unit.expectation), unit: unit)
            let hi = try checkedValue(try range.required("maximum", expected: unit.expectation), unit: unit)
            guard lo < hi else { throw range.owner.error("expected minimum < maximum, found \(lo) and \(hi)") }
            try range.rejectUnknownKeys(allowed: ["kind", "minimum", "maximum"])
            distribution = kind == .triangular ? .triangular(minimum: lo, mode: .nan, maximum: hi)
                                               : .pert(minimum: lo, mode: .nan, maximum: hi)
        }
        let sources = try parseSources(name: name, node: node, map: map, evidence: evidence, notes: notes)
        try map.rejectUnknownKeys(allowed: keys)
        let origin = node.line.map { "\(node.file):\($0)" } ?? node.file
        return Assumption(name: name, description: description, unit: unit, value: .nan, distribution: distribution,
                          sources: sources, evidence: evidence, notes: notes, origin: origin, derivation: derivation)
    }

    private static func parseSources(name: String, node: YAMLValue, map: YAMLMapping, evidence: Evidence,
                                     notes: String?) throws -> [Source] {
        var sources: [Source] = []
        if let sourceNode = map.optional("source") {
            if case .some = try? sourceNode.sequence() {
                sources = try sourceNode.sequence().map(parseSource)
            } else {
                sources = [try parseSource(sourceNode)]
            }
        }
        if evidence == .illustrative {
            guard let notes, !notes.isEmpty else {
                throw map.owner.error("an illustrative value must say why it was chosen; expected notes")
            }
        } else if sources.isEmpty {
            throw InputError(file: node.file, line: node.line, column: node.column, key: "\(name).source",
                             message: "missing; expected a source (title, publisher, date) or evidence: illustrative with notes")
        }
        if evidence == .derived, notes?.isEmpty ?? true {
            throw map.owner.error("a derived value must show its derivation; expected notes")
        }
        return sources
    }

    /// A number that respects its unit's range.
    static func checkedValue(_ node: YAMLValue, unit: Unit) throws -> Double {
        let value = try node.number(unit.expectation)
        guard unit.plausibleRange.contains(value) else {
            throw node.error("expected \(unit.expectation), found \(value)")
        }
        return value
    }

    static func parseDistribution(_ node: YAMLValue, unit: Unit) throws -> Distribution {
        let map = try node.mapping()
        let kind = try map.required("kind", expected: "a distribution kind").choice(Distribution.Kind.self)
        func bounded(_ key: String) throws -> Double {
            try checkedValue(try map.required(key, expected: unit.expectation), unit: unit)
        }
        let distribution: Distribution
        switch kind {
        case .fixed:
            distribution = .fixed(try bounded("value"))
        case .uniform:
            let lo = try bounded("minimum"), hi = try bounded("maximum")
            guard lo < hi else { throw map.owner.error("expected minimum < maximum, found \(lo) and \(hi)") }
            distribution = .uniform(minimum: lo, maximum: hi)
        case .triangular, .pert:
            let lo = try bounded("minimum"), mode = try bounded("mode"), hi = try bounded("maximum")
            guard lo < hi, lo <= mode, mode <= hi else {
                throw map.owner.error("expected minimum <= mode <= maximum with minimum < maximum, found \(lo), \(mode), \(hi)")
            }
            distribution = kind == .triangular ? .triangular(minimum: lo, mode: mode, maximum: hi)
                                               : .pert(minimum: lo, mode: mode, maximum: hi)
        case .normal:
            let mean = try bounded("mean")
            let sdNode = try map.required("standardDeviation", expected: "a positive number")
            let sd = try sdNode.number()
            // The spread may not exceed the width of the unit's range (beyond it every draw is clamped).
            let widest = unit.plausibleRange.upperBound - unit.plausibleRange.lowerBound
            guard sd > 0, sd <= widest else {
                throw sdNode.error("expected a standard deviation above 0 and at most \(InputBounds.shown(widest)) (the width of the range of \(unit.rawValue)), found \(sd)")
            }
            distribution = .normal(mean: mean, standardDeviation: sd)
        case .lognormal:
            let muNode = try map.required("logMean", expected: "a number")
            let sigmaNode = try map.required("logStandardDeviation", expected: "a positive number")
            let mu = try muNode.number(), sigma = try sigmaNode.number()
            guard sigma > 0, sigma <= InputBounds.maximumLogStandardDeviation else {
                throw sigmaNode.error("expected a log-scale standard deviation above 0 and at most \(InputBounds.shown(InputBounds.maximumLogStandardDeviation)), found \(sigma)")
            }
            // The mean e^(mu + sigma^2/2) must lie in the unit's range, and the median e^mu must not vanish.
            let upper = unit.plausibleRange.upperBound
            let highest = log(upper) - sigma * sigma / 2
            guard mu >= InputBounds.minimumLogMean, mu <= highest else {
                throw muNode.error("expected a log-scale mean between \(InputBounds.shown(InputBounds.minimumLogMean)) and \(String(format: "%.2f", highest)) (so the mean is at most \(InputBounds.shown(upper)) \(unit.rawValue) and the median does not vanish), found \(mu)")
            }
            distribution = .lognormal(logMean: mu, logStandardDeviation: sigma)
        case .beta:
            let aNode = try map.required("alpha", expected: "a positive number")
            let bNode = try map.required("beta", expected: "a positive number")
            let a = try aNode.number(), b = try bNode.number()
            for (node, value) in [(aNode, a), (bNode, b)] where !InputBounds.betaShape.contains(value) {
                throw node.error("expected a shape parameter \(InputBounds.describe(InputBounds.betaShape)), found \(value)")
            }
            guard unit == .fraction else { throw map.owner.error("a beta distribution lies in [0, 1]; expected unit fraction") }
            distribution = .beta(alpha: a, beta: b)
        }
        try map.rejectUnknownKeys()
        return distribution
    }

    static func parseSource(_ node: YAMLValue) throws -> Source {
        let map = try node.mapping()
        try map.rejectKeys(notIn: sourceKeys)
        let source = Source(
            title: try map.required("title", expected: "the document's title").string(),
            publisher: try map.required("publisher", expected: "who published it").string(),
            date: try map.required("date", expected: "the publication date, e.g. 2025-01").string(),
            url: try map.optional("url")?.string(),
            page: try map.optional("page")?.string(),
            licence: try map.optional("licence")?.string())
        try map.rejectUnknownKeys(allowed: sourceKeys)
        return source
    }
}
