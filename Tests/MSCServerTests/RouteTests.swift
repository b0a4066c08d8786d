import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MSCModel
import MSCServer
import MSCSimulation
import MSCTestSupport
import Testing

/// The JSON API and the page, through Hummingbird's test client.
@Suite struct RouteTests {
    typealias F = ServerFixture

    @Test func assumptionsAreGroupedWithValueUnitDistributionGradeSourceAndRange() async throws {
        try await F.application().test(.router) { client in
            try await client.execute(uri: "/api/assumptions", method: .get) { response in
                #expect(response.status == .ok)
                let groups = try #require(F.json(response)?["groups"] as? [[String: Any]])
                #expect(groups.first?["id"] as? String == "cost")
                let cost = try #require(groups.first?["assumptions"] as? [[String: Any]])
                let salary = try #require(cost.first { $0["name"] as? String == "salary" })
                // The Acting Local salary that gives £57,533 (Assumptions/cost.yaml), quoted for
                // 2025-26; the field shows it in the price base year's pounds, as runs use it.
                #expect((salary["quoted"] as? [String: Any])?["value"] as? Double == 44490.84)
                #expect(salary["unit"] as? String == "GBP_per_year")
                #expect((salary["distribution"] as? [String: Any])?["kind"] as? String == "triangular")
                #expect(salary["evidence"] as? String == "derived")
                #expect(((salary["sources"] as? [[String: Any]])?.first?["publisher"] as? String) == "Human Trafficking Foundation")
                #expect((salary["range"] as? [String: Any])?["minimum"] as? Double == 0)
                // Every assumption appears once, in some group.
                let count = groups.reduce(0) { $0 + (($1["assumptions"] as? [Any])?.count ?? 0) }
                #expect(count == F.workspace.assumptions.all.count)
            }
        }
    }

    @Test func authoritiesListsEveryRowOfTheTable() async throws {
        let csv = try String(contentsOfFile: PackageRoot.file("Assumptions/authorities.csv"), encoding: .utf8)
        let rows = csv.split(whereSeparator: \.isNewline).count - 1
        try await F.application().test(.router) { client in
            try await client.execute(uri: "/api/authorities", method: .get) { response in
                let list = try #require((try? JSONSerialization.jsonObject(with: Data(F.text(response).utf8))) as? [[String: Any]])
                #expect(list.count == rows)
                #expect(list.contains { $0["name"] as? String == "Kent" && $0["tier"] as? String == "county" })
            }
        }
    }

    /// A request override gives the same central case as the same override written in a scenario file.
    @Test func centralCaseWithAnOverrideMatchesTheScenarioFileOverride() async throws {
        let original = try String(contentsOfFile: PackageRoot.file("Scenarios/national-rollout.yaml"), encoding: .utf8)
        #expect(!original.contains("\noverrides:"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("msc-route-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("national-rollout.yaml").path
        try (original + "\noverrides:\n  salary: 50000\n").write(toFile: path, atomically: true, encoding: .utf8)
        let expected = try ScenarioPlan.load(path: path, assumptionsDirectory: F.settings.assumptionsDirectory,
                                             authoritiesPath: F.workspace.authoritiesPath).plan.centralCase()
        let unchanged = try ScenarioPlan.load(path: PackageRoot.file("Scenarios/national-rollout.yaml"),
                                              assumptionsDirectory: F.settings.assumptionsDirectory,
                                              authoritiesPath: F.workspace.authoritiesPath).plan.centralCase()
        try await F.application().test(.router) { client in
            let body = F.body(["scenarios": ["national-rollout"], "central": true, "overrides": ["salary": 50000]])
            try await client.execute(uri: "/api/run", method: .post, headers: F.jsonHeaders, body: body) { response in
                #expect(response.status == .ok)
                let scenario = try #require((F.json(response)?["scenarios"] as? [[String: Any]])?.first)
                let npv = try #require(scenario["npv"] as? Double)
                let pvCosts = try #require(scenario["pvCosts"] as? Double)
                #expect(abs(npv - expected.netPresentValue) <= 1e-6 * abs(expected.netPresentValue))
                #expect(abs(pvCosts - expected.presentValueCosts) <= 1e-6 * expected.presentValueCosts)
                // A higher salary costs more than the shipped one.
                #expect(pvCosts > unchanged.presentValueCosts)
            }
        }
    }

