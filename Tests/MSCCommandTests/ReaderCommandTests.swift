import Foundation
import Testing
import MSCTestSupport

/// What a council finance officer and a policy analyst read: each figure checked against a value
/// worked out here from other commands' output or from the assumptions, not pasted back.
@Suite(.serialized) struct ReaderCommandTests {
    static func object(_ arguments: [String]) throws -> [String: Any] {
        try #require(try MSCBinary.json(arguments) as? [String: Any])
    }

    /// The whole yearly cost of one 1-FTE post from `msc cost`, with `extra` options.
    static func postCost(_ extra: [String] = []) throws -> Double {
        try #require(try object(["cost", "--format", "json"] + extra)["total"] as? Double)
    }

    /// The same at a scenario's basis: every shipped scenario's price base year is 2026-27, and
    /// `msc share` costs its posts there (salary brought forward by the 2026-27 award).
    static func scenarioPostCost(_ extra: [String] = []) throws -> Double {
        try postCost(["--tax-year", "2026-27"] + extra)
    }

    // MARK: Council finance officer

    @Test func councilsPayOnlyTheirPartAfterThePCC() throws {
        let share = try Self.object(["share", "Scenarios/police-force-area.yaml", "--area", "Thames Valley", "--format", "json"])
        let councils = try #require(share["councils"] as? [[String: Any]])
        let post = try Self.scenarioPostCost()
        let net = councils.compactMap { $0["netAnnualCost"] as? Double }.reduce(0, +)
        let pcc = councils.compactMap { ($0["paidBy"] as? [String: Any])?["police-and-crime-commissioner"] as? Double }.reduce(0, +)
        // The scenario: the PCC pays half, the councils the other half.
        #expect(abs(net - post / 2) < 0.1, "councils pay \(net) of a £\(post) post")
        #expect(abs(pcc - post / 2) < 0.1)
        // Own post under the same funding: the council pays half of a whole post.
        for council in councils { #expect(abs((council["ownPostNetAnnualCost"] as? Double ?? 0) - post / 2) < 0.01) }
    }

    @Test func eachCouncilSharingAPostDecidesItsOwnPart() throws {
        // Kent's county-area post: how many councils pay towards it, from msc share.
        let share = try Self.object(["share", "Scenarios/county-shared.yaml", "--area", "Kent", "--format", "json"])
        let kentCouncils = try #require(share["councils"] as? [[String: Any]]).count
        #expect(kentCouncils == 13)
        let funding = try Self.object(["funding", "Scenarios/county-shared.yaml", "--runs", "2000", "--format", "json"])
        let decisions = try #require(funding["decisions"] as? [[String: Any]])
        #expect(decisions.map { $0["decided"] as? String } == ["per-council", "per-post", "per-post"])
        let groups = try #require(funding["groups"] as? [[String: Any]])
        let kent = try #require(groups.first { $0["post"] as? String == "Kent county area" })
        // One decision per council for the core budget, one each for the PCC and public health.
        #expect(kent["councils"] as? Double == Double(kentCouncils))
        #expect(kent["decisionsPerPost"] as? Double == Double(kentCouncils + 2))
        let single = try #require(groups.first)
        #expect(single["councils"] as? Double == 1 && single["decisionsPerPost"] as? Double == 3)
        let kentLost = try #require(kent["probabilityLostAnalytic"] as? Double)
        let singleLost = try #require(single["probabilityLostAnalytic"] as? Double)
        #expect(kentLost > singleLost, "13 decisions lose the post more often: \(kentLost) vs \(singleLost)")
        // Within Monte Carlo error of the simulated posts.
        let simulated = try #require(kent["probabilityLostMonteCarlo"] as? Double)
        let error = try #require(kent["probabilityLostStandardError"] as? Double)
        #expect(abs(simulated - kentLost) < 4.5 * error)

        // Marked per-post, the councils decide together: no shared-post groups, and the notes say so.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("msc-together-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOfFile: "Scenarios/county-shared.yaml", encoding: .utf8)
            .replacingOccurrences(of: "decided: per-council", with: "decided: per-post")
        let together = folder.appendingPathComponent("county-together.yaml").path
        try text.write(toFile: together, atomically: true, encoding: .utf8)
        let joint = try Self.object(["funding", together, "--runs", "2000", "--format", "json"])
        #expect((joint["groups"] as? [[String: Any]])?.count == 1)
        let notes = try #require(joint["notes"] as? [String])
        #expect(notes.contains { $0.contains("decide Host council core budget together") })
        let jointLost = try #require(joint["probabilityLost"] as? Double)
        #expect(abs(jointLost - singleLost) < 1e-12, "together, a shared post faces the mix as a post of one council does")
    }

    @Test func aCentrallyFundedHubCostsCouncilsNothingAndTheirOwnPostHasNoTravelBudget() throws {
        let share = try Self.object(["share", "Scenarios/regional-hub.yaml", "--area", "Essex", "--format", "json"])
        let councils = try #require(share["councils"] as? [[String: Any]])
        #expect(councils.allSatisfy { ($0["netAnnualCost"] as? Double) == 0 })
        // The hub's £10,000 operational budget is the scenario's; a council's own post has the shipped one.
        let ownPost = try Self.scenarioPostCost()
        #expect(councils.allSatisfy { abs(($0["ownPostGrossAnnualCost"] as? Double ?? 0) - ownPost) < 0.01 })
        #expect(ownPost != (try Self.scenarioPostCost(["--operational-budget", "10000"])))
    }

    @Test func shareTakesTheCostOptionsAndSaysWhatSharingBuys() throws {
        let share = try Self.object(["share", "Scenarios/county-shared.yaml", "--area", "Kent", "--salary", "40000",
                                     "--pension", "0.2", "--format", "json"])
        let councils = try #require(share["councils"] as? [[String: Any]])
        // A salary given on the command line is in the basis year's pounds: not brought forward.
        let own = try Self.scenarioPostCost(["--salary", "40000", "--pension", "0.2"])
        for council in councils {
            #expect(abs((council["ownPostGrossAnnualCost"] as? Double ?? 0) - own) < 0.01)
            let extra = try #require(council["additionalIdentificationsPerYear"] as? Double)
            let ownExtra = try #require(council["ownPostAdditionalIdentificationsPerYear"] as? Double)
            let coverage = try #require(council["coverage"] as? Double)
            let ownCoverage = try #require(council["ownPostCoverage"] as? Double)
            // Extra identifications are proportional to coverage (same council, same rate ratio).
            #expect(abs(extra * ownCoverage - ownExtra * coverage) < 1e-9)
            let gross = try #require(council["grossAnnualCost"] as? Double)
            let perID = try #require(council["costPerAdditionalIdentification"] as? Double)
            #expect(abs(perID - gross / extra) < 1e-4 * perID)   // both rounded to pennies
        }
        let table = try MSCBinary.run(["share", "Scenarios/county-shared.yaml", "--area", "Kent"])
        #expect(table.stdout.contains("Extra identifications shared"))
        #expect(table.stdout.contains("Cost per extra identification own post"))
    }

    // MARK: Policy analyst

    @Test func compareLoadsADeclaredBaselineThatWasNotListedAndSaysSo() throws {
        let compare = try Self.object(["compare", "Scenarios/county-shared.yaml", "Scenarios/status-quo.yaml", "--runs", "300", "--format", "json"])
        let differences = try #require(compare["differences"] as? [[String: Any]])
        #expect(differences.count == 1)
        #expect(differences.first?["scenario"] as? String == "county-shared")
        #expect(differences.first?["baseline"] as? String == "local-mix")
        let notes = try #require(compare["baselineNotes"] as? [String])
        #expect(notes.contains { $0.contains("local-mix") && $0.contains("not listed") })
        let table = try MSCBinary.run(["compare", "Scenarios/county-shared.yaml", "Scenarios/status-quo.yaml", "--runs", "300"])
        #expect(table.stdout.contains("county-shared − local-mix"))
    }

    @Test func baselineOptionOverridesTheDeclaredOne() throws {
        let compare = try Self.object(["compare", "Scenarios/county-shared.yaml", "Scenarios/status-quo.yaml", "--baseline", "status-quo",
                                       "--runs", "300", "--format", "json"])
        let differences = try #require(compare["differences"] as? [[String: Any]])
        #expect(differences.map { $0["baseline"] as? String } == ["status-quo"])
        let misspelt = try MSCBinary.run(["compare", "Scenarios/county-shared.yaml", "Scenarios/status-quo.yaml", "--baseline", "status-quoo"])
        #expect(misspelt.status == 2)
        #expect(misspelt.stderr.contains("did you mean status-quo?"), "\(misspelt.stderr)")
    }

    @Test func anOptionThatSavesMoneyHasNoIncrementalRatio() throws {
        let compare = try Self.object(["compare", "Scenarios/county-shared.yaml", "Scenarios/local-mix.yaml", "--runs", "400", "--format", "json"])
        let scenarios = try #require(compare["scenarios"] as? [[String: Any]])
        func mean(_ scenario: Int, _ metric: String) throws -> Double {
            let metrics = try #require(scenarios[scenario]["metrics"] as? [String: Any])
            return try #require((metrics[metric] as? [String: Any])?["mean"] as? Double)
        }
        let incremental = try #require((compare["differences"] as? [[String: Any]])?.first?["incremental"] as? [String: Any])
        let extraCost = try mean(0, "pvCosts") - mean(1, "pvCosts")
        let extraBenefit = try mean(0, "pvBenefits") - mean(1, "pvBenefits")
        #expect(abs((incremental["extraCost"] as? Double ?? 0) - extraCost) < 1)
        #expect(abs((incremental["extraBenefit"] as? Double ?? 0) - extraBenefit) < 1)
        #expect(extraCost < 0)    // sharing one post per county costs less than a post in every council
        #expect(incremental["ratio"] is NSNull)
        #expect((incremental["text"] as? String)?.hasPrefix("saves £") == true)
    }

    @Test func footnotesFollowTheDiscountRateUsed() throws {
        let run = try MSCBinary.run(["run", "Scenarios/status-quo.yaml", "--runs", "50", "--set", "discountRateYears0To30=0.015",
                                     "--set", "optimismBias=0.2"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("1.5% real discount rate"))
        #expect(!run.stdout.contains("3.5%"))
        // 20% is the starting value set; the risks the model draws take 60% of it off: 8% applied.
        #expect(run.stdout.contains("optimism bias of 8% on programme costs (20% before mitigation"))
    }

    /// The health rate and the share of harm discounted at it are named from the values the run used.
    @Test func footnotesFollowTheHealthDiscountRateUsed() throws {
        let run = try MSCBinary.run(["run", "Scenarios/status-quo.yaml", "--runs", "50", "--set", "healthDiscountRate=0.02",
                                     "--set", "healthShareOfAvoidableHarm=0.6"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("3.5% real discount rate (health effects, 60% of the harm avoided, at the health rate of 2%)"))
        let standard = try MSCBinary.run(["run", "Scenarios/status-quo.yaml", "--runs", "50", "--set", "healthShareOfAvoidableHarm=0"])
        #expect(standard.stdout.contains("3.5% real discount rate (HM Treasury Green Book)"))
    }

    @Test func aNationalGrantIsReportedAsTheChanceTheProgrammeLasts() throws {
        let compare = try Self.object(["run", "Scenarios/national-rollout.yaml", "--runs", "3000", "--format", "json"])
        let metrics = try #require((compare["scenarios"] as? [[String: Any]])?.first?["metrics"] as? [String: Any])
        // One national decision at years 3, 6 and 9, q ~ beta(38, 2): E[q^3] = 38/40 x 39/41 x 40/42.
        let exact = 38.0 / 40 * 39 / 41 * 40 / 42
        let survival = try #require(metrics["programmeSurvivalProbability"] as? Double)
        #expect(abs(survival - exact) < 4 * (exact * (1 - exact) / 3000).squareRoot() + 0.005, "\(survival) vs \(exact)")
        let ifSurvives = try #require(metrics["postsAtHorizonIfProgrammeSurvives"] as? [String: Any])
        // The grant pays every post: when the programme lasts, the same posts last in every iteration.
        let p5 = try #require(ifSurvives["p5"] as? Double), p95 = try #require(ifSurvives["p95"] as? Double)
        #expect(p5 == p95 && p5 > 300)
    }

    @Test func setOverridesAnAssumptionWithTheSameChecks() throws {
        let set = try Self.postCost(["--set", "pensionRate=0.2"])
        let option = try Self.postCost(["--pension", "0.2"])
        #expect(set == option)
        let typo = try MSCBinary.run(["cost", "--set", "pensionRat=0.2"])
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("did you mean pensionRate?"), "\(typo.stderr)")
        let range = try MSCBinary.run(["cost", "--set", "pensionRate=2"])
        #expect(range.status == 2)
        #expect(range.stderr.split(separator: "\n").count == 1)
        // On a scenario, --set wins over the scenario's own override.
        let hub = try Self.object(["share", "Scenarios/regional-hub.yaml", "--area", "Essex", "--set", "operationalBudget=0", "--format", "json"])
        let post = try #require((hub["posts"] as? [[String: Any]])?.first)
        let fte = try #require(post["fte"] as? Double)
        let noBudget = try Self.scenarioPostCost(["--operational-budget", "0"])
        #expect(abs((post["annualCost"] as? Double ?? 0) - noBudget * fte) < 0.05 * noBudget)
    }

    @Test func costSaysWhichYearsSalaryItUses() throws {
        let cost = try MSCBinary.run(["cost", "--tax-year", "2026-27", "--format", "md"])
        #expect(cost.stdout.contains("brought forward from 2025-26 to 2026-27"), "\(cost.stdout)")
        #expect(cost.stdout.contains("2026-27 3.3% (not agreed: payAward2026to27)"), "\(cost.stdout)")
        // The 2025-26 salary (£44,490.84, Acting Local) times the employers' 3.3% offer for 2026-27.
        let salary = try #require(try Self.object(["cost", "--tax-year", "2026-27", "--format", "json"])["fullTimeSalary"] as? Double)
        #expect(abs(salary - (44490.84 * 1.033 * 100).rounded() / 100) < 0.005)
        let plain = try MSCBinary.run(["cost", "--format", "md"])
        #expect(plain.stdout.contains("full-time £44,490.84, 2025-26 pay"), "\(plain.stdout)")
    }

    @Test func shareAndTrainingCostAScenarioAtItsPriceBaseYearAndSaySo() throws {
        let share = try MSCBinary.run(["share", "Scenarios/county-shared.yaml", "--area", "Kent", "--format", "md"])
        #expect(share.status == 0, "\(share.stderr)")
        // £44,490.84 × 1.033 = £45,959.04 (to the penny), NI for 2026-27.
        #expect(share.stdout.contains("tax year 2026-27"))
        #expect(share.stdout.contains("full-time salary £45,959.04, brought forward from 2025-26 to 2026-27 by the NJC pay award 2026-27 3.3% (not agreed"),
                "\(share.stdout)")
        #expect(share.stdout.contains("employer NI and pension for 2026-27"))
        let training = try MSCBinary.run(["training", "Scenarios/county-shared.yaml", "--authority", "Kent", "--format", "md"])
        #expect(training.status == 0, "\(training.stderr)")
        #expect(training.stdout.contains("NJC pay of 2026-27, brought forward from 2025-26 to 2026-27 by the NJC pay award 2026-27 3.3%"),
                "\(training.stdout)")
        #expect(training.stdout.contains("with 2026-27 employer NI"))
        // Without a scenario, the report's basis: 2025-26 pay, nothing brought forward.
        let plain = try MSCBinary.run(["training", "--authority", "Kent", "--format", "md"])
        #expect(plain.stdout.contains("NJC pay of 2025-26 with 2025-26 employer NI"), "\(plain.stdout)")
    }

