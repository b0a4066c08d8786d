import Foundation
import MSCModel
import MSCSimulation

/// The evidence pack's "Where first?" section (`msc export --target AMOUNT`): under each index,
/// the chosen set's table, the frontier chart and a hexagon map of the set, each with the caveat
/// that the police-force-area index measures police activity as much as incidence.
public struct TargetPackSection {
    public let report: TargetReport
    /// Per index: the frontier chart, then the map.
    public let charts: [Chart]

    public init(result: Targeting.Result, layout: HexLayout, authorities: AuthorityTable) {
        report = TargetReport(result: result)
        charts = result.results.flatMap { r -> [Chart] in
            let stem = "where-first-\(r.index.rawValue)"
            let frontier = Chart(fileName: "\(stem)-frontier.svg",
                                 caption: "Efficiency frontier under the \(r.index.label) index: the best set's expected identifications a year and NPV "
                                     + "for each budget, with the universal rollout, the status quo and the pack's scenarios at their own cost. "
                                     + AreaIncidenceIndex.caveat,
                                 svg: FrontierChart.svg(result, r, id: "\(stem)-frontier"))
            let map = Chart(fileName: "\(stem)-map.svg",
                            caption: "The set chosen under the \(r.index.label) index, by council (hexagon map). " + AreaIncidenceIndex.caveat,
                            svg: TargetMap.svg(result, r, layout: layout, authorities: authorities, id: "\(stem)-map"))
            return r.frontier.count > 1 ? [frontier, map] : [map]
        }
    }

    /// One sentence a reader who goes no further needs: what each index chooses.
    public var headline: String {
        let result = report.result
        let limit: String
        switch result.limit {
        case .budget(let amount): limit = "£\(NumberText.grouped(amount, decimals: 0)) a year"
        case .posts(let count): limit = "\(count) posts"
        }
        return "With \(limit) for new posts in \(result.scenarioName)'s terms: " + result.results.map { r in
            "under the \(r.index.label) index, \(r.chosen.count) posts costing £\(NumberText.grouped(r.cost, decimals: 0)) a year "
                + "for \(NumberText.fixed(r.expectedIdentifications, decimals: 1)) expected additional identifications a year"
        }.joined(separator: "; ") + ". " + AreaIncidenceIndex.caveat
    }

    /// The tables for CSV and XLSX: the chosen set and the frontier under each index.
    public var namedTables: [(stem: String, sheet: String, table: ReportTable)] {
        report.result.results.flatMap { r -> [(stem: String, sheet: String, table: ReportTable)] in
            let chosen = ("where-first-\(r.index.rawValue)", String("Where first \(r.index.rawValue)".prefix(31)), report.chosenTable(r))
            guard !r.frontier.isEmpty else { return [chosen] }
            return [chosen, ("frontier-\(r.index.rawValue)", String("Frontier \(r.index.rawValue)".prefix(31)), report.frontierTable(r))]
        }
    }
}
