import Foundation
import MSCTestSupport
import Testing

/// The Green Book reader's view (issue: an appraisal that survives review): the checklist in
/// `run --deterministic` and `compare --format json`, cost per identification first, the
/// central-input run beside the mean, and `msc cost` saying whose basis £57,533 is.
@Suite struct GreenBookOutputTests {
    @Test func deterministicRunCarriesTheChecklistWrittenFromTheParameters() throws {
        let output = try MSCBinary.run(["run", "Scenarios/national-rollout.yaml", "--deterministic"])
        #expect(output.status == 0, "\(output.stderr)")
        let text = output.stdout
        #expect(text.contains("Green Book reviewer's checklist"))
        for point in ["Price base:", "Discounting:", "Appraisal period: 2027-28 to 2036-37 (10 years)", "Optimism bias: Optimism bias 16.4%",
                      "starting value 41%",
                      "Additionality:", "Not monetised:", "Distributional note:", "Central estimate:"] {
            #expect(text.contains(point), "\(point)")
        }
        // Leaving children out is stated with the counts: 3,955 referrals of all ages less 279 adults.
        #expect(text.contains("councils made 3,676 NRM referrals of children or of unknown age in 2023 against 277 of adults"))
        // The first year is discounted one year from the 2026-27 price base: 1 / 1.035 = 0.9662.
        #expect(text.contains("2027-28, has discount factor 0.9662"))
        // Cost per identification leads the appraisal table.
        let appraisal = try #require(text.range(of: "appraisal, central-input run"))
        let after = text[appraisal.upperBound...]
        let first = try #require(after.range(of: "Cost per additional identification"))
        let npv = try #require(after.range(of: "Net present value"))
        #expect(first.lowerBound < npv.lowerBound)
        #expect(text.contains("switching values against the evidence behind each input"))
    }

    @Test func compareJSONHasTheChecklistAndTheCentralInputRun() throws {
        let parsed = try #require(try MSCBinary.json(["compare", "Scenarios/status-quo.yaml", "Scenarios/national-rollout.yaml",
                                                      "--runs", "200", "--seed", "5", "--format", "json"]) as? [String: Any])
        let greenBook = try #require(parsed["greenBook"] as? [[String: Any]])
        #expect(greenBook.count == 2)
        let items = try #require(greenBook[1]["items"] as? [[String: Any]])
        #expect(items.contains { ($0["point"] as? String) == "Optimism bias" && (($0["text"] as? String) ?? "").contains("41%") })
        let switches = try #require(greenBook[1]["switchingValues"] as? [[String: Any]])
        #expect(switches.allSatisfy { $0["evidence"] != nil && $0["statement"] != nil })
        let central = try #require(greenBook[1]["centralInputRun"] as? [String: Any])
        #expect(central["npv"] is Double && central["costPerIdentification"] is Double)
        // Cost per identification is the first metric of each scenario.
        let text = try MSCBinary.run(["compare", "Scenarios/status-quo.yaml", "Scenarios/national-rollout.yaml", "--runs", "200"]).stdout
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("Cost per") || $0.hasPrefix("Net present") }
        #expect(rows.first?.hasPrefix("Cost per additional identification (£): expected cost / expected identifications") == true)
        #expect(text.contains("central-input run"))
        #expect(text.contains("The appraisal's central estimate is the Monte Carlo mean NPV"))
    }

    /// The central estimate of an option compared with a baseline is its difference from that
    /// baseline (the question is the change from today), not its NPV against no posts.
    @Test func theFootnoteQuotesTheCentralEstimateAgainstTheBaseline() throws {
        let arguments = ["compare", "Scenarios/status-quo.yaml", "Scenarios/national-rollout.yaml", "--runs", "200", "--seed", "5"]
        let parsed = try #require(try MSCBinary.json(arguments + ["--format", "json"]) as? [String: Any])
        let differences = try #require(parsed["differences"] as? [[String: Any]])
        let npv = try #require(((differences.first?["metrics"] as? [String: Any])?["npv"] as? [String: Any])?["mean"] as? Double)
        let text = try MSCBinary.run(arguments).stdout
        let note = try #require(text.split(separator: "\n").first { $0.hasPrefix("The appraisal's central estimate") })
        let millions = String(format: "%.1f", abs(npv) / 1e6)
        #expect(note.contains("national-rollout against status-quo \(npv < 0 ? "-" : "")£\(millions)m"), "\(note)")
        #expect(note.contains("status-quo against no posts"))
    }

    /// Every summary shows the unmitigated optimism bias result and the stacked evidence cut beside
    /// the central estimate, and cost per identification with the share of draws that gain nothing.
    @Test func summariesShowTheUnmitigatedResultTheCutAndTheNoGainShare() throws {
        let text = try MSCBinary.run(["run", "Scenarios/national-rollout.yaml", "--runs", "300", "--seed", "3"]).stdout
        #expect(text.contains("Net present value, optimism bias unmitigated (£)"))
        #expect(text.contains("at the unmitigated optimism bias 41%"))
        #expect(text.contains("with the stacked evidence cut of 25% on all benefits"))
        #expect(text.contains("Share of draws with no additional identification"))
        let parsed = try #require(try MSCBinary.json(["run", "Scenarios/national-rollout.yaml", "--runs", "300", "--seed", "3",
                                                      "--format", "json"]) as? [String: Any])
        let scenario = try #require((parsed["scenarios"] as? [[String: Any]])?.first)
        let metrics = try #require(scenario["metrics"] as? [String: Any])
        let effectiveness = try #require(metrics["costEffectiveness"] as? [String: Any])
        #expect(effectiveness["expectedCostPerIdentification"] is Double && effectiveness["noGainShare"] is Double)
        // Expected cost over expected identifications: the ratio of the two means.
        let cost = try #require((metrics["pvProgrammeCosts"] as? [String: Any])?["mean"] as? Double)
        let identifications = try #require((metrics["pvIdentifications"] as? [String: Any])?["mean"] as? Double)
        let ratio = try #require(effectiveness["expectedCostPerIdentification"] as? Double)
        #expect(abs(ratio - cost / identifications) < 1e-6 * ratio)
    }

    @Test func costSaysItIsTheReportsBasis() throws {
        let output = try MSCBinary.run(["cost", "--operational-budget", "0"])
        #expect(output.stdout.contains("£57,533.00"))
        #expect(output.stdout.contains("This is the report's basis, not the appraisal's"))
    }

    @Test func explainShowsEveryReading() throws {
        let output = try MSCBinary.run(["assumptions", "--explain", "identificationRateRatio"])
        #expect(output.status == 0, "\(output.stderr)")
        for reading in ["all other councils", "other councils that referred an adult", "other councils with adult social care duties",
                        "per council", "per resident", "NRM + DtN", "NRM only"] {
            #expect(output.stdout.contains(reading), "\(reading)")
        }
        #expect(output.stdout.contains("logSD = 0.450"))
        // The coverage the ratio was measured at, and the chance a post adds nothing, Φ(−0.5056 / 0.45) = 13.1%.
        #expect(output.stdout.contains("RR_full = 1 + max(0, RR − 1) / c̄"))
        #expect(output.stdout.contains("probability 13.1%"))
        let bad = try MSCBinary.run(["assumptions", "--explain", "salary"])
        #expect(bad.status == 2)
    }
}
