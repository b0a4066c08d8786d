import Foundation
import MSCModel
import MSCSimulation
import MSCTestSupport
import Testing

/// `msc target --save-scenario` and `msc export --target` as a user runs them.
@Suite struct TargetCommandTests {
    @Test func aSavedScenarioListsTheChosenSetAndRuns() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("msc-target-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let saved = folder.appendingPathComponent("chosen.yaml").path
        let output = try MSCBinary.run(["target", "Scenarios/national-rollout.yaml", "--budget", "1000000", "--runs", "100", "--seed", "5",
                                        "--frontier", "0", "--save-index", "police-force-area", "--save-name", "chosen",
                                        "--save-note", "Why: a test.", "--save-scenario", saved, "--format", "json"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stderr.contains("Wrote the police force area"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let indices = try #require(json["indices"] as? [[String: Any]])
        let chosen = try #require(indices.first { $0["index"] as? String == "police-force-area" }?["chosen"] as? [[String: Any]])
        let text = try String(contentsOfFile: saved, encoding: .utf8)
        #expect(text.contains("# Why: a test.") && text.contains("incidenceIndex: police-force-area") && text.contains("name: chosen"))
        // The baseline it declares sits beside the source, not the saved file: copy it there to load.
        try FileManager.default.copyItem(atPath: PackageRoot.file("Scenarios/status-quo.yaml"),
                                         toPath: folder.appendingPathComponent("status-quo.yaml").path)
        let plan = try ScenarioPlan.load(path: saved, assumptionsDirectory: PackageRoot.file("Assumptions"),
                                         authoritiesPath: PackageRoot.file("Assumptions/authorities.csv"))
        #expect(plan.areaIndex != nil)
        #expect(plan.deployment.posts.count == chosen.count + plan.existingHostCodes.count)
        let ids = Set(plan.deployment.posts.map(\.id))
        #expect(chosen.allSatisfy { ids.contains($0["id"] as? String ?? "") })
    }

    @Test func anEvidencePackWithTargetCarriesWhereFirst() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("msc-target-pack-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let output = try MSCBinary.run(["export", "Scenarios/national-rollout.yaml", "Scenarios/status-quo.yaml", "--out", out,
                                        "--runs", "100", "--seed", "3", "--format", "csv,html", "--target", "2000000"])
        #expect(output.status == 0, "\(output.stderr)")
        for index in ["uniform", "police-force-area"] {
            let chosen = try String(contentsOfFile: out + "/where-first-\(index).csv", encoding: .utf8)
            #expect(chosen.contains("P(in draw's optimum)"))
            let frontier = try String(contentsOfFile: out + "/frontier-\(index).csv", encoding: .utf8)
            #expect(frontier.contains("Expected NPV over 10 years"))
            for chart in ["frontier", "map"] {
                let svg = try String(contentsOfFile: out + "/charts/where-first-\(index)-\(chart).svg", encoding: .utf8)
                #expect(svg.contains("police identification activity"))
            }
        }
        let html = try String(contentsOfFile: out + "/evidence-pack.html", encoding: .utf8)
        #expect(html.contains("Where first? The posts a budget should fund"))
        #expect(html.contains("where-first-uniform-frontier") && html.contains("where-first-police-force-area-map"))
        // Both scenarios are marked on the frontier: national-rollout is the universal rollout.
        #expect(html.contains("universal rollout (320 posts) = national-rollout"))
    }

    @Test func exportTargetRefusesABadAmount() throws {
        let output = try MSCBinary.run(["export", "Scenarios/national-rollout.yaml", "--out", "/tmp/never", "--target", "-5"])
        #expect(output.status == 2)
        #expect(output.stderr.contains("--target must be pounds a year"), "\(output.stderr)")
    }
}
