import MSCModel
import MSCSimulation

/// The per-authority and funding tables of an evidence pack, from the central case of each scenario.
public enum ScenarioTables {
    /// One row per authority and scenario: its post, cost share, coverage, identifications, survival.
    public static func authorities(_ plans: [ScenarioPlan]) -> ReportTable {
        var table = ReportTable(
            title: "Each authority under each scenario (central case)",
            columns: [.init("Scenario", key: "scenario"), .init("Code", key: "code"), .init("Authority", key: "authority"),
                      .init("Tier", key: "tier"), .init("Population", key: "population"), .init("Post serving it", key: "post"),
                      .init("Cost share", key: "costShare"), .init("Pays a year, council's cash cost (£, tax year \(Set(plans.map(\.costBasis.taxYear)).sorted().joined(separator: ", ")))", key: "annualCost"),
                      .init("Coverage", key: "coverage"), .init("Baseline identifications a year", key: "baselineIdentifications"),
                      .init("Additional identifications a year at full effect, net of displacement", key: "additionalIdentificationsPerYear"),
                      .init("Chance post funded in final year", key: "survivalAtHorizon")])
        for plan in plans {
            for row in plan.authorityRows {
                table.append([.text(plan.scenario.name), .text(row.authority.code), .text(row.authority.name),
                              .text(row.authority.tier.label), .integer(row.authority.population),
                              row.postName.map { .text($0) } ?? .text("none"), .percent(row.costShare, decimals: 2),
                              .pounds(row.annualCost), .percent(row.coverage, decimals: 1),
                              .number(row.baselineIdentifications, decimals: 2),
                              .number(row.additionalIdentificationsPerYear, decimals: 2),
                              .percent(row.survivalAtHorizon, decimals: 1)])
            }
        }
        let years = Set(plans.flatMap { $0.authorityRows.map(\.authority.populationYear) }).sorted().map { "mid-\($0)" }
        table.notes = ["Population: ONS \(years.joined(separator: ", ")) (OGL v3). Identifications: adult NRM referrals and Duty to Notify reports; two-tier areas split between county and districts (countyShareOfTwoTierIdentifications)."]
        return table
    }

    /// One row per funder and scenario: expected cost over the horizon and survival at 1, 3, 5 years.
    public static func funding(_ plans: [ScenarioPlan]) -> ReportTable {
        var table = ReportTable(
            title: "Funding: expected cost to each funder and the chance a post is still funded (averaged over the renewal probabilities' uncertainty)",
            columns: [.init("Scenario", key: "scenario"), .init("Funder", key: "funder"),
                      .init("Share at start", key: "initialShare"), .init("Expected cost over horizon (£)", key: "expectedCost"),
                      .init("Still funded after 1 year", key: "survivalAfter1Year"), .init("After 3 years", key: "survivalAfter3Years"),
                      .init("After 5 years", key: "survivalAfter5Years")])
        for plan in plans {
            let funding = plan.expectedFunding
            let costs = funding.costByFunder(postCostByYear: plan.fullyFundedPostCostByYear)
            let labels = plan.scenario.funding.funderLabels
            let shares = plan.scenario.funding.sources.map(\.share) + [0]
            func survival(_ year: Int) -> ReportTable.Cell {
                year < funding.survival.count ? .percent(funding.survival[year], decimals: 1) : .empty
            }
            // Survival belongs to the post, not to a funder: one row per scenario carries it.
            table.append([.text(plan.scenario.name), .text("All funders (chance a post is still funded)"), .empty,
                          .pounds(costs.reduce(0, +)), survival(1), survival(3), survival(5)])
            for (index, label) in labels.enumerated() {
                if index == plan.scenario.funding.hostAbsorbedIndex, plan.scenario.funding.absorbProbability == 0 { continue }
                table.append([.text(plan.scenario.name), .text(label),
                              index < plan.scenario.funding.sources.count ? .percent(shares[index], decimals: 0) : .empty,
                              .pounds(costs[index]), .empty, .empty, .empty])
            }
        }
        table.notes = ["Still funded after t years: the chance a post is funded in year t + 1 (the first year is year 1), as msc funding reports it; it is the post's, whoever pays. Costs are real, undiscounted, for all the scenario's posts."]
        for plan in plans {
            if let ends = plan.scenario.funding.programmeEndProbability(horizonYears: plan.scenario.horizonYears) {
                table.notes.append("\(plan.scenario.name): one national decision ends every post together; the programme as a whole ends within \(plan.scenario.horizonYears) years with probability \(NumberText.fixed(ends * 100, decimals: 1))%.")
            }
        }
        return table
    }

    /// What the training reaches in scenarios that include it (nil when none does): per tier,
    /// staff, those holding current training in the final year with the coordinators and without,
    /// and the extra cost a year.
    public static func training(_ plans: [ScenarioPlan]) -> ReportTable? {
        let withTraining = plans.filter { !$0.training.isEmpty }
        guard !withTraining.isEmpty else { return nil }
        var table = ReportTable(
            title: "Training under the three-tier framework (authorities served, final year of the horizon)",
            columns: [.init("Scenario", key: "scenario"), .init("Tier", key: "tier"), .init("Staff", key: "staff"),
                      .init("Trained, with coordinators", key: "trainedWithCoordinator"),
                      .init("Trained, without", key: "trainedWithout"),
                      .init("Extra cost a year (£)", key: "extraCostPerYear")])
        for plan in withTraining {
            for tier in plan.training {
                table.append([.text(plan.scenario.name), .text(tier.tier.label), .number(tier.staff, decimals: 0),
                              .number(tier.trainedAtHorizonWithCoordinator, decimals: 0),
                              .number(tier.trainedAtHorizonWithout, decimals: 0), .pounds(tier.extraCostPerYear)])
            }
        }
        table.notes = ["Trained: staff holding current training (refreshed on time). Extra cost: staff time and delivery beyond what councils spend without a coordinator, a year on average; it enters the scenario's costs while each post is funded. Effects on confidence (45% to 99% able to identify modern slavery after training, Acting Local) are in msc training."]
        return table
    }
}
