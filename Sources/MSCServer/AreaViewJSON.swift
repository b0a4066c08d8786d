import MSCModel
import MSCReport
import MSCSimulation

/// POST /api/share's answer: ``ShareReport``'s JSON, its tables as `msc share` prints them (the
/// page's area view shows these cells as they are, so the page and the command line cannot
/// disagree), and how likely each council's post is still funded in the scenario's final year.
enum AreaViewJSON {
    static func json(_ report: ShareReport, plan: ScenarioPlan) -> JSONValue {
        guard case .object(var pairs) = report.json else { return report.json }
        pairs.append(("tables", .array((report.tables + [survivalTable(report, plan: plan)]).map(API.tableJSON))))
        return .object(pairs)
    }

    /// One line per council in the area with its post: the chance that post is still funded in
    /// the final year (``ScenarioPlan/AuthorityRow/survivalAtHorizon``, the pack's authority table's figure).
    static func survivalTable(_ report: ShareReport, plan: ScenarioPlan) -> ReportTable {
        let years = plan.scenario.horizonYears
        var table = ReportTable(
            title: "How long the posts last under \(plan.scenario.name): chance each council's post is still funded in year \(years) (\(plan.scenario.timing.year(years - 1)))",
            columns: [.init("Council", key: "name"), .init("Post serving it", key: "post"),
                      .init("Chance post funded in final year", key: "survivalAtHorizon")])
        let rows = Dictionary(plan.authorityRows.map { ($0.authority.code, $0) }, uniquingKeysWith: { first, _ in first })
        for line in report.councils {
            guard let row = rows[line.code] else { continue }
            table.append([.text(line.name), row.postName.map { .text($0) } ?? .text("none"),
                          row.postName == nil ? .text("n/a") : .percent(row.survivalAtHorizon, decimals: 1)])
        }
        table.notes = ["Averaged over the uncertainty in how likely each funder is to renew (msc funding shows each funder's part)."]
        return table
    }
}
