import MSCModel
import MSCSimulation

/// Scenarios side by side: each metric's mean and 90% interval, and differences against a
/// baseline computed within each iteration (common random numbers), so a difference has a
/// proper interval.
public struct ComparisonReport: Report {
    public let results: [SimulationResult]
    /// For each result, the index of the result it is compared against (nil for none).
    public let baselineIndex: [Int?]
    public let manifest: RunManifest
    /// What each scenario's money rests on (price base, horizon, discount rates, optimism bias), in
    /// result order; the footnotes are written from these.
    public let bases: [AppraisalBasis]
    /// Lines saying how baselines were chosen (a declared baseline loaded because it was not
    /// listed, a `--baseline` given on the command line).
    public let baselineNotes: [String]
    /// Each scenario's central-input run and Green Book checklist, in the order of `results`
    /// (empty when the caller has none): the rows beside the mean, the footnotes on optimism bias
    /// and the benefit reduction, and the checklist in JSON (``ComparisonReport+Appraisal``).
    public var appraisals: [GreenBookChecklist] = []

    public init(results: [SimulationResult], baselineIndex: [Int?], manifest: RunManifest,
                bases: [AppraisalBasis] = [], baselineNotes: [String] = []) {
        self.results = results
        self.baselineIndex = baselineIndex
        self.manifest = manifest
        self.bases = bases
        self.baselineNotes = baselineNotes
    }

    /// The chance the programme still has a funded post in the final year, and the posts funded
    /// then in the iterations where it does. Under a grant decided nationally the posts end
    /// together, so a mean over all iterations would average all-or-nothing outcomes.
    public static func programmeSurvival(_ result: SimulationResult) -> (probability: Double, postsIfSurvives: Summary) {
        let posts = result.metrics[.postsAtHorizon] ?? []
        let surviving = posts.filter { $0 > 0 }
        return (posts.isEmpty ? .nan : Double(surviving.count) / Double(posts.count), Summary(surviving))
    }

    /// What a ratio shows when it has nothing to divide by; the table's notes then say why.
    static let undefined = "undefined"

    static func cell(_ value: Double, metric: Metric) -> String {
        guard value.isFinite else { return undefined }
        if metric.isMoney { return ReportTable.Cell.money(value, decimals: 0).display.compactMoney(value) }
        if metric == .benefitCostRatio { return NumberText.fixed(value, decimals: 2) }
        return NumberText.grouped(value, decimals: abs(value) < 100 ? 1 : 0)
    }

    /// Mean and 90% interval.
    static func interval(_ summary: Summary, metric: Metric) -> String {
        "\(cell(summary.mean, metric: metric)) (\(cell(summary.p5, metric: metric)) to \(cell(summary.p95, metric: metric)))"
    }

    /// "1,855 mean, 1,640 median (700 to 3,900)".
    static func meanAndMedian(_ summary: Summary, metric: Metric) -> String {
        "\(cell(summary.mean, metric: metric)) mean, \(cell(summary.p50, metric: metric)) median (\(cell(summary.p5, metric: metric)) to \(cell(summary.p95, metric: metric)))"
    }

    /// What a draw with no additional identification shows as, where a percentile falls among them.
    static let noGain = "no gain"

    /// Expected cost over expected identifications, then the per-draw 5th to 95th percentiles,
    /// "no gain" where a percentile falls among the draws that gain nothing.
    static func interval(_ value: CostEffectiveness) -> String {
        func shown(_ x: Double?) -> String { x.map { cell($0, metric: .costPerIdentification) } ?? noGain }
        return "\(cell(value.expectedCostPerIdentification, metric: .costPerIdentification)) (\(shown(value.p5)) to \(shown(value.p95)))"
    }

    /// The row label.
    static func label(_ metric: Metric) -> String {
        metric == .costPerIdentification ? "Cost per additional identification (£): expected cost / expected identifications" : metric.label
    }

    /// The metrics a summary table shows as rows (not the parts of a ratio).
    static var shownMetrics: [Metric] { Metric.allCases.filter { !$0.isComponent } }

    public var tables: [ReportTable] { [table] }

