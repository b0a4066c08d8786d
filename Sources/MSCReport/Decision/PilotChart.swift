import MSCSimulation

/// The pilot's chart: expected net benefit of sampling (ENBS) of every design of the grid, one
/// horizontal bar each, grouped by duration, with the best design marked in words and in black.
/// Drawn with the evidence pack's canvas (black and greys, hatching), so a printed copy reads the
/// same; the SVG's description lists every bar for a screen reader.
public enum PilotChart {
    /// The chart as the pack and the web page show it.
    public static func chart(_ report: PilotReport, id: String = "pilot-enbs") -> Chart {
        Chart(fileName: "\(id).svg",
              caption: "Expected net benefit of sampling of each pilot design (EVSI after the wait, less the posts, the evaluation and the delay), "
                  + "\(report.scenarioName) against \(report.comparatorName). Black bar: the best design; hatched: a design that costs more than it is worth.",
              svg: svg(report, id: id))
    }

    /// "80 posts, 2 years": a design in words, as the bars' labels and the description write it.
    static func label(_ design: PilotDesign) -> String {
        "\(design.councils) post\(design.councils == 1 ? "" : "s"), \(design.years) year\(design.years == 1 ? "" : "s")"
    }

    static func svg(_ report: PilotReport, id: String) -> String {
        let result = report.result
        // Sizes within durations, a gap between durations so each group reads as one.
        let ordered = result.designs.sorted { ($0.design.years, $0.design.councils) < ($1.design.years, $1.design.councils) }
        let rowHeight = 22.0, groupGap = 10.0
        var rowCentres: [Double] = []
        var y = 0.0
        for (index, value) in ordered.enumerated() {
            if index > 0, ordered[index - 1].design.years != value.design.years { y += groupGap }
            rowCentres.append(y + rowHeight / 2)
            y += rowHeight
        }
        let plotHeight = max(rowHeight, y)
        var canvas = SVGCanvas(height: 132 + plotHeight, id: id)
        let title = "What each pilot is worth after its costs (ENBS, £ present value)"
        canvas.text(title, x: 20, y: 22, size: 14, bold: true)
        guard !ordered.isEmpty else {
            canvas.text("No pilot design was valued.", x: 340, y: 80, anchor: .middle)
            return canvas.svg(title: title, description: "No data.")
        }
        let values = ordered.map(\.enbs)
        let x = ChartNumbers.ticks(low: min(0, values.min()!), high: max(0, values.max()!), target: 5)
        // Room on the right of the largest bar for its figure.
        let frame = PlotFrame(left: 150, top: 62, width: 420, height: plotHeight, xLow: x.low, xHigh: x.high, yLow: 0, yHigh: 1)
        let step = x.ticks.count > 1 ? x.ticks[1] - x.ticks[0] : nil
        frame.drawAxes(on: &canvas, xTicks: x.ticks, xLabel: { ChartNumbers.money($0, step: step) },
                       xTitle: "Expected net benefit of sampling (£, present value)", yTicks: [], yLabel: { _ in "" }, yTitle: "",
                       verticalGrid: true)
        let zero = frame.x(0)
        canvas.line(zero, frame.top, zero, frame.bottom, width: 1.5)
        let best = result.best?.design
        for (index, value) in ordered.enumerated() {
            let centre = frame.top + rowCentres[index]
            let end = frame.x(value.enbs)
            let isBest = value.design == best
            let fill = isBest ? "#000" : (value.enbs < 0 ? "url(#\(canvas.hatchID))" : "#c8c8c8")
            canvas.rect(min(zero, end), centre - 7, abs(end - zero), 14, fill: fill, stroke: "#000", strokeWidth: 0.8)
            canvas.text(label(value.design), x: frame.left - 8, y: centre + 4, anchor: .end, size: 11, bold: isBest)
            let figure = PilotReport.pounds(value.enbs) + (isBest ? "  best" : "")
            let right = value.enbs >= 0
            canvas.text(figure, x: right ? max(end, zero) + 6 : min(end, zero) - 6, y: centre + 4,
                        anchor: right ? .start : .end, size: 10, bold: isBest, halo: true)
        }
        // The key sits above the plot.
        canvas.rect(frame.left, 36, 22, 12, fill: "#000", stroke: "#000", strokeWidth: 0.8)
        canvas.text("best design", x: frame.left + 28, y: 46, size: 11)
        canvas.rect(frame.left + 120, 36, 22, 12, fill: "#c8c8c8", stroke: "#000", strokeWidth: 0.8)
        canvas.text("pays for itself", x: frame.left + 148, y: 46, size: 11)
        canvas.rect(frame.left + 260, 36, 22, 12, fill: "url(#\(canvas.hatchID))", stroke: "#000", strokeWidth: 0.8)
        canvas.text("costs more than it is worth", x: frame.left + 288, y: 46, size: 11)
        let bestText = result.best.map { "Best: \(label($0.design)), \(PilotReport.pounds($0.enbs))." } ?? ""
        let description = "Expected net benefit of sampling of each pilot design, posts and years: "
            + ordered.map { "\(label($0.design)) \(PilotReport.pounds($0.enbs))" }.joined(separator: "; ") + ". " + bestText
        return canvas.svg(title: title, description: description)
    }
}
