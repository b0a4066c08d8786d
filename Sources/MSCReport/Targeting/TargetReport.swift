import Foundation
import MSCModel
import MSCSimulation

/// `msc target`: the posts a budget should fund, under both incidence indices, with their
/// robustness and the efficiency frontier (``Targeting``).
public struct TargetReport: Report {
    public let result: Targeting.Result

    public init(result: Targeting.Result) { self.result = result }

    private var limitText: String {
        switch result.limit {
        case .budget(let amount): return "a budget of £\(NumberText.grouped(amount, decimals: 0)) a year"
        case .posts(let count): return "\(count) posts"
        }
    }

    /// The chosen set under one index: rank, unit, councils served, cost, expected identifications, cumulative.
    public func chosenTable(_ r: Targeting.IndexResult) -> ReportTable {
        var table = ReportTable(
            title: "Where first: \(result.scenarioName), \(limitText), objective \(result.objective.rawValue), index \(r.index.label)",
            columns: [.init("Rank", key: "rank"), .init("Unit", key: "unit"), .init("Kind", key: "kind"),
                      .init("Councils served", key: "councils"), .init("Cost a year", key: "cost"),
                      .init("Expected identifications a year", key: "expectedIdentifications"),
                      .init("Cumulative cost", key: "cumulativeCost"), .init("Cumulative identifications", key: "cumulativeIdentifications"),
                      .init("P(in draw's optimum)", key: "probabilityInDrawOptimum")])
        var cost = 0.0, ids = 0.0
        for (rank, chosen) in r.chosen.enumerated() {
            cost += chosen.unit.annualCost
            ids += chosen.expectedIdentifications
            table.append([.integer(rank + 1), .text(chosen.unit.name), .text(chosen.unit.kind.label),
                          .integer(chosen.unit.councilCodes.count), .pounds(chosen.unit.annualCost),
                          .number(chosen.expectedIdentifications, decimals: 2), .pounds(cost), .number(ids, decimals: 2),
                          .percent(chosen.probabilityInDrawOptimum, decimals: 0)])
        }
        let regretUnit = result.objective == .identifications ? "identifications a year" : "pounds a year"
        table.notes = [
            "\(r.chosen.count) posts serving \(r.chosen.reduce(0) { $0 + $1.unit.councilCodes.count }) councils, £\(NumberText.grouped(r.cost, decimals: 0)) a year, "
                + "\(NumberText.fixed(r.expectedIdentifications, decimals: 2)) expected additional identifications a year "
                + "(£\(NumberText.grouped(r.expectedIdentifications > 0 ? r.cost / r.expectedIdentifications : 0, decimals: 0)) each); "
                + "expected net benefit a year \(r.expectedNetBenefitPerYear < 0 ? "-£" : "£")\(NumberText.grouped(abs(r.expectedNetBenefitPerYear), decimals: 0)).",
            "Robustness: expected regret \(NumberText.fixed(r.expectedRegret, decimals: 3)) \(regretUnit) (mean shortfall of this set from each draw's own optimum); "
                + "P(in draw's optimum) is the share of draws whose optimum includes the unit"
                + (r.decisiveDrawShare < 1
                    ? ", among the \(NumberText.fixed(r.decisiveDrawShare * 100, decimals: 1))% of draws in which some post adds identifications (in the rest every set ties at none)."
                    : "."),
        ] + result.caveats
        return table
    }

    /// The frontier under one index.
    public func frontierTable(_ r: Targeting.IndexResult) -> ReportTable {
        var table = ReportTable(
            title: "Efficiency frontier, index \(r.index.label)",
            columns: [.init("Budget a year", key: "budget"), .init("Posts", key: "posts"), .init("Cost a year", key: "cost"),
                      .init("Expected identifications a year", key: "expectedIdentifications"),
                      .init("Marginal cost per identification", key: "marginalCost"),
                      .init("Expected net benefit a year", key: "netBenefitPerYear"),
                      .init("Expected NPV over \(result.horizonYears) years", key: "netPresentValue")])
        var previous: Targeting.FrontierPoint?
        for point in r.frontier {
            let marginal: ReportTable.Cell
            if let previous, point.expectedIdentifications > previous.expectedIdentifications {
                marginal = .pounds((point.cost - previous.cost) / (point.expectedIdentifications - previous.expectedIdentifications))
            } else { marginal = .empty }
            table.append([.pounds(point.budget), .integer(point.posts), .pounds(point.cost), .number(point.expectedIdentifications, decimals: 2),
                          marginal, .pounds(point.netBenefitPerYear), .pounds(point.netPresentValue)])
            previous = point
        }
        let u = r.universal
        table.notes = [
            "Universal rollout (every council its own post, less today's): \(u.posts) posts, £\(NumberText.grouped(u.cost, decimals: 0)) a year, "
                + "\(NumberText.fixed(u.expectedIdentifications, decimals: 2)) identifications a year, net benefit a year \(Self.pounds(u.netBenefitPerYear)), "
                + "NPV \(Self.pounds(u.netPresentValue)). Status quo: no new posts, 0 additional identifications, £0.",
            FrontierThreshold.sentence(result, r),
            "NPV over \(result.horizonYears) years: each post at full effect and funded in every year (no ramp-up, no lapse of funding), "
                + "benefits less the public costs identifications trigger, the posts' cost with optimism bias, discounted as the appraisal discounts.",
        ] + r.marked.map { m in
            "\(m.scenarioName) (its own first-year posts, less councils with a post today): \(m.point.posts) posts, "
                + "£\(NumberText.grouped(m.point.cost, decimals: 0)) a year, \(NumberText.fixed(m.point.expectedIdentifications, decimals: 2)) identifications a year, "
                + "NPV \(Self.pounds(m.point.netPresentValue))."
        } + [AreaIncidenceIndex.caveat]
        return table
    }