    /// CSV gets ``numericTable``: numbers as numbers for spreadsheets.
    public func tables(in format: TableFormat) -> [ReportTable] {
        format == .csv ? [numericTable] : tables
    }

    /// One row per metric, one column per scenario (mean and 90% interval), then one column per
    /// difference against a baseline.
    public var table: ReportTable {
        var columns: [ReportTable.Column] = [.init("Metric", key: "metric")]
        for result in results { columns.append(.init(result.scenarioName, key: result.scenarioName)) }
        var differencePairs: [(Int, Int)] = []
        for (index, base) in baselineIndex.enumerated() {
            if let base {
                differencePairs.append((index, base))
                columns.append(.init("\(results[index].scenarioName) − \(results[base].scenarioName)",
                                     key: "\(results[index].scenarioName)-minus-\(results[base].scenarioName)"))
            }
        }
        let horizon = "over \(results.first?.horizonYears ?? 0) years, real pounds at the price base year"
        var table = ReportTable(
            title: results.count == 1 ? "\(results[0].scenarioName): mean (5th to 95th percentile) \(horizon)"
                                      : "Scenarios compared: mean (5th to 95th percentile) \(horizon)",
            columns: columns)
        for metric in Self.shownMetrics {
            if metric == .costPerIdentification {
                var row: [ReportTable.Cell] = [.text(Self.label(metric))]
                var share: [ReportTable.Cell] = [.text("Share of draws with no additional identification")]
                for result in results {
                    let value = result.costEffectiveness
                    row.append(.text(Self.interval(value)))
                    share.append(.percent(value.noGainShare, decimals: 1))
                }
                // A difference of two costs per identification answers no question; leave it blank.
                for _ in differencePairs { row.append(.empty); share.append(.empty) }
                table.append(row)
                table.append(share)
                continue
            }
            if metric == .postsAtHorizon {
                // All-or-nothing under a national grant: the chance the programme lasts, then its size if it does.
                var lasts: [ReportTable.Cell] = [.text("Probability the programme still has funded posts in the final year")]
                var size: [ReportTable.Cell] = [.text("Posts funded in the final year, if it does")]
                for result in results {
                    let survival = Self.programmeSurvival(result)
                    lasts.append(.percent(survival.probability, decimals: 1))
                    size.append(.text(survival.postsIfSurvives.mean.isFinite ? Self.interval(survival.postsIfSurvives, metric: metric) : "none survive"))
                }
                for _ in differencePairs { lasts.append(.empty); size.append(.empty) }
                table.append(lasts)
                table.append(size)
                continue
            }
            if metric == .additionalIdentifications {
                // A count people quote: what it counts, and the median beside the mean (the mean runs above it).
                var row: [ReportTable.Cell] = [.text(Self.identificationsLabel(years: results.first?.horizonYears ?? 0) + ": mean, median (5th to 95th percentile)")]
                for result in results { row.append(.text(Self.meanAndMedian(result.summary(metric), metric: metric))) }
                for (index, base) in differencePairs {
                    row.append(.text(Self.meanAndMedian(Summary(results[index].difference(metric, minus: results[base])), metric: metric)))
                }
                table.append(row)
                continue
            }
            var row: [ReportTable.Cell] = [.text(Self.label(metric))]
            for result in results { row.append(.text(Self.interval(result.summary(metric), metric: metric))) }
            for (index, base) in differencePairs {
                if metric == .benefitCostRatio {
                    // The incremental ratio only when the option costs more and gains more; otherwise words.
                    let incremental = IncrementalAnalysis(results[index], against: results[base])
                    row.append(.text(incremental.verdict == .ratio ? "incremental " + incremental.text : incremental.text))
                } else {
                    row.append(.text(Self.interval(Summary(results[index].difference(metric, minus: results[base])), metric: metric)))
                }
            }
            table.append(row)
        }
        appendCentralInputRows(to: &table, differenceColumns: differencePairs.count)
        var probability: [ReportTable.Cell] = [.text("Probability NPV > 0")]
        for result in results { probability.append(.percent(result.probabilityPositiveNPV, decimals: 1)) }
        for _ in differencePairs { probability.append(.empty) }
        table.append(probability)
        var mcse: [ReportTable.Cell] = [.text("Monte Carlo standard error of mean NPV")]
        for result in results { mcse.append(.text(Self.cell(result.summary(.netPresentValue).monteCarloStandardError, metric: .netPresentValue))) }
        for (index, base) in differencePairs {
            mcse.append(.text(Self.cell(Summary(results[index].difference(.netPresentValue, minus: results[base])).monteCarloStandardError,
                                        metric: .netPresentValue)))
        }
        table.append(mcse)
        table.notes = baselineNotes + (differencePairs.isEmpty ? [] : [
            "Each difference column is the first scenario minus the second, computed within each iteration with the same random draws of shared inputs, so its interval is narrower than the gap between two intervals. The benefit-cost ratio row of a difference column gives the incremental ratio (mean extra benefits over mean extra costs) only when the option costs more and gains more; an option that saves money is described in words instead (a ratio of a saving would read as a loss)."])
            + AppraisalBasis.notes(bases) + appraisalNotes + manifest.noteLines
        let anyUndefined = table.rows.contains { row in
            row.contains { if case .text(let text) = $0 { return text.contains(Self.undefined) } else { return false } }
        }
        if anyUndefined {
            table.notes.insert("\(Self.undefined): a ratio with nothing to divide by in those iterations (no additional identifications, or no extra cost against the baseline).", at: 0)
        }
        return table
    }

