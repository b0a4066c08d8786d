import Foundation
import MSCSimulation

/// One chart of an evidence pack: a file name, a caption and the SVG text.
public struct Chart: Sendable {
    /// File name inside the pack's `charts/` folder, e.g. `1-npv.svg`.
    public let fileName: String
    /// Caption shown under the chart (plain text, escaped where it is written).
    public let caption: String
    public let svg: String

    public init(fileName: String, caption: String, svg: String) {
        self.fileName = fileName
        self.caption = caption
        self.svg = svg
    }
}

/// The SVG charts of an evidence pack, drawn without colour so they survive black-and-white print.
public enum Charts {
    static let dashes = [nil, "8 4", "2 3", "10 3 2 3", "4 4", "12 4 2 4 2 4"]

    /// Histogram of net present value (£) across iterations, with zero and the mean marked.
    public static func npvHistogram(_ scenario: ScenarioEvidence, id: String) -> String {
        var canvas = SVGCanvas(id: id)
        let samples = scenario.npvSamples.filter(\.isFinite)
        let title = "Net present value across \(samples.count) iterations: \(scenario.name)"
        canvas.text(title, x: 20, y: 22, size: 14, bold: true)
        guard let minimum = samples.min(), let maximum = samples.max() else {
            canvas.text("No iterations to show.", x: 340, y: 190, anchor: .middle)
            return canvas.svg(title: title, description: "No data.")
        }
        let x = ChartNumbers.ticks(low: minimum, high: maximum, target: 6)
        let binCount = 30
        let binWidth = (x.high - x.low) / Double(binCount)
        var counts = Array(repeating: 0, count: binCount)
        for value in samples {
            counts[min(binCount - 1, max(0, Int((value - x.low) / binWidth)))] += 1
        }
        let shares = counts.map { Double($0) / Double(samples.count) }
        let y = ChartNumbers.ticks(low: 0, high: shares.max() ?? 1, target: 5)
        let frame = PlotFrame(left: 70, top: 40, width: 590, height: 270, xLow: x.low, xHigh: x.high, yLow: 0, yHigh: y.high)
        let xStep = x.ticks.count > 1 ? x.ticks[1] - x.ticks[0] : nil
        let yStep = y.ticks.count > 1 ? y.ticks[1] - y.ticks[0] : nil
        frame.drawAxes(on: &canvas, xTicks: x.ticks, xLabel: { ChartNumbers.money($0, step: xStep) },
                       xTitle: "Net present value (£, real, discounted at the Green Book rate)",
                       yTicks: y.ticks, yLabel: { ChartNumbers.percent($0, step: yStep) }, yTitle: "Share of iterations (%)")
        for (index, share) in shares.enumerated() where share > 0 {
            let left = frame.x(x.low + Double(index) * binWidth), right = frame.x(x.low + Double(index + 1) * binWidth)
            canvas.rect(left, frame.y(share), right - left, frame.y(0) - frame.y(share), fill: "#bdbdbd", stroke: "#333", strokeWidth: 0.6)
        }
        if x.low < 0 && x.high > 0 {
            canvas.line(frame.x(0), frame.top, frame.x(0), frame.bottom, width: 1.5, dash: "6 4")
            canvas.text("NPV = 0", x: frame.x(0) + 4, y: frame.top + 12, size: 11)
        }
        let mean = samples.reduce(0, +) / Double(samples.count)
        canvas.line(frame.x(mean), frame.top + 18, frame.x(mean), frame.bottom, width: 2)
        let meanOnRight = frame.x(mean) < frame.left + frame.width * 0.7
        canvas.text("Mean \(ChartNumbers.money(mean, step: xStep.map { $0 / 100 }))", x: frame.x(mean) + (meanOnRight ? 4 : -4),
                    y: frame.top + 30, anchor: meanOnRight ? .start : .end, size: 11, bold: true)
        let positive = Double(samples.filter { $0 > 0 }.count) / Double(samples.count)
        let probability = "Probability NPV > 0: \(NumberText.fixed(positive * 100, decimals: 0))%"
        canvas.text(probability, x: 660, y: 22, anchor: .end, size: 12)
        return canvas.svg(title: title, description: "Histogram of net present value; dashed line at zero, solid line at the mean. \(probability).")
    }

