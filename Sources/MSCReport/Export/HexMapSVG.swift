import Foundation
import MSCModel

/// One hexagon to draw: where it is, which council it shows and that council's value.
///
/// `unit` and `area` say how hexagons join: hexagons of one `unit` are one council on the map and
/// are drawn without lines between them (a successor council drawn over its predecessors'
/// hexagons); hexagons of one `area` (a county area) are outlined together with a heavy line, with
/// light lines between their units (a county drawn through its districts).
public struct HexMapCell: Sendable, Equatable {
    public let code: String
    public let q: Int
    public let r: Int
    /// The council the hexagon shows (its tooltip), e.g. "Maidstone" or "East Surrey".
    public let council: String
    public let unit: String
    public let area: String
    /// The value the colour shows; nil draws the hexagon hatched ("no value").
    public let value: Double?

    public init(code: String, q: Int, r: Int, council: String, unit: String? = nil, area: String? = nil, value: Double?) {
        self.code = code
        self.q = q
        self.r = r
        self.council = council
        self.unit = unit ?? code
        self.area = area ?? unit ?? code
        self.value = value
    }
}

/// A hexagon map as SVG (Open Innovations layout), coloured by one value per council, with a
/// legend and the layout's licence notice. Used by the evidence pack and the web page.
///
/// Colours run from light to dark blue in five steps (they print as five greys); hexagons with no
/// value are hatched. With five or fewer distinct values each gets its own step; otherwise the
/// range is cut into five equal intervals.
public enum HexMapSVG {
    /// Light to dark (ColorBrewer "Blues", 5 classes): distinct in greyscale too.
    static let ramp = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"]

    /// One step of the legend: the values it covers and its colour.
    public struct LegendStep: Sendable, Equatable {
        public let low: Double
        public let high: Double
        public let colour: String
    }

    /// The legend steps for `values` (finite ones only).
    public static func legend(for values: [Double]) -> [LegendStep] {
        let finite = values.filter(\.isFinite)
        let distinct = Array(Set(finite)).sorted()
        guard let low = distinct.first, let high = distinct.last else { return [] }
        if distinct.count <= ramp.count {
            // Spread few values over the ramp so that 0 and 1 do not look alike.
            return distinct.enumerated().map { index, value in
                let step = distinct.count == 1 ? ramp.count - 1 : index * (ramp.count - 1) / (distinct.count - 1)
                return LegendStep(low: value, high: value, colour: ramp[step])
            }
        }
        let width = (high - low) / Double(ramp.count)
        return ramp.indices.map { index in
            LegendStep(low: low + width * Double(index), high: index == ramp.count - 1 ? high : low + width * Double(index + 1),
                       colour: ramp[index])
        }
    }

    /// The colour of `value` under `legend` (the hatch pattern for no value).
    static func colour(of value: Double?, legend: [LegendStep], hatch: String) -> String {
        guard let value, value.isFinite, let first = legend.first else { return "url(#\(hatch))" }
        return legend.last { value >= $0.low - 1e-12 * max(1, abs($0.low)) }?.colour ?? first.colour
    }

