import Foundation
import MSCTestSupport
import Testing

/// `msc pilot` and `msc fit --prior` as a user runs them: the grid, the best design and its ENBS,
/// the same bytes whatever the thread count, and one clear line (exit 2) for bad options.
@Suite(.serialized) struct PilotCommandTests {
    @Test func pilotPrintsTheGridAndTheBestDesignTheSameWhateverTheThreads() throws {
        let base = ["pilot", "Scenarios/national-rollout.yaml", "--runs", "400", "--seed", "4", "--sizes", "5,20", "--years", "1,3",
                    "--threshold", "250000"]
        let one = try MSCBinary.run(base + ["--threads", "1", "--format", "json"])
        let two = try MSCBinary.run(base + ["--threads", "2", "--format", "json"])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout == two.stdout)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [String: Any])
        #expect(parsed["comparator"] as? String == "status-quo")
        let designs = try #require(parsed["designs"] as? [[String: Any]])
        #expect(designs.count == 4)
        let evpi = try #require(parsed["evpi"] as? Double), evppi = try #require(parsed["evppiRateRatio"] as? Double)
        #expect(evppi <= evpi * (1 + 1e-9))
        for design in designs {
            let evsi = try #require(design["evsi"] as? Double), se = try #require(design["evsiStandardError"] as? Double)
            #expect(evsi >= 0 && evsi <= evppi + 3 * se + 1e-6)
        }
        let table = try MSCBinary.run(base)
        #expect(table.status == 0, "\(table.stderr)")
        for text in ["Pilot of national-rollout against status-quo", "ENBS", "EVPPI of identificationRateRatio", "ENBS by design"] {
            #expect(table.stdout.contains(text), "missing \(text)")
        }
    }

    @Test(arguments: [
        (["--sizes", "5,x"], "--sizes"), (["--years", "0"], "--years"), (["--before-years", "0"], "--before-years"),
        (["--sizes", "400"], "councils"), (["--years", "12"], "years"), (["--councils", "X99"], "--councils"),
        (["--threshold", "-5"], "--threshold"),
    ])
    func badPilotOptionsGiveOneLineAndExitTwo(arguments: [String], named: String) throws {
        let output = try MSCBinary.run(["pilot", "Scenarios/national-rollout.yaml", "--runs", "100"] + arguments)
        #expect(output.status == 2, "\(arguments): \(output.stderr)")
        #expect(output.stderr.contains(named), "\(output.stderr)")
        #expect(output.stdout.isEmpty)
    }

    @Test func anEvidencePackWithPilotCarriesThePilotSection() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("msc-pilot-pack-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let output = try MSCBinary.run(["export", "Scenarios/national-rollout.yaml", "--out", out, "--runs", "200", "--seed", "3",
                                        "--format", "csv,html", "--pilot"])
        #expect(output.status == 0, "\(output.stderr)")
        let grid = try String(contentsOfFile: out + "/pilot-grid.csv", encoding: .utf8)
        #expect(grid.contains("EVSI") && grid.contains("ENBS"))
        let files = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".html") }
        let html = try files.map { try String(contentsOfFile: out + "/" + $0, encoding: .utf8) }.joined()
        #expect(html.contains("Pilot: what learning the rate ratio first is worth"))
        // Figures are printed whole (each in a nowrap span).
        #expect(html.contains("posts for") && html.contains("it costs <span class=\"fig\">£"))
    }
}
