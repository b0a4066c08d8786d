import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MSCModel
import MSCTestSupport
import Testing

/// The hostile-input contract through the web API: generated broken scenarios uploaded, and
/// requests with impossible overrides, options and names, each answered with a 4xx and one JSON
/// line naming the key (or a 200 whose every number is finite), never a 500 or a crash.
@Suite struct HostileAPITests {
    private typealias F = ServerFixture

    /// Values no number may take, written as YAML.
    static let impossibleYAML = ["1e308", "-1e308", ".nan", ".inf", "abc", "[1, 2]"]

    /// (label, scenario text, key the error must name): each shipped scenario with one key broken.
    static let uploads: [(String, String, String)] = {
        let edits: [(String, String, String, String)] = [
            ("status-quo", "horizonYears: 10", "horizonYears: ", "horizonYears"),
            ("national-rollout", "priceBaseYear: 2026-27", "priceBaseYear: ", "priceBaseYear"),
            ("status-quo", "  count: 9", "  count: ", "deployment.count"),
            ("regional-hub", "    minimumFTE: 2", "    minimumFTE: ", "deployment.fte.minimumFTE"),
            ("regional-hub", "    residentsPerFTE: 500000", "    residentsPerFTE: ", "deployment.fte.residentsPerFTE"),
            ("status-quo", "  absorbProbability: hostAbsorbProbability", "  absorbProbability: ", "funding.absorbProbability"),
        ]
        var result: [(String, String, String)] = []
        for (source, line, prefix, key) in edits {
            guard let text = try? String(contentsOfFile: PackageRoot.file("Scenarios/\(source).yaml"), encoding: .utf8),
                  let range = text.range(of: line) else { continue }
            let lineEnd = text[range.lowerBound...].firstIndex(of: "\n") ?? text.endIndex
            for value in impossibleYAML {
                let broken = text.replacingCharacters(in: range.lowerBound..<lineEnd, with: prefix + value)
                result.append(("\(source) \(key): \(value)", broken, key))
            }
        }
        let base = (try? String(contentsOfFile: PackageRoot.file("Scenarios/status-quo.yaml"), encoding: .utf8)) ?? ""
        for (override, key) in [("fte: 0", "overrides.fte"), ("fte: 1e9", "overrides.fte"), ("salary: 1e308", "overrides.salary"),
                                ("identificationRateRatio:\n    value: 1.5\n    distribution: {kind: lognormal, logMean: 1000, logStandardDeviation: 0.3}",
                                 "overrides.identificationRateRatio.distribution.logMean")] {
            result.append(("override \(override.prefix(30))", base + "\noverrides:\n  \(override)\n", key))
        }
        result.append(("a name of 201 characters", base.replacingOccurrences(of: "name: status-quo", with: "name: " + String(repeating: "n", count: 201)), "name"))
        return result
    }()

    @Test(arguments: uploads.indices)
    func brokenUploadsAreRefusedNamingTheKey(index: Int) async throws {
        let (label, yaml, key) = Self.uploads[index]
        try await F.application().test(.router) { client in
            let body = F.body(["fileName": "hostile.yaml", "yaml": yaml])
            try await client.execute(uri: "/api/scenario", method: .post, headers: F.jsonHeaders, body: body) { response in
                #expect(response.status.code == 400, "\(label): \(response.status)")
                let text = F.text(response)
                #expect(text.trimmingCharacters(in: .newlines).split(whereSeparator: \.isNewline).count == 1, "\(label)")
                let error = try #require(F.json(response)?["error"] as? String, "\(label): \(text)")
                #expect(error.range(of: "^hostile\\.yaml:[0-9]+", options: .regularExpression) != nil, "\(label): \(error)")
                #expect(error.contains(" \(key): "), "\(label): \(error)")
            }
        }
    }

    /// Overrides and options in a request body: every impossible number refused with a 400.
    static let requests: [(String, String)] = {
        var result: [(String, String)] = []
        for (name, value) in [("salary", "1e308"), ("salary", "-1"), ("fte", "0"), ("fte", "1e9"), ("pensionRate", "2"),
                              ("discountRateYears0To30", "-0.9"), ("operationalBudget", "1e300")] {
            result.append((#"{"scenarios": ["status-quo"], "central": true, "overrides": {"\#(name)": \#(value)}}"#, name))
        }
        for (key, value) in [("iterations", "0"), ("iterations", "1e308"), ("iterations", "-5"), ("seed", "1.5"), ("seed", "\"x\"")] {
            result.append((#"{"scenarios": ["status-quo"], "\#(key)": \#(value)}"#, key))
        }
        result.append((#"{"scenarios": ["\#(String(repeating: "s", count: 300))"]}"#, "scenarios"))
        result.append((#"{"scenarios": ["../../etc/passwd"]}"#, "scenarios"))
        return result
    }()

    @Test(arguments: requests.indices)
    func impossibleRequestsAreRefusedNamingTheKey(index: Int) async throws {
        let (body, key) = Self.requests[index]
        try await F.application().test(.router) { client in
            try await client.execute(uri: "/api/run", method: .post, headers: F.jsonHeaders, body: ByteBuffer(string: body)) { response in
                #expect(response.status.code == 400, "\(body.prefix(120)): \(response.status)")
                let error = F.json(response)?["error"] as? String ?? ""
                #expect(error.contains(key), "\(body.prefix(120)): \(error)")
            }
        }
    }
}
