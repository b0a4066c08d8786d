import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MSCServer
import MSCTestSupport
import Testing

/// The OpenAPI document served at GET /api/openapi.json, held to the server it describes: the
/// same routes, the same request keys (the server refuses every other), and the same top-level
/// keys in its answers.
@Suite struct OpenAPIDocumentTests {
    typealias F = ServerFixture
    typealias Object = [String: Any]

    /// The document's file, as the build embeds it.
    static let documentText = (try? String(contentsOfFile: PackageRoot.file("Sources/MSCServer/Page/Resources/openapi.json"),
                                            encoding: .utf8)) ?? ""

    /// The document parsed (each time: a dictionary of `Any` cannot be shared between tests running at once).
    static var document: Object {
        (try? JSONSerialization.jsonObject(with: Data(documentText.utf8))) as? Object ?? [:]
    }

    static let operationMethods = ["get", "post", "put", "delete", "patch", "head", "options"]

    /// `schema` with a `$ref` to a component followed (one level, as the document uses them).
    static func resolved(_ schema: Any?) -> Object {
        guard let schema = schema as? Object else { return [:] }
        guard let reference = schema["$ref"] as? String else { return schema }
        let name = String(reference.split(separator: "/").last ?? "")
        let components = (document["components"] as? Object)?["schemas"] as? Object
        return resolved(components?[name])
    }

    static func operation(_ path: String, _ method: String) -> Object {
        ((document["paths"] as? Object)?[path] as? Object)?[method] as? Object ?? [:]
    }

    /// The schema of an operation's 200 answer in JSON.
    static func answerSchema(_ path: String, _ method: String) -> Object {
        let answer = ((operation(path, method)["responses"] as? Object)?["200"] as? Object)
        let json = ((answer?["content"] as? Object)?["application/json"] as? Object)
        return resolved(json?["schema"])
    }

    static func requestSchema(_ path: String) -> Object {
        let body = operation(path, "post")["requestBody"] as? Object
        return resolved(((body?["content"] as? Object)?["application/json"] as? Object)?["schema"])
    }

    static func requestExample(_ path: String) -> Object {
        let body = operation(path, "post")["requestBody"] as? Object
        return ((body?["content"] as? Object)?["application/json"] as? Object)?["example"] as? Object ?? [:]
    }

    static func required(_ schema: Object) -> Set<String> { Set(schema["required"] as? [String] ?? []) }
    static func properties(_ schema: Object) -> Set<String> { Set((schema["properties"] as? Object)?.keys.map { $0 } ?? []) }

    /// A value the document gives for a request key: its default, else its first example, else
    /// the first of its allowed values.
    static func documentedValue(_ property: Any?) -> Any? {
        let own = property as? Object ?? [:]
        for schema in [own, resolved(property)] {
            if let value = schema["default"] { return value }
            if let value = (schema["examples"] as? [Any])?.first { return value }
            if let value = (schema["enum"] as? [Any])?.first { return value }
        }
        return nil
    }

    static var postPaths: [String] {
        ((document["paths"] as? Object) ?? [:]).filter { ($0.value as? Object)?["post"] != nil }.keys.sorted()
    }

    // MARK: Routes

    @Test func theServedDocumentIsTheEmbeddedOne() async throws {
        try await F.application().test(.router) { client in
            try await client.execute(uri: "/api/openapi.json", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                let served = try #require(F.json(response))
                #expect(served["openapi"] as? String == "3.1.0")
                #expect(Self.document["openapi"] as? String == "3.1.0", "Sources/MSCServer/Page/Resources/openapi.json is missing or not OpenAPI 3.1")
                #expect(NSDictionary(dictionary: served).isEqual(to: Self.document))
            }
        }
    }

    @Test func everyRouteIsDocumentedAndEveryDocumentedPathIsARoute() {
        let routes = Set(F.built().api.router().routes.map { "\($0.method.rawValue) \($0.path.description)" })
        var documented: Set<String> = []
        for (path, item) in (Self.document["paths"] as? Object) ?? [:] {
            for method in ((item as? Object) ?? [:]).keys where Self.operationMethods.contains(method) {
                documented.insert("\(method.uppercased()) \(path)")
            }
        }
        #expect(routes.count >= 19)
        #expect(routes.subtracting(documented).sorted() == [], "routes the document does not describe")
        #expect(documented.subtracting(routes).sorted() == [], "documented operations the server does not have")
    }

    /// The server refuses unknown keys, so every request schema must say so.
    @Test func everyRequestSchemaRefusesUnknownKeys() {
        #expect(Self.postPaths.count == F.built().api.router().routes.filter { $0.method == .post }.count)
        for path in Self.postPaths {
            let schema = Self.requestSchema(path)
            #expect(schema["additionalProperties"] as? Bool == false, "\(path)")
            #expect(!Self.properties(schema).isEmpty, "\(path)")
            #expect(!Self.requestExample(path).isEmpty, "\(path) has no example body")
        }
    }

