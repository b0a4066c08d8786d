import Foundation
import MSCModel
import MSCSimulation

/// A hexagon map of the set `msc target` chose under one index: each council shaded by the kind
/// of post that serves it (none, today's post, its own, its county area's, its police force
/// area's), each chosen post's councils outlined together.
public enum TargetMap {
    /// What serves a council, in the order the legend lists it (the map's value).
    enum Service: Int, CaseIterable {
        case none = 0, today, own, countyArea, policeForceArea

        var label: String {
            switch self {
            case .none: return "no post in this set"
            case .today: return "today's post (kept)"
            case .own: return "own new post"
            case .countyArea: return "new county-area post"
            case .policeForceArea: return "new force-area post"
            }
        }

        init(kind: AreaKind) {
            switch kind {
            case .countyArea: self = .countyArea
            case .policeForceArea: self = .policeForceArea
            default: self = .own
            }
        }
    }

    /// The cells: a district takes what serves it, else what serves its county.
    static func cells(_ result: Targeting.Result, _ r: Targeting.IndexResult, layout: HexLayout,
                      authorities: AuthorityTable) -> [HexMapCell] {
        var unitOf: [String: Targeting.Unit] = [:]
        for chosen in r.chosen { for code in chosen.unit.councilCodes { unitOf[code] = chosen.unit } }
        // A council replaced by reorganisation (Surrey's districts from 2027-28) is not among a
        // post's members, its successor is; an area post serves every council of its area, so
        // such a council is found by its county area or police force area instead.
        var areaUnits: [String: Targeting.Unit] = [:]
        for chosen in r.chosen {
            switch chosen.unit.kind {
            case .policeForceArea: areaUnits["force:" + chosen.unit.areaName] = chosen.unit
            case .countyArea: areaUnits["county:" + chosen.unit.areaName] = chosen.unit
            default: break
            }
        }
        let today = Set(result.existingCouncilCodes)
        return authorities.authorities.filter(\.tier.countsResidents).compactMap { council in
            guard let hex = layout.hex(code: council.code) else { return nil }
            let codes = [council.code] + (council.countyCode.map { [$0] } ?? [])
            let service: Service, area: String
            if let code = codes.first(where: { today.contains($0) }) {
                (service, area) = (.today, "today:\(code)")
            } else if let unit = codes.lazy.compactMap({ unitOf[$0] }).first
                        ?? council.county.flatMap({ areaUnits["county:" + $0] })
                        ?? council.policeForceArea.flatMap({ areaUnits["force:" + $0] }) {
                (service, area) = (Service(kind: unit.kind), unit.id)
            } else {
                (service, area) = (.none, council.countyCode ?? council.code)
            }
            return HexMapCell(code: council.code, q: hex.q, r: hex.r, council: council.name, area: area, value: Double(service.rawValue),
                              population: council.population)
        }
    }

    /// The map as SVG, its notes written from the set drawn.
    public static func svg(_ result: Targeting.Result, _ r: Targeting.IndexResult, layout: HexLayout,
                           authorities: AuthorityTable, id: String) -> String {
        let cells = cells(result, r, layout: layout, authorities: authorities)
        let served = cells.filter { $0.value.map { Int($0) } ?? 0 >= Service.own.rawValue }.count
        let notes = [
            "\(r.chosen.count) new posts chosen under the \(r.index.label) index, costing £\(NumberText.grouped(r.cost, decimals: 0)) a year, "
                + "serve \(served) of the \(cells.count) hexagons; \(result.existingCouncils) councils keep today's post. "
                + "A county council has no hexagon: its districts show what serves them or it. Heavy lines outline each chosen post's councils.",
            AreaIncidenceIndex.caveat,
        ]
        return HexMapSVG.render(cells: cells, title: "Where first: \(result.scenarioName), \(r.index.label) index",
                                valueLabel: "What serves the council", format: { Service(rawValue: Int($0.rounded()))?.label ?? "" },
                                notes: notes, outlineLabel: "a chosen post's councils", licence: layout.licenceText, id: id)
    }
}
