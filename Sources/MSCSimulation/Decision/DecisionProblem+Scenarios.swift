import MSCModel

/// A reason a set of runs cannot be analysed as one decision.
public struct DecisionError: Error, CustomStringConvertible, Sendable {
    public let description: String
}

extension DecisionProblem {
    /// The decision among simulated scenarios: `results[k]` is `plans[k]` run with the same seed and
    /// ``SimulationSettings/keepInputDraws`` on, so iteration i of every scenario shares its draws.
    ///
    /// Inputs drawn differently in two scenarios (a scenario that overrides an input's
    /// distribution) are kept apart, each named with its scenario.
    public static func build(plans: [ScenarioPlan], results: [SimulationResult], baselineIndex: Int) throws -> DecisionProblem {
        guard plans.count == results.count, plans.count >= 2 else {
            throw DecisionError(description: "a decision needs at least two scenarios")
        }
        let n = results[0].iterations
        if let other = results.first(where: { $0.iterations != n }) {
            throw DecisionError(description: "\(other.scenarioName) has \(other.iterations) iterations and \(results[0].scenarioName) \(n); expected the same number in every scenario")
        }
        let horizon = plans[0].model.horizonYears
        if let other = plans.first(where: { $0.model.horizonYears != horizon }) {
            throw DecisionError(description: "\(other.scenario.file): horizonYears is \(other.model.horizonYears) but \(plans[0].scenario.file) has \(horizon); expected the same horizon for every scenario of a decision")
        }
        var options: [DecisionOption] = []
        var inputs: [DecisionInput] = []
        for (plan, result) in zip(plans, results) {
            guard let draws = result.inputDraws else {
                throw DecisionError(description: "\(result.scenarioName) was run without keeping its input draws")
            }
            let npv = result.metrics[.netPresentValue] ?? [], costs = result.metrics[.presentValueCosts] ?? []
            let benefits = result.metrics[.presentValueBenefits] ?? []
            let yearlyCost = result.yearly[.cost] ?? [], yearlyIdentifications = result.yearly[.identifications] ?? []
            let factors = plan.discountFactors
            // Benefits are value × discounted identifications; dividing by the iteration's value
            // recovers the identifications exactly as the appraisal weighted them (the child
            // component counted in adult identifications of equal value, its benefit over that value).
            let discounted = (0..<n).map { i -> Double in
                let value = draws.valuePerIdentification[i]
                if value != 0 { return benefits[i] / value }
                return (0..<horizon).reduce(0) { $0 + yearlyIdentifications[i * horizon + $1] * factors[$1] }
            }
            options.append(DecisionOption(
                name: result.scenarioName, netPresentValue: npv, presentValueCosts: costs, discountedIdentifications: discounted,
                undiscountedCost: (0..<n).map { i in yearlyCost[(i * horizon)..<((i + 1) * horizon)].reduce(0, +) },
                identifications: result.metrics[.additionalIdentifications] ?? []))
            for name in draws.names {
                let column = draws.column(name) ?? []
                if let existing = inputs.firstIndex(where: { $0.name == name }) {
                    if inputs[existing].draws != column {
                        inputs.append(DecisionInput(name: "\(name) (\(result.scenarioName))", draws: column))
                    }
                } else {
                    inputs.append(DecisionInput(name: name, draws: column))
                }
            }
        }
        let base = plans[baselineIndex].plan
        return DecisionProblem(
            options: options, baselineIndex: baselineIndex, inputs: inputs,
            groups: InformationGroups.groups(for: plans.map(\.scenario)), horizonYears: horizon,
            annuityFactor: base.model.discountFactors.reduce(0, +),
            centralValuePerIdentification: base.model.valuePerIdentification(base.nationalInputs(base.centralNationalValues)))
    }
}