    // MARK: Request keys

    /// A server on which every Monte Carlo is refused for its size once its body has been read
    /// (a budget of one scenario-iteration), so that probing the Monte Carlo endpoints' keys runs none.
    static func probingApplication() -> some ApplicationProtocol {
        var settings = F.settings
        settings.workBudget = WorkBudget(scenarioIterations: 1)
        return F.application(settings)
    }

    /// Each documented key is read, not refused as unknown; a key the document does not give is
    /// refused by name; and a required key, left out, is asked for.
    @Test(arguments: postPaths) func requestKeysAreExactlyTheDocumentedOnes(path: String) async throws {
        try await Self.probingApplication().test(.router) { client in
            let schema = Self.requestSchema(path)
            let example = Self.requestExample(path)
            let documented = (schema["properties"] as? Object) ?? [:]
            func send(_ body: Object) async throws -> (status: Int, error: String) {
                try await client.execute(uri: path, method: .post, headers: F.jsonHeaders, body: F.body(body)) { response in
                    (Int(response.status.code), F.json(response)?["error"] as? String ?? "")
                }
            }
            for (key, property) in documented {
                var body = example
                if body[key] == nil {
                    guard let value = Self.documentedValue(property) else { Issue.record("\(path): no value documented for \(key)"); continue }
                    body[key] = value
                }
                let answer = try await send(body)
                #expect(answer.status == 200 || answer.status == 400, "\(path) \(key): \(answer.status) \(answer.error)")
                #expect(!answer.error.contains("unknown key"), "\(path) refuses the documented key \(key): \(answer.error)")
            }
            var extra = example
            extra["undocumentedKey"] = 1
            let refused = try await send(extra)
            #expect(refused.status == 400)
            #expect(refused.error.contains("undocumentedKey: unknown key"), "\(path): \(refused.error)")
            // The refusal lists the keys the server reads: each must be documented.
            let listed = Self.expectedKeys(refused.error)
            #expect(!listed.isEmpty, "\(path): \(refused.error)")
            #expect(listed.subtracting(documented.keys).sorted() == [], "\(path) reads keys the document does not give")
            for key in Self.required(schema) {
                var body = example
                body[key] = nil
                let answer = try await send(body)
                #expect(answer.status == 400 && answer.error.contains(key), "\(path) without \(key): \(answer.status) \(answer.error)")
            }
        }
    }

    /// The keys an unknown-key refusal lists ("…; expected one of a, b, c" or "…; expected a and b").
    static func expectedKeys(_ error: String) -> Set<String> {
        guard let range = error.range(of: "expected ") else { return [] }
        var list = String(error[range.upperBound...])
        if list.hasPrefix("one of ") { list.removeFirst("one of ".count) }
        return Set(list.replacingOccurrences(of: " and ", with: ", ").components(separatedBy: ", ").filter { !$0.isEmpty })
    }

    // MARK: Answers