    @Test func centralRunWithMapGivesEveryAuthority() async throws {
        try await F.application().test(.router) { client in
            let body = F.body(["scenarios": ["county-shared"], "central": true, "map": true])
            try await client.execute(uri: "/api/run", method: .post, headers: F.jsonHeaders, body: body) { response in
                let scenario = try #require((F.json(response)?["scenarios"] as? [[String: Any]])?.first)
                let rows = try #require(scenario["authorities"] as? [[String: Any]])
                // The councils in force in the scenario's first year (2027-28: Surrey's 12 are East and West Surrey).
                #expect(rows.count == F.workspace.authorities.authorities.count - 12 + 2)
                // Kent's districts share the Kent county-area post.
                let ashford = try #require(rows.first { $0["code"] as? String == "E07000105" })
                #expect(ashford["shared"] as? Bool == true)
                #expect(response.headers[HTTPField.Name("Server-Timing")!]?.hasPrefix("compute;dur=") == true)
            }
        }
    }

    /// Bad requests get a 4xx and one line of JSON naming the key and what was expected.
    @Test(arguments: [
        (#"{"scenarios": ["status-quo"], "colour": "red"}"#, 400, "colour: unknown key"),
        (#"{"scenarios": ["status-qo"]}"#, 400, "no shipped scenario is called \"status-qo\""),
        (#"{"scenarios": ["status-quo"], "overrides": {"salary": -5}}"#, 400, "overrides.salary"),
        (#"{"scenarios": ["status-quo"], "overrides": {"salry": 50000}}"#, 400, "no assumption is called \"salry\""),
        (#"{"scenarios": ["status-quo"], "overrides": {"pensionRate": {"value": 0.2, "distribution": {"kind": "uniform", "minimum": 0.3, "maximum": 0.1}}}}"#, 400, "expected minimum < maximum"),
        (#"{"scenarios": ["status-quo"], "iterations": 100001}"#, 400, "iterations: expected a whole number from 1 to 100000"),
        (#"{"scenarios": ["status-quo"], "iterations": true}"#, 400, "iterations"),
        (#"{"scenarios": ["status-quo"], "seed": -1}"#, 400, "seed"),
        (#"{"scenarios": "status-quo"}"#, 400, "scenarios: expected a list"),
        (#"{"scenarios": []}"#, 400, "at least one"),
        (#"[1, 2]"#, 400, "expected a JSON object"),
        (#"{"scenarios": ["#, 400, "not valid JSON"),
        (#"{"scenarios": ["status-quo", "national-rollout"], "baseline": "no-such-scenario"}"#, 400, "baseline"),
    ])
    func badRequestsGetOneLineErrors(body: String, status: Int, message: String) async throws {
        try await F.application().test(.router) { client in
            try await client.execute(uri: "/api/compare", method: .post, headers: F.jsonHeaders,
                                     body: ByteBuffer(string: body)) { response in
                #expect(response.status.code == status)
                let text = F.text(response)
                #expect(text.trimmingCharacters(in: .newlines).split(whereSeparator: \.isNewline).count == 1)
                let error = try #require(F.json(response)?["error"] as? String)
                #expect(error.contains(message), "\(error)")
            }
        }
    }

    @Test func oversizedBodiesUnknownAddressesAndWrongMethodsAreRefusedAsJSON() async throws {
        try await F.application().test(.router) { client in
            let big = ByteBuffer(string: "{\"scenarios\": [\"" + String(repeating: "x", count: 70 * 1024) + "\"]}")
            try await client.execute(uri: "/api/run", method: .post, headers: F.jsonHeaders, body: big) { response in
                #expect(response.status.code == 413)
                #expect(F.json(response)?["error"] as? String != nil)
            }
            try await client.execute(uri: "/api/nothing", method: .get) { response in
                #expect(response.status.code == 404)
                #expect(F.json(response)?["error"] as? String != nil)
            }
            try await client.execute(uri: "/api/run", method: .get) { response in
                #expect((400..<500).contains(Int(response.status.code)))
                #expect(F.json(response)?["error"] as? String != nil)
            }
        }
    }

    /// An uploaded scenario is checked by the scenario loader: the same one-line error as `msc`.
    @Test func brokenUploadGetsTheLoadersOneLineError() async throws {
        let yaml = "name: mine\nquestion: What if?\nhorizonYears: 10\npriceBaseYear: 2026-27\ndeployment:\n  rule: everywhere\nfunding:\n  sources: []\n"
        let expected = try #require(inputErrorMessage {
            _ = try Scenario.parse(text: yaml, fileName: "mine.yaml", assumptions: F.workspace.assumptions,
                                   authorities: F.workspace.authorities, files: .shippedOnly(folder: "", names: []))
        })
        #expect(expected.hasPrefix("mine.yaml:6:"))
        try await F.application().test(.router) { client in
            let body = F.body(["fileName": "../../etc/mine.yaml", "yaml": yaml])
            try await client.execute(uri: "/api/scenario", method: .post, headers: F.jsonHeaders, body: body) { response in
                #expect(response.status.code == 400)
                // The client's path is reduced to a label: no folder from the client is ever used.
                #expect(F.json(response)?["error"] as? String == expected)
            }
        }
    }

    @Test func goodUploadIsComparedBesideShippedScenarios() async throws {
        let yaml = try String(contentsOfFile: PackageRoot.file("Scenarios/county-shared.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "name: county-shared", with: "name: <b>mine</b>")
        try await F.application().test(.router) { client in
            try await client.execute(uri: "/api/scenario", method: .post, headers: F.jsonHeaders,
                                     body: F.body(["fileName": "mine.yaml", "yaml": yaml])) { response in
                #expect(response.status == .ok)
                #expect(F.json(response)?["name"] as? String == "<b>mine</b>")
                // Markup in a name never reaches the page raw, even inside JSON.
                #expect(!F.text(response).contains("<b>"))
            }
            let body = F.body(["scenarios": ["status-quo"], "uploads": [["fileName": "mine.yaml", "yaml": yaml]], "iterations": 500])
            try await client.execute(uri: "/api/compare", method: .post, headers: F.jsonHeaders, body: body) { response in
                #expect(response.status == .ok)
                let names = (F.json(response)?["scenarios"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
                // The upload declares local-mix as its baseline (as county-shared does): it is run
                // beside it, from the shipped scenarios, as the command line would, and a note says so.
                #expect(names == ["status-quo", "<b>mine</b>", "local-mix"])
                let differences = (F.json(response)?["differences"] as? [[String: Any]])?.compactMap { $0["baseline"] as? String }
                #expect(differences == ["local-mix"])
            }
        }
    }

    @Test func compareIsReproducibleAndCarriesTableAndCharts() async throws {
        try await F.application().test(.router) { client in
            let body = F.body(["scenarios": ["status-quo", "national-rollout", "county-shared"], "baseline": "status-quo",
                               "iterations": 1000, "seed": 7, "charts": true])
            let first = try await client.execute(uri: "/api/compare", method: .post, headers: F.jsonHeaders, body: body) { response in
                #expect(response.status == .ok)
                let json = try #require(F.json(response))
                #expect((json["scenarios"] as? [Any])?.count == 3)
                #expect((json["differences"] as? [[String: Any]])?.allSatisfy { $0["baseline"] as? String == "status-quo" } == true)
                #expect((json["differences"] as? [Any])?.count == 2)
                let charts = try #require(json["charts"] as? [[String: Any]])
                #expect(charts.contains { ($0["svg"] as? String)?.hasPrefix("<svg") == true })
                #expect((json["table"] as? [String: Any])?["rows"] as? [Any] != nil)
                return json["scenarios"] as? [[String: Any]]
            }
            let second = try await client.execute(uri: "/api/compare", method: .post, headers: F.jsonHeaders, body: body) { response in
                F.json(response)?["scenarios"] as? [[String: Any]]
            }
            let npv1 = first?.compactMap { ($0["metrics"] as? [String: Any])?["npv"] as? [String: Any] }.compactMap { $0["mean"] as? Double }
            let npv2 = second?.compactMap { ($0["metrics"] as? [String: Any])?["npv"] as? [String: Any] }.compactMap { $0["mean"] as? Double }
            #expect(npv1 != nil && npv1 == npv2)
        }
    }

    /// A client's new Monte Carlo cancels its previous one; another client's run is untouched.
    @Test func aNewRunFromTheSameClientCancelsTheOldOne() async throws {
        // A server whose work budget admits eight scenarios at the most iterations allowed: that
        // run is many times longer than the wait below even on an idle machine, so it cannot
        // finish before the second request arrives, however slowly a busy test pool schedules it.
        var settings = F.settings
        settings.workBudget = WorkBudget(scenarioIterations: 800_000)
        let built = F.built(settings)
        let api = built.api
        try await built.application.test(.router) { client in
            let slow = F.body(["scenarios": Array(F.workspace.scenarios.map(\.name).prefix(8)), "iterations": 100_000])
            let quick = F.body(["scenarios": ["status-quo"], "iterations": 250])
            var headers = F.jsonHeaders
            headers[HTTPField.Name("X-MSC-Client")!] = "page-1"
            async let first = client.execute(uri: "/api/run", method: .post, headers: headers, body: slow) { $0.status.code }
            // The second request is sent once the first is under way (or after two minutes, when
            // the first was refused and the expectations below say so).
            let clock = ContinuousClock(), deadline = clock.now + .seconds(120)
            while api.activeWorkCount == 0 && clock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
            let second = try await client.execute(uri: "/api/run", method: .post, headers: headers, body: quick) { $0.status.code }
            #expect(second == 200)
            #expect(try await first == 409)
        }
    }

    @Test func shareAndCouncilCardForKent() async throws {
        let kentArea = F.workspace.authorities.authorities.filter { $0.county == "Kent" || $0.name == "Kent" }
        try await F.application().test(.router) { client in
            let body = F.body(["scenarios": ["county-shared"], "area": "Kent"])
            try await client.execute(uri: "/api/share", method: .post, headers: F.jsonHeaders, body: body) { response in
                #expect(response.status == .ok)
                let rows = try #require(F.json(response)?["rows"] as? [[String: Any]])
                #expect(Set(rows.compactMap { $0["code"] as? String }) == Set(kentArea.map(\.code)))
            }
            let card = F.body(["scenarios": ["county-shared"], "code": "E07000105"])
            try await client.execute(uri: "/api/council", method: .post, headers: F.jsonHeaders, body: card) { response in
                #expect(response.status == .ok)
                let json = try #require(F.json(response))
                #expect(json["name"] as? String == "Ashford")
                let funders = try #require(json["funders"] as? [[String: Any]])
                let paid = funders.compactMap { $0["pays"] as? Double }.reduce(0, +)
                let annual = try #require(json["annualCost"] as? Double)
                // The funders' parts add up to the council's share of the post.
                #expect(abs(paid - annual) < 0.05)
            }
            let unknown = F.body(["scenarios": ["county-shared"], "code": "E99999999"])
            try await client.execute(uri: "/api/council", method: .post, headers: F.jsonHeaders, body: unknown) { response in
                #expect(response.status.code == 400)
            }
        }
    }

    @Test func decideRanksOptionsAndInputsAndRefusesSobol() async throws {
        try await F.application().test(.router) { client in
            let body = F.body(["scenarios": ["status-quo", "national-rollout"], "iterations": 500, "charts": true])
            try await client.execute(uri: "/api/decide", method: .post, headers: F.jsonHeaders, body: body) { response in
                #expect(response.status == .ok)
                let json = try #require(F.json(response))
                let options = try #require(json["options"] as? [[String: Any]])
                #expect(options.map { $0["name"] as? String } == ["status-quo", "national-rollout"])
                #expect(options.first?["baseline"] as? Bool == true)
                let probability = try #require(options.last?["probabilityBetterAtModelValue"] as? Double)
                #expect((0...1).contains(probability))
                #expect((json["inputs"] as? [Any])?.isEmpty == false)
                #expect((json["charts"] as? [Any])?.isEmpty == false)
            }
            let sobol = F.body(["scenarios": ["status-quo", "national-rollout"], "sampling": "sobol"])
            try await client.execute(uri: "/api/decide", method: .post, headers: F.jsonHeaders, body: sobol) { response in
                #expect(response.status.code == 400)
                #expect((F.json(response)?["error"] as? String)?.contains("sobol") == true)
            }
            let one = F.body(["scenarios": ["status-quo"]])
            try await client.execute(uri: "/api/decide", method: .post, headers: F.jsonHeaders, body: one) { response in
                #expect(response.status.code == 400)
            }
        }
    }

    @Test func evidencePackIsAZip() async throws {
        try await F.application().test(.router) { client in
            let body = F.body(["scenarios": ["status-quo", "national-rollout"], "iterations": 500])
            try await client.execute(uri: "/api/evidence-pack", method: .post, headers: F.jsonHeaders, body: body) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/zip")
                #expect(Array(response.body.readableBytesView.prefix(2)) == Array("PK".utf8))
            }
        }
    }

    @Test func everyAnswerCarriesTheSecurityHeadersAndThePageHasNoInlineScript() async throws {
        try await F.application().test(.router) { client in
            for uri in ["/", "/app.js", "/api/assumptions", "/api/nothing"] {
                try await client.execute(uri: uri, method: .get) { response in
                    let policy = response.headers[.contentSecurityPolicy] ?? ""
                    #expect(policy.contains("default-src 'none'") && policy.contains("script-src 'self'"))
                    #expect(response.headers[.xContentTypeOptions] == "nosniff")
                }
            }
            try await client.execute(uri: "/", method: .get) { response in
                let html = F.text(response)
                #expect(html.contains("<script src=\"/app.js\""))
                #expect(html.components(separatedBy: "<script").count == 2)
                #expect(!html.contains("http://") && !html.contains("https://"))
            }
        }
    }
}
