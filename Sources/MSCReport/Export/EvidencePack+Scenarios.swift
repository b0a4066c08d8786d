import MSCModel
import MSCSimulation

extension EvidencePack {
    /// The evidence pack of scenarios already run: the comparison of their results, the
    /// per-authority, funding and training tables, every assumption they used, tornado bars,
    /// survival curves and central NPVs (`msc export` and the web page's download); with two or
    /// more scenarios and a `decisionSeed`, the decision analysis among them against the first, at
    /// the model's own value of an identification, against the scenario at `decisionBaseline`
    /// (the results must keep their input draws); with `maps`, one hexagon map per scenario of
    /// where its extra identifications fall (counties through their districts).
    public init(plans: [ScenarioPlan], comparison: ComparisonReport, title: String? = nil,
                decisionSeed: UInt64? = nil, decisionBaseline: Int = 0, threads: Int = 1,
                maps: (layout: HexLayout, authorities: AuthorityTable)? = nil) throws {
        // Every pack carries each scenario's Green Book checklist (DESIGN 3.7).
        var comparison = comparison
        if comparison.appraisals.isEmpty {
            comparison.appraisals = try plans.map { GreenBookChecklist(plan: $0, analysis: try CentralCaseAnalysis(plan: $0.plan)) }
        }
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
            centralNPVByScenario: Dictionary(uniqueKeysWithValues: plans.map { ($0.scenario.name, $0.plan.centralCase().netPresentValue) }),
            briefs: Dictionary(uniqueKeysWithValues: plans.map { ($0.scenario.name, ScenarioBrief(plan: $0)) }))
        trainingTable = ScenarioTables.training(plans)
        if let maps {
            try maps.layout.checkCovers(maps.authorities)
            // Named after the scenario, as its other charts are.
            self.maps = plans.map { plan in
                Chart(fileName: "\(Charts.fileStem(plan.scenario.name))-map.svg",
                      caption: "\(plan.scenario.name): extra adult identifications a year at full effect, by council (hexagon map).",
                      svg: HexMaps.svg(plan: plan, metric: .additionalIdentifications, layout: maps.layout,
                                       authorities: maps.authorities, id: "\(Charts.fileStem(plan.scenario.name))-map"))
            }
            mapLicence = maps.layout.licenceText
        }
        if plans.count >= 2, let decisionSeed {
            let problem = try DecisionProblem.build(plans: plans, results: comparison.results, baselineIndex: decisionBaseline)
            let analysis = DecisionAnalysis.analyse(problem, threshold: nil, seed: decisionSeed, threads: threads)
            decision = DecisionReport(analysis: analysis, descriptions: ScenarioPlan.assumptionDescriptions(plans),
                                      manifest: comparison.manifest)
        }
    }
}