    /// Fan of a yearly amount (£ per year): the 5th–95th percentile band, the median and the mean.
    ///
    /// `decisionYears` (programme years, 1 = the first) mark where one national decision can
    /// withdraw the grant behind every post: the cliff the band falls over.
    public static func fan(_ summaries: [Summary], scenarioName: String, quantity: String, id: String,
                           decisionYears: [Int] = [], grantLabel: String? = nil) -> String {
        var canvas = SVGCanvas(id: id)
        let title = "\(quantity) per year, 90% interval: \(scenarioName)"
        canvas.text(title, x: 20, y: 22, size: 14, bold: true)
        let finite = summaries.filter { $0.p5.isFinite && $0.p95.isFinite && $0.mean.isFinite }
        guard finite.count == summaries.count, !summaries.isEmpty else {
            canvas.text("No yearly values to show.", x: 340, y: 190, anchor: .middle)
            return canvas.svg(title: title, description: "No data.")
        }
        let years = summaries.count
        let lowest = min(0, summaries.map { min($0.p5, $0.mean) }.min() ?? 0)
        let highest = summaries.map { max($0.p95, $0.mean) }.max() ?? 1
        let y = ChartNumbers.ticks(low: lowest, high: highest, target: 5)
        let frame = PlotFrame(left: 80, top: 72, width: 580, height: 230,
                              xLow: 0.5, xHigh: Double(years) + 0.5, yLow: y.low, yHigh: y.high)
        let yStep = y.ticks.count > 1 ? y.ticks[1] - y.ticks[0] : nil
        let xTicks = stride(from: 1, through: years, by: years > 15 ? 2 : 1).map(Double.init)
        frame.drawAxes(on: &canvas, xTicks: xTicks, xLabel: { String(Int($0)) }, xTitle: "Year of the programme",
                       yTicks: y.ticks, yLabel: { ChartNumbers.money($0, step: yStep) },
                       yTitle: "\(quantity) (£ a year, real)")
        let upper = summaries.enumerated().map { (frame.x(Double($0.offset + 1)), frame.y($0.element.p95)) }
        let lower = summaries.enumerated().reversed().map { (frame.x(Double($0.offset + 1)), frame.y($0.element.p5)) }
        canvas.polyline(upper + lower, stroke: "#555", width: 0.8, fill: "url(#\(canvas.hatchID))", closed: true)
        canvas.polyline(summaries.enumerated().map { (frame.x(Double($0.offset + 1)), frame.y($0.element.p50)) }, width: 2.2)
        canvas.polyline(summaries.enumerated().map { (frame.x(Double($0.offset + 1)), frame.y($0.element.mean)) },
                        width: 1.8, dash: "7 4")
        // The legend sits above the plot so it never hides the band.
        canvas.rect(80, 34, 26, 12, fill: "url(#\(canvas.hatchID))", stroke: "#555", strokeWidth: 0.8)
        canvas.text("5th to 95th percentile", x: 112, y: 44, size: 11)
        canvas.line(270, 40, 300, 40, width: 2.2)
        canvas.text("Median", x: 306, y: 44, size: 11)
        canvas.line(370, 40, 400, 40, width: 1.8, dash: "7 4")
        canvas.text("Mean", x: 406, y: 44, size: 11)
        var cliff = ""
        let cliffs = decisionYears.filter { $0 >= 1 && $0 <= years }
        if !cliffs.isEmpty {
            // Each national decision: a dotted line between the year before and the year it takes effect.
            for year in cliffs {
                let x = (frame.x(Double(year - 1)) + frame.x(Double(year))) / 2
                canvas.line(x, frame.top, x, frame.bottom, width: 1.4, dash: "2 3")
            }
            // The key's second line, below the first, so a long grant name is never cut off.
            canvas.line(80, 54, 106, 54, width: 1.4, dash: "2 3")
            canvas.text("national decision: \(grantLabel ?? "the grant") renewed or withdrawn for every post", x: 112, y: 58, size: 11)
            cliff = " Dotted lines before year\(cliffs.count == 1 ? "" : "s") \(cliffs.map(String.init).joined(separator: ", ")): one national decision renews or withdraws \(grantLabel ?? "the grant") for every post, so the lower edge of the band can drop to nothing there."
        }
        return canvas.svg(title: title, description: "\(quantity) per year: hatched band from the 5th to the 95th percentile across iterations, solid line the median, dashed line the mean.\(cliff)")
    }

