import Foundation
import MSCModel
import MSCSimulation

/// What a scenario's hexagon map can be coloured by.
public enum HexMapMetric: String, CaseIterable, Sendable {
    /// Coordinator posts serving the hexagon's residents (a district's own and its county's).
    case posts
    /// Coverage after sharing, weighted by each tier's baseline identifications.
    case coverage
    /// Yearly cost of the posts borne by councils' own core budgets (not the public health grant, a DHSC grant).
    case netCostToCouncil = "net-cost-to-council"
    /// Extra adult identifications a year at full effect (central case).
    case additionalIdentifications = "additional-identifications"

    /// The legend's heading, with its unit.
    public var label: String {
        switch self {
        case .posts: return "Posts serving the area"
        case .coverage: return "Coverage of a post"
        case .netCostToCouncil: return "Cost to councils' own core budgets, £ a year"
        case .additionalIdentifications: return "Extra identifications a year"
        }
    }

    /// How a value is written in the legend and tooltips.
    public func format(_ value: Double) -> String {
        switch self {
        case .posts: return NumberText.grouped(value, decimals: value.rounded() == value ? 0 : 1)
        case .coverage: return NumberText.grouped(value * 100, decimals: 0) + "%"
        case .netCostToCouncil: return "£" + NumberText.grouped(value, decimals: 0)
        case .additionalIdentifications: return NumberText.grouped(value, decimals: 1)
        }
    }
}

/// The hexagons of a scenario's map: one per lower-tier or single-tier council of the layout,
/// each showing its council's value with its county's part added (a county is drawn through its
/// districts, each taking the county's value in proportion to its residents).
public enum HexMaps {
    /// The cells for `metric` under `plan`.
    public static func cells(plan: ScenarioPlan, metric: HexMapMetric, layout: HexLayout,
                             authorities: AuthorityTable) -> [HexMapCell] {
        let rows = Dictionary(plan.authorityRows.map { ($0.authority.code, $0) }, uniquingKeysWith: { first, _ in first })
        let councilShare = plan.scenario.funding.councilBudgetShare
        // A council replaced before the programme starts (Surrey's districts from 2027-28) is drawn
        // as part of its successor: the successor's figures shared among its predecessors' hexagons by residents.
        let successorOf = Dictionary(plan.reorganisations.flatMap { r in r.predecessorCodes.map { ($0, r.successorCode) } },
                                     uniquingKeysWith: { first, _ in first })
        return authorities.authorities.filter(\.tier.countsResidents).compactMap { council in
            guard let hex = layout.hex(code: council.code) else { return nil }
            if rows[council.code] == nil, let successor = successorOf[council.code].flatMap({ rows[$0] }) {
                let share = Double(council.population) / Double(max(1, successor.authority.population))
                let value: Double
                switch metric {
                case .posts: value = successor.postName == nil ? 0 : 1
                case .coverage: value = successor.coverage
                case .netCostToCouncil: value = councilShare * successor.annualCost * share
                case .additionalIdentifications: value = successor.additionalIdentificationsPerYear * share
                }
                return HexMapCell(code: council.code, q: hex.q, r: hex.r, council: "\(successor.authority.name) (was \(council.name))",
                                  unit: successor.authority.code, area: successor.authority.code, value: value,
                                  place: successor.authority.name, population: council.population)
            }
            // A council the scenario has no figures for keeps its hexagon, hatched, and the notes say why.
            guard let own = rows[council.code] else {
                return HexMapCell(code: council.code, q: hex.q, r: hex.r, council: council.name,
                                  area: council.countyCode ?? council.code, value: nil, population: council.population)
            }
            let county = council.countyCode.flatMap { rows[$0] }
            let share = county.map { Double(council.population) / Double($0.authority.population) } ?? 0
            let value: Double
            switch metric {
            case .posts:
                value = Double(Set([own.postName, county?.postName].compactMap { $0 }).count)
            case .coverage:
                let weight = own.baselineIdentifications + share * (county?.baselineIdentifications ?? 0)
                value = weight > 0
                    ? (own.baselineIdentifications * own.coverage + share * (county.map { $0.baselineIdentifications * $0.coverage } ?? 0)) / weight
                    : own.coverage
            case .netCostToCouncil:
                value = councilShare * (own.annualCost + share * (county?.annualCost ?? 0))
            case .additionalIdentifications:
                value = own.additionalIdentificationsPerYear + share * (county?.additionalIdentificationsPerYear ?? 0)
            }
            return HexMapCell(code: council.code, q: hex.q, r: hex.r, council: council.name,
                              area: council.countyCode ?? council.code, value: value, population: council.population)
        }
    }

    /// Which case, which year and which effect a map of `metric` shows: the one place this is said
    /// (under the map's title, and as the pack's caption).
    public static func subtitle(plan: ScenarioPlan, metric: HexMapMetric) -> String {
        let first = plan.scenario.timing.firstYear
        return metric == .additionalIdentifications
            ? "Central case, at full effect (after the ramp-up, posts funded), with the councils and posts of \(first), the first programme year"
            : "Central case, in the first programme year, \(first)"
    }

    /// One map of `plan` as SVG, its notes written from what was drawn.
    public static func svg(plan: ScenarioPlan, metric: HexMapMetric, layout: HexLayout, authorities: AuthorityTable,
                           id: String) -> String {
        let cells = cells(plan: plan, metric: metric, layout: layout, authorities: authorities)
        let first = plan.scenario.timing.firstYear
        var notes = ["A county council has no hexagon: its value is shared among its districts by residents (mid-\(authorities.populationYear)) and added to theirs; heavy lines outline county areas. The largest places by residents are named."]
        let successors = Set(cells.filter { $0.unit != $0.code }.map(\.unit))
        for code in successors.sorted() {
            guard let row = plan.authorityRows.first(where: { $0.authority.code == code }) else { continue }
            let count = cells.filter { $0.unit == code }.count
            let year = plan.reorganisations.first { $0.successorCode == code }?.effective.description ?? first.description
            notes.append("\(row.authority.name), a council from \(year), is drawn through the \(count) hexagons of the councils it replaces, its figures shared among them by residents.")
        }
        let unvalued = cells.filter { $0.value == nil }.map(\.council).sorted()
        if !unvalued.isEmpty {
            notes.append("Hatched, no value (\(unvalued.count)): \(unvalued.joined(separator: ", ")): the scenario has no figures for \(unvalued.count == 1 ? "this council" : "these councils") in \(first).")
        }
        let missing = authorities.authorities.filter(\.tier.countsResidents).count - cells.count
        if missing > 0 { notes.append("\(missing) council(s) of the authority table have no hexagon in the layout and are not drawn.") }
        if metric == .netCostToCouncil {
            let share = plan.scenario.funding.councilBudgetShare
            notes.append("Councils' own core budgets pay \(NumberText.grouped(share * 100, decimals: 0))% of each post under this scenario's funding; other funders pay the rest.")
        }
        return HexMapSVG.render(cells: cells, title: "\(metric.label): \(plan.scenario.name)", subtitle: subtitle(plan: plan, metric: metric),
                                valueLabel: metric.label, format: metric.format, notes: notes, licence: layout.licenceText, id: id)
    }
}
