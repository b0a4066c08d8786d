import Foundation
import Testing
import MSCModel
@testable import MSCReport

@Suite("Hexagon map SVG")
struct HexMapTests {
    /// Three hexagons in a row: A and B one council (merged), C another council in the same area.
    static let cells = [
        HexMapCell(code: "E1", q: 0, r: 0, council: "East <Surrey>", unit: "NEW", area: "NEW", value: 1),
        HexMapCell(code: "E2", q: 1, r: 0, council: "East <Surrey>", unit: "NEW", area: "NEW", value: 1),
        HexMapCell(code: "E3", q: 2, r: 0, council: "Other", value: nil),
    ]

    @Test func legendStepsAndColours() {
        #expect(HexMapSVG.legend(for: [0, 1]).map(\.colour) == ["#eff3ff", "#08519c"])
        let steps = HexMapSVG.legend(for: (0...10).map(Double.init))
        #expect(steps.count == 5 && steps.first?.low == 0 && steps.last?.high == 10)
        #expect(abs(steps[1].low - 2) < 1e-12)
        #expect(HexMapSVG.colour(of: 9.5, legend: steps, hatch: "h") == "#08519c")
        #expect(HexMapSVG.colour(of: nil, legend: steps, hatch: "h") == "url(#h)")
    }

    @Test func mergedHexagonsHaveNoLineBetweenThem() {
        let svg = HexMapSVG.render(cells: Self.cells, title: "T", valueLabel: "Posts", format: { String($0) },
                                   licence: "MIT License. Copyright (c) 2017- Open Innovations", id: "m")
        // Three hexagons have 18 sides; A-B is inside one council (no line), B-C is shared (one line):
        // 18 - 2 - 1 = 15 drawn edges.
        #expect(svg.components(separatedBy: "<line ").count - 1 == 15 + 2)   // + the legend's boundary sample and the hatch pattern
        #expect(svg.contains("<title>East &lt;Surrey&gt;: 1.0</title>"))
        #expect(svg.contains("<title>Other: no value</title>"))
        #expect(svg.contains("<metadata>MIT License. Copyright (c) 2017- Open Innovations</metadata>"))
        #expect(svg.contains("Copyright (c) 2017- Open Innovations, MIT licence"))
        #expect(svg.contains("no value"))
    }

    @Test func oddRowsSitHalfAHexagonRight() {
        // (0,1) is odd: its south-west neighbour is (0,0) and its south-east neighbour (1,0), so
        // with all three in one council no edge is drawn between them: 18 - 6 = 12.
        let cells = [HexMapCell(code: "A", q: 0, r: 0, council: "X", unit: "X", value: 1),
                     HexMapCell(code: "B", q: 1, r: 0, council: "X", unit: "X", value: 1),
                     HexMapCell(code: "C", q: 0, r: 1, council: "X", unit: "X", value: 1)]
        let svg = HexMapSVG.render(cells: cells, title: "T", valueLabel: "V", format: { String($0) }, licence: "Copyright (c) 2017- Open Innovations", id: "o")
        #expect(svg.components(separatedBy: "<line ").count - 1 == 12 + 2)
    }
}
