import MSCSimulation

/// The decision charts: probability-worthwhile curves, the cost / identifications plane and the
/// information-rank chart, drawn with the evidence pack's canvas (black and greys, dashes, markers).
public enum DecisionCharts {
    /// Probability of beating the baseline against the value per identification (or a threshold on
    /// the cost per identification), one line per option, with 50% and the model's value marked.
    static func curve(_ report: DecisionReport, _ curve: DecisionAnalysis.Curve, id: String, title: String, xTitle: String,
                      markModelValue: Bool) -> String {
        let analysis = report.analysis, problem = report.problem
        let others = report.others
        let legendRows = others.count
        var canvas = SVGCanvas(height: 360 + Double(legendRows) * 16, id: id)
        canvas.text(title, x: 20, y: 22, size: 14, bold: true)
        let top = 40 + Double(legendRows) * 16
        let x = ChartNumbers.ticks(low: 0, high: analysis.curveMaximum, target: 5)
        let frame = PlotFrame(left: 70, top: top, width: 580, height: 250, xLow: 0, xHigh: x.high, yLow: 0, yHigh: 1)
        let xStep = x.ticks.count > 1 ? x.ticks[1] - x.ticks[0] : nil
        frame.drawAxes(on: &canvas, xTicks: x.ticks, xLabel: { ChartNumbers.money($0, step: xStep) }, xTitle: xTitle,
                       yTicks: stride(from: 0.0, through: 1.0001, by: 0.25).map { $0 }, yLabel: { ChartNumbers.percent($0, step: 0.25) },
                       yTitle: "Probability better than \(Charts.truncated(report.baselineName, to: 24))")
        canvas.line(frame.left, frame.y(0.5), frame.right, frame.y(0.5), stroke: "#555", width: 1, dash: "3 3")
        if markModelValue {
            let central = problem.centralValuePerIdentification
            canvas.line(frame.x(central), frame.top, frame.x(central), frame.bottom, width: 1.2, dash: "8 3 2 3")
            canvas.text("model's value \(report.money(central))", x: frame.x(central) + 4, y: frame.top + 12, size: 10, halo: true)
        }
        if let threshold = analysis.threshold, markModelValue {
            canvas.line(frame.x(threshold), frame.top, frame.x(threshold), frame.bottom, width: 1.2, dash: "2 2")
            canvas.text("--threshold \(report.money(threshold))", x: frame.x(threshold) + 4, y: frame.top + 26, size: 10, halo: true)
        }
        for (k, d) in others.enumerated() {
            let dash = Charts.dashes[k % Charts.dashes.count]
            let points = curve.points.map { (frame.x($0.value), frame.y($0.worthwhile[d])) }
            canvas.polyline(points, width: 2, dash: dash)
            let legendY = 40 + Double(k) * 16
            canvas.line(80, legendY - 4, 114, legendY - 4, width: 2, dash: dash)
            canvas.marker(k, at: 97, legendY - 4, size: 3.5)
            var legend = "\(Charts.truncated(problem.options[d].name, to: 40)) vs \(Charts.truncated(report.baselineName, to: 30))"
            if let crossing = curve.crossings[d] {
                canvas.marker(k, at: frame.x(crossing), frame.y(0.5), size: 4.5)
                legend += ": 50% at \(report.money(crossing))"
            } else {
                legend += ": does not cross 50% up to \(report.money(analysis.curveMaximum))"
            }
            canvas.text(legend, x: 122, y: legendY, size: 11)
        }
        canvas.text("Dotted line: 50%. Markers: where each curve crosses it.", x: 70, y: frame.bottom + 58, size: 10)
        return canvas.svg(title: title, description: report.curveDefinition + " " + others.map { d in
            "\(problem.options[d].name): " + (curve.crossings[d].map { "crosses 50% at \(report.money($0))" } ?? "does not cross 50%")
        }.joined(separator: "; ") + ".")
    }

