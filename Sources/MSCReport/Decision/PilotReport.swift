import Foundation
import MSCModel
import MSCSimulation

/// `msc pilot`: the value of a pilot (EVSI), its costs and its expected net benefit of sampling
/// over a grid of sizes and durations, the best design and a chart of ENBS.
public struct PilotReport: Report {
    public let result: PilotValuation.Result
    /// The scenario piloted and its comparator.
    public let scenarioName: String
    public let comparatorName: String

    public init(result: PilotValuation.Result, scenarioName: String, comparatorName: String) {
        self.result = result
        self.scenarioName = scenarioName
        self.comparatorName = comparatorName
    }

    /// The sentence the evidence pack and the web page lead with.
    public var headline: String {
        guard let best = result.best else { return "No pilot design was valued." }
        let d = best.design
        let worth = "a pilot of \(d.councils) posts for \(d.years) year\(d.years == 1 ? "" : "s") is worth up to £\(NumberText.grouped(best.discountedEVSI, decimals: 0)) (EVSI, discounted for the wait); it costs £\(NumberText.grouped(best.totalCost, decimals: 0)) (posts, evaluation and the delay)"
        if best.enbs > 0 {
            return "Best design: " + worth + ", so its expected net benefit of sampling is \(Self.pounds(best.enbs))."
        }
        return "No design in the grid pays for itself: the best, " + worth + ", an expected net benefit of sampling of \(Self.pounds(best.enbs)). Decide now on current evidence."
    }

    /// Pounds with the sign before the £ (−£1,234).
    static func pounds(_ value: Double) -> String {
        (value < 0 ? "-£" : "£") + NumberText.grouped(abs(value), decimals: 0)
    }

    /// The design grid: every design's EVSI, its costs and its ENBS, with the caveats as notes
    /// (the headline is not among them: the pack and the page lead with it, the terminal adds it).
    public var gridTable: ReportTable {
        var grid = ReportTable(
            title: "Pilot of \(scenarioName) against \(comparatorName): value of its information and its net benefit (£, present value)",
            columns: [.init("Posts (K)", key: "councils"), .init("Years (T)", key: "years"), .init("Comparison councils", key: "comparison"),
                      .init("EVSI", key: "evsi"), .init("EVSI s.e.", key: "evsiStandardError"), .init("EVSI after the wait", key: "discountedEVSI"),
                      .init("Posts cost", key: "postCost"), .init("Evaluation", key: "evaluationCost"), .init("Delay", key: "delayCost"),
                      .init("ENBS", key: "enbs")])
        for value in result.designs {
            grid.rows.append([.integer(value.design.councils), .integer(value.design.years), .integer(value.design.comparisonCouncils),
                              .pounds(value.evsi.value), .pounds(value.evsi.standardError), .pounds(value.discountedEVSI),
                              .pounds(value.postCost), .pounds(value.evaluationCost), .pounds(value.delayCost), .pounds(value.enbs)])
        }
        grid.notes = caveats
        return grid
    }

    /// What the figures are, what they rest on and what they leave out, in sentences.
    public var caveats: [String] {
        let request = result.request
        let bestIncrementalName = result.optionNames.indices.max { result.meanNetBenefit[$0] < result.meanNetBenefit[$1] }
            .map { result.optionNames[$0] } ?? ""
        return [
            "Limits: EVPI £\(NumberText.grouped(result.evpi.value, decimals: 0)) (s.e. £\(NumberText.grouped(result.evpi.standardError, decimals: 0))); "
                + "EVPPI of \(AssumptionName.identificationRateRatio) £\(NumberText.grouped(result.evppiRateRatio.value, decimals: 0)) (s.e. £\(NumberText.grouped(result.evppiRateRatio.standardError, decimals: 0))): what knowing the rate ratio exactly would be worth. A pilot's counts also say a little about the ramp-up and the baseline rate, so its EVSI can come close to this, or pass it within its error.",
            (request.threshold.map { "Net benefit at £\(NumberText.grouped($0, decimals: 0)) per additional identification (--threshold)." }
                ?? "Net benefit at the model's own (uncertain) value of an identification."),
            "Best on current evidence: \(bestIncrementalName) (mean net benefit " + result.optionNames.indices.map {
                "\(result.optionNames[$0]) \(Self.pounds(result.meanNetBenefit[$0]))"
            }.joined(separator: ", ") + ").",
            "EVSI by regression of each option's incremental net benefit on a simulated pilot's estimate (Strong et al. 2015), "
                + "\(NumberText.grouped(Double(result.iterations), decimals: 0)) iterations; s.e. from \(request.standardErrorSamples) draws of the fits' coefficients.",
            "Each pilot counts referrals for \(request.beforeYears) year\(request.beforeYears == 1 ? "" : "s") before and T years with posts in K councils "
                + "and in \(request.comparisonPerPilot) comparison council\(request.comparisonPerPilot == 1 ? "" : "s") per pilot council; the estimate is the Poisson "
                + "regression's rate ratio with council and year effects.",
            "Costs: each pilot council's post at the model's central yearly cost; evaluation £\(NumberText.grouped(request.evaluationCostPerYear, decimals: 0)) a pilot year "
                + "(pilotEvaluationCostPerYear); both discounted. The national decision waits T years: the EVSI is discounted by T years and the "
                + "best option's expected incremental net benefit, if positive, is deferred by T years (delay). Pilot posts' own identifications are not counted.",
        ]
    }

