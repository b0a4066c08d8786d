import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MSCModel
import MSCServer
import MSCSimulation
import MSCTestSupport
import Testing

private typealias F = ServerFixture

/// The page asks the same questions as the command line and the pack, and gets the same figures.
@Suite struct OneAnswerRouteTests {
    static func plan(_ name: String) throws -> ScenarioPlan {
        try ScenarioPlan.load(path: PackageRoot.file("Scenarios/\(name).yaml"), assumptionsDirectory: F.settings.assumptionsDirectory,
                              authoritiesPath: F.workspace.authoritiesPath)
    }

    /// The salary box shows the salary the runs use (the price base year's pounds), with the
    /// quoted figure and its year beside it; typing the shown value back changes nothing.
    @Test func theSalaryFieldShowsTheValueTheModelUses() async throws {
        let plan = try Self.plan("national-rollout")
        let used = plan.costBasis.fullTimeSalary
        let quoted = try F.workspace.assumptions.value("salary")
        #expect(used != quoted, "the shipped salary is brought forward to the price base year")
        try await F.application().test(.router) { client in
            var shown = 0.0
            try await client.execute(uri: "/api/assumptions", method: .get) { response in
                let groups = try #require(F.json(response)?["groups"] as? [[String: Any]])
                let salary = try #require(groups.flatMap { $0["assumptions"] as? [[String: Any]] ?? [] }
                    .first { $0["name"] as? String == "salary" })
                shown = try #require(salary["value"] as? Double)
                #expect(shown == used)
                #expect(salary["valueYear"] as? String == plan.scenario.priceBaseYear)
                let quotedObject = try #require(salary["quoted"] as? [String: Any])
                #expect(quotedObject["value"] as? Double == quoted)
                #expect(quotedObject["year"] as? String == "2025-26")
            }
            var npvs: [Double] = []
            // The page sends a typed value of an uncertain input with its own range, scaled.
            for overrides in [[:], ["salary": ["value": shown, "distribution": "scaled"]]] as [[String: Any]] {
                let body = F.body(["scenarios": ["national-rollout"], "central": true, "overrides": overrides])
                try await client.execute(uri: "/api/run", method: .post, headers: F.jsonHeaders, body: body) { response in
                    #expect(response.status == .ok)
                    let scenario = try #require((F.json(response)?["scenarios"] as? [[String: Any]])?.first)
                    npvs.append(try #require(scenario["npv"] as? Double))
                }
            }
            #expect(npvs.count == 2 && abs(npvs[0] - npvs[1]) <= 1e-9 * abs(npvs[0]), "\(npvs)")
        }
    }

    /// The share table and the council card give a council the same additional identifications as
    /// the scenario plan, which the pack's authority table prints: one figure, net of displacement.
    @Test func shareCardAndPlanGiveACouncilOneFigure() async throws {
        let plan = try Self.plan("county-shared")
        let kent = try #require(plan.authorityRows.first { $0.authority.code == "E10000016" })
        #expect(kent.additionalIdentificationsPerYear > 0)
        try await F.application().test(.router) { client in
            let body = F.body(["scenarios": ["county-shared"], "area": "Kent"])
            try await client.execute(uri: "/api/share", method: .post, headers: F.jsonHeaders, body: body) { response in
                let councils = try #require(F.json(response)?["councils"] as? [[String: Any]])
                let line = try #require(councils.first { $0["code"] as? String == "E10000016" })
                #expect(line["additionalIdentificationsPerYear"] as? Double == kent.additionalIdentificationsPerYear)
            }
            let card = F.body(["scenarios": ["county-shared"], "code": "E10000016"])
            try await client.execute(uri: "/api/council", method: .post, headers: F.jsonHeaders, body: card) { response in
                let json = try #require(F.json(response))
                #expect(json["additionalIdentificationsPerYear"] as? Double == kent.additionalIdentificationsPerYear)
            }
        }
    }

    /// The CLI's JSON for a request, parsed.
    static func cli(_ arguments: [String]) async throws -> [String: Any] {
        let (status, stdout, stderr) = try await BuiltExecutable.runOffThePool("msc", arguments)
        #expect(status == 0, "\(arguments): \(String(decoding: stderr, as: UTF8.self))")
        return try #require(try JSONSerialization.jsonObject(with: stdout) as? [String: Any])
    }