    /// Extra cost against extra identifications, one marker per iteration (thinned to at most
    /// `maximumPoints` per option for the picture; every statistic uses every iteration), with the
    /// line where net benefit is zero at the model's value (and at a threshold).
    static func plane(_ report: DecisionReport, id: String, maximumPoints: Int = 600) -> String {
        let problem = report.problem, others = report.others
        let base = problem.options[problem.baselineIndex]
        var canvas = SVGCanvas(height: 434 + Double(others.count) * 16, id: id)
        let title = "Extra cost against extra identifications, compared with \(report.baselineName)"
        canvas.text(title, x: 20, y: 22, size: 14, bold: true)
        let n = problem.iterations
        let step = max(1, (n + maximumPoints - 1) / maximumPoints)
        var clouds: [[(Double, Double)]] = []
        for d in others {
            let option = problem.options[d]
            clouds.append(stride(from: 0, to: n, by: step).map {
                (option.discountedIdentifications[$0] - base.discountedIdentifications[$0], option.presentValueCosts[$0] - base.presentValueCosts[$0])
            })
        }
        let xs: [Double] = clouds.flatMap { cloud in cloud.map { $0.0 } } + [0]
        let ys: [Double] = clouds.flatMap { cloud in cloud.map { $0.1 } } + [0]
        let x = ChartNumbers.ticks(low: xs.min() ?? 0, high: xs.max() ?? 1, target: 6)
        let y = ChartNumbers.ticks(low: ys.min() ?? 0, high: ys.max() ?? 1, target: 6)
        let top = 40 + Double(others.count) * 16 + 10
        let frame = PlotFrame(left: 90, top: top, width: 560, height: 300, xLow: x.low, xHigh: x.high, yLow: y.low, yHigh: y.high)
        let xStep = x.ticks.count > 1 ? x.ticks[1] - x.ticks[0] : nil, yStep = y.ticks.count > 1 ? y.ticks[1] - y.ticks[0] : nil
        frame.drawAxes(on: &canvas, xTicks: x.ticks, xLabel: { ChartNumbers.plain($0, step: xStep) },
                       xTitle: "Extra identifications over \(problem.horizonYears) years (discounted)",
                       yTicks: y.ticks, yLabel: { ChartNumbers.money($0, step: yStep) }, yTitle: "Extra cost (£, present value)", verticalGrid: true)
        canvas.line(frame.x(0), frame.top, frame.x(0), frame.bottom, stroke: "#777", width: 1)
        canvas.line(frame.left, frame.y(0), frame.right, frame.y(0), stroke: "#777", width: 1)
        // Net benefit is zero along cost = value × identifications: below the line is worthwhile.
        func thresholdLine(_ value: Double, dash: String, label: String, offset: Double) {
            var points: [(Double, Double)] = []
            for t in stride(from: 0.0, through: 1.0, by: 0.005) {
                let e = x.low + t * (x.high - x.low), c = value * e
                if c >= y.low && c <= y.high { points.append((frame.x(e), frame.y(c))) }
            }
            guard let end = points.last else { return }
            canvas.polyline(points, width: 1.5, dash: dash)
            canvas.text(label, x: end.0 - 4, y: end.1 + offset, anchor: .end, size: 10, halo: true)
        }
        thresholdLine(problem.centralValuePerIdentification, dash: "8 3 2 3",
                      label: "break-even at model's value \(report.money(problem.centralValuePerIdentification)) per identification", offset: 14)
        if let threshold = report.analysis.threshold {
            thresholdLine(threshold, dash: "2 2", label: "break-even at --threshold \(report.money(threshold))", offset: 28)
        }
        for (k, cloud) in clouds.enumerated() {
            for point in cloud { canvas.marker(k + 4, at: frame.x(point.0), frame.y(point.1), size: 1.6) }
            // The mean of every iteration, not of the points drawn.
            let count = Double(max(1, n))
            let meanX = problem.incremental(\.discountedIdentifications, of: others[k]).reduce(0, +) / count
            let meanY = problem.incremental(\.presentValueCosts, of: others[k]).reduce(0, +) / count
            canvas.marker(k, at: frame.x(meanX), frame.y(meanY), size: 6)
            let legendY = 40 + Double(k) * 16
            canvas.marker(k + 4, at: 86, legendY - 4, size: 3)
            canvas.marker(k, at: 100, legendY - 4, size: 4.5)
            canvas.text("\(Charts.truncated(problem.options[others[k]].name, to: 40)): iterations (open), mean (filled)", x: 112, y: legendY, size: 11)
        }
        if step > 1 {
            canvas.text("One iteration in \(step) shown (\(clouds.first?.count ?? 0) of \(n)); the means and every statistic use all.",
                        x: 90, y: frame.bottom + 58, size: 10)
        }
        canvas.text("Below a break-even line the option is worth more than it costs.", x: 90, y: frame.bottom + 72, size: 10)
        return canvas.svg(title: title, description: "Each marker is one iteration: extra discounted identifications across, extra present-value cost up, against \(report.baselineName). Points below a break-even line have positive incremental net benefit at that value per identification.")
    }

