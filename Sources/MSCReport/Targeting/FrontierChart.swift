import Foundation
import MSCModel
import MSCSimulation

/// The efficiency frontier of `msc target` as SVG: expected identifications a year and the net
/// present value over the horizon against the budget a year, from nothing to every council, with
/// the universal rollout, the status quo and the marked scenarios placed at their own cost, and
/// the budget where the marginal cost of an identification passes the value of one.
public enum FrontierChart {
    /// One point placed beside the frontier: its label, its cost a year, identifications and NPV.
    struct Mark {
        let label: String
        let cost: Double
        let identifications: Double
        let npv: Double
        let shape: Int
    }

    /// The chart of `r` (one index of `result`); `id` prefixes the SVG's element ids.
    public static func svg(_ result: Targeting.Result, _ r: Targeting.IndexResult, id: String) -> String {
        var canvas = SVGCanvas(height: 656, id: id)
        let title = "Efficiency frontier, \(r.index.label) index: \(result.scenarioName)"
        canvas.text(title, x: 20, y: 22, size: 14, bold: true)
        guard r.frontier.count > 1 else {
            canvas.text("No frontier was computed (give --frontier N of at least 1).", x: 340, y: 190, anchor: .middle)
            return canvas.svg(title: title, description: "No data.")
        }
        // Status quo: no new posts. Universal: every council its own post (less today's).
        var marks = [Mark(label: "status quo (no new posts)", cost: 0, identifications: 0, npv: 0, shape: 2),
                     Mark(label: "universal rollout (\(r.universal.posts) posts)", cost: r.universal.cost,
                          identifications: r.universal.expectedIdentifications, npv: r.universal.netPresentValue, shape: 1)]
        for (k, m) in r.marked.enumerated() {
            // A scenario on the same spot as a mark already drawn (national-rollout is the universal
            // rollout, status-quo buys nothing) is named in that mark's label instead.
            func same(_ x: Double, _ y: Double) -> Bool { abs(x - y) <= 0.005 * max(abs(x), abs(y), 1) }
            if let earlier = marks.firstIndex(where: { same($0.cost, m.point.cost) && same($0.identifications, m.point.expectedIdentifications) }) {
                let e = marks[earlier]
                marks[earlier] = Mark(label: e.label + " = " + m.scenarioName, cost: e.cost, identifications: e.identifications, npv: e.npv, shape: e.shape)
                continue
            }
            marks.append(Mark(label: m.scenarioName, cost: m.point.cost, identifications: m.point.expectedIdentifications,
                              npv: m.point.netPresentValue, shape: 3 + 4 * (k % 2)))
        }
        let budgets = r.frontier.map(\.budget) + marks.map(\.cost)
        let x = ChartNumbers.ticks(low: 0, high: budgets.max() ?? 1, target: 6)
        let xStep = x.ticks.count > 1 ? x.ticks[1] - x.ticks[0] : nil
        let ids = r.frontier.map(\.expectedIdentifications) + marks.map(\.identifications)
        let yIds = ChartNumbers.ticks(low: 0, high: ids.max() ?? 1, target: 5)
        let npvs = r.frontier.map(\.netPresentValue) + marks.map(\.npv)
        let yNPV = ChartNumbers.ticks(low: min(0, npvs.min() ?? 0), high: max(0, npvs.max() ?? 0), target: 5)
        let top = PlotFrame(left: 90, top: 90, width: 560, height: 200, xLow: x.low, xHigh: x.high, yLow: yIds.low, yHigh: yIds.high)
        let bottom = PlotFrame(left: 90, top: 360, width: 560, height: 200, xLow: x.low, xHigh: x.high, yLow: yNPV.low, yHigh: yNPV.high)
        let idStep = yIds.ticks.count > 1 ? yIds.ticks[1] - yIds.ticks[0] : nil
        let npvStep = yNPV.ticks.count > 1 ? yNPV.ticks[1] - yNPV.ticks[0] : nil
        top.drawAxes(on: &canvas, xTicks: x.ticks, xLabel: { ChartNumbers.money($0, step: xStep) }, xTitle: "",
                     yTicks: yIds.ticks, yLabel: { ChartNumbers.plain($0, step: idStep) }, yTitle: "")
        canvas.text("Expected additional identifications a year (the set that buys the most for each budget)", x: 90, y: 82, size: 12, bold: true)
        bottom.drawAxes(on: &canvas, xTicks: x.ticks, xLabel: { ChartNumbers.money($0, step: xStep) },
                        xTitle: "Budget a year (£); a scenario or the universal rollout sits at its own cost a year",
                        yTicks: yNPV.ticks, yLabel: { ChartNumbers.money($0, step: npvStep) }, yTitle: "")
        canvas.text("Expected net present value over \(result.horizonYears) years of the same sets (£, real, discounted)", x: 90, y: 352, size: 12, bold: true)
        if yNPV.low < 0 && yNPV.high > 0 {
            canvas.line(bottom.left, bottom.y(0), bottom.right, bottom.y(0), width: 1.2, dash: "6 4")
        }

        // The threshold: the marginal cost of an identification first passes its value between two
        // frontier budgets; the band between them is shaded and bounded by dotted lines.
        if let crossing = r.thresholdCrossingBudget {
            let from = r.thresholdCrossingFromBudget ?? crossing
            for frame in [top, bottom] {
                canvas.rect(frame.x(from), frame.top, frame.x(crossing) - frame.x(from), frame.bottom - frame.top, fill: "#e6e6e6")
                for budget in from == crossing ? [crossing] : [from, crossing] {
                    canvas.line(frame.x(budget), frame.top, frame.x(budget), frame.bottom, width: 1.4, dash: "2 3")
                }
            }
        }

        // The frontier in each panel: a line through the budgets, a dot at each.
        for (frame, value) in [(top, \Targeting.FrontierPoint.expectedIdentifications), (bottom, \Targeting.FrontierPoint.netPresentValue)] {
            canvas.polyline(r.frontier.map { (frame.x($0.budget), frame.y($0[keyPath: value])) }, width: 2)
            for point in r.frontier { canvas.marker(0, at: frame.x(point.budget), frame.y(point[keyPath: value]), size: 2.6) }
        }
        // The marks, labelled; a label that would sit on an earlier one moves down a line.
        for (frame, value) in [(top, \Mark.identifications), (bottom, \Mark.npv)] {
            var placed: [(x: Double, y: Double)] = []
            for mark in marks {
                let px = frame.x(mark.cost), py = frame.y(mark[keyPath: value])
                canvas.marker(mark.shape, at: px, py, size: 4.5)
                let onLeft = px > frame.left + frame.width * 0.6
                var ly = py - 8
                while placed.contains(where: { abs($0.y - ly) < 12 && abs($0.x - px) < 200 }) { ly += 12 }
                placed.append((px, ly))
                canvas.text(mark.label, x: px + (onLeft ? -8 : 8), y: ly, anchor: onLeft ? .end : .start, size: 10.5, halo: true)
            }
        }
        // Key.
        canvas.line(20, 40, 50, 40, width: 2)
        canvas.marker(0, at: 35, 40, size: 2.6)
        canvas.text("best set for each budget (on expected values)", x: 56, y: 44, size: 11)
        canvas.line(20, 56, 50, 56, width: 1.4, dash: "2 3")
        // The threshold is named in the key, not beside its line, where the marks' labels crowd.
        canvas.text(FrontierThreshold.key(result, r), x: 56, y: 60, size: 11)
        // The caveat travels with the chart, whichever index it shows: the other index is the same data's reading.
        for (line, text) in HexMapSVG.wrap("Index: \(r.index.label). \(AreaIncidenceIndex.caveat)", width: 120).enumerated() {
            canvas.text(text, x: 20, y: 626 + Double(line) * 13, size: 10)
        }
        return canvas.svg(title: title, description: "Expected additional identifications a year and expected net present value over \(result.horizonYears) years "
            + "of the best set of posts for budgets from £0 to £\(NumberText.grouped(r.universal.cost, decimals: 0)) a year: "
            + r.frontier.map { "£\(NumberText.grouped($0.budget, decimals: 0)): \(NumberText.fixed($0.expectedIdentifications, decimals: 1)) identifications, NPV \(ChartNumbers.money($0.netPresentValue))" }
                .joined(separator: "; ") + ". "
            + marks.map { "\($0.label): £\(NumberText.grouped($0.cost, decimals: 0)) a year, \(NumberText.fixed($0.identifications, decimals: 1)) identifications, NPV \(ChartNumbers.money($0.npv))" }
                .joined(separator: "; ") + "."
            + " " + FrontierThreshold.sentence(result, r))
    }
}
