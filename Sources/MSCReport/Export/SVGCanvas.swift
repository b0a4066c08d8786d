import Foundation

/// A small SVG drawing surface sized for an A4 page (170 mm wide), in user units of 0.25 mm.
///
/// Charts are drawn in black and greys with hatching, dashes and markers, so they read the same
/// printed in black and white; every text passes through ``Markup/escape(_:)``.
struct SVGCanvas {
    /// User units per millimetre: 680 units across 170 mm.
    static let unitsPerMillimetre = 4.0
    let width: Double
    let height: Double
    /// Prefix for element ids, unique per chart so several charts can share one HTML page.
    let id: String
    private var elements: [String] = []

    init(width: Double = 680, height: Double = 352, id: String) {
        self.width = width
        self.height = height
        self.id = id
    }

    /// The id of the diagonal hatch pattern (use as `fill="url(#…)"`).
    var hatchID: String { "\(id)-hatch" }

    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        return String(format: "%.2f", value).replacingOccurrences(of: ".00", with: "")
    }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double,
                       stroke: String = "#000", width strokeWidth: Double = 1, dash: String? = nil) {
        let n = Self.number
        elements.append("<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(n(strokeWidth))\""
            + (dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") + "/>")
    }

    mutating func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double,
                       fill: String, stroke: String = "none", strokeWidth: Double = 1) {
        let n = Self.number
        elements.append("<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(max(0, w)))\" height=\"\(n(max(0, h)))\" fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"\(n(strokeWidth))\"/>")
    }

    mutating func polyline(_ points: [(Double, Double)], stroke: String = "#000", width strokeWidth: Double = 1.5,
                           dash: String? = nil, fill: String = "none", closed: Bool = false) {
        guard !points.isEmpty else { return }
        let n = Self.number
        let list = points.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ")
        elements.append("<\(closed ? "polygon" : "polyline") points=\"\(list)\" fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"\(n(strokeWidth))\" stroke-linejoin=\"round\""
            + (dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") + "/>")
    }

    /// A marker shape (0 circle, 1 square, 2 triangle, 3 diamond, then repeating with open shapes).
    mutating func marker(_ shape: Int, at x: Double, _ y: Double, size: Double = 4) {
        let n = Self.number
        let fill = (shape / 4) % 2 == 0 ? "#000" : "#fff"
        let s = size
        switch shape % 4 {
        case 0: elements.append("<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(s))\" fill=\"\(fill)\" stroke=\"#000\"/>")
        case 1: rect(x - s, y - s, 2 * s, 2 * s, fill: fill, stroke: "#000")
        case 2: polyline([(x, y - s * 1.2), (x + s * 1.1, y + s * 0.9), (x - s * 1.1, y + s * 0.9)], width: 1, fill: fill, closed: true)
        default: polyline([(x, y - s * 1.3), (x + s * 1.1, y), (x, y + s * 1.3), (x - s * 1.1, y)], width: 1, fill: fill, closed: true)
        }
    }

    /// Ready-made markup (the caller escapes every text in it), for elements the helpers above do
    /// not cover, such as a hexagon carrying a tooltip.
    mutating func raw(_ markup: String) {
        elements.append(markup)
    }

    enum Anchor: String { case start, middle, end }

    mutating func text(_ content: String, x: Double, y: Double, anchor: Anchor = .start, size: Double = 12,
                       bold: Bool = false, rotate: Double? = nil, halo: Bool = false) {
        let n = Self.number
        var attributes = "x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"\(n(size))\" text-anchor=\"\(anchor.rawValue)\""
        if bold { attributes += " font-weight=\"bold\"" }
        // A white outline drawn under the letters keeps a label readable where it crosses a line.
        if halo { attributes += " stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\"" }
        if let rotate { attributes += " transform=\"rotate(\(n(rotate)) \(n(x)) \(n(y)))\"" }
        elements.append("<text \(attributes)>\(Markup.escape(content))</text>")
    }

    /// The finished SVG document; `title` and `description` are read by screen readers; `metadata`
    /// (plain text, escaped here) travels in the file unseen, e.g. a licence the drawing requires.
    func svg(title: String, description: String, metadata: String? = nil) -> String {
        let n = Self.number
        let widthMM = width / Self.unitsPerMillimetre, heightMM = height / Self.unitsPerMillimetre
        return """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(n(widthMM))mm" height="\(n(heightMM))mm" viewBox="0 0 \(n(width)) \(n(height))" role="img" aria-labelledby="\(id)-title \(id)-desc" font-family="Helvetica, Arial, sans-serif">
        <title id="\(id)-title">\(Markup.escape(title))</title>
        <desc id="\(id)-desc">\(Markup.escape(description))</desc>\(metadata.map { "\n<metadata>\(Markup.escape($0))</metadata>" } ?? "")
        <defs><pattern id="\(hatchID)" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="#e6e6e6"/><line x1="0" y1="0" x2="0" y2="6" stroke="#777" stroke-width="1.5"/></pattern></defs>
        <rect width="\(n(width))" height="\(n(height))" fill="#fff"/>
        \(elements.joined(separator: "\n"))
        </svg>

        """
    }
}

/// The plotting rectangle and its data ranges, mapping data values to canvas positions.
struct PlotFrame {
    let left: Double, top: Double, width: Double, height: Double
    let xLow: Double, xHigh: Double, yLow: Double, yHigh: Double

    var right: Double { left + width }
    var bottom: Double { top + height }

    func x(_ value: Double) -> Double { left + (value - xLow) / (xHigh - xLow) * width }
    func y(_ value: Double) -> Double { bottom - (value - yLow) / (yHigh - yLow) * height }

    /// Axes with ticks, tick labels, light grid lines and axis titles (which carry the units).
    func drawAxes(on canvas: inout SVGCanvas, xTicks: [Double], xLabel: (Double) -> String, xTitle: String,
                  yTicks: [Double], yLabel: (Double) -> String, yTitle: String, verticalGrid: Bool = false) {
        for tick in yTicks {
            let y = self.y(tick)
            canvas.line(left, y, right, y, stroke: "#d0d0d0", width: 0.75)
            canvas.line(left - 5, y, left, y)
            canvas.text(yLabel(tick), x: left - 8, y: y + 4, anchor: .end, size: 11)
        }
        for tick in xTicks {
            let x = self.x(tick)
            if verticalGrid { canvas.line(x, top, x, bottom, stroke: "#d0d0d0", width: 0.75) }
            canvas.line(x, bottom, x, bottom + 5)
            canvas.text(xLabel(tick), x: x, y: bottom + 18, anchor: .middle, size: 11)
        }
        canvas.line(left, bottom, right, bottom, width: 1.2)
        canvas.line(left, top, left, bottom, width: 1.2)
        canvas.text(xTitle, x: left + width / 2, y: bottom + 40, anchor: .middle, size: 12)
        canvas.text(yTitle, x: 16, y: top + height / 2, anchor: .middle, size: 12, rotate: -90)
    }
}
