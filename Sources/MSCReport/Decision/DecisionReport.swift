import MSCModel
import MSCSimulation

/// `msc decide` as tables, JSON and charts: how likely each option is worthwhile, the value of
/// perfect information, and the value of resolving each input first (DESIGN 4.1).
public struct DecisionReport: Report, Sendable {
    public let analysis: DecisionAnalysis
    /// Each input's description (from its assumption), for the ranking.
    public let descriptions: [String: String]
    public let manifest: RunManifest

    public init(analysis: DecisionAnalysis, descriptions: [String: String], manifest: RunManifest) {
        self.analysis = analysis
        self.descriptions = descriptions
        self.manifest = manifest
    }

    var problem: DecisionProblem { analysis.problem }
    var baselineName: String { problem.options[problem.baselineIndex].name }
    var others: [Int] { problem.options.indices.filter { $0 != problem.baselineIndex } }

    /// What the value per identification was: the user's threshold or the model's own.
    var valueUsedPhrase: String {
        if let threshold = analysis.threshold {
            return "one additional identification valued at \(money(threshold)) (--threshold)"
        }
        return "the model's own value of an identification (uncertain, central \(money(problem.centralValuePerIdentification)))"
    }

    /// The sentence that says what the curve is (under the chart and the table).
    public var curveDefinition: String {
        "The probability worthwhile at a value V is the share of the \(NumberText.grouped(Double(problem.iterations), decimals: 0)) iterations in which an option's net benefit is higher than \(baselineName)'s when each additional identification is worth V; it is not the probability that V is the right value."
    }

    /// The values the tables show: round values, the model's own, the threshold and the crossings.
    func keyValues(_ curve: DecisionAnalysis.Curve) -> [(value: Double, label: String)] {
        var rows: [(Double, String)] = [0, 10_000, 25_000, 50_000, 100_000, 250_000, 500_000, 1_000_000].map { ($0, "") }
        rows.append((problem.centralValuePerIdentification, "model's central value"))
        if let threshold = analysis.threshold { rows.append((threshold, "--threshold")) }
        for d in others { if let crossing = curve.crossings[d] { rows.append((crossing, "\(problem.options[d].name) crosses 50%")) } }
        var merged: [(Double, String)] = []
        for (value, label) in rows.sorted(by: { $0.0 < $1.0 }) {
            if let last = merged.last, abs(last.0 - value) < 0.5 {
                merged[merged.count - 1].1 = [last.1, label].filter { !$0.isEmpty }.joined(separator: "; ")
            } else {
                merged.append((value, label))
            }
        }
        return merged
    }

    /// Key points of one curve: for each value, each option's chance of beating the baseline and of being best.
    func curveTable(_ curve: DecisionAnalysis.Curve, title: String, valueHeader: String, effect: KeyPath<DecisionOption, [Double]>,
                    cost: KeyPath<DecisionOption, [Double]>) -> ReportTable {
        var columns: [ReportTable.Column] = [.init(valueHeader, key: "value"), .init("Marks", key: "marks")]
        for d in others {
            columns.append(.init("\(problem.options[d].name) better than \(baselineName)", key: "worthwhile-\(problem.options[d].name)"))
        }
        for option in problem.options { columns.append(.init("\(option.name) best of all", key: "best-\(option.name)")) }
        var table = ReportTable(title: title, columns: columns)
        for (value, label) in keyValues(curve) {
            var row: [ReportTable.Cell] = [.money(value, decimals: 0), .text(label)]
            for d in others {
                row.append(.percent(ProbabilityWorthwhile.share(value: value, incrementalEffect: problem.incremental(effect, of: d),
                                                                incrementalCost: problem.incremental(cost, of: d)), decimals: 1))
            }
            let best = ProbabilityWorthwhile.shareBest(value: value, effects: problem.options.map { $0[keyPath: effect] },
                                                       costs: problem.options.map { $0[keyPath: cost] })
            row += best.map { .percent($0, decimals: 1) }
            table.append(row)
        }
        return table
    }

