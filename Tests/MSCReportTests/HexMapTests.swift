import Foundation
import Testing
import MSCModel
import MSCTestSupport
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

    /// The labels of a map: (text, x, y, font size), read from its markup.
    static func labels(_ svg: String) -> (group: String, texts: [(text: String, x: Double, y: Double)])? {
        guard let start = svg.range(of: "<g class=\"place-labels\""),
              let end = svg.range(of: "</g>", range: start.upperBound..<svg.endIndex) else { return nil }
        let group = String(svg[start.lowerBound..<end.upperBound])
        let pattern = try! NSRegularExpression(pattern: "<text x=\"([0-9.]+)\" y=\"([0-9.]+)\">([^<]*)</text>")
        let texts = pattern.matches(in: group, range: NSRange(group.startIndex..., in: group)).map { match in
            let field = { (i: Int) in String(group[Range(match.range(at: i), in: group)!]) }
            return (text: field(3), x: Double(field(1))!, y: Double(field(2))!)
        }
        return (group, texts)
    }

    static func countySharedMap(_ metric: HexMapMetric) throws -> String {
        let plan = try PackageRoot.shippedPlan("county-shared")
        return HexMaps.svg(plan: plan, metric: metric,
                           layout: try HexLayout.load(assumptionsDirectory: PackageRoot.file("Assumptions")),
                           authorities: try AuthorityTable.load(path: PackageRoot.file("Assumptions/authorities.csv")), id: "cs")
    }

    @Test func countyAreaOutlinesAreDarkWideAndDrawnOverEveryHexagon() throws {
        let svg = try Self.countySharedMap(.posts)
        let outlines = try #require(svg.range(of: "<g class=\"area-outlines\""))
        let lastHexagon = try #require(svg.range(of: "<polygon data-code=", options: .backwards))
        #expect(lastHexagon.lowerBound < outlines.lowerBound)
        // Nothing but the names comes after the outlines within the map.
        let after = String(svg[outlines.lowerBound...])
        #expect(!after.contains("<polygon data-code="))
        #expect(after.contains("stroke=\"#111\" stroke-width=\"2.40\""))
        // Kent's county area: its outline group holds many edges (one per side on the area's border).
        #expect(after.components(separatedBy: "<line ").count > 300)
    }

    @Test func theLargestPlacesAreNamedWithAHaloAndNeverOverlap() throws {
        let svg = try Self.countySharedMap(.additionalIdentifications)
        let (group, texts) = try #require(Self.labels(svg))
        // A white halo under black letters, and the names ignored by the pointer and by screen
        // readers (the hexagons carry each council's name).
        #expect(group.contains("stroke=\"#fff\"") && group.contains("paint-order=\"stroke\"") && group.contains("fill=\"#000\""))
        #expect(group.contains("aria-hidden=\"true\"") && group.contains("pointer-events=\"none\""))
        #expect(texts.count >= 10 && texts.count <= 16)
        // Birmingham has the most residents of any council in England and Wales.
        #expect(texts.first?.text == "Birmingham")
        #expect(texts.contains { $0.text == "Leeds" })
        // No two names meet: boxes 0.62 em a letter wide, 1.2 em tall around the baseline at 11 units.
        for (i, a) in texts.enumerated() {
            for b in texts[(i + 1)...] {
                let apart = abs(a.x - b.x) >= (Double(a.text.count) + Double(b.text.count)) * 11 * 0.62 / 2
                    || abs(a.y - b.y) >= 11 * 1.1
                #expect(apart, "\(a.text) and \(b.text) overlap")
            }
        }
    }

    @Test func theMapSaysInOnePlaceWhichYearAndEffectItShows() throws {
        let svg = try Self.countySharedMap(.additionalIdentifications)
        #expect(svg.contains(">Central case, at full effect (after the ramp-up, posts funded), with the councils and posts of 2027-28, the first programme year</text>"))
        // Said once: the notes under the map do not say it again in other words.
        #expect(svg.components(separatedBy: "full effect").count - 1 == 1)
        #expect(!svg.contains("first year"))
        let posts = try Self.countySharedMap(.posts)
        #expect(posts.contains(">Central case, in the first programme year, 2027-28</text>"))
    }

    @Test func aHexagonWithNoValueIsHatchedAndStillNamed() {
        let cells = [HexMapCell(code: "A", q: 0, r: 0, council: "Alpha", value: 1, population: 10),
                     HexMapCell(code: "B", q: 1, r: 0, council: "Beta", value: nil, population: 5)]
        let svg = HexMapSVG.render(cells: cells, title: "T", valueLabel: "V", format: { String($0) },
                                   licence: "Copyright (c) 2017- Open Innovations", id: "n")
        #expect(svg.contains("<title>Beta: no value</title>"))
        // Both named (two places, far fewer than the limit), the larger first.
        #expect(Self.labels(svg)?.texts.map(\.text) == ["Alpha", "Beta"])
    }

    /// "Cost to councils' own core budge" was all the legend showed: its heading runs off a 680-unit drawing.
    @Test func aLongLegendHeadingIsWrappedInsideTheDrawing() throws {
        let svg = try Self.countySharedMap(.netCostToCouncil)
        #expect(svg.contains(">budgets, £ a year</text>"))
        #expect(!svg.contains(">Cost to councils&#39; own core budgets, £ a year</text>") && !svg.contains(">Cost to councils' own core budgets, £ a year</text>"))
    }
}
