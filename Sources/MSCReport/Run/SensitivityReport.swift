import MSCModel
import MSCSimulation

/// One-way (tornado) and variance-based (Sobol) sensitivity of a scenario's NPV, as ``SensitivityAnalysis`` found them.
public struct SensitivityReport: Report {
    public let scenarioName: String
    public let centralNPV: Double
    public let bars: [Tornado.Bar]
    public let indices: [SobolIndices.Index]

    /// The report of `analysis` (``SensitivityAnalysis``) for the scenario named `scenarioName`.
    public init(scenarioName: String, analysis: SensitivityAnalysis) {
        self.scenarioName = scenarioName
        centralNPV = analysis.centralNPV
        bars = analysis.bars
        indices = analysis.indices
    }

    public var tables: [ReportTable] {
        var tornado = ReportTable(
            title: "\(scenarioName): one-way sensitivity of NPV (each input at its 10th and 90th percentile, others central; central NPV \(ReportTable.Cell.pounds(centralNPV).display))",
            columns: [.init("Input", key: "input"), .init("P10 value", key: "low"), .init("P90 value", key: "high"),
                      .init("NPV at P10", key: "npvAtLow"), .init("NPV at P90", key: "npvAtHigh"), .init("Swing", key: "swing")])
        for bar in bars {
            tornado.append([.text(bar.name), .number(bar.lowValue, decimals: Self.decimals(bar.lowValue)),
                            .number(bar.highValue, decimals: Self.decimals(bar.highValue)),
                            .pounds(bar.npvAtLow), .pounds(bar.npvAtHigh), .pounds(bar.swing)])
        }
        var sobol = ReportTable(
            title: "\(scenarioName): variance-based sensitivity of NPV (Sobol indices, 95% bootstrap intervals)",
            columns: [.init("Input", key: "input"), .init("First-order", key: "firstOrder"),
                      .init("First-order interval", key: "firstOrderInterval"), .init("Total", key: "total"),
                      .init("Total interval", key: "totalInterval")])
        for index in indices.sorted(by: { $0.total > $1.total }) {
            sobol.append([.text(index.name), .number(index.firstOrder, decimals: 3),
                          .text("\(NumberText.fixed(index.firstOrderInterval.lowerBound, decimals: 3)) to \(NumberText.fixed(index.firstOrderInterval.upperBound, decimals: 3))"),
                          .number(index.total, decimals: 3),
                          .text("\(NumberText.fixed(index.totalInterval.lowerBound, decimals: 3)) to \(NumberText.fixed(index.totalInterval.upperBound, decimals: 3))")])
        }
        sobol.notes = ["First-order: share of NPV variance from the input alone; total: including its interactions (Saltelli 2010; Jansen 1999).",
                       "Computed on the central-case NPV (posts weighted by their expected survival), so the chance of individual renewals, and of a national grant ending every post at once, is left out: see msc run for that spread.",
                       "Indices near zero are within sampling error: a first-order index can come out slightly negative or above its total."]
        return [tornado, sobol]
    }

    static func decimals(_ value: Double) -> Int { abs(value) >= 100 ? 0 : (abs(value) >= 1 ? 2 : 4) }

    public var json: JSONValue {
        .object([
            ("scenario", .string(scenarioName)),
            ("centralNPV", .number(centralNPV)),
            ("tornado", .array(bars.map { bar in
                .object([("name", .string(bar.name)), ("low", .number(bar.lowValue)), ("high", .number(bar.highValue)),
                         ("npvAtLow", .number(bar.npvAtLow)), ("npvAtHigh", .number(bar.npvAtHigh)), ("swing", .number(bar.swing))])
            })),
            ("sobol", .array(indices.map { index in
                .object([("name", .string(index.name)), ("firstOrder", .number(index.firstOrder)),
                         ("firstOrderInterval", .numbers([index.firstOrderInterval.lowerBound, index.firstOrderInterval.upperBound])),
                         ("total", .number(index.total)),
                         ("totalInterval", .numbers([index.totalInterval.lowerBound, index.totalInterval.upperBound]))])
            })),
        ])
    }
}