    /// The probability-worthwhile curve over the value of an identification (Green Book net benefit).
    public var valueCurveTable: ReportTable {
        var table = curveTable(analysis.valueCurve, title: "Probability worthwhile by value of one additional identification (net present value, \(problem.horizonYears) years)",
                               valueHeader: "Value per identification (£)", effect: \.discountedIdentifications, cost: \.presentValueCosts)
        table.notes = [curveDefinition,
                       "Net benefit at value V: V × discounted additional identifications − present value of costs (optimism bias included), the same iterations as the NPV.",
                       "With the model's own uncertain value instead of a fixed V: " + others.map {
                           "\(problem.options[$0].name) has a higher NPV than \(baselineName) in \(percent(analysis.worthwhileAtModelValue[$0])) of iterations"
                       }.joined(separator: "; ") + "."]
        return table
    }

    /// The curve over a cost-per-identification threshold (undiscounted, before optimism bias).
    public var costCurveTable: ReportTable {
        var table = curveTable(analysis.costCurve, title: "Probability the cost per additional identification is below a threshold (undiscounted, \(problem.horizonYears) years)",
                               valueHeader: "Threshold, cost per identification (£)", effect: \.identifications, cost: \.undiscountedCost)
        table.notes = ["At a threshold T an option counts as worthwhile in an iteration when its extra cost over \(baselineName) is less than T × its extra identifications (costs undiscounted and before optimism bias, as in the cost per additional identification the summaries lead with; an option with fewer identifications and lower cost counts when it saves more than T per identification lost)."]
        return table
    }

    /// Each option's mean net benefit, where its curves cross 50% and how its iterations fall on the plane.
    public var optionsTable: ReportTable {
        var table = ReportTable(
            title: "Options at \(valueUsedPhrase)",
            columns: [.init("Option", key: "option"), .init("Mean net benefit (£, PV)", key: "meanNetBenefit"),
                      .init("Mean extra cost (£, PV)", key: "incrementalCost"),
                      .init("Mean extra identifications (discounted)", key: "incrementalIdentifications"),
                      .init("50% worthwhile at value (£)", key: "valueCrossing"),
                      .init("50% worthwhile at cost per id (£)", key: "costCrossing"),
                      .init("More ids, more cost", key: "northEast"), .init("More ids, less cost", key: "southEast"),
                      .init("No more ids, more cost", key: "northWest"), .init("No more ids, less cost", key: "southWest")])
        for (d, option) in problem.options.enumerated() {
            let dE = problem.incremental(\.discountedIdentifications, of: d)
            let dC = problem.incremental(\.presentValueCosts, of: d)
            let n = Double(max(1, dE.count))
            func share(_ test: (Double, Double) -> Bool) -> ReportTable.Cell {
                d == problem.baselineIndex ? .empty : .percent(Double(zip(dE, dC).filter { test($0, $1) }.count) / n, decimals: 1)
            }
            let crossing: (Double?) -> ReportTable.Cell = { value in
                d == problem.baselineIndex ? .empty : value.map { .money($0, decimals: 0) } ?? .text("none up to \(money(analysis.curveMaximum))")
            }
            table.append([.text(option.name + (d == problem.baselineIndex ? " (baseline)" : "")),
                          .money(analysis.meanNetBenefit[d], decimals: 0),
                          d == problem.baselineIndex ? .empty : .money(dC.reduce(0, +) / n, decimals: 0),
                          d == problem.baselineIndex ? .empty : .number(dE.reduce(0, +) / n, decimals: 0),
                          crossing(analysis.valueCurve.crossings[d]), crossing(analysis.costCurve.crossings[d]),
                          share { $0 > 0 && $1 > 0 }, share { $0 > 0 && $1 <= 0 }, share { $0 <= 0 && $1 > 0 }, share { $0 <= 0 && $1 <= 0 }])
        }
        let best = problem.options[analysis.evpi.bestOption].name
        table.notes = ["With current information the choice with the highest expected net benefit is \(best).",
                       "Extra cost, extra identifications and the quadrant shares are against \(baselineName), iteration by iteration (identifications discounted, costs at present value with optimism bias); \"no more ids\" is the same number or fewer, and against today's posts a draw in which a post adds nothing falls there. The 50% columns give the value of an identification, and the threshold on the undiscounted cost per additional identification, at which the chance that the option beats \(baselineName) crosses 50% (from below for an option that adds identifications at extra cost)."]
        return table
    }