    /// The answer's keys are the schema's required ones, plus those `optional` the request asked for;
    /// none is undocumented.
    static func expectKeys(_ value: Any?, _ schema: Object, optional: Set<String> = [], _ label: String,
                           sourceLocation: SourceLocation = #_sourceLocation) {
        guard let object = value as? Object else {
            Issue.record("\(label): expected a JSON object", sourceLocation: sourceLocation)
            return
        }
        let keys = Set(object.keys)
        #expect(keys == required(schema).union(optional), "\(label): keys \(keys.sorted()) against required \(required(schema).sorted())",
                sourceLocation: sourceLocation)
        #expect(keys.isSubset(of: properties(schema)), "\(label): undocumented \(keys.subtracting(properties(schema)).sorted())",
                sourceLocation: sourceLocation)
    }

    static func itemSchema(_ schema: Object, _ property: String) -> Object {
        resolved(((schema["properties"] as? Object)?[property] as? Object)?["items"])
    }

    @Test func catalogueAnswersHaveTheDocumentedKeys() async throws {
        try await F.application().test(.router) { client in
            try await client.execute(uri: "/api/scenarios", method: .get) { response in
                let list = try #require(try JSONSerialization.jsonObject(with: Data(F.text(response).utf8)) as? [Any])
                let schema = Self.resolved((Self.answerSchema("/api/scenarios", "get"))["items"])
                for item in list { Self.expectKeys(item, schema, "scenario") }
            }
            try await client.execute(uri: "/api/authorities", method: .get) { response in
                let list = try #require(try JSONSerialization.jsonObject(with: Data(F.text(response).utf8)) as? [Any])
                #expect(list.count > 300)
                let schema = Self.resolved((Self.answerSchema("/api/authorities", "get"))["items"])
                for item in list { Self.expectKeys(item, schema, "authority") }
            }
            try await client.execute(uri: "/api/assumptions", method: .get) { response in
                let json = F.json(response)
                let schema = Self.answerSchema("/api/assumptions", "get")
                Self.expectKeys(json, schema, "assumptions")
                let groups = try #require(json?["groups"] as? [Object])
                let assumption = Self.resolved(Self.itemSchema(Self.itemSchema(schema, "groups"), "assumptions"))
                for group in groups {
                    for item in group["assumptions"] as? [Object] ?? [] {
                        // A salary adds the year of its pounds and its figure as quoted; a tapered one its values by period.
                        let optional = Set(item.keys).intersection(["valueYear", "quoted", "valuesByPeriod"])
                        Self.expectKeys(item, assumption, optional: optional, item["name"] as? String ?? "assumption")
                    }
                }
            }
            try await client.execute(uri: "/api/progress", method: .get) { response in
                Self.expectKeys(F.json(response), Self.answerSchema("/api/progress", "get"), "progress")
            }
        }
    }

    @Test func quickAnswersHaveTheDocumentedKeys() async throws {
        try await F.application().test(.router) { client in
            func post(_ path: String, _ body: Object) async throws -> Object? {
                try await client.execute(uri: path, method: .post, headers: F.jsonHeaders, body: F.body(body)) { response in
                    #expect(response.status == .ok, "\(path): \(F.text(response).prefix(300))")
                    return F.json(response)
                }
            }
            let run = Self.answerSchema("/api/run", "post")
            let central = Self.resolved((run["oneOf"] as? [Any])?.first)
            let centralCase = Self.itemSchema(central, "scenarios")
            let plain = try await post("/api/run", ["scenarios": ["national-rollout"], "central": true])
            Self.expectKeys(plain, central, "run central")
            Self.expectKeys((plain?["scenarios"] as? [Any])?.first, centralCase, "central case")
            let mapped = try await post("/api/run", ["scenarios": ["county-shared"], "central": true, "map": true])
            Self.expectKeys((mapped?["scenarios"] as? [Any])?.first, centralCase, optional: ["authorities"], "central case with map")

            let share = try await post("/api/share", ["scenarios": ["county-shared"], "area": "Kent"])
            Self.expectKeys(share, Self.answerSchema("/api/share", "post"), "share")
            for table in share?["tables"] as? [Any] ?? [] { Self.expectKeys(table, Self.resolved(Self.itemSchema(Self.answerSchema("/api/share", "post"), "tables")), "share table") }

            let card = try await post("/api/council", ["scenarios": ["county-shared"], "code": "E07000105"])
            Self.expectKeys(card, Self.answerSchema("/api/council", "post"), "council card")

            let mapSchema = Self.answerSchema("/api/map", "post")
            let map = try await post("/api/map", ["scenarios": ["county-shared"], "metric": "coverage"])
            Self.expectKeys(map, mapSchema, "map")
            Self.expectKeys((map?["cells"] as? [Any])?.first, Self.itemSchema(mapSchema, "cells"), "map cell")

            let yaml = try String(contentsOfFile: F.settings.scenariosDirectory + "/county-shared.yaml", encoding: .utf8)
            let checked = try await post("/api/scenario", ["fileName": "mine.yaml", "yaml": yaml])
            Self.expectKeys(checked, Self.answerSchema("/api/scenario", "post"), "checked scenario")

            try await client.execute(uri: "/api/run", method: .post, headers: F.jsonHeaders,
                                     body: F.body(["scenarios": ["no-such-scenario"], "central": true])) { response in
                #expect(response.status == .badRequest)
                let error = Self.resolved(((Self.document["components"] as? Object)?["schemas"] as? Object)?["Error"])
                Self.expectKeys(F.json(response), error, "error")
            }
        }
    }

    /// The Monte Carlo answers, on a few iterations.
    @Test func monteCarloAnswersHaveTheDocumentedKeys() async throws {
        try await F.application().test(.router) { client in
            func post(_ path: String, _ body: Object) async throws -> Object? {
                try await client.execute(uri: path, method: .post, headers: F.jsonHeaders, body: F.body(body)) { response in
                    #expect(response.status == .ok, "\(path): \(F.text(response).prefix(300))")
                    return F.json(response)
                }
            }
            let run = try await post("/api/run", ["scenarios": ["county-shared"], "iterations": 40])
            let comparison = Self.resolved((Self.answerSchema("/api/run", "post")["oneOf"] as? [Any])?.last)
            Self.expectKeys(run, comparison, "run")
            Self.expectKeys((run?["manifest"]), Self.resolved((comparison["properties"] as? Object)?["manifest"]), "manifest")

            let compare = try await post("/api/compare", ["scenarios": ["status-quo", "county-shared"], "iterations": 40])
            Self.expectKeys(compare, Self.answerSchema("/api/compare", "post"), "compare")

            let decide = try await post("/api/decide", ["scenarios": ["status-quo", "county-shared"], "iterations": 100])
            Self.expectKeys(decide, Self.answerSchema("/api/decide", "post"), "decide")
        }
    }
}
