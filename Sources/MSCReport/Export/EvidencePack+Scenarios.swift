import MSCModel
import MSCSimulation

extension EvidencePack {
    /// The evidence pack of scenarios already run: the comparison of their results, the
    /// per-authority, funding and training tables, every assumption they used, tornado bars,
    /// survival curves and central NPVs (`msc export` and the web page's download).
    public init(plans: [ScenarioPlan], comparison: ComparisonReport, title: String? = nil) {
        var used: [String: Assumption] = [:]
        for plan in plans {
            for assumption in plan.assumptions.all { used[assumption.name] = assumption }
        }
        let names = plans.map(\.scenario.name).joined(separator: ", ")
        self.init(
            title: title ?? "Modern Slavery Coordinators: \(names)",
            comparison: comparison,
            authorityTable: ScenarioTables.authorities(plans),
            fundingTable: ScenarioTables.funding(plans),
            assumptions: used.values.sorted { $0.name < $1.name },
            tornado: Dictionary(uniqueKeysWithValues: plans.map { ($0.scenario.name, Tornado.bars(for: $0.plan)) }),
            survivalByScenario: Dictionary(uniqueKeysWithValues: plans.map { ($0.scenario.name, $0.expectedFunding.survival) }),
            centralNPVByScenario: Dictionary(uniqueKeysWithValues: plans.map { ($0.scenario.name, $0.plan.centralCase().netPresentValue) }))
        trainingTable = ScenarioTables.training(plans)
    }
}
