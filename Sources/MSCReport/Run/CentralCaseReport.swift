import MSCModel
import MSCSimulation

/// The deterministic central case of a scenario written out: per-year flows, present values, NPV,
/// BCR and the switching value of each key input (Green Book), as ``CentralCaseAnalysis`` found them.
public struct CentralCaseReport: Report {
    public let plan: ScenarioPlan
    public let outcome: ScenarioOutcome
    public let switchingValues: [SwitchingValue]

    /// The report of `plan`'s central case, `analysis` (``CentralCaseAnalysis`` of `plan.plan`).
    public init(plan: ScenarioPlan, analysis: CentralCaseAnalysis) {
        self.plan = plan
        outcome = analysis.outcome
        switchingValues = analysis.switchingValues
    }

    public var tables: [ReportTable] {
        let scenario = plan.scenario
        let timing = scenario.timing
        var flows = ReportTable(
            title: "\(scenario.name): central-input run by year (every input at its central value; real £, \(scenario.priceBaseYear) prices, undiscounted)",
            columns: [.init("Year", key: "year"), .init("Financial year", key: "financialYear"),
                      .init("Posts in place", key: "postsInPlace"), .init("Posts funded (expected)", key: "posts"),
                      .init("Programme cost", key: "cost"), .init("Additional identifications", key: "identifications"),
                      .init("Triggered costs", key: "triggeredCost"), .init("Benefit", key: "benefit"),
                      .init("Discount factor", key: "discountFactor")])
        for t in 0..<outcome.costByYear.count {
            flows.append([.integer(t + 1), .text(timing.year(t).description), .integer(plan.postsInPlaceByYear[t]),
                          .number(outcome.postsByYear[t], decimals: 1), .pounds(outcome.costByYear[t]),
                          .number(outcome.identificationsByYear[t], decimals: 1), .pounds(outcome.triggeredCostByYear[t]),
                          .pounds(outcome.benefitByYear[t]), .number(plan.discountFactors[t], decimals: 4)])
        }
        flows.notes = ["Programme cost: posts at full economic cost and any training, before optimism bias. Additional identifications are net of displacement. Discount factors count from the price base year \(scenario.priceBaseYear)."]
        flows.notes += plan.structureNotes
        var totals = ReportTable(title: "\(scenario.name): appraisal, central-input run (HM Treasury Green Book)",
                                 columns: [.init("Measure", key: "measure"), .init("Value", key: "value")])
        totals.append([.text("Cost per additional identification (programme cost with optimism bias ÷ identifications, both discounted)"),
                       .pounds(outcome.costPerIdentification)])
        totals.append([.text("Additional identifications over \(outcome.costByYear.count) years (net of displacement)"),
                       .number(outcome.totalIdentifications, decimals: 0)])
        totals.append([.text("Present value of programme costs (with optimism bias)"), .pounds(outcome.presentValueProgrammeCosts)])
        let triggered = plan.plan.centralTriggeredCosts
        for body in TriggeredCosts.Body.allCases {
            totals.append([.text("Present value of triggered costs: \(body.rawValue)"),
                           .pounds(outcome.presentValueIdentifications * triggered.perIdentification(body))])
        }
        totals.append([.text("Present value of costs (programme and triggered)"), .pounds(outcome.presentValueCosts)])
        totals.append([.text("Present value of benefits (harm avoided, after the evidence reduction)"), .pounds(outcome.presentValueBenefits)])
        totals.append([.text("Net present value"), .pounds(outcome.netPresentValue)])
        totals.append([.text("Benefit-cost ratio"), .number(outcome.benefitCostRatio, decimals: 2)])
        totals.notes = [
            "Every input at its central value (for a triangular range its most likely value; for the rate ratio its median), posts weighted by their expected survival E[q^k]. The appraisal's central estimate is the Monte Carlo mean (`msc run` without --deterministic); it differs from this run because several inputs are skewed.",
            "Cost per additional identification needs no money value of harm; NPV and BCR rest on the monetised share of harm only.",
            plan.adjustments.optimismBiasStatement,
            plan.adjustments.benefitReductionStatement,
        ]
        return [flows, totals] + GreenBookChecklist(self).tables + (ScenarioTables.training([plan]).map { [$0] } ?? [])
    }