    /// Pounds with the sign before the symbol: -£1,234.
    static func pounds(_ value: Double) -> String {
        (value < 0 ? "-£" : "£") + NumberText.grouped(abs(value), decimals: 0)
    }

    public var tables: [ReportTable] {
        result.results.map(chosenTable) + result.results.filter { !$0.frontier.isEmpty }.map(frontierTable)
    }

    public var json: JSONValue {
        func point(_ p: Targeting.FrontierPoint) -> JSONValue {
            .object([("budget", .number(p.budget)), ("posts", .number(Double(p.posts))), ("cost", .number(p.cost)),
                     ("expectedIdentifications", .number(p.expectedIdentifications)), ("netBenefitPerYear", .number(p.netBenefitPerYear)),
                     ("netPresentValue", .number(p.netPresentValue))])
        }
        let limit: JSONValue
        switch result.limit {
        case .budget(let amount): limit = .object([("budget", .number(amount))])
        case .posts(let count): limit = .object([("posts", .number(Double(count)))])
        }
        return .object([
            ("scenario", .string(result.scenarioName)), ("limit", limit), ("objective", .string(result.objective.rawValue)),
            ("runs", .number(Double(result.runs))), ("seed", .string(String(result.seed))),
            ("candidates", .number(Double(result.candidateCount))), ("councils", .number(Double(result.councilCount))),
            ("expectedValuePerIdentification", .number(result.expectedValuePerIdentification)),
            ("horizonYears", .number(Double(result.horizonYears))),
            ("indices", .array(result.results.map { r in
                .object([
                    ("index", .string(r.index.rawValue)), ("cost", .number(r.cost)),
                    ("expectedIdentifications", .number(r.expectedIdentifications)),
                    ("expectedNetBenefitPerYear", .number(r.expectedNetBenefitPerYear)), ("expectedRegret", .number(r.expectedRegret)), ("decisiveDrawShare", .number(r.decisiveDrawShare)),
                    ("chosen", .array(r.chosen.map { c in
                        .object([("id", .string(c.unit.id)), ("name", .string(c.unit.name)), ("kind", .string(c.unit.kind.label)),
                                 ("councils", .array(c.unit.councilCodes.map { .string($0) })), ("cost", .number(c.unit.annualCost)),
                                 ("expectedIdentifications", .number(c.expectedIdentifications)),
                                 ("probabilityInDrawOptimum", .number(c.probabilityInDrawOptimum))])
                    })),
                    ("frontier", .array(r.frontier.map(point))), ("universal", point(r.universal)),
                    ("thresholdCrossingBudget", r.thresholdCrossingBudget.map { .number($0) } ?? .null),
                    ("thresholdCrossingFromBudget", r.thresholdCrossingFromBudget.map { .number($0) } ?? .null),
                    ("netBenefitPeakBudget", r.netBenefitPeakBudget.map { .number($0) } ?? .null),
                    ("netPresentValuePeakBudget", r.netPresentValuePeakBudget.map { .number($0) } ?? .null),
                    ("threshold", r.frontier.isEmpty ? .null : .string(FrontierThreshold.sentence(result, r))),
                    ("marked", .array(r.marked.map { m in .object([("scenario", .string(m.scenarioName)), ("point", point(m.point))]) })),
                ])
            })),
            ("areaIndex", .array(result.areaIndex.areas.map { a in
                .object([("code", .string(a.code)), ("name", .string(a.name)), ("referrals", .number(a.referrals)),
                         ("residents", .number(a.residents)), ("ratePer100kPerYear", .number(a.ratePer100kPerYear)),
                         ("rawIndex", .number(a.rawIndex)), ("index", .number(a.index))])
            })),
            ("caveats", .array(result.caveats.map { .string($0) })),
        ])
    }
}
