import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MSCServer
import MSCTestSupport
import Testing

/// What the page's area view, analyst section and map read from the API.
@Suite struct PageRouteTests {
    typealias F = ServerFixture

    /// "£1,234" or "−£5" as a number of pounds.
    static func pounds(_ text: String) -> Double? {
        let negative = text.hasPrefix("-") || text.hasPrefix("−")
        let digits = text.filter { $0.isNumber || $0 == "." }
        return Double(digits).map { negative ? -$0 : $0 }
    }

    @Test func shareGivesMscSharesTablesWithEachFundersPartAndSurvival() async throws {
        try await F.application().test(.router) { client in
            let body = F.body(["scenarios": ["county-shared"], "area": "Kent", "areaKind": "county-area"])
            try await client.execute(uri: "/api/share", method: .post, headers: F.jsonHeaders, body: body) { response in
                #expect(response.status == .ok)
                let json = try #require(F.json(response))
                let tables = try #require(json["tables"] as? [[String: Any]])
                #expect(tables.count == 4)
                let payment = try #require(tables.first)
                let columns = try #require(payment["columns"] as? [String])
                let rows = try #require(payment["rows"] as? [[String]])
                // Kent County Council ("Kent") pays half the county area's post under the population split.
                let kent = try #require(rows.first { $0.first == "Kent" })
                #expect(kent[1] == "50.00%")
                // Its part of the cost = what each other funder pays + what it pays itself (to the pound, rounding).
                let gross = try #require(Self.pounds(kent[columns.firstIndex(of: "Its part of the cost")!]))
                let net = try #require(Self.pounds(kent[columns.firstIndex(of: "Council pays (net)")!]))
                let funders = columns.enumerated().filter { $0.element.hasSuffix(" pays") && !$0.element.hasPrefix("Own post") }
                #expect(funders.count == 2)
                let paid = funders.compactMap { Self.pounds(kent[$0.offset]) }.reduce(0, +)
                #expect(abs(gross - (paid + net)) <= 2)
                // The last table: the chance each council's post is still funded in year 10 (2036-37).
                let survival = try #require(tables.last)
                #expect((survival["title"] as? String)?.contains("year 10 (2036-37)") == true)
                let survivalRows = try #require(survival["rows"] as? [[String]])
                #expect(survivalRows.count == rows.count - 1)   // every council, no total line
                let kentSurvival = try #require(survivalRows.first { $0.first == "Kent" })
                let share = try #require(Double(kentSurvival[2].dropLast()))
                #expect(share > 0 && share < 100)
            }
        }
    }

    @Test func centralRunCarriesTheCaveatOnWhereTodaysPostsArePlaced() async throws {
        try await F.application().test(.router) { client in
            let body = F.body(["scenarios": ["status-quo"], "central": true])
            try await client.execute(uri: "/api/run", method: .post, headers: F.jsonHeaders, body: body) { response in
                #expect(response.status == .ok)
                let scenario = try #require((F.json(response)?["scenarios"] as? [[String: Any]])?.first)
                let caveats = try #require(scenario["caveats"] as? [String])
                #expect(caveats.first?.contains("the model puts them in the 9 most populous single-tier councils") == true)
                #expect((scenario["financialYears"] as? [String])?.first == "2027-28")
            }
        }
    }

    /// Surrey's districts, replaced by two unitaries from 2027-28, are drawn with their successor's
    /// figures shared by residents: no hatched hole, and the hexagons add up to the successor.
    @Test func surreysHexagonsShowTheirSuccessorsFromTheFirstYear() async throws {
        try await F.application().test(.router) { client in
            var successorValue = 0.0
            let run = F.body(["scenarios": ["national-rollout"], "central": true, "map": true])
            try await client.execute(uri: "/api/run", method: .post, headers: F.jsonHeaders, body: run) { response in
                let scenario = try #require((F.json(response)?["scenarios"] as? [[String: Any]])?.first)
                let rows = try #require(scenario["authorities"] as? [[String: Any]])
                let east = try #require(rows.first { $0["code"] as? String == "E06900001" })
                successorValue = try #require(east["additionalIdentificationsPerYear"] as? Double)
            }
            let map = F.body(["scenarios": ["national-rollout"], "metric": "additional-identifications"])
            try await client.execute(uri: "/api/map", method: .post, headers: F.jsonHeaders, body: map) { response in
                let json = try #require(F.json(response))
                let cells = try #require(json["cells"] as? [[String: Any]])
                #expect(cells.allSatisfy { $0["value"] is Double })
                let east = cells.filter { $0["councilCode"] as? String == "E06900001" }
                #expect(east.count == 5)
                #expect((east.first?["council"] as? String)?.hasPrefix("East Surrey (was ") == true)
                let total = east.compactMap { $0["value"] as? Double }.reduce(0, +)
                #expect(successorValue > 0 && abs(total - successorValue) < 1e-9 * max(1, successorValue))
                let svg = try #require(json["svg"] as? String)
                // The notes are wrapped over several lines of the SVG: read them as one text.
                let text = svg.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
                    .split(whereSeparator: \.isWhitespace).joined(separator: " ")
                #expect(text.contains("East Surrey, a council from 2027-28, is drawn through the 5 hexagons"))
                #expect(text.contains("at full effect (after the ramp-up, posts funded), with the councils and posts of 2027-28"))
            }
        }
    }

    /// The Where-first map is drawn as the scenario map is: the largest places named, chosen posts' councils outlined.
    @Test func theWhereFirstMapNamesItsLargestPlacesAndOutlinesItsAreas() async throws {
        try await F.application().test(.router) { client in
            let body = F.body(["scenarios": ["national-rollout"], "budget": 2_000_000, "iterations": 100, "seed": 11, "frontier": 2])
            try await client.execute(uri: "/api/target", method: .post, headers: F.jsonHeaders, body: body) { response in
                #expect(response.status == .ok)
                let charts = try #require(F.json(response)?["charts"] as? [[String: Any]])
                let maps = charts.filter { ($0["fileName"] as? String)?.hasSuffix("-map.svg") == true }
                #expect(maps.count == 2)
                for map in maps {
                    let svg = try #require(map["svg"] as? String)
                    #expect(svg.contains("<g class=\"place-labels\"") && svg.contains(">Birmingham</text>"))
                    #expect(svg.contains("<g class=\"area-outlines\" stroke=\"#111\" stroke-width=\"2.40\""))
                    // Its heavy lines outline each chosen post's councils, and its legend says so.
                    #expect(svg.contains(">a chosen post&#39;s councils</text>"))
                }
                // Surrey's districts, replaced by two unitaries from 2027-28, are served by the Surrey
                // force-area post the uniform index chooses (11th of 27 within £2m), not shown as unserved.
                let uniform = try #require(maps.first?["svg"] as? String)
                #expect(uniform.contains("<title>Elmbridge: new force-area post</title>"))
                #expect(!uniform.contains("<title>Elmbridge: no post in this set</title>"))
            }
        }
    }

    /// The search box finds a council by its official name as well as its short one.
    @Test func theAuthoritiesListGivesOfficialNamesForTheSearchBox() async throws {
        try await F.application().test(.router) { client in
            try await client.execute(uri: "/api/authorities", method: .get) { response in
                let list = try #require(try JSONSerialization.jsonObject(with: Data(F.text(response).utf8)) as? [[String: Any]])
                let maidstone = try #require(list.first { $0["code"] as? String == "E07000110" })
                #expect(maidstone["name"] as? String == "Maidstone")
                #expect(maidstone["officialName"] as? String == "Maidstone Borough Council")
            }
        }
    }
}
