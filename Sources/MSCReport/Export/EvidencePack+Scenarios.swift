import MSCModel
import MSCSimulation

extension EvidencePack {
    /// The evidence pack of scenarios already run and analysed: the comparison of their results,
    /// each scenario's Green Book checklist (DESIGN 3.7) with its switching values, the
    /// per-authority, funding and training tables, every assumption they used, tornado bars,
    /// survival curves and central NPVs (`msc export` and the web page's download); the decision
    /// analysis when `analysis` holds one; with `maps`, one hexagon map per scenario of where its
    /// extra identifications fall (counties through their districts).
    ///
    /// Formats only: every figure comes from `analysis` (``EvidenceAnalysis`` in MSCSimulation).
    public init(analysis: EvidenceAnalysis, comparison: ComparisonReport, title: String? = nil,
                maps: (layout: HexLayout, authorities: AuthorityTable)? = nil) throws {
        let plans = analysis.plans
        var comparison = comparison
        comparison.appraisals = analysis.scenarios.map { GreenBookChecklist(plan: $0.plan, analysis: $0.centralCase) }
        var used: [String: Assumption] = [:]
        for plan in plans {
            for assumption in plan.assumptions.all { used[assumption.name] = assumption }
        }
        let names = plans.map(\.scenario.name).joined(separator: ", ")
        func byName<Value>(_ value: (EvidenceAnalysis.Scenario) -> Value) -> [String: Value] {
            Dictionary(uniqueKeysWithValues: analysis.scenarios.map { ($0.plan.scenario.name, value($0)) })
        }
        self.init(
            title: title ?? "Modern Slavery Coordinators: \(names)",
            comparison: comparison,
            authorityTable: ScenarioTables.authorities(plans),
            fundingTable: ScenarioTables.funding(plans),
            assumptions: used.values.sorted { $0.name < $1.name },
            tornado: byName(\.tornado),
            survivalByScenario: byName(\.plan.expectedFunding.survival),
            centralNPVByScenario: byName(\.centralCase.outcome.netPresentValue),
            briefs: byName { ScenarioBrief(plan: $0.plan) })
        trainingTable = ScenarioTables.training(plans)
        if let maps {
            try maps.layout.checkCovers(maps.authorities)
            // Named after the scenario, as its other charts are.
            self.maps = plans.map { plan in
                Chart(fileName: "\(Charts.fileStem(plan.scenario.name))-map.svg",
                      caption: "\(plan.scenario.name): extra adult identifications a year by council (hexagon map; the case, year and effect it shows are under its title).",
                      svg: HexMaps.svg(plan: plan, metric: .additionalIdentifications, layout: maps.layout,
                                       authorities: maps.authorities, id: "\(Charts.fileStem(plan.scenario.name))-map"))
            }
            mapLicence = maps.layout.licenceText
        }
        if let decided = analysis.decision {
            decision = DecisionReport(analysis: decided, descriptions: ScenarioPlan.assumptionDescriptions(plans),
                                      manifest: comparison.manifest)
        }
    }
}