    /// Expected share of posts still funded, by year, one line per scenario: steps, because funding
    /// holds through a year and changes only at its start. Lines that coincide are drawn in
    /// different dash patterns, slightly apart, and the legend says which lie on which.
    public static func survival(_ scenarios: [ScenarioEvidence], id: String) -> String {
        var canvas = SVGCanvas(id: id)
        let title = "Posts still funded: expected share by year"
        canvas.text(title, x: 20, y: 22, size: 14, bold: true)
        let curves = scenarios.filter { !$0.survival.isEmpty }
        let years = curves.map(\.survival.count).max() ?? 0
        guard years > 0 else {
            canvas.text("No survival curves to show.", x: 340, y: 190, anchor: .middle)
            return canvas.svg(title: title, description: "No data.")
        }
        // A curve the same as an earlier one (to 0.1 of a point every year) is said to lie on it.
        let sameAs: [Int?] = curves.indices.map { index in
            (0..<index).first { earlier in
                curves[earlier].survival.count == curves[index].survival.count
                    && zip(curves[earlier].survival, curves[index].survival).allSatisfy { abs($0 - $1) < 0.001 }
            }
        }
        let legendRows = curves.count
        let top = 40 + Double(legendRows) * 16
        let frame = PlotFrame(left: 70, top: top, width: 590, height: max(120, 300 - top),
                              xLow: 0.5, xHigh: Double(years) + 0.5, yLow: 0, yHigh: 1)
        canvas = SVGCanvas(height: frame.bottom + 52, id: id)
        canvas.text(title, x: 20, y: 22, size: 14, bold: true)
        let yTicks = stride(from: 0.0, through: 1.0001, by: 0.2).map { $0 }
        let xTicks = stride(from: 1, through: years, by: years > 15 ? 2 : 1).map(Double.init)
        frame.drawAxes(on: &canvas, xTicks: xTicks, xLabel: { String(Int($0)) }, xTitle: "Year of the programme",
                       yTicks: yTicks, yLabel: { ChartNumbers.percent($0, step: 0.2) }, yTitle: "Posts funded (% of posts)")
        for (index, curve) in curves.enumerated() {
            // Coinciding lines are nudged apart by a pixel per line so each dash pattern shows.
            let nudge = sameAs[index] == nil ? 0 : Double(index) * 1.5
            var points: [(Double, Double)] = []
            for (year, value) in curve.survival.enumerated() {
                let y = frame.y(min(1, max(0, value))) + nudge
                points.append((frame.x(Double(year + 1) - 0.5), y))
                points.append((frame.x(Double(year + 1) + 0.5), y))
            }
            canvas.polyline(points, width: 1.8, dash: dashes[index % dashes.count])
            for (year, value) in curve.survival.enumerated() {
                canvas.marker(index, at: frame.x(Double(year + 1)), frame.y(min(1, max(0, value))) + nudge, size: 3.2)
            }
            let legendY = 40 + Double(index) * 16
            canvas.line(80, legendY - 4, 114, legendY - 4, width: 1.8, dash: dashes[index % dashes.count])
            canvas.marker(index, at: 97, legendY - 4, size: 3.2)
            let note = sameAs[index].map { " (the same as \(curves[$0].name): drawn just below it)" } ?? ""
            canvas.text(curve.name + note, x: 122, y: legendY, size: 11)
        }
        let coinciding = curves.indices.compactMap { index in sameAs[index].map { "\(curves[index].name) lies on \(curves[$0].name)" } }
        return canvas.svg(title: title, description: "Expected share of posts still funded in each year, as steps (funding holds through a year), one line per scenario: "
            + curves.map { "\($0.name): \(NumberText.fixed(($0.survival.last ?? 0) * 100, decimals: 0))% in year \($0.survival.count)" }
                .joined(separator: "; ") + "." + (coinciding.isEmpty ? "" : " " + coinciding.joined(separator: "; ") + "."))
    }

