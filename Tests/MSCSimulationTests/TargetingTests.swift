import Foundation
import Testing
import MSCModel
import MSCTestSupport
@testable import MSCSimulation

/// `incidenceIndex:` in a scenario, and `msc target`'s analysis on the shipped national rollout.
@Suite("Targeting and the incidence index")
struct TargetingTests {
    /// national-rollout with `incidenceIndex: police-force-area` added, in a folder of its own.
    private func indexedRollout() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("target-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["status-quo", "national-rollout"] {
            try FileManager.default.copyItem(atPath: PackageRoot.file("Scenarios/\(name).yaml"),
                                             toPath: folder.appendingPathComponent("\(name).yaml").path)
        }
        let path = folder.appendingPathComponent("national-rollout.yaml").path
        let text = try String(contentsOfFile: path, encoding: .utf8) + "incidenceIndex: police-force-area\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func indexScalesEachCouncilsBaseline() throws {
        let uniform = try PackageRoot.shippedPlan("national-rollout")
        let indexed = try ScenarioPlan.load(path: try indexedRollout(), assumptionsDirectory: PackageRoot.file("Assumptions"),
                                            authoritiesPath: PackageRoot.file("Assumptions/authorities.csv"))
        let index = try #require(indexed.areaIndex)
        for code in ["E06000032", "E09000001", "E06000052"] {   // Luton, City of London, Cornwall
            let a = try #require(uniform.authorityRows.first { $0.authority.code == code })
            let b = try #require(indexed.authorityRows.first { $0.authority.code == code })
            let force = try #require(index.index(ofArea: a.authority.policeForceAreaCode!))
            #expect(abs(b.baselineIdentifications - a.baselineIdentifications * force) <= 1e-12 * b.baselineIdentifications)
            #expect(abs(b.additionalIdentificationsPerYear - a.additionalIdentificationsPerYear * force) <= 1e-9 * b.additionalIdentificationsPerYear)
        }
        // The fast kernel and the readable evaluation still agree with the index in the members.
        let central = try indexed.plan.centralCase()
        #expect(central.identificationsByYear.allSatisfy { $0.isFinite })
        #expect(abs(central.identificationsByYear.reduce(0, +) - (try uniform.plan.centralCase()).identificationsByYear.reduce(0, +)) > 1)
    }

    @Test func unknownIndexIsAnError() throws {
        let path = try indexedRollout()
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "incidenceIndex: police-force-area", with: "incidenceIndex: county")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let message = inputErrorMessage {
            _ = try ScenarioPlan.load(path: path, assumptionsDirectory: PackageRoot.file("Assumptions"),
                                      authoritiesPath: PackageRoot.file("Assumptions/authorities.csv"))
        }
        #expect(message?.contains("incidenceIndex") == true)
        #expect(message?.contains("uniform, police-force-area") == true)
    }

    private func request(threads: Int) -> Targeting.Request {
        Targeting.Request(scenarioPath: PackageRoot.file("Scenarios/national-rollout.yaml"),
                          assumptionsDirectory: PackageRoot.file("Assumptions"),
                          authoritiesPath: PackageRoot.file("Assumptions/authorities.csv"),
                          limit: .budget(2_000_000), runs: 250, seed: 7, threads: threads, frontierSteps: 4)
    }

    @Test func sameSeedSameAnswerWhateverTheThreads() throws {
        let one = try Targeting.run(request(threads: 1)), two = try Targeting.run(request(threads: 2))
        for (a, b) in zip(one.results, two.results) {
            #expect(a.chosen == b.chosen)
            #expect(a.expectedIdentifications == b.expectedIdentifications)
            #expect(a.expectedRegret == b.expectedRegret)
            #expect(a.frontier == b.frontier)
        }
    }

    @Test func chosenSetIsFeasibleAndOnTheFrontier() throws {
        let result = try Targeting.run(request(threads: 2))
        #expect(result.results.map(\.index) == [.uniform, .policeForceArea])
        for r in result.results {
            #expect(r.cost <= 2_000_000)
            let councils = r.chosen.flatMap(\.unit.councilCodes)
            #expect(Set(councils).count == councils.count)
            #expect(r.chosen.allSatisfy { (0...1).contains($0.probabilityInDrawOptimum) })
            #expect(r.expectedRegret >= -1e-9)
            // The frontier rises with the budget, from nothing at £0.
            #expect(r.frontier.first?.posts == 0)
            #expect(zip(r.frontier, r.frontier.dropFirst()).allSatisfy { $1.expectedIdentifications >= $0.expectedIdentifications - 1e-9 })
            // A unit's expected identifications are the model's own: its share of the universal set's.
            #expect(r.universal.expectedIdentifications > r.expectedIdentifications)
        }
    }
}
