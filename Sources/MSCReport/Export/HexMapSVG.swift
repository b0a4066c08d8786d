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
    /// The place name a label on the map would show (the unit's short name, e.g. "East Surrey").
    public let place: String
    /// Residents of the hexagon's council: the largest units (summed over their hexagons) are labelled.
    public let population: Int

    public init(code: String, q: Int, r: Int, council: String, unit: String? = nil, area: String? = nil, value: Double?,
                place: String? = nil, population: Int = 0) {
        self.code = code
        self.q = q
        self.r = r
        self.council = council
        self.unit = unit ?? code
        self.area = area ?? unit ?? code
        self.value = value
        self.place = place ?? council
        self.population = population
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
    /// At most this many places are named on a map: enough to find one's way, few enough to leave
    /// the colours readable.
    public static let maximumLabels = 16
    /// County-area outlines, in user units (680 across the page: about 2 px on screen and 0.6 mm printed).
    static let outlineWidth = 2.4
    static let outlineColour = "#111"
    static let labelSize = 11.0

    /// A label's box in user units, from its anchor (the text's middle, on its baseline). The width
    /// allows 0.6 em a character, wider than the average letter of a sans-serif face, so boxes that
    /// do not meet leave the drawn words apart.
    static func labelBox(_ text: String, x: Double, y: Double, size: Double) -> (minX: Double, minY: Double, maxX: Double, maxY: Double) {
        let halfWidth = Double(text.count) * size * 0.3 + 2
        return (x - halfWidth, y - size * 0.85, x + halfWidth, y + size * 0.3)
    }

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
    ///   - subtitle: the one line saying which case, which year and which effect the map shows, under the title.
    ///   - outlineLabel: what the heavy lines outline, for the legend.
    ///   - valueLabel: what the value is, with its unit, e.g. "Extra identifications a year".
    ///   - format: how a value is written in the legend and tooltips.
    ///   - notes: lines under the map (what was drawn and how), before the licence notice.
    ///   - licence: the layout's licence text (``HexLayout/licenceText``), carried in the file's metadata
    ///     as the MIT licence requires.
    ///   - id: prefix for element ids, unique per page.
    public static func render(cells: [HexMapCell], title: String, subtitle: String? = nil, valueLabel: String,
                              format: (Double) -> String, notes: [String] = [], outlineLabel: String = "county area or council boundary",
                              licence: String, id: String) -> String {
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

        let width = 680.0, top = subtitle == nil ? 40.0 : 58.0, mapWidth = 460.0
        let size = min(mapWidth / max(maxX - minX, 1), 640 / max(maxY - minY, 1))
        let noteLines = notes + ["Hexagon layout: Open Innovations, \(HexLayout.copyrightNotice), MIT licence (full text in this file's metadata and in \(HexLayout.licenceFileName)). Contains ONS codes, Open Government Licence v3.0."]
        let wrapped = noteLines.flatMap { wrap($0, width: 110) }
        let mapHeight = (maxY - minY) * size
        // The legend's heading is wrapped to the legend's width (190 units at 12 bold: about 26 letters).
        let legendTitle = wrap(valueLabel, width: 26)
        let hasNoValue = cells.contains { $0.value == nil }
        let legendHeight = 10 + Double(legendTitle.count) * 14 + Double(legend.count + (hasNoValue ? 1 : 0) + 1) * 20 + 10
        let height = top + max(mapHeight, legendHeight) + 16 + Double(wrapped.count) * 14 + 10
        var canvas = SVGCanvas(width: width, height: height, id: id)
        canvas.text(title, x: 10, y: 24, size: 15, bold: true)
        if let subtitle { canvas.text(subtitle, x: 10, y: 42, size: 12) }
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
        // Edges: none inside a council, light between councils of one area, heavy round areas. The
        // heavy ones are drawn last, after every fill and light edge, so nothing covers an outline.
        var byPosition: [String: Int] = [:]
        for (index, cell) in cells.enumerated() { byPosition["\(cell.q),\(cell.r)"] = index }
        var heavyEdges: [(Double, Double, Double, Double)] = []
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
                if heavy { heavyEdges.append((a.0, a.1, b.0, b.1)) } else { canvas.line(a.0, a.1, b.0, b.1, stroke: "#fff", width: 0.6) }
            }
        }
        var outline = "<g class=\"area-outlines\" stroke=\"\(outlineColour)\" stroke-width=\"\(n(outlineWidth))\" stroke-linecap=\"round\" pointer-events=\"none\">"
        for edge in heavyEdges {
            outline += "<line x1=\"\(n(edge.0))\" y1=\"\(n(edge.1))\" x2=\"\(n(edge.2))\" y2=\"\(n(edge.3))\"/>"
        }
        canvas.raw(outline + "</g>")

        // Names of the largest places, over everything, each with a white halo so it reads on any
        // fill; a name whose box would meet one already placed (or the legend) is left out.
        let legendX = 10 + mapWidth + 20
        let legendBox = (minX: legendX - 4, minY: top - 4, maxX: width, maxY: top + legendHeight)
        var units: [String: (place: String, population: Int, members: [Int])] = [:]
        for (index, cell) in cells.enumerated() {
            var unit = units[cell.unit] ?? (cell.place, 0, [])
            unit.population += cell.population
            unit.members.append(index)
            units[cell.unit] = unit
        }
        let largest = units.values.filter { $0.population > 0 }
            .sorted { ($0.population, $1.place) > ($1.population, $0.place) }
        var placed: [(minX: Double, minY: Double, maxX: Double, maxY: Double)] = [legendBox]
        var labels = "<g class=\"place-labels\" aria-hidden=\"true\" pointer-events=\"none\" font-size=\"\(n(labelSize))\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"#000\" stroke=\"#fff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\">"
        for unit in largest {
            if placed.count > maximumLabels { break }
            // The label sits on the unit's hexagon nearest the middle of its hexagons.
            let points = unit.members.map { point(centres[$0]) }
            let middle = (points.map(\.0).reduce(0, +) / Double(points.count), points.map(\.1).reduce(0, +) / Double(points.count))
            guard let at = points.min(by: { hypot($0.0 - middle.0, $0.1 - middle.1) < hypot($1.0 - middle.0, $1.1 - middle.1) }) else { continue }
            var box = labelBox(unit.place, x: at.0, y: at.1 + labelSize * 0.35, size: labelSize)
            // Kept inside the drawing on the left.
            let shift = max(0, 2 - box.minX)
            box = (box.minX + shift, box.minY, box.maxX + shift, box.maxY)
            if placed.contains(where: { $0.minX < box.maxX && box.minX < $0.maxX && $0.minY < box.maxY && box.minY < $0.maxY }) { continue }
            placed.append(box)
            labels += "<text x=\"\(n((box.minX + box.maxX) / 2))\" y=\"\(n(at.1 + labelSize * 0.35))\">\(Markup.escape(unit.place))</text>"
        }
        canvas.raw(labels + "</g>")

        // Legend, to the right of the map.
        var y = top + 10
        for line in legendTitle {
            canvas.text(line, x: legendX, y: y, size: 12, bold: true)
            y += 14
        }
        y -= 4
        for step in legend {
            canvas.rect(legendX, y, 18, 14, fill: step.colour, stroke: "#222", strokeWidth: 0.6)
            let label = step.low == step.high ? format(step.low) : "\(format(step.low)) to \(format(step.high))"
            canvas.text(label, x: legendX + 24, y: y + 11, size: 11)
            y += 20
        }
        if hasNoValue {
            canvas.rect(legendX, y, 18, 14, fill: "url(#\(canvas.hatchID))", stroke: "#222", strokeWidth: 0.6)
            canvas.text("no value", x: legendX + 24, y: y + 11, size: 11)
            y += 20
        }
        canvas.line(legendX, y + 4, legendX + 18, y + 4, stroke: outlineColour, width: outlineWidth)
        canvas.text(outlineLabel, x: legendX + 24, y: y + 8, size: 10)

        var noteY = top + max(mapHeight, legendHeight) + 16
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