    /// The web API's answer to `body` at `uri`, parsed.
    static func web(_ uri: String, _ body: [String: Any]) async throws -> [String: Any] {
        let buffer = F.body(body)
        let text = try await F.application().test(.router) { client in
            try await client.execute(uri: uri, method: .post, headers: F.jsonHeaders, body: buffer) { response in
                #expect(response.status == .ok, "\(F.text(response))")
                return F.text(response)
            }
        }
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// A regional hub's scenario raises the operational budget of its posts (a hub's staff travel
    /// across a region); a council's own post is costed without that override. `msc share`, the
    /// page's share table and its council card cost that own post alike, on the shipped budget.
    @Test func aCouncilsOwnPostIsCostedAlikeOnEveryFrontEnd() async throws {
        let cli = try await Self.cli(["share", "Scenarios/regional-hub.yaml", "--area", "North East", "--format", "json"])
        let web = try await Self.web("/api/share", ["scenarios": ["regional-hub"], "area": "North East"])
        let card = try await Self.web("/api/council", ["scenarios": ["regional-hub"], "code": "E06000047"])
        let cliCouncils = try #require(cli["councils"] as? [[String: Any]])
        let webCouncils = try #require(web["councils"] as? [[String: Any]])
        #expect(cliCouncils.count == 12)
        #expect(NSArray(array: webCouncils).isEqual(to: cliCouncils), "web \(webCouncils)\ncli \(cliCouncils)")
        let durham = try #require(cliCouncils.first { $0["code"] as? String == "E06000047" })
        let cardLine = try #require(((card["share"] as? [String: Any])?["councils"] as? [[String: Any]])?.first)
        #expect(cardLine["ownPostGrossAnnualCost"] as? Double == durham["ownPostGrossAnnualCost"] as? Double, "card \(cardLine)")
        // The own post's cash cost on the shipped £5,000 budget, independently: the hub's posts
        // are costed at £69,456.34 a full-time post on £10,000, so the own post is £5,000 less.
        let fullTimeHub = try #require((cli["postCostBases"] as? [String: Any])?["cashPerFullTimePost"] as? Double)
        let shipped = try F.workspace.assumptions.value("operationalBudget")
        #expect(shipped == 5_000)
        #expect(abs((durham["ownPostGrossAnnualCost"] as? Double ?? 0) - (fullTimeHub - 10_000 + shipped)) < 0.01)
    }

    /// Where first: `msc target` and the page's where-first choose the same posts under each
    /// index, with the same frontier and marked scenarios, to the last digit.
    @Test func thePageAndTheCommandLineChooseTheSamePostsFirst() async throws {
        let cli = try await Self.cli(["target", "Scenarios/national-rollout.yaml", "--budget", "3000000", "--runs", "200", "--seed", "11",
                                      "--frontier", "4", "--mark", "Scenarios/status-quo.yaml", "--threads", "1", "--format", "json"])
        let web = try await Self.web("/api/target", ["scenarios": ["national-rollout", "status-quo"], "budget": 3_000_000, "iterations": 200,
                                                     "seed": 11, "frontier": 4])
        let cliIndices = try #require(cli["indices"] as? [[String: Any]])
        let webIndices = try #require(web["indices"] as? [[String: Any]])
        #expect(cliIndices.count == 2)
        #expect(NSArray(array: webIndices).isEqual(to: cliIndices), "web \(webIndices)\ncli \(cliIndices)")
        #expect(NSArray(array: web["caveats"] as? [Any] ?? []).isEqual(to: cli["caveats"] as? [Any] ?? ["missing"]))
    }

    /// One baseline rule: asked to compare county-shared and status-quo with no baseline named,
    /// the page and `msc compare` both measure county-shared against local-mix, the baseline it
    /// declares (run beside it), and give the same differences to the last digit.
    @Test func thePageAndTheCommandLineCompareAgainstTheSameBaseline() async throws {
        let cli = try await Self.cli(["compare", "Scenarios/county-shared.yaml", "Scenarios/status-quo.yaml", "--runs", "300",
                                "--seed", "7", "--format", "json"])
        let web = try await Self.web("/api/compare", ["scenarios": ["county-shared", "status-quo"], "iterations": 300, "seed": 7])
        let cliDifferences = try #require(cli["differences"] as? [[String: Any]])
        let webDifferences = try #require(web["differences"] as? [[String: Any]])
        #expect(cliDifferences.map { $0["baseline"] as? String } == ["local-mix"])
        #expect(webDifferences.map { $0["baseline"] as? String } == ["local-mix"])
        #expect(NSArray(array: webDifferences).isEqual(to: cliDifferences), "web \(webDifferences)\ncli \(cliDifferences)")
        let webNames = (web["scenarios"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        let cliNames = (cli["scenarios"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        #expect(webNames == cliNames && webNames?.contains("local-mix") == true, "\(webNames ?? []) vs \(cliNames ?? [])")
    }

    /// One decision baseline: `msc decide national-rollout status-quo` and the page's decide both
    /// measure national-rollout against status-quo (the baseline it declares), not against
    /// whichever scenario came first, and agree on every option's figures.
    @Test func thePageAndTheCommandLineDecideAgainstTheSameBaseline() async throws {
        let cli = try await Self.cli(["decide", "Scenarios/national-rollout.yaml", "Scenarios/status-quo.yaml", "--runs", "200",
                                "--seed", "3", "--format", "json"])
        let web = try await Self.web("/api/decide", ["scenarios": ["national-rollout", "status-quo"], "iterations": 200, "seed": 3])
        let webOptions = try #require(web["options"] as? [[String: Any]])
        let cliOptions = try #require(cli["options"] as? [[String: Any]])
        for options in [webOptions, cliOptions] {
            #expect(options.first { $0["baseline"] as? Bool == true }?["name"] as? String == "status-quo")
        }
        #expect(NSArray(array: webOptions).isEqual(to: cliOptions), "web \(webOptions)\ncli \(cliOptions)")
    }

    /// Every shipped scenario, the same request three ways: `msc run --format json`, the web
    /// API's `/api/run`, and the evidence pack's headline CSV give the same figures (CLI and web to
    /// the last digit; the CSV keeps pennies).
    /// Every scenario in the shipped Scenarios/ folder, by file name.
    static let shippedNames: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: PackageRoot.file("Scenarios"))) ?? [])
        .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()

    @Test(arguments: shippedNames)
    func everyShippedScenarioGivesOneAnswerEverywhere(_ name: String) async throws {
        #expect(Self.shippedNames.count >= 10)
        let runs = "300", seed = "9"
        let cli = try await Self.cli(["run", "Scenarios/\(name).yaml", "--runs", runs, "--seed", seed, "--format", "json"])
        let web = try await Self.web("/api/run", ["scenarios": [name], "iterations": 300, "seed": 9])
        let cliMetrics = try #require((cli["scenarios"] as? [[String: Any]])?.first?["metrics"] as? [String: Any])
        let webMetrics = try #require((web["scenarios"] as? [[String: Any]])?.first?["metrics"] as? [String: Any])
        #expect(NSDictionary(dictionary: cliMetrics).isEqual(to: webMetrics), "\(name): the page and msc run differ")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("one-answer-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let (status, _, stderr) = try await BuiltExecutable.runOffThePool("msc", ["export", "Scenarios/\(name).yaml", "--out", folder.path, "--format", "csv",
                                                                  "--runs", runs, "--seed", seed])
        #expect(status == 0, "\(String(decoding: stderr, as: UTF8.self))")
        let csv = try String(contentsOf: folder.appendingPathComponent("headline.csv"), encoding: .utf8)
        let row = try #require(csv.split(whereSeparator: \.isNewline).map(String.init)
            .first { $0.hasPrefix("\(name),Net present value") }, "\(name): no NPV row in headline.csv")
        let cells = row.split(separator: ",").map(String.init)
        let npv = try #require(cliMetrics["npv"] as? [String: Double])
        for (cell, key) in zip(cells[2...5], ["mean", "p50", "p5", "p95"]) {
            #expect(abs((Double(cell) ?? .nan) - (npv[key] ?? .nan)) <= 0.005, "\(name): pack \(key) \(cell), msc run \(npv[key] ?? .nan)")
        }
    }
}