    /// The same figures as numbers, one row per scenario (or difference) and metric: for CSV,
    /// spreadsheets and scripts, where `£594k (£568k to £620k)` would be text.
    public var numericTable: ReportTable {
        var table = ReportTable(
            title: "Scenarios compared: each metric's mean, standard deviation, percentiles and Monte Carlo standard error",
            columns: [.init("Scenario", key: "scenario"), .init("Metric", key: "metric"), .init("Unit", key: "unit"),
                      .init("Mean", key: "mean"), .init("SD", key: "sd"), .init("P5", key: "p5"), .init("P50", key: "p50"),
                      .init("P95", key: "p95"), .init("MCSE", key: "mcse")])
        func add(_ scenario: String, _ metric: Metric, _ summary: Summary, name: String? = nil) {
            let unit = metric.isMoney ? "GBP" : (metric == .benefitCostRatio ? "ratio" : "count")
            let name = name ?? metric.rawValue
            table.append([.text(scenario), .text(name), .text(unit), .number(summary.mean, decimals: 2),
                          .number(summary.standardDeviation, decimals: 2), .number(summary.p5, decimals: 2),
                          .number(summary.p50, decimals: 2), .number(summary.p95, decimals: 2),
                          .number(summary.monteCarloStandardError, decimals: 2)])
        }
        for result in results {
            for metric in Metric.allCases { add(result.scenarioName, metric, result.summary(metric)) }
            let value = result.costEffectiveness
            table.append([.text(result.scenarioName), .text("expectedCostPerIdentification"), .text("GBP"),
                          .number(value.expectedCostPerIdentification, decimals: 2), .empty,
                          value.p5.map { .number($0, decimals: 2) } ?? .text(Self.noGain),
                          value.p50.map { .number($0, decimals: 2) } ?? .text(Self.noGain),
                          value.p95.map { .number($0, decimals: 2) } ?? .text(Self.noGain), .empty])
            table.append([.text(result.scenarioName), .text("noGainShare"), .text("fraction"),
                          .number(value.noGainShare, decimals: 4), .empty, .empty, .empty, .empty, .empty])
            let survival = Self.programmeSurvival(result)
            table.append([.text(result.scenarioName), .text("programmeSurvivalProbability"), .text("fraction"),
                          .number(survival.probability, decimals: 4), .empty, .empty, .empty, .empty, .empty])
            add(result.scenarioName, .postsAtHorizon, survival.postsIfSurvives, name: "postsAtHorizonIfProgrammeSurvives")
        }
        for (index, base) in baselineIndex.enumerated() {
            guard let base else { continue }
            let scenario = "\(results[index].scenarioName) minus \(results[base].scenarioName)"
            for metric in Metric.allCases where metric != .costPerIdentification && metric != .benefitCostRatio && !metric.isComponent {
                add(scenario, metric, Summary(results[index].difference(metric, minus: results[base])))
            }
            // A ratio of means, and only where it means something (the option costs more and gains more).
            if let ratio = IncrementalAnalysis(results[index], against: results[base]).ratio {
                table.append([.text(scenario), .text("bcrIncremental"), .text("ratio"), .number(ratio, decimals: 2),
                              .empty, .empty, .empty, .empty, .empty])
            }
        }
        table.notes = manifest.noteLines
        return table
    }

