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
