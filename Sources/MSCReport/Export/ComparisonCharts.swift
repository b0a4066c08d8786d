import MSCSimulation

/// Charts that set the scenarios side by side on one axis, so a reader compares them at a glance
/// instead of across separate histograms.
extension Charts {
    /// One row per scenario on a shared axis: a bar from the 5th to the 95th percentile, a thick
    /// tick at the median and, when `showMean`, a dot at the mean. Money on the x axis.
    public static func intervals(_ rows: [(name: String, summary: Summary)], title: String, axisTitle: String,
                                 showMean: Bool, id: String) -> String {
        let shown = rows.filter { $0.summary.p5.isFinite && $0.summary.p95.isFinite }
        let rowHeight = 34.0
        var canvas = SVGCanvas(height: 130 + Double(max(1, shown.count)) * rowHeight, id: id)
        canvas.text(title, x: 20, y: 22, size: 14, bold: true)
        guard !shown.isEmpty else {
            canvas.text("No values to show.", x: 340, y: 80, anchor: .middle)
            return canvas.svg(title: title, description: "No data.")
        }
        let values = shown.flatMap { [$0.summary.p5, $0.summary.p95] + (showMean && $0.summary.mean.isFinite ? [$0.summary.mean] : []) }
        let x = ChartNumbers.ticks(low: min(0, values.min()!), high: max(0, values.max()!), target: 6)
        let labelWidth = 170.0
        let frame = PlotFrame(left: labelWidth + 20, top: 66, width: 640 - labelWidth - 20, height: Double(shown.count) * rowHeight,
                              xLow: x.low, xHigh: x.high, yLow: 0, yHigh: 1)
        let step = x.ticks.count > 1 ? x.ticks[1] - x.ticks[0] : nil
        frame.drawAxes(on: &canvas, xTicks: x.ticks, xLabel: { ChartNumbers.money($0, step: step) }, xTitle: axisTitle,
                       yTicks: [], yLabel: { _ in "" }, yTitle: "", verticalGrid: true)
        if x.low < 0 && x.high > 0 { canvas.line(frame.x(0), frame.top, frame.x(0), frame.bottom, width: 1.2, dash: "6 4") }
        for (index, row) in shown.enumerated() {
            let centre = frame.top + (Double(index) + 0.5) * rowHeight
            let low = frame.x(row.summary.p5), high = frame.x(row.summary.p95)
            canvas.rect(low, centre - 8, max(1, high - low), 16, fill: "#c8c8c8", stroke: "#000", strokeWidth: 0.8)
            canvas.line(frame.x(row.summary.p50), centre - 11, frame.x(row.summary.p50), centre + 11, width: 3)
            if showMean, row.summary.mean.isFinite { canvas.marker(0, at: frame.x(row.summary.mean), centre, size: 4) }
            for line in wrapped(row.name, width: 26).enumerated() {
                canvas.text(line.element, x: labelWidth + 10, y: centre + 4 + Double(line.offset) * 12, anchor: .end, size: 11)
            }
        }
        // The key sits above the plot.
        canvas.rect(frame.left, 38, 26, 12, fill: "#c8c8c8", stroke: "#000", strokeWidth: 0.8)
        canvas.text("5th to 95th percentile", x: frame.left + 32, y: 48, size: 11)
        canvas.line(frame.left + 180, 36, frame.left + 180, 52, width: 3)
        canvas.text("median", x: frame.left + 186, y: 48, size: 11)
        if showMean {
            canvas.marker(0, at: frame.left + 250, 44, size: 4)
            canvas.text("mean", x: frame.left + 258, y: 48, size: 11)
        }
        let description = shown.map { row in
            "\(row.name): median \(ChartNumbers.money(row.summary.p50)), 90% range \(ChartNumbers.money(row.summary.p5)) to \(ChartNumbers.money(row.summary.p95))"
                + (showMean ? ", mean \(ChartNumbers.money(row.summary.mean))" : "")
        }.joined(separator: "; ")
        return canvas.svg(title: title, description: description + ".")
    }

    /// Cost per additional identification of each scenario as `msc run` reports it
    /// (``CostEffectiveness``): a dot at the expected cost over the expected identifications, a bar
    /// over the per-draw 5th to 95th percentiles (running to the right edge where the 95th falls
    /// among the draws with no gain), and the share of draws with no gain beside the name.
    public static func costPerIdentification(_ rows: [(name: String, value: CostEffectiveness)], title: String, id: String) -> String {
        let rowHeight = 34.0
        var canvas = SVGCanvas(height: 130 + Double(max(1, rows.count)) * rowHeight, id: id)
        canvas.text(title, x: 20, y: 22, size: 14, bold: true)
        let values = rows.flatMap { [$0.value.p5, $0.value.p95, $0.value.expectedCostPerIdentification] }.compactMap { $0 }.filter(\.isFinite)
        guard let lowest = values.min(), let highest = values.max() else {
            canvas.text("No values to show.", x: 340, y: 80, anchor: .middle)
            return canvas.svg(title: title, description: "No data.")
        }
        let x = ChartNumbers.ticks(low: min(0, lowest), high: max(0, highest), target: 6)
        let labelWidth = 170.0
        let frame = PlotFrame(left: labelWidth + 20, top: 66, width: 640 - labelWidth - 20, height: Double(rows.count) * rowHeight,
                              xLow: x.low, xHigh: x.high, yLow: 0, yHigh: 1)
        let step = x.ticks.count > 1 ? x.ticks[1] - x.ticks[0] : nil
        frame.drawAxes(on: &canvas, xTicks: x.ticks, xLabel: { ChartNumbers.money($0, step: step) },
                       xTitle: "Cost per additional identification (£)", yTicks: [], yLabel: { _ in "" }, yTitle: "", verticalGrid: true)
        for (index, row) in rows.enumerated() {
            let centre = frame.top + (Double(index) + 0.5) * rowHeight
            if let p5 = row.value.p5 {
                let low = frame.x(p5), high = row.value.p95.map { frame.x($0) } ?? frame.right
                canvas.rect(low, centre - 8, max(1, high - low), 16, fill: "#c8c8c8", stroke: "#000", strokeWidth: 0.8)
            }
            if row.value.expectedCostPerIdentification.isFinite {
                canvas.marker(0, at: frame.x(row.value.expectedCostPerIdentification), centre, size: 4)
            }
            let label = "\(row.name) (no gain in \(GreenBookChecklist.percent(row.value.noGainShare)) of draws)"
            for line in wrapped(label, width: 26).enumerated() {
                canvas.text(line.element, x: labelWidth + 10, y: centre + 4 + Double(line.offset) * 12, anchor: .end, size: 11)
            }
        }
        canvas.rect(frame.left, 38, 26, 12, fill: "#c8c8c8", stroke: "#000", strokeWidth: 0.8)
        canvas.text("5th to 95th percentile of draws", x: frame.left + 32, y: 48, size: 11)
        canvas.marker(0, at: frame.left + 230, 44, size: 4)
        canvas.text("expected cost / expected identifications", x: frame.left + 238, y: 48, size: 11)
        let description = rows.map { row in "\(row.name): \(ComparisonReport.interval(row.value)), no gain in \(GreenBookChecklist.percent(row.value.noGainShare)) of draws" }
        return canvas.svg(title: title, description: description.joined(separator: "; ") + ".")
    }

    /// Words of `text` in lines of at most `width` characters (a longer word gets a line of its own).
    static func wrapped(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if current.isEmpty { current = String(word) } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