    /// EVPI over the horizon and a year, for the whole programme.
    public var evpiTable: ReportTable {
        var table = ReportTable(title: "Expected value of perfect information: choosing among \(problem.options.map(\.name).joined(separator: ", "))",
                                columns: [.init("Measure", key: "measure"), .init("£", key: "pounds"), .init("Monte Carlo SE (£)", key: "se")])
        table.append([.text("EVPI over the \(problem.horizonYears)-year horizon (present value, whole programme)"),
                      .money(analysis.evpi.value, decimals: 0), .money(analysis.evpi.standardError, decimals: 0)])
        table.append([.text("EVPI a year (horizon figure ÷ \(NumberText.fixed(problem.annuityFactor, decimals: 2)) discounted years)"),
                      .money(analysis.evpiPerYear, decimals: 0), .money(analysis.evpi.standardError / problem.annuityFactor, decimals: 0)])
        table.notes = ["EVPI = mean over iterations of the best option's net benefit − the best mean net benefit: the most it is worth paying, across the whole programme, to remove all uncertainty before deciding. Net benefit uses \(valueUsedPhrase).",
                       "Research that costs more than this cannot pay for itself; EVPI near zero means the decision is clear whatever the evidence would show."]
        return table
    }

    /// EVPPI per input and per named group, ranked, with a one-line meaning each.
    public var informationTable: ReportTable {
        var table = ReportTable(
            title: "Value of resolving each uncertainty before deciding (EVPPI, £ present value over \(problem.horizonYears) years)",
            columns: [.init("Rank", key: "rank"), .init("Input or group", key: "input"), .init("Kind", key: "kind"),
                      .init("EVPPI (£)", key: "evppi"), .init("Monte Carlo SE (£)", key: "se"), .init("Share of EVPI", key: "shareOfEVPI"),
                      .init("Fit R²", key: "rSquared"), .init("Meaning", key: "meaning")])
        for (rank, item) in (analysis.groups + analysis.inputs).enumerated() {
            let estimate = item.estimate
            let meaning: String
            if let estimate {
                meaning = "Resolving \(label(item)) before deciding is worth up to \(money(estimate.value)) over \(problem.horizonYears) years (\(money(estimate.value / problem.annuityFactor)) a year)."
            } else {
                meaning = "Not estimated: \(item.failure ?? "unknown reason")."
            }
            table.append([.integer(rank + 1), .text(item.name), .text(item.isGroup ? "group of \(item.members.count)" : "input"),
                          estimate.map { .money($0.value, decimals: 0) } ?? .empty,
                          estimate.map { .money($0.standardError, decimals: 0) } ?? .empty,
                          estimate.map { analysis.evpi.value > 0 ? .percent($0.value / analysis.evpi.value, decimals: 0) : .empty } ?? .empty,
                          estimate.map { .number($0.rSquared.max() ?? 0, decimals: 3) } ?? .empty,
                          .text(meaning)])
        }
        table.notes = [
            "EVPPI by regression (Strong, Oakley & Brennan 2014): each option's incremental net benefit over \(baselineName) is fitted on the input's draws by least squares, the design chosen by BIC among a constant, a straight line and cubic B-splines (GSL) with 4 or 6 knots at quantiles (for a group: straight lines, pairwise products, then splines with pairwise products). EVPPI = mean of the best fitted value − best mean. Standard error: the chosen fits' coefficients redrawn \(analysis.standardErrorSamples) times from their least-squares sampling distribution.",
            "An input whose best fit is the constant (it explains no more than noise would) shows £0 with no standard error; ranks within a few standard errors of each other are not distinct.",
            "Groups: " + problem.groups.map { group in "\(group.name): \(group.members.filter { name in problem.inputs.contains { $0.name == name || $0.name.hasPrefix(name + " (") } }.joined(separator: ", "))" }.joined(separator: "; ") + ".",
            "Per-post draws (salary, operational budget, each post's funding renewals) vary between posts within an iteration and are not one quantity evidence could pin down; they stay in the residual.",
        ]
        return table
    }

    func label(_ item: DecisionAnalysis.InformationValue) -> String {
        if item.isGroup { return "the \(item.name) (\(item.members.count) inputs)" }
        return item.name
    }

    /// The tables as an evidence pack files them: file-name stem, sheet name (at most 31 characters), table.
    public var namedTables: [(stem: String, sheet: String, table: ReportTable)] {
        [("decide-options", "Decision options", optionsTable), ("decide-value-curve", "Worthwhile by value", valueCurveTable),
         ("decide-cost-curve", "Worthwhile by cost per id", costCurveTable), ("decide-evpi", "EVPI", evpiTable),
         ("decide-evppi", "EVPPI", informationTable)]
    }

    /// Every table, in reading order.
    public var tables: [ReportTable] {
        var all = [optionsTable, valueCurveTable, costCurveTable, evpiTable, informationTable]
        all[all.count - 1].notes += manifest.noteLines
        return all
    }

    public var json: JSONValue {
        func curveJSON(_ curve: DecisionAnalysis.Curve) -> JSONValue {
            .object([
                ("values", .numbers(curve.points.map(\.value))),
                ("worthwhile", .object(others.map { d in (problem.options[d].name, .numbers(curve.points.map { $0.worthwhile[d] })) })),
                ("best", .object(problem.options.indices.map { d in (problem.options[d].name, .numbers(curve.points.map { $0.best[d] })) })),
                ("crossing50", .object(others.map { d in (problem.options[d].name, curve.crossings[d].map { .number($0) } ?? .null) })),
            ])
        }
        func information(_ item: DecisionAnalysis.InformationValue) -> JSONValue {
            .object([("name", .string(item.name)), ("kind", .string(item.isGroup ? "group" : "input")),
                     ("members", .array(item.members.map { .string($0) })),
                     ("evppi", item.estimate.map { .number($0.value) } ?? .null),
                     ("standardError", item.estimate.map { .number($0.standardError) } ?? .null),
                     ("regressionColumns", item.estimate.map { .numbers($0.regressionColumns.map(Double.init)) } ?? .null),
                     ("rSquared", item.estimate.map { .numbers($0.rSquared) } ?? .null),
                     ("failure", item.failure.map { .string($0) } ?? .null)])
        }
        return .object([
            ("options", .array(problem.options.enumerated().map { d, option in
                .object([("name", .string(option.name)), ("baseline", .bool(d == problem.baselineIndex)),
                         ("meanNetBenefit", .number(analysis.meanNetBenefit[d])),
                         ("probabilityBetterAtModelValue", d == problem.baselineIndex ? .null : .number(analysis.worthwhileAtModelValue[d]))])
            })),
            ("valuePerIdentification", analysis.threshold.map { .number($0) } ?? .null),
            ("centralValuePerIdentification", .number(problem.centralValuePerIdentification)),
            ("definition", .string(curveDefinition)),
            ("valueCurve", curveJSON(analysis.valueCurve)),
            ("costPerIdentificationCurve", curveJSON(analysis.costCurve)),
            ("evpi", .object([("horizon", .number(analysis.evpi.value)), ("standardError", .number(analysis.evpi.standardError)),
                              ("perYear", .number(analysis.evpiPerYear)), ("horizonYears", .number(Double(problem.horizonYears))),
                              ("annuityFactor", .number(problem.annuityFactor)),
                              ("bestOptionNow", .string(problem.options[analysis.evpi.bestOption].name))])),
            ("groups", .array(analysis.groups.map(information))),
            ("inputs", .array(analysis.inputs.map(information))),
            ("manifest", manifest.json),
        ])
    }

    func money(_ value: Double) -> String { ChartNumbers.money(value, step: abs(value) >= 1e6 ? 1e5 : (abs(value) >= 1e4 ? 1e3 : 1)) }
    func percent(_ share: Double) -> String { NumberText.fixed(share * 100, decimals: 1) + "%" }
}