    /// A terminal gets ``terminalTables``.
    public func tables(in format: TableFormat) -> [ReportTable] {
        format == .table ? terminalTables : tables
    }

    /// ``tables`` for a terminal: the checklist's long sentences as lines rather than cut cells.
    public var terminalTables: [ReportTable] {
        var all = tables
        all.replaceSubrange(2..<4, with: GreenBookChecklist(self).terminalTables)
        return all
    }

    static func decimals(_ value: Double) -> Int { abs(value) >= 100 ? 0 : (abs(value) >= 1 ? 2 : 4) }

    public var json: JSONValue {
        .object([
            ("scenario", .string(plan.scenario.name)),
            ("priceBaseYear", .string(plan.scenario.priceBaseYear)),
            ("horizonYears", .number(Double(outcome.costByYear.count))),
            ("posts", .number(Double(plan.postsInPlaceByYear.first ?? 0))),
            ("financialYears", .array((0..<outcome.costByYear.count).map { .string(plan.scenario.timing.firstYear.advanced(by: $0).description) })),
            ("postsByYear", .numbers(plan.postsInPlaceByYear.map(Double.init))),
            ("authorityStructure", .array(plan.structureNotes.map { .string($0) })),
            ("costs", .numbers(outcome.costByYear)),
            ("benefits", .numbers(outcome.benefitByYear)),
            ("identifications", .numbers(outcome.identificationsByYear)),
            ("postsFunded", .numbers(outcome.postsByYear)),
            ("discountFactors", .numbers(plan.discountFactors)),
            ("pvCosts", .number(outcome.presentValueCosts)),
            ("pvBenefits", .number(outcome.presentValueBenefits)),
            ("npv", .number(outcome.netPresentValue)),
            ("bcr", .number(outcome.benefitCostRatio)),
            ("costPerIdentification", .number(outcome.costPerIdentification)),
            ("firstYear", .string(plan.scenario.firstYear)),
            ("optimismBias", .string(plan.adjustments.optimismBiasStatement)),
            ("benefitReduction", .string(plan.adjustments.benefitReductionStatement)),
            ("greenBook", GreenBookChecklist(self).json),
            ("training", ScenarioTables.training([plan])?.jsonRows ?? .null),
            ("switchingValues", .array(switchingValues.map { value in
                .object([("name", .string(value.name)), ("central", .number(value.central)),
                         ("switchingValue", value.switchingValue.map { .number($0) } ?? .null),
                         ("direction", value.direction.map { .string($0.rawValue) } ?? .null),
                         ("statement", .string(value.statement))])
            })),
        ])
    }
}

/// Per-year fans of one run: cost, benefit, identifications and posts, P5/P50/P95.
public enum FanReport {
    public static func table(_ result: SimulationResult) -> ReportTable {
        var table = ReportTable(
            title: "\(result.scenarioName): per-year fans, median (5th to 95th percentile)",
            columns: [.init("Year", key: "year"), .init("Cost", key: "cost"), .init("Benefit", key: "benefit"),
                      .init("Additional identifications", key: "identifications"), .init("Posts funded", key: "posts")])
        let cost = result.fan(.cost), benefit = result.fan(.benefit)
        let ids = result.fan(.identifications), posts = result.fan(.posts)
        func band(_ s: Summary, money: Bool) -> ReportTable.Cell {
            let f: (Double) -> String = { money ? ReportTable.Cell.pounds($0).display.compactMoney($0) : NumberText.grouped($0, decimals: 0) }
            return .text("\(f(s.p50)) (\(f(s.p5)) to \(f(s.p95)))")
        }
        for t in 0..<result.horizonYears {
            table.append([.integer(t + 1), band(cost[t], money: true), band(benefit[t], money: true),
                          band(ids[t], money: false), band(posts[t], money: false)])
        }
        return table
    }
}