    static func summaryJSON(_ summary: Summary) -> JSONValue {
        .object([("mean", .number(summary.mean)), ("sd", .number(summary.standardDeviation)), ("p5", .number(summary.p5)),
                 ("p50", .number(summary.p50)), ("p95", .number(summary.p95)), ("mcse", .number(summary.monteCarloStandardError))])
    }

    /// One scenario's metrics, fans and probability of a positive NPV as JSON.
    public static func scenarioJSON(_ result: SimulationResult) -> JSONValue {
        var metrics: [(String, JSONValue)] = Metric.allCases.map { ($0.rawValue, summaryJSON(result.summary($0))) }
        metrics.append(("probabilityNPVPositive", .number(result.probabilityPositiveNPV)))
        let value = result.costEffectiveness
        metrics.append(("costEffectiveness", .object([
            ("expectedCostPerIdentification", .number(value.expectedCostPerIdentification)),
            ("noGainShare", .number(value.noGainShare)),
            ("p5", value.p5.map { .number($0) } ?? .string(noGain)),
            ("p50", value.p50.map { .number($0) } ?? .string(noGain)),
            ("p95", value.p95.map { .number($0) } ?? .string(noGain)),
        ])))
        let survival = programmeSurvival(result)
        metrics.append(("programmeSurvivalProbability", .number(survival.probability)))
        metrics.append(("postsAtHorizonIfProgrammeSurvives", summaryJSON(survival.postsIfSurvives)))
        let fans: [(String, JSONValue)] = YearlyMetric.allCases.map { metric in
            (metric.rawValue, .array(result.fan(metric).map(summaryJSON)))
        }
        return .object([
            ("name", .string(result.scenarioName)),
            ("horizonYears", .number(Double(result.horizonYears))),
            ("iterations", .number(Double(result.iterations))),
            ("interrupted", .bool(result.interrupted)),
            ("metrics", .object(metrics)),
            ("fans", .object(fans)),
        ])
    }

    public var json: JSONValue {
        var differences: [JSONValue] = []
        for (index, base) in baselineIndex.enumerated() {
            guard let base else { continue }
            differences.append(.object([
                ("scenario", .string(results[index].scenarioName)),
                ("baseline", .string(results[base].scenarioName)),
                ("metrics", .object(Metric.allCases.filter { $0 != .costPerIdentification && $0 != .benefitCostRatio && !$0.isComponent }.map {
                    ($0.rawValue, Self.summaryJSON(Summary(results[index].difference($0, minus: results[base]))))
                })),
                ("incremental", IncrementalAnalysis(results[index], against: results[base]).json),
            ]))
        }
        return .object([
            ("scenarios", .array(results.map(Self.scenarioJSON))),
            ("differences", .array(differences)),
            ("baselineNotes", .array(baselineNotes.map { .string($0) })),
            ("notes", .array(AppraisalBasis.notes(bases).map { .string($0) })),
            ("greenBook", .array(appraisals.map(\.json))),
            ("manifest", manifest.json),
        ])
    }
}

extension String {
    /// Large money in compact form for intervals: £19.5m, £240k.
    func compactMoney(_ value: Double) -> String {
        let magnitude = abs(value)
        let sign = value < 0 ? "-" : ""
        if magnitude >= 1e9 { return "\(sign)£\(NumberText.fixed(magnitude / 1e9, decimals: 2))bn" }
        if magnitude >= 1e6 { return "\(sign)£\(NumberText.fixed(magnitude / 1e6, decimals: 1))m" }
        if magnitude >= 1e4 { return "\(sign)£\(NumberText.fixed(magnitude / 1e3, decimals: 0))k" }
        return self
    }
}