    /// Tornado: NPV (£) with each uncertain input at its 10th and 90th percentile, largest swing on top.
    public static func tornado(_ scenario: ScenarioEvidence, id: String, maximumBars: Int = 12) -> String {
        let bars = Array(scenario.tornado.sorted { abs($0.npvAtHigh - $0.npvAtLow) > abs($1.npvAtHigh - $1.npvAtLow) }.prefix(maximumBars))
        // Labels are the inputs' descriptions, wrapped (never cut) in a column left of the plot.
        let labelColumn = 250.0, charactersPerLine = 40
        let labels = bars.map { wrapped(($0.label ?? $0.name).withoutFinalStop, width: charactersPerLine) }
        let rowHeights = labels.map { max(26, Double($0.count) * 12 + 8) }
        let plotHeight = max(26, rowHeights.reduce(0, +))
        var canvas = SVGCanvas(height: 112 + plotHeight, id: id)
        let title = "What the NPV hangs on (one input at a time): \(scenario.name)"
        canvas.text(title, x: 20, y: 22, size: 14, bold: true)
        guard !bars.isEmpty else {
            canvas.text("No uncertain inputs to show.", x: 340, y: 70, anchor: .middle)
            return canvas.svg(title: title, description: "No data.")
        }
        let values = bars.flatMap { [$0.npvAtLow, $0.npvAtHigh] } + (scenario.centralNPV.map { [$0] } ?? [])
        // Room either side for the input values written beside the bar ends.
        let spread = max(1, (values.max() ?? 1) - (values.min() ?? 0))
        let x = ChartNumbers.ticks(low: (values.min() ?? 0) - 0.16 * spread, high: (values.max() ?? 1) + 0.16 * spread, target: 5)
        let frame = PlotFrame(left: labelColumn + 12, top: 62, width: 660 - labelColumn - 12, height: plotHeight,
                              xLow: x.low, xHigh: x.high, yLow: 0, yHigh: 1)
        let xStep = x.ticks.count > 1 ? x.ticks[1] - x.ticks[0] : nil
        frame.drawAxes(on: &canvas, xTicks: x.ticks, xLabel: { ChartNumbers.money($0, step: xStep) },
                       xTitle: "Net present value (£, real, discounted)", yTicks: [], yLabel: { _ in "" }, yTitle: "",
                       verticalGrid: true)
        if x.low < 0 && x.high > 0 {
            canvas.line(frame.x(0), frame.top, frame.x(0), frame.bottom, width: 1.2, dash: "6 4")
        }
        if let central = scenario.centralNPV {
            // The bars swing about the central case: a solid line, labelled, beside the dashed zero.
            canvas.line(frame.x(central), frame.top, frame.x(central), frame.bottom, width: 1.2, dash: nil)
            canvas.text("central case \(ChartNumbers.money(central))", x: frame.x(central) + 4, y: frame.top - 4, size: 10, halo: true)
        }
        func valueText(_ value: Double, _ bar: TornadoBarData) -> String {
            bar.unit.map { NumberText.inUnit(value, unit: $0) } ?? ChartNumbers.significant(value)
        }
        var rowTop = frame.top
        for (index, bar) in bars.enumerated() {
            let centre = rowTop + rowHeights[index] / 2
            let lowX = frame.x(bar.npvAtLow), highX = frame.x(bar.npvAtHigh)
            canvas.rect(min(lowX, highX), centre - 7, abs(highX - lowX), 14, fill: "#c8c8c8", stroke: "#000", strokeWidth: 0.8)
            canvas.marker(4, at: lowX, centre, size: 4.5)
            canvas.marker(1, at: highX, centre, size: 4)
            let lines = labels[index]
            let firstLine = centre + 4 - Double(lines.count - 1) * 6
            for (number, line) in lines.enumerated() {
                canvas.text(line, x: frame.left - 8, y: firstLine + Double(number) * 12, anchor: .end, size: 10.5)
            }
            let lowOnLeft = lowX <= highX
            // Values sit outside the bar's ends, clear of the markers, in the input's own unit.
            canvas.text(valueText(lowOnLeft ? bar.lowValue : bar.highValue, bar), x: min(lowX, highX) - 10,
                        y: centre + 4, anchor: .end, size: 10, halo: true)
            canvas.text(valueText(lowOnLeft ? bar.highValue : bar.lowValue, bar), x: max(lowX, highX) + 10,
                        y: centre + 4, anchor: .start, size: 10, halo: true)
            rowTop += rowHeights[index]
        }
        canvas.marker(4, at: 206, 42, size: 4.5)
        canvas.text("input at its 10th percentile", x: 216, y: 46, size: 11)
        canvas.marker(1, at: 420, 42, size: 4)
        canvas.text("input at its 90th percentile (values beside the ends)", x: 430, y: 46, size: 11)
        return canvas.svg(title: title, description: "For each uncertain input, the net present value with that input at its 10th and at its 90th percentile and every other input central: "
            + bars.map { "\($0.label ?? $0.name) \(ChartNumbers.money($0.npvAtLow)) to \(ChartNumbers.money($0.npvAtHigh))" }.joined(separator: "; ") + ".")
    }


