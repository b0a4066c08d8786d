import Foundation
import MSCTestSupport
import Testing

/// `msc decide` as a user runs it: same bytes whatever the thread count, the figures a national
/// team asks for, and one clear line for bad options.
@Suite(.serialized) struct DecideCommandTests {
    static let scenarios = ["Scenarios/status-quo.yaml", "Scenarios/national-rollout.yaml", "Scenarios/county-shared.yaml"]

    @Test func decideIsByteIdenticalWhateverTheThreadCount() throws {
        let base = ["decide"] + Self.scenarios + ["--runs", "400", "--seed", "9", "--format", "json"]
        let one = try MSCBinary.run(base + ["--threads", "1"])
        let three = try MSCBinary.run(base + ["--threads", "3"])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout == three.stdout)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [String: Any])
        let evpi = try #require(parsed["evpi"] as? [String: Any])
        let horizon = try #require(evpi["horizon"] as? Double), perYear = try #require(evpi["perYear"] as? Double)
        let annuity = try #require(evpi["annuityFactor"] as? Double)
        #expect(horizon > 0 && abs(perYear * annuity - horizon) < 1e-6 * horizon)
        let groups = try #require(parsed["groups"] as? [[String: Any]])
        #expect(Set(groups.compactMap { $0["name"] as? String })
                == ["identification uplift", "value of an identification", "costs", "funding renewal"])
        let inputs = try #require(parsed["inputs"] as? [[String: Any]])
        #expect(inputs.contains { $0["name"] as? String == "identificationRateRatio" })
        for item in groups + inputs {
            let value = try #require(item["evppi"] as? Double), se = try #require(item["standardError"] as? Double)
            #expect(value >= 0 && value <= horizon * (1 + 1e-9) && se >= 0, "\(item["name"] ?? "")")
        }
        let curve = try #require(parsed["valueCurve"] as? [String: Any])
        let values = try #require(curve["values"] as? [Double])
        #expect(values.first == 0 && values.last! >= 1_000_000)
        #expect(values.contains(try #require(parsed["centralValuePerIdentification"] as? Double)))
    }

    @Test func tableNamesTheFiguresAndAThresholdChangesTheValueUsed() throws {
        let output = try MSCBinary.run(["decide", Self.scenarios[0], Self.scenarios[1], "--runs", "200", "--threshold", "30000"])
        #expect(output.status == 0, "\(output.stderr)")
        for text in ["Probability worthwhile by value of one additional identification", "model's central value", "--threshold",
                     "Expected value of perfect information", "EVPI a year", "Resolving identificationRateRatio before deciding is worth up to £",
                     "valued at £30k (--threshold)"] {
            #expect(output.stdout.contains(text), "missing: \(text)")
        }
    }

    /// A pack made from one scenario compares it with the baseline it declares (status-quo is loaded
    /// beside it), and its decision section asks the same question: is the rollout better than
    /// today, not whether today is better than the rollout.
    @Test func aPackFromOneScenarioDecidesAgainstItsDeclaredBaseline() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("msc-pack-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try MSCBinary.run(["export", "Scenarios/national-rollout.yaml", "--runs", "200", "--threads", "1",
                                        "--format", "md", "--out", folder.appendingPathComponent("pack").path])
        #expect(output.status == 0, "\(output.stderr)")
        let text = try String(contentsOf: folder.appendingPathComponent("pack/evidence-pack.md"), encoding: .utf8)
        #expect(text.contains("national-rollout better than status-quo"))
        #expect(text.contains("national-rollout has a higher NPV than status-quo"))
        #expect(!text.contains("status-quo better than national-rollout"))
        #expect(!text.contains("status-quo has a higher NPV than national-rollout"))
    }

    @Test func badOptionsAreOneClearLineAndExitTwo() throws {
        let cases: [([String], String)] = [
            (["decide", Self.scenarios[0]], "at least two"),
            (["decide"] + Self.scenarios + ["--baseline", "nowhere"], "--baseline"),
            (["decide"] + Self.scenarios + ["--threshold", "-5"], "--threshold"),
            (["decide"] + Self.scenarios + ["--sampling", "sobol"], "sobol"),
            (["decide"] + Self.scenarios + ["--runs", "20"], "--runs"),
        ]
        for (arguments, word) in cases {
            let output = try MSCBinary.run(arguments)
            #expect(output.status == 2, "\(arguments)")
            #expect(output.stderr.split(separator: "\n").count == 1, "\(arguments): \(output.stderr)")
            #expect(output.stderr.contains(word), "\(arguments): \(output.stderr)")
            #expect(output.stdout.isEmpty)
        }
    }
}
