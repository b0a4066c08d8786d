import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MSCServer
import MSCTestSupport
import Testing

private typealias F = ServerFixture

/// The API's small answers decode into their `Codable` types, field for field: a client in Swift
/// can use the same definitions, and a field added or dropped fails here.
@Suite struct APITypesTests {
    /// Decodes `text` as `Value` and checks it has no key the type does not declare.
    static func decode<Value: Decodable>(_ type: Value.Type, _ text: String, keys: Set<String>) throws -> Value {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        let objects = (object as? [[String: Any]]) ?? [(object as? [String: Any]) ?? [:]]
        for item in objects { #expect(Set(item.keys) == keys, "\(item.keys.sorted())") }
        return try JSONDecoder().decode(Value.self, from: Data(text.utf8))
    }

    @Test func theScenarioListingDecodesAndNamesEachDeclaredBaseline() async throws {
        try await F.application().test(.router) { client in
            try await client.execute(uri: "/api/scenarios", method: .get) { response in
                let listed = try Self.decode([APITypes.ScenarioListing].self, F.text(response),
                                             keys: ["name", "question", "horizonYears", "baseline"])
                #expect(listed.map(\.name) == F.workspace.scenarios.map(\.name))
                #expect(listed.first { $0.name == "county-shared" }?.baseline == "local-mix")
                // A scenario without a baseline says null rather than leaving the key out.
                #expect(listed.contains { $0.baseline == nil })
            }
        }
    }

    @Test func progressUploadChecksAndErrorsDecode() async throws {
        try await F.application().test(.router) { client in
            try await client.execute(uri: "/api/progress", method: .get) { response in
                let progress = try Self.decode(APITypes.Progress.self, F.text(response), keys: ["running", "done", "total"])
                #expect(!progress.running && progress.done == 0 && progress.total == 0)
            }
            let yaml = try String(contentsOfFile: PackageRoot.file("Scenarios/status-quo.yaml"), encoding: .utf8)
            let upload = F.body(["fileName": "mine.yaml", "yaml": yaml])
            try await client.execute(uri: "/api/scenario", method: .post, headers: F.jsonHeaders, body: upload) { response in
                #expect(response.status == .ok)
                let check = try Self.decode(APITypes.UploadCheck.self, F.text(response), keys: ["name", "question", "horizonYears", "fileName"])
                #expect(check.name == "status-quo" && check.fileName == "mine.yaml" && check.horizonYears == 10)
            }
            let wrong = F.body(["scenarios": ["no-such-scenario"], "central": true])
            try await client.execute(uri: "/api/run", method: .post, headers: F.jsonHeaders, body: wrong) { response in
                #expect(response.status == .badRequest)
                let error = try Self.decode(APITypes.ErrorBody.self, F.text(response), keys: ["error", "status"])
                #expect(error.status == 400)
                #expect(error.error.contains("no-such-scenario") && error.error.contains("expected one of"), "\(error.error)")
            }
        }
    }
}
