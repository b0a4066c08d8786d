import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MSCTestSupport
import Testing

/// `POST /api/pilot`: the same figures as `msc pilot --format json` for the same request and seed,
/// to the last digit, and one clear 400 for a request it cannot value.
@Suite struct PilotRouteTests {
    private typealias F = ServerFixture

    @Test func theWebFiguresAreTheCommandLineFiguresToTheLastDigit() async throws {
        let (status, stdout, stderr) = try await BuiltExecutable.runOffThePool("msc", [
            "pilot", "Scenarios/national-rollout.yaml", "--runs", "300", "--seed", "7", "--sizes", "5,20", "--years", "1,2", "--format", "json"])
        let cli = (stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
        #expect(status == 0, "\(cli.stderr)")
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(cli.stdout.utf8)) as? [String: Any])
        // Plain numbers and text, so the expectation can travel into the test client's closure.
        let topKeys = ["evpi", "evpiStandardError", "evppiRateRatio", "evppiRateRatioStandardError", "evaluationCostPerYear", "iterations"]
        let designKeys = ["councils", "years", "evsi", "evsiStandardError", "discountedEVSI", "postCost", "evaluationCost", "delayCost", "enbs"]
        let expectedTop = topKeys.reduce(into: [String: Double]()) { $0[$1] = parsed[$1] as? Double }
        let expectedHeadline = parsed["headline"] as? String
        let expectedDesigns: [[String: Double]] = ((parsed["designs"] as? [[String: Any]]) ?? []).map { design in
            designKeys.reduce(into: [String: Double]()) { $0[$1] = design[$1] as? Double }
        }
        try await F.application().test(.router) { client in
            let body = F.body(["scenarios": ["national-rollout"], "iterations": 300, "seed": 7, "sizes": [5, 20], "years": [1, 2]])
            try await client.execute(uri: "/api/pilot", method: .post, headers: F.jsonHeaders, body: body) { response in
                #expect(response.status == .ok, "\(F.text(response))")
                let web = try #require(F.json(response))
                #expect(web["comparator"] as? String == "status-quo")
                for key in topKeys {
                    let a = try #require(web[key] as? Double), b = try #require(expectedTop[key])
                    #expect(a == b, "\(key): web \(a), command line \(b)")
                }
                #expect(web["headline"] as? String == expectedHeadline)
                let webDesigns = try #require(web["designs"] as? [[String: Any]])
                #expect(webDesigns.count == 4 && expectedDesigns.count == 4)
                for (w, c) in zip(webDesigns, expectedDesigns) {
                    for key in designKeys {
                        let a = w[key] as? Double, b = c[key]
                        #expect(a != nil && a == b, "\(key): web \(a ?? .nan), command line \(b ?? .nan)")
                    }
                }
                // What the page shows beside the figures: the grid, the caveats and the chart.
                let table = try #require(web["table"] as? [String: Any])
                #expect((table["rows"] as? [Any])?.count == 4)
                let caveats = try #require(web["caveats"] as? [String])
                #expect(caveats.contains { $0.hasPrefix("Limits: EVPI") })
                #expect(!caveats.contains(web["headline"] as? String ?? ""))
                let chart = try #require(web["chart"] as? [String: Any])
                #expect((chart["svg"] as? String)?.contains("role=\"img\"") == true)
            }
        }
    }

    @Test(arguments: [
        (#"{"scenarios": ["national-rollout"], "sizes": [0]}"#, "sizes"),
        (#"{"scenarios": ["national-rollout"], "years": [1, 2, 3, 4, 5, 6]}"#, "years"),
        (#"{"scenarios": ["national-rollout"], "sizes": [400]}"#, "pilot:"),
        (#"{"scenarios": ["national-rollout", "county-shared"]}"#, "scenarios"),
        (#"{"scenarios": ["national-rollout"], "sampling": "sobol"}"#, "sampling"),
        (#"{"scenarios": ["national-rollout"], "iterations": 50}"#, "iterations"),
        (#"{"scenarios": ["national-rollout"], "baseline": "national-rollout"}"#, "baseline"),
        (#"{"scenarios": ["national-rollout"], "councils": ["X99"]}"#, "councils"),
        (#"{"scenarios": ["national-rollout"], "threshold": -1}"#, "threshold"),
        (#"{"scenarios": ["national-rollout"], "pilotSize": 5}"#, "pilotSize"),
    ])
    func aRequestItCannotValueGetsOneClearLine(body: String, key: String) async throws {
        // 100 iterations unless the case sets its own.
        let request = body.contains("iterations") ? body : String(body.dropLast()) + #", "iterations": 100}"#
        try await F.application().test(.router) { client in
            try await client.execute(uri: "/api/pilot", method: .post, headers: F.jsonHeaders, body: ByteBuffer(string: request)) { response in
                #expect(response.status == .badRequest, "\(body): \(F.text(response))")
                let message = F.json(response)?["error"] as? String ?? ""
                #expect(message.contains(key), "\(message)")
                #expect(!message.contains("\n"))
            }
        }
    }
}
