import MSCModel

extension ScenarioPlan {
    /// Results are labelled by scenario name, so two scenarios with one name could not be told
    /// apart: an ``InputError`` naming the second file when two plans share a name.
    public static func requireDistinctNames(_ plans: [ScenarioPlan]) throws {
        var seen: [String: String] = [:]
        for plan in plans {
            if let first = seen[plan.scenario.name] {
                throw InputError(file: plan.scenario.file, key: "name",
                                 message: "\"\(plan.scenario.name)\" is also the name of \(first); expected each scenario compared to have its own name")
            }
            seen[plan.scenario.name] = plan.scenario.file
        }
    }

    /// Every national input's description, by name, across the plans (for labelling charts and tables).
    public static func assumptionDescriptions(_ plans: [ScenarioPlan]) -> [String: String] {
        var descriptions: [String: String] = [:]
        for plan in plans { for assumption in plan.plan.nationalAssumptions { descriptions[assumption.name] = assumption.description } }
        return descriptions
    }
}