    /// EVPPI of each group and input, largest first, with ±2 standard errors and EVPI marked.
    static func informationRank(_ report: DecisionReport, id: String, maximumBars: Int = 16) -> String {
        let analysis = report.analysis
        let items = Array((analysis.groups + analysis.inputs).filter { $0.estimate != nil }.prefix(maximumBars))
        let rowHeight = 22.0
        var canvas = SVGCanvas(height: 130 + Double(max(1, items.count)) * rowHeight, id: id)
        let title = "What is worth learning before deciding (EVPPI, £ over \(report.problem.horizonYears) years)"
        canvas.text(title, x: 20, y: 22, size: 14, bold: true)
        guard !items.isEmpty else {
            canvas.text("No uncertain inputs to rank.", x: 340, y: 70, anchor: .middle)
            return canvas.svg(title: title, description: "No data.")
        }
        let highest = max(analysis.evpi.value, items.map { $0.estimate!.value + 2 * $0.estimate!.standardError }.max() ?? 0)
        let x = ChartNumbers.ticks(low: 0, high: highest > 0 ? highest * 1.05 : 1, target: 5)
        let frame = PlotFrame(left: 230, top: 62, width: 420, height: Double(items.count) * rowHeight,
                              xLow: 0, xHigh: x.high, yLow: 0, yHigh: 1)
        let xStep = x.ticks.count > 1 ? x.ticks[1] - x.ticks[0] : nil
        frame.drawAxes(on: &canvas, xTicks: x.ticks, xLabel: { ChartNumbers.money($0, step: xStep) },
                       xTitle: "Expected value of partial perfect information (£, present value, whole programme)",
                       yTicks: [], yLabel: { _ in "" }, yTitle: "", verticalGrid: true)
        canvas.line(frame.x(analysis.evpi.value), frame.top - 6, frame.x(analysis.evpi.value), frame.bottom, width: 1.5, dash: "6 3")
        canvas.text("EVPI \(report.money(analysis.evpi.value))", x: frame.x(analysis.evpi.value) + 4, y: frame.bottom - 6, size: 10, bold: true, halo: true)
        for (index, item) in items.enumerated() {
            let estimate = item.estimate!
            let centre = frame.top + (Double(index) + 0.5) * rowHeight
            let right = frame.x(max(0, estimate.value))
            canvas.rect(frame.left, centre - 7, right - frame.left, 14, fill: item.isGroup ? "url(#\(canvas.hatchID))" : "#c8c8c8",
                        stroke: "#000", strokeWidth: 0.8)
            let low = frame.x(max(0, estimate.value - 2 * estimate.standardError)), high = frame.x(estimate.value + 2 * estimate.standardError)
            canvas.line(low, centre, high, centre, width: 1.2)
            canvas.line(low, centre - 4, low, centre + 4, width: 1.2)
            canvas.line(high, centre - 4, high, centre + 4, width: 1.2)
            canvas.text(Charts.truncated(item.isGroup ? "\(item.name) (group)" : item.name, to: 36), x: frame.left - 8, y: centre + 4, anchor: .end, size: 11)
            canvas.text(report.money(estimate.value), x: high + 6, y: centre + 4, size: 10, halo: true)
        }
        canvas.rect(230, 36, 22, 12, fill: "url(#\(canvas.hatchID))", stroke: "#000", strokeWidth: 0.8)
        canvas.text("group of inputs", x: 258, y: 46, size: 11)
        canvas.rect(370, 36, 22, 12, fill: "#c8c8c8", stroke: "#000", strokeWidth: 0.8)
        canvas.text("one input; whiskers ±2 standard errors", x: 398, y: 46, size: 11)
        return canvas.svg(title: title, description: "Value of resolving each uncertainty before deciding, largest first: "
            + items.map { "\($0.name) \(report.money($0.estimate!.value))" }.joined(separator: "; ") + ". EVPI \(report.money(analysis.evpi.value)).")
    }

    /// The four decision charts, in reading order.
    public static func all(_ report: DecisionReport, prefix: String = "decide") -> [Chart] {
        let baseline = report.baselineName
        return [
            Chart(fileName: "\(prefix)-value-curve.svg",
                  caption: "Probability each option is better than \(baseline), by value of one additional identification. " + report.curveDefinition,
                  svg: curve(report, report.analysis.valueCurve, id: "\(prefix)-value-curve",
                             title: "How likely each option is worthwhile, by value of an identification",
                             xTitle: "Value of one additional identification (£)", markModelValue: true)),
            Chart(fileName: "\(prefix)-cost-curve.svg",
                  caption: "Probability the cost per additional identification, compared with \(baseline), is below a threshold (undiscounted costs before optimism bias).",
                  svg: curve(report, report.analysis.costCurve, id: "\(prefix)-cost-curve",
                             title: "How likely the cost per extra identification is below a threshold",
                             xTitle: "Threshold: cost per additional identification (£, undiscounted)", markModelValue: false)),
            Chart(fileName: "\(prefix)-plane.svg",
                  caption: "Extra cost against extra identifications compared with \(baseline), one marker per iteration (thinned for the picture).",
                  svg: plane(report, id: "\(prefix)-plane")),
            Chart(fileName: "\(prefix)-information-rank.svg",
                  caption: "Expected value of resolving each uncertainty before deciding (EVPPI), beside EVPI: the evidence most worth collecting first.",
                  svg: informationRank(report, id: "\(prefix)-information-rank")),
        ]
    }
}
