import MSCModel
import MSCSimulation

/// One post's cost on the council's cash basis beside the appraisal's full economic cost, line by
/// line (`msc share`, `msc funding`), so that a finance officer and an analyst quoting different
/// figures for one post can see where they part.
public enum PostCostReconciliation {
    public static func table(_ bases: ScenarioPlan.PostCostBases) -> ReportTable {
        var table = ReportTable(
            title: "One full-time post a year, tax year \(bases.taxYear) (\(bases.taxYear) pounds): the council's cash cost and the full economic cost the appraisal counts",
            columns: [.init("Line", key: "line"), .init("Council's cash cost", key: "cash"),
                      .init("Full economic cost", key: "fullEconomic"), .init("Difference", key: "difference")])
        let lines: [(String, KeyPath<PostCostBreakdown, Double>)] = [
            ("Salary", \.salary), ("Employer National Insurance", \.employerNI), ("Employer pension", \.pension),
            ("Apprenticeship levy", \.apprenticeshipLevy), ("Overheads", \.overheads), ("Operational budget", \.operationalBudget),
            ("Total", \.total),
        ]
        for (label, path) in lines {
            let cash = bases.cash[keyPath: path], full = bases.fullEconomic[keyPath: path]
            table.append([.text(label), .pounds(cash), .pounds(full), .pounds(full - cash)])
        }
        table.notes = [
            "Council's cash cost: what the council pays out, at msc cost's rates in \(bases.taxYear) (the salary brought forward to it). msc share, the web page's council card and the pack's authority table give this figure.",
            "Full economic cost: the same post as the appraisal costs it (msc run, compare, decide, funding, the pack's appraisal), adding the apprenticeship levy and overheads; optimism bias is added on top of it in the appraisal.",
            "The Acting Local report's £57,533 is a third basis: 2025-26 pay and NI, no operational budget (msc cost --operational-budget 0).",
        ]
        return table
    }

    /// The two totals for scripts: tax year, cash and full economic cost of a full-time post.
    public static func json(_ bases: ScenarioPlan.PostCostBases) -> JSONValue {
        .object([("taxYear", .string(bases.taxYear)),
                 ("cashPerFullTimePost", .number(ShareReport.pennies(bases.cash.total))),
                 ("fullEconomicPerFullTimePost", .number(ShareReport.pennies(bases.fullEconomic.total)))])
    }
}