    /// The SVG document.
    ///
    /// - Parameters:
    ///   - cells: the hexagons (England and Wales: 318, or fewer after mergers draw several as one).
    ///   - title: the heading drawn above the map (and read by screen readers).
    ///   - valueLabel: what the value is, with its unit, e.g. "Extra identifications a year".
    ///   - format: how a value is written in the legend and tooltips.
    ///   - notes: lines under the map (what was drawn and how), before the licence notice.
    ///   - licence: the layout's licence text (``HexLayout/licenceText``), carried in the file's metadata
    ///     as the MIT licence requires.
    ///   - id: prefix for element ids, unique per page.
    public static func render(cells: [HexMapCell], title: String, valueLabel: String,
                              format: (Double) -> String, notes: [String] = [], licence: String, id: String) -> String {
        let legend = legend(for: cells.compactMap(\.value))
        let root3 = 3.0.squareRoot()
        // Centres in hexagon units (circumradius 1), odd rows shifted right, north up.
        func centre(q: Int, r: Int) -> (x: Double, y: Double) {
            (root3 * (Double(q) + 0.5 * Double(r & 1)), -1.5 * Double(r))
        }
        let centres = cells.map { centre(q: $0.q, r: $0.r) }
        let xs = centres.map(\.x), ys = centres.map(\.y)
        let minX = (xs.min() ?? 0) - root3 / 2, maxX = (xs.max() ?? 0) + root3 / 2
        let minY = (ys.min() ?? 0) - 1, maxY = (ys.max() ?? 0) + 1

        let width = 680.0, top = 40.0, mapWidth = 460.0
        let size = min(mapWidth / max(maxX - minX, 1), 640 / max(maxY - minY, 1))
        let noteLines = notes + ["Hexagon layout: Open Innovations, \(HexLayout.copyrightNotice), MIT licence (full text in this file's metadata and in \(HexLayout.licenceFileName)). Contains ONS codes, Open Government Licence v3.0."]
        let wrapped = noteLines.flatMap { wrap($0, width: 110) }
        let mapHeight = (maxY - minY) * size
        let height = top + max(mapHeight, Double(legend.count + 3) * 22) + 16 + Double(wrapped.count) * 14 + 10
        var canvas = SVGCanvas(width: width, height: height, id: id)
        canvas.text(title, x: 10, y: 24, size: 15, bold: true)
        let n = SVGCanvas.number
        func point(_ c: (x: Double, y: Double)) -> (Double, Double) {
            (10 + (c.x - minX) * size, top + (c.y - minY) * size)
        }
        func vertex(_ c: (x: Double, y: Double), _ i: Int) -> (Double, Double) {
            let angle = Double(60 * i - 30) * .pi / 180
            return point((c.x + cos(angle), c.y + sin(angle)))
        }

        // Fills, each with a tooltip naming the council and its value.
        for (cell, c) in zip(cells, centres) {
            let points = (0..<6).map { vertex(c, $0) }.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ")
            let shown = cell.value.map(format) ?? "no value"
            canvas.raw("<polygon data-code=\"\(Markup.escape(cell.code))\" points=\"\(points)\" fill=\"\(colour(of: cell.value, legend: legend, hatch: canvas.hatchID))\" stroke=\"none\"><title>\(Markup.escape("\(cell.council): \(shown)"))</title></polygon>")
        }
        // Edges: none inside a council, light between councils of one area, heavy round areas.
        var byPosition: [String: Int] = [:]
        for (index, cell) in cells.enumerated() { byPosition["\(cell.q),\(cell.r)"] = index }
        for (index, cell) in cells.enumerated() {
            let c = centres[index]
            for side in 0..<6 {
                let angle = Double(60 * side) * .pi / 180
                let nx = c.x + root3 * cos(angle), ny = c.y + root3 * sin(angle)
                let nr = Int((-ny / 1.5).rounded())
                let nq = Int((nx / root3 - 0.5 * Double(nr & 1)).rounded())
                let neighbour = byPosition["\(nq),\(nr)"].map { cells[$0] }
                if let neighbour {
                    if neighbour.unit == cell.unit || neighbour.code < cell.code { continue }   // one side draws a shared edge
                }
                let heavy = neighbour.map { $0.area != cell.area } ?? true
                let a = vertex(c, side), b = vertex(c, side + 1)
                canvas.line(a.0, a.1, b.0, b.1, stroke: heavy ? "#222" : "#fff", width: heavy ? 1.2 : 0.6)
            }
        }

        // Legend, to the right of the map.
        let legendX = 10 + mapWidth + 20
        var y = top + 10
        canvas.text(valueLabel, x: legendX, y: y, size: 12, bold: true)
        y += 10
        for step in legend {
            canvas.rect(legendX, y, 18, 14, fill: step.colour, stroke: "#222", strokeWidth: 0.6)
            let label = step.low == step.high ? format(step.low) : "\(format(step.low)) to \(format(step.high))"
            canvas.text(label, x: legendX + 24, y: y + 11, size: 11)
            y += 20
        }
        if cells.contains(where: { $0.value == nil }) {
            canvas.rect(legendX, y, 18, 14, fill: "url(#\(canvas.hatchID))", stroke: "#222", strokeWidth: 0.6)
            canvas.text("no value", x: legendX + 24, y: y + 11, size: 11)
            y += 20
        }
        canvas.line(legendX, y + 4, legendX + 18, y + 4, stroke: "#222", width: 1.2)
        canvas.text("county area or council boundary", x: legendX + 24, y: y + 8, size: 10)

        var noteY = top + max(mapHeight, Double(legend.count + 3) * 22) + 16
        for line in wrapped {
            canvas.text(line, x: 10, y: noteY, size: 10)
            noteY += 14
        }
        return canvas.svg(title: title, description: "Hexagon map of the councils of England and Wales coloured by \(valueLabel.lowercased()).",
                          metadata: licence)
    }

    /// Words of `text` in lines of at most `width` characters.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = [], current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty, current.count + 1 + word.count > width {
                lines.append(current)
                current = ""
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
