import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MSCModel
import MSCServer
import MSCSimulation
import MSCTestSupport
import Testing

/// `POST /api/target`: the page's "Where first?", the same answer as `msc target`'s use case.
@Suite struct TargetRouteTests {
    typealias F = ServerFixture

    @Test func whereFirstAnswersAsTheUseCaseDoes() async throws {
        let expected = try Targeting.run(Targeting.Request(
            scenarioPath: PackageRoot.file("Scenarios/national-rollout.yaml"), assumptionsDirectory: F.settings.assumptionsDirectory,
            authoritiesPath: F.workspace.authoritiesPath, limit: .budget(3_000_000), runs: 200, seed: 11, threads: 1, frontierSteps: 4))
        try await F.application().test(.router) { client in
            let body = F.body(["scenarios": ["national-rollout", "status-quo"], "budget": 3_000_000, "iterations": 200, "seed": 11,
                               "frontier": 4])
            try await client.execute(uri: "/api/target", method: .post, headers: F.jsonHeaders, body: body) { response in
                #expect(response.status == .ok)
                let json = try #require(F.json(response))
                let indices = try #require(json["indices"] as? [[String: Any]])
                #expect(indices.map { $0["index"] as? String } == ["uniform", "police-force-area"])
                for (answer, r) in zip(indices, expected.results) {
                    let chosen = try #require(answer["chosen"] as? [[String: Any]])
                    #expect(chosen.map { $0["id"] as? String } == r.chosen.map(\.unit.id))
                    #expect(try #require(answer["cost"] as? Double) <= 3_000_000)
                    #expect((answer["frontier"] as? [Any])?.count == 5)
                    // status-quo is marked on the frontier: no new posts.
                    let marked = try #require(answer["marked"] as? [[String: Any]])
                    #expect(marked.map { $0["scenario"] as? String } == ["status-quo"])
                }
                let charts = try #require(json["charts"] as? [[String: Any]])
                #expect(charts.compactMap { $0["fileName"] as? String } == [
                    "where-first-uniform-frontier.svg", "where-first-uniform-map.svg",
                    "where-first-police-force-area-frontier.svg", "where-first-police-force-area-map.svg"])
                #expect(charts.allSatisfy { ($0["caption"] as? String)?.contains("police identification activity") == true })
                #expect((json["tables"] as? [Any])?.count == 4)
            }
        }
    }

    @Test(arguments: [
        (#"{"scenarios": ["national-rollout"]}"#, "budget: required"),
        (#"{"scenarios": ["national-rollout"], "budget": -1}"#, "budget: expected pounds"),
        (#"{"scenarios": ["national-rollout"], "budget": 1000000, "frontier": 400}"#, "frontier:"),
        (#"{"scenarios": ["national-rollout"], "budget": 1000000, "iterations": 50000}"#, "iterations: expected at most 20,000"),
        (#"{"scenarios": ["national-rollout"], "budget": 1000000, "sampling": "lhs"}"#, "sampling: expected mc"),
        (#"{"scenarios": ["national-rollout"], "budget": 1000000, "posts": 3}"#, "posts: unknown key"),
    ])
    func badTargetRequestsGetOneLineErrors(body: String, message: String) async throws {
        try await F.application().test(.router) { client in
            try await client.execute(uri: "/api/target", method: .post, headers: F.jsonHeaders, body: ByteBuffer(string: body)) { response in
                #expect(response.status.code == 400)
                let error = try #require(F.json(response)?["error"] as? String)
                #expect(error.contains(message))
                #expect(!error.contains("\n"))
            }
        }
    }
}