    /// The terminal's tables: the grid led by the headline, then the ENBS bars in characters.
    public var tables: [ReportTable] {
        var grid = gridTable
        grid.notes.insert(headline, at: 0)
        return [grid, chart]
    }

    /// The tables an evidence pack writes (file stem, sheet name, table): the grid, led by the
    /// headline so a CSV or a sheet read alone keeps it. The ENBS chart is the pack's SVG
    /// (``PilotChart``), not a table of characters.
    public var namedTables: [(stem: String, sheet: String, table: ReportTable)] {
        [("pilot-grid", "Pilot value", tables[0])]
    }

    /// ENBS by pilot size, one bar per design, longest bar the largest magnitude.
    var chart: ReportTable {
        let largest = result.designs.map { abs($0.enbs) }.max() ?? 0
        var table = ReportTable(title: "ENBS by design (£; # positive, - negative)",
                                columns: [.init("Design", key: "design"), .init("ENBS", key: "enbs"), .init("", key: "bar")])
        for value in result.designs {
            let width = largest > 0 ? Int((abs(value.enbs) / largest * 40).rounded()) : 0
            let bar = String(repeating: value.enbs >= 0 ? "#" : "-", count: width)
            let mark = value.design == result.best?.design ? " best" : ""
            table.rows.append([.text("K=\(value.design.councils) T=\(value.design.years)"), .pounds(value.enbs), .text(bar + mark)])
        }
        return table
    }

    public var json: JSONValue {
        .object([
            ("scenario", .string(scenarioName)), ("comparator", .string(comparatorName)),
            ("iterations", .number(Double(result.iterations))),
            ("evpi", .number(result.evpi.value)), ("evpiStandardError", .number(result.evpi.standardError)),
            ("evppiRateRatio", .number(result.evppiRateRatio.value)),
            ("evppiRateRatioStandardError", .number(result.evppiRateRatio.standardError)),
            ("threshold", result.request.threshold.map { .number($0) } ?? .null),
            ("evaluationCostPerYear", .number(result.request.evaluationCostPerYear)),
            ("beforeYears", .number(Double(result.request.beforeYears))),
            ("headline", .string(headline)),
            ("designs", .array(result.designs.map { value in
                .object([("councils", .number(Double(value.design.councils))), ("years", .number(Double(value.design.years))),
                         ("comparisonCouncils", .number(Double(value.design.comparisonCouncils))),
                         ("evsi", .number(value.evsi.value)), ("evsiStandardError", .number(value.evsi.standardError)),
                         ("discountedEVSI", .number(value.discountedEVSI)), ("postCost", .number(value.postCost)),
                         ("evaluationCost", .number(value.evaluationCost)), ("delayCost", .number(value.delayCost)),
                         ("enbs", .number(value.enbs))])
            })),
            ("best", result.best.map { .object([("councils", .number(Double($0.design.councils))),
                                               ("years", .number(Double($0.design.years))), ("enbs", .number($0.enbs))]) } ?? .null),
        ])
    }
}