    static func truncated(_ text: String, to length: Int) -> String {
        text.count <= length ? text : String(text.prefix(length - 1)) + "…"
    }

    /// A file-name stem for a scenario: its name in lower case, letters, digits and hyphens only.
    public static func fileStem(_ name: String) -> String {
        let stem = String(name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
            .split(separator: "-", omittingEmptySubsequences: true).joined(separator: "-")
        return stem.isEmpty ? "scenario" : stem
    }

    /// Every chart of a pack, in reading order: the scenarios side by side (NPV, cost per additional
    /// identification), survival, then per scenario its NPV, fans and tornado. Files are named
    /// after the scenario (`national-rollout-npv.svg`).
    public static func all(for pack: EvidencePack) -> [Chart] {
        var charts: [Chart] = []
        if pack.scenarios.count > 1 {
            charts.append(Chart(fileName: "compare-npv.svg",
                                caption: "Net present value of each scenario on one axis: the bar spans the middle 90% of simulations, the thick tick is the median, the dot the mean.",
                                svg: intervals(pack.scenarios.map { ($0.name, Summary($0.npvSamples)) },
                                               title: "Net present value, scenarios side by side",
                                               axisTitle: "Net present value (£, real, discounted)", showMean: true, id: "compare-npv")))
            let perIdentification = pack.scenarios.compactMap { scenario in scenario.costPerIdentification.map { (scenario.name, $0) } }
            if !perIdentification.isEmpty {
                charts.append(Chart(fileName: "compare-cost-per-identification.svg",
                                    caption: "Cost per additional identification as msc run reports it: the expected cost over the expected additional identifications (the dot), the 5th to 95th percentile of the draws (the bar, to the edge where the 95th is a draw with no gain) and the share of draws with no additional identification.",
                                    svg: costPerIdentification(perIdentification, title: "Cost per additional identification, scenarios side by side",
                                                               id: "compare-cost-per-identification")))
            }
        }
        charts.append(Chart(fileName: "survival.svg", caption: "Expected share of posts still funded in each year.",
                            svg: survival(pack.scenarios, id: "survival")))
        let byName = Dictionary(pack.assumptions.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var usedStems: Set<String> = []
        for scenario in pack.scenarios {
            var prefix = fileStem(scenario.name)
            while usedStems.contains(prefix) { prefix += "-2" }
            usedStems.insert(prefix)
            var described = scenario
            described.tornado = scenario.tornado.map { bar in
                var bar = bar
                bar.label = bar.label ?? byName[bar.name]?.description
                bar.unit = bar.unit ?? byName[bar.name]?.unit
                return bar
            }
            charts.append(Chart(fileName: "\(prefix)-npv.svg", caption: "\(scenario.name): distribution of net present value.",
                                svg: npvHistogram(scenario, id: "\(prefix)-npv")))
            charts.append(Chart(fileName: "\(prefix)-cost.svg", caption: "\(scenario.name): cost per year.",
                                svg: fan(scenario.costFan, scenarioName: scenario.name, quantity: "Cost", id: "\(prefix)-cost",
                                         decisionYears: scenario.brief?.nationalDecisionYears ?? [],
                                         grantLabel: scenario.brief?.nationalGrantLabel)))
            charts.append(Chart(fileName: "\(prefix)-benefit.svg", caption: "\(scenario.name): benefit per year.",
                                svg: fan(scenario.benefitFan, scenarioName: scenario.name, quantity: "Benefit", id: "\(prefix)-benefit",
                                         decisionYears: scenario.brief?.nationalDecisionYears ?? [],
                                         grantLabel: scenario.brief?.nationalGrantLabel)))
            charts.append(Chart(fileName: "\(prefix)-tornado.svg", caption: "\(scenario.name): one-way sensitivity of net present value.",
                                svg: tornado(described, id: "\(prefix)-tornado")))
        }
        if let decision = pack.decision { charts += DecisionCharts.all(decision) }
        return charts + pack.maps
    }
}
