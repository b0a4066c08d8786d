import Foundation

/// Reads a scenario's numbers, each of which may be written as a number or as the name of an
/// assumption (so a scenario can reuse a calibrated value such as `pccGrantRenewalProbability`).
struct ScenarioValueReader {
    let assumptions: AssumptionSet

    /// A number in `unit`, or the central value of the assumption `node` names (which must be in `unit`).
    func number(_ node: YAMLValue, unit: Unit) throws -> Double {
        if (try? node.number()) != nil { return try AssumptionParser.checkedValue(node, unit: unit) }
        return try namedAssumption(node, unit: unit).value
    }

    /// A whole number of years, at least 1, or an assumption in years holding one.
    func wholeYears(_ node: YAMLValue) throws -> Int {
        let value = try (try? node.number()) ?? namedAssumption(node, unit: .years).value
        guard value >= 1, value.rounded() == value, value < 1000 else {
            throw node.error("expected a whole number of years, at least 1, found \(FundingMix.shown(value))")
        }
        return Int(value)
    }

    /// The assumption `node` names; it must exist and be stated in `unit`.
    func namedAssumption(_ node: YAMLValue, unit: Unit) throws -> Assumption {
        let text: String
        do { text = try node.string() } catch {
            throw node.error("expected \(unit.expectation) or the name of an assumption, found a mapping or list")
        }
        guard LowerCamelCase.matches(text) else {
            throw node.error("expected \(unit.expectation) or the name of an assumption, found \"\(text)\"")
        }
        guard let assumption = assumptions.byName[text] else {
            let near = NameSuggestion.hint(for: text, among: assumptions.byName.values.filter { $0.unit == unit }.map(\.name))
            throw node.error("no assumption is called \"\(text)\"\(near); expected \(unit.expectation) or the name of an assumption in \(assumptions.location)")
        }
        guard assumption.unit == unit else {
            throw node.error("assumption \"\(text)\" is in \(assumption.unit.rawValue); expected one in \(unit.rawValue)")
        }
        return assumption
    }
}
