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
            // Draws in which no post adds an identification decide nothing and are left out of P(in optimum).
            #expect(r.decisiveDrawShare > 0.5 && r.decisiveDrawShare <= 1)
            #expect(r.expectedRegret >= -1e-9)
            // The frontier rises with the budget, from nothing at £0.
            #expect(r.frontier.first?.posts == 0)
            #expect(zip(r.frontier, r.frontier.dropFirst()).allSatisfy { $1.expectedIdentifications >= $0.expectedIdentifications - 1e-9 })
            // A unit's expected identifications are the model's own: its share of the universal set's.
            #expect(r.universal.expectedIdentifications > r.expectedIdentifications)
        }
    }

    /// The frontier's NPV: nothing at £0; a marked scenario's own posts valued as the candidates
    /// are (national-rollout's posts less today's are the universal set); the present value of a
    /// year held over the horizon, worked by hand from the model's discount factors.
    @Test func frontierNPVAndMarkedScenarios() throws {
        var request = request(threads: 2)
        request.markedScenarioPaths = ["national-rollout", "status-quo"].map { PackageRoot.file("Scenarios/\($0).yaml") }
        let result = try Targeting.run(request)
        #expect(result.horizonYears == 10)
        for r in result.results {
            #expect(r.frontier.first?.netPresentValue == 0)
            let rollout = try #require(r.marked.first { $0.scenarioName == "national-rollout" })
            #expect(rollout.point.posts == r.universal.posts)
            #expect(abs(rollout.point.cost - r.universal.cost) <= 1e-6 * r.universal.cost)
            #expect(abs(rollout.point.expectedIdentifications - r.universal.expectedIdentifications) <= 1e-9 * r.universal.expectedIdentifications)
            #expect(abs(rollout.point.netPresentValue - r.universal.netPresentValue) <= 1e-6 * abs(r.universal.netPresentValue))
            let statusQuo = try #require(r.marked.first { $0.scenarioName == "status-quo" })
            #expect(statusQuo.point.posts == 0 && statusQuo.point.cost == 0 && statusQuo.point.netPresentValue == 0)
        }
        // Σ_t 1/1.035^(t+1) over 10 years (Green Book 3.5%, the first year a year after the price
        // base year), by hand; the factors the NPV uses must give it.
        let plan = try PackageRoot.shippedPlan("national-rollout")
        let byHand = (1...10).reduce(0.0) { $0 + 1 / pow(1.035, Double($1)) }
        let factors = Targeting.presentValueFactors(model: plan.model, nationals: [plan.plan.nationalInputs(plan.plan.centralNationalValues)])
        let optimismBias = plan.plan.nationalInputs(plan.plan.centralNationalValues)[.optimismBias]
        #expect(abs(factors.perPoundOfCostPerYear - byHand * (1 + optimismBias)) <= 1e-9 * byHand)
    }

    /// Where to stop, worked from the frontier's own points: the crossing lies between two
    /// consecutive budgets, the segment ending at the second the first whose cost per added
    /// identification passes the value of one; the peaks are the frontier's largest net benefit
    /// and NPV.
    @Test func thresholdAndPeaksAreReadFromTheFrontier() throws {
        let result = try Targeting.run(request(threads: 2))
        for r in result.results {
            let segments = Array(zip(r.frontier, r.frontier.dropFirst()))
            let passes = segments.firstIndex { a, b in
                b.cost > a.cost && (b.expectedIdentifications <= a.expectedIdentifications
                    || (b.cost - a.cost) / (b.expectedIdentifications - a.expectedIdentifications) > result.expectedValuePerIdentification)
            }
            #expect(r.thresholdCrossingFromBudget == passes.map { segments[$0].0.budget })
            #expect(r.thresholdCrossingBudget == passes.map { segments[$0].1.budget })
            let bestNet = r.frontier.map(\.netBenefitPerYear).max()!, bestNPV = r.frontier.map(\.netPresentValue).max()!
            #expect(r.netBenefitPeakBudget == r.frontier.first { $0.netBenefitPerYear == bestNet }?.budget)
            #expect(r.netPresentValuePeakBudget == r.frontier.first { $0.netPresentValue == bestNPV }?.budget)
        }
    }

    /// The shipped targeted-rollout lists exactly the set `msc target` chooses now for the budget,
    /// runs and seed its first line records, so it cannot go stale silently.
    @Test func shippedTargetedRolloutIsTheSetChosenNow() throws {
        let path = PackageRoot.file("Scenarios/targeted-rollout.yaml")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let command = try #require(text.split(separator: "\n").first { $0.hasPrefix("# Generated by: msc target ") })
        let words = command.split(separator: " ").map(String.init)
        func option(_ name: String) throws -> String { words[try #require(words.firstIndex(of: name)) + 1] }
        let budget = try #require(Double(try option("--budget"))), runs = try #require(Int(try option("--runs")))
        let seed = try #require(UInt64(try option("--seed")))
        let index = try #require(IncidenceIndexKind(rawValue: try option("--save-index")))
        #expect(try option("--objective") == "identifications")
        let result = try Targeting.run(Targeting.Request(
            scenarioPath: PackageRoot.file(try option("target")), assumptionsDirectory: PackageRoot.file("Assumptions"),
            authoritiesPath: PackageRoot.file("Assumptions/authorities.csv"), limit: .budget(budget), runs: runs, seed: seed, threads: 2))
        let chosen = try #require(result.results.first { $0.index == index }).chosen.map(\.unit)
        let shipped = try ScenarioPlan.load(path: path, assumptionsDirectory: PackageRoot.file("Assumptions"),
                                            authoritiesPath: PackageRoot.file("Assumptions/authorities.csv"))
        guard case .explicit(let codes, let areas, _) = shipped.scenario.deployment else {
            Issue.record("targeted-rollout's deployment is not an explicit list")
            return
        }
        #expect(Set(codes) == Set(result.existingCouncilCodes + chosen.filter { $0.kind == .authority }.map { $0.councilCodes[0] }))
        #expect(Set(areas.map { "\($0.kind.scenarioWord):\($0.name)" })
                == Set(chosen.filter { $0.kind != .authority }.map { "\($0.kind.scenarioWord):\($0.areaName)" }))
        // Its posts are today's and the chosen set's, and the whole set's cost is within the budget.
        #expect(shipped.deployment.posts.count == result.existingCouncilCodes.count + chosen.count)
        #expect(chosen.reduce(0) { $0 + $1.annualCost } <= budget)
    }

    /// Each draw's police-force-area index comes from its area's posterior gamma: over many draws
    /// the mean is the posterior mean (y + a) / (E + b) and the variance (y + a) / (E + b)²,
    /// worked from the area's own counts; the same draws whatever the threads.
    @Test func areaIndexDrawsFollowEachPosterior() throws {
        let published = try AuthorityTable.load(path: PackageRoot.file("Assumptions/authorities.csv"))
        let index = try AreaIncidenceIndex.load(assumptionsDirectory: PackageRoot.file("Assumptions"), authorities: published)
        let n = 20_000
        let one = Targeting.areaIndexDraws(index, iterations: n, seed: 3, threads: 1)
        let two = Targeting.areaIndexDraws(index, iterations: n, seed: 3, threads: 2)
        for (k, area) in index.areas.enumerated() {
            let draws = (0..<n).map { one[$0, k] }
            #expect((0..<n).allSatisfy { two[$0, k] == draws[$0] })
            let shape = area.referrals + index.priorShape, rate = area.expected + index.priorRate
            let mean = draws.reduce(0, +) / Double(n)
            let variance = draws.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n - 1)
            let standardError = shape.squareRoot() / rate / Double(n).squareRoot()
            #expect(abs(mean - shape / rate) <= 4.5 * standardError, "\(area.name): mean \(mean), expected \(shape / rate)")
            #expect(abs(variance / (shape / (rate * rate)) - 1) <= 0.1, "\(area.name): variance \(variance)")
            #expect(abs(area.index - shape / rate) <= 1e-12 * area.index)
        }
    }
}