    @Test func markdownShowsGreaterThanAsItself() throws {
        let md = try MSCBinary.run(["run", "Scenarios/status-quo.yaml", "--runs", "50", "--format", "md"])
        #expect(md.stdout.contains("Probability NPV > 0"))
        #expect(!md.stdout.contains("&gt;"))
    }

    @Test func assumptionsFitATerminalAndKeepTheFullTextElsewhere() throws {
        let table = try MSCBinary.run(["assumptions"])
        let rows = table.stdout.split(separator: "\n").dropFirst(2).prefix { !$0.isEmpty }
        #expect(rows.allSatisfy { $0.count <= 120 }, "widest \(rows.map(\.count).max() ?? 0)")
        let md = try MSCBinary.run(["assumptions", "--format", "md"])
        #expect(md.stdout.contains("Human Trafficking Foundation"))
        #expect(md.stdout.contains("Chance that a Police and Crime Commissioner grant towards the post is renewed at the end of its term."))
    }
}

@Suite(.serialized) struct InterruptTests {
    @Test func ctrlCExitsWith130NotTheBadInputStatus() throws {
        let process = Process()
        process.executableURL = MSCBinary.executable
        process.arguments = ["run", "Scenarios/national-rollout.yaml", "--runs", "400000", "--threads", "1"]
        process.currentDirectoryURL = MSCBinary.root
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        Thread.sleep(forTimeInterval: 3)
        process.interrupt()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130, "\(stderr)")
        #expect(stderr.contains("interrupted"))
    }
}

@Suite(.serialized) struct ExportNoticeTests {
    @Test func aNarrowerReExportSaysWhatItRemoves() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("msc-reexport-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.path
        let first = try MSCBinary.run(["export", "Scenarios/status-quo.yaml", "--out", out, "--format", "html,csv", "--runs", "40"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(!first.stdout.contains("Removed"))
        let second = try MSCBinary.run(["export", "Scenarios/status-quo.yaml", "--out", out, "--format", "html", "--runs", "40"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("Removed"), "\(second.stdout)")
        #expect(second.stdout.contains("  headline.csv"))
        #expect(!FileManager.default.fileExists(atPath: out + "/headline.csv"))
    }
}
