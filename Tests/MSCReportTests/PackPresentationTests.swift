import Foundation
import Testing
import MSCModel
import MSCTestSupport
@testable import MSCReport
@testable import MSCSimulation

/// What a charity officer reads in an evidence pack: words first, charts that compare, tables for people.
@Suite struct PackPresentationTests {
    @Test func theIncrementalAnswerIsARatioOnlyWhenAnOptionCostsMoreAndGainsMore() {
        let costsMore = IncrementalAnalysis(extraCost: 2_000_000, extraBenefit: 3_000_000, extraNPV: 1_000_000)
        #expect(costsMore.ratio == 1.5)
        #expect(costsMore.text.hasPrefix("1.50"))
        let saves = IncrementalAnalysis(extraCost: -1_200_000, extraBenefit: 38_800_000, extraNPV: 40_000_000)
        #expect(saves.ratio == nil)
        #expect(saves.text == "saves £1.2m and gains £38.8m: better on both")
        let dominated = IncrementalAnalysis(extraCost: 1_000_000, extraBenefit: -500_000, extraNPV: -1_500_000)
        #expect(dominated.ratio == nil)
        #expect(dominated.text.hasPrefix("dominated"))
        let tradeOff = IncrementalAnalysis(extraCost: -88_500_000, extraBenefit: -48_500_000, extraNPV: 40_000_000)
        #expect(tradeOff.ratio == nil)
        #expect(tradeOff.text == "saves £88.5m and gives up £48.5m of benefit")
    }

    @Test func footnotesAreWrittenFromTheRatesUsed() {
        let basis = AppraisalBasis(scenarioName: "s", priceBaseYear: "2025-26", horizonYears: 40, discountRates: [0.015, 0.01],
                                   optimismBias: 0.2, optimismBiasDistribution: "fixed")
        let note = AppraisalBasis.notes([basis]).joined()
        #expect(note.contains("1.5% then 1% real discount rates"))
        #expect(note.contains("40 years"))
        #expect(note.contains("optimism bias of 20% on programme costs"))
        #expect(!note.contains("3.5%"))
    }

    @Test func thePackOpensWithASummaryAndEachScenariosQuestionAndCaveats() throws {
        var pack = try PackFixture.pack()
        pack.scenarios[0].brief = ScenarioBrief(name: pack.scenarios[0].name, question: "What do today's posts cost?",
                                                caveats: ["Where the posts are is illustrative."])
        let html = HTMLWriter.write(pack, charts: Charts.all(for: pack))
        let summary = try #require(html.range(of: "<section id=\"summary\">"))
        let headline = try #require(html.range(of: "<section id=\"headline\">"))
        #expect(summary.lowerBound < headline.lowerBound)
        for heading in ["What was compared", "The answer", "What it rests on", "What is illustrative"] {
            #expect(html.contains("<strong>\(heading).</strong>"), "\(heading)")
        }
        #expect(html.contains("What do today&#39;s posts cost?"))
        #expect(html.contains("<li>Where the posts are is illustrative.</li>"))
        let markdown = PackDocuments.markdown(pack, charts: Charts.all(for: pack))
        #expect(markdown.contains("## Summary"))
        #expect(markdown.contains("- Where the posts are is illustrative."))
    }

    @Test func theStatusQuoBriefSaysItsPostsArePlacedIllustratively() throws {
        let plan = try PackageRoot.shippedPlan("status-quo")
        let brief = ScenarioBrief(plan: plan)
        #expect(brief.question == plan.scenario.question)
        let placement = try #require(brief.caveats.first)
        #expect(placement.contains("illustrative"))
        #expect(placement.contains("Birmingham"))
        #expect(placement.contains("top of what"))
    }

    @Test func aNationalGrantsDecisionYearsAndSurvivalAreInTheBrief() throws {
        let plan = try PackageRoot.shippedPlan("national-rollout")
        let brief = ScenarioBrief(plan: plan)
        // Three-year spending reviews within ten years: decisions at the start of years 4, 7 and 10.
        #expect(brief.nationalDecisionYears == [4, 7, 10])
        // q ~ beta(38, 2), three renewals: the grant lasts with E[q^3] = 38/40 x 39/41 x 40/42 = 86.1%,
        // so the programme as a whole ends with probability 13.9%.
        let lasts = 38.0 / 40 * 39 / 41 * 40 / 42
        #expect(brief.caveats.contains { $0.contains("programme as a whole ends") && $0.contains(NumberText.fixed((1 - lasts) * 100, decimals: 1) + "%") })
        #expect(plan.scenario.funding.programmeEndProbability(horizonYears: 10).map { abs($0 - (1 - lasts)) < 1e-12 } == true)
    }

    @Test func chartsAreNamedAfterTheirScenarioAndCompareScenariosOnOneAxis() throws {
        let pack = try PackFixture.pack()
        let names = Charts.all(for: pack).map(\.fileName)
        #expect(names.contains("baseline-npv.svg"))
        #expect(names.contains("baseline-tornado.svg"))
        #expect(!names.contains { $0.hasPrefix("s1-") || $0.hasPrefix("s2-") })
        #expect(names.contains("compare-npv.svg"))
        let perIdentification = try #require(Charts.all(for: pack).first { $0.fileName == "compare-cost-per-identification.svg" })
        // The figure msc run prints: expected cost over expected identifications, with the no-gain share.
        #expect(perIdentification.svg.contains("expected cost / expected identifications"))
        #expect(perIdentification.svg.contains("no gain in"))
        #expect(!perIdentification.svg.contains(">median<"))
    }

    @Test func thePacksCostPerIdentificationIsTheFigureMscRunPrints() throws {
        let pack = try PackFixture.pack()
        let chart = try #require(Charts.all(for: pack).first { $0.fileName == "compare-cost-per-identification.svg" })
        let table = pack.comparison.table.rendered(as: .table)
        for result in pack.comparison.results {
            let scenario = try #require(pack.scenarios.first { $0.name == result.scenarioName })
            // One formula: the pack holds the run's own CostEffectiveness, all draws counted.
            #expect(scenario.costPerIdentification == result.costEffectiveness)
            let printed = ComparisonReport.interval(result.costEffectiveness)
            #expect(table.contains(printed), "msc run's table shows \(printed)")
            #expect(chart.svg.contains(Markup.escape(printed)), "the pack's chart shows \(printed)")
        }
    }

    @Test func survivalIsDrawnAsStepsAndCoincidingLinesAreNamed() {
        let curve = [1.0, 0.9, 0.8]
        let scenarios = ["a", "b"].map {
            ScenarioEvidence(name: $0, npvSamples: [], costFan: [], benefitFan: [], survival: curve, tornado: [])
        }
        let svg = Charts.survival(scenarios, id: "t")
        // Steps: each year a flat segment from half a year before to half a year after, so a
        // polyline holds two points a year.
        let polylines = svg.components(separatedBy: "<polyline").dropFirst()
        let first = try? #require(polylines.first)
        let points = first?.components(separatedBy: "points=\"").dropFirst().first?.split(separator: "\"").first?
            .split(separator: " ").count
        #expect(points == 2 * curve.count)
        #expect(svg.contains("the same as a"))
    }

    @Test func theCostFanMarksTheGrantWithdrawalCliff() {
        let summaries = (0..<10).map { _ in Summary([1, 2, 3]) }
        let plain = Charts.fan(summaries, scenarioName: "x", quantity: "Cost", id: "f")
        let marked = Charts.fan(summaries, scenarioName: "x", quantity: "Cost", id: "f", decisionYears: [4, 7, 10],
                                grantLabel: "Home Office coordinator grant")
        #expect(!plain.contains("national decision"))
        #expect(marked.contains("national decision: Home Office coordinator grant renewed or withdrawn"))
        let dotted = marked.components(separatedBy: "stroke-dasharray=\"2 3\"").count - 1
        #expect(dotted == 4)   // three decisions and the key
    }

    @Test func tornadoLabelsAreWholeDescriptionsAndValuesCarryTheirUnit() {
        let description = "Chance that a Police and Crime Commissioner grant towards the post is renewed at the end of its term."
        var bar = TornadoBarData(name: "pccGrantRenewalProbability", lowValue: 0.8, highValue: 0.97, npvAtLow: -1e6, npvAtHigh: 2e6)
        bar.label = description
        bar.unit = .fraction
        let scenario = ScenarioEvidence(name: "x", npvSamples: [], costFan: [], benefitFan: [], survival: [], tornado: [bar])
        let svg = Charts.tornado(scenario, id: "t")
        for word in description.dropLast().split(separator: " ") { #expect(svg.contains(word), "\(word)") }
        #expect(!svg.contains("…"))
        #expect(!svg.contains("pccGrantRenewalProbability"))
        #expect(svg.contains(">80%<") && svg.contains(">97%<"))
    }

    @Test func theHeadlineForPeopleHasLabelsMediansAndExpectedCostPerIdentification() throws {
        let table = try PackFixture.pack().comparison.peopleTable
        #expect(table.columns.map(\.header).contains("Median"))
        let measures = table.rows.map { $0[1].display }
        #expect(!measures.contains("firstYearCost"))
        #expect(measures.contains("Cost in the first year (£)"))
        // Expected cost over expected identifications, then the chance a simulation gains nothing.
        let perIdentification = try #require(table.rows.first {
            $0[1].display == "Cost per additional identification (£): expected cost / expected identifications"
        })
        #expect(perIdentification[2].numericValue != nil)
        #expect(measures.contains("Chance a simulation gains no additional identification"))
        let pack = try PackFixture.pack()
        #expect(pack.namedTables.first?.table.title == table.title)
    }

    @Test func theHTMLPrintsOnA4Landscape() throws {
        let html = HTMLWriter.write(try PackFixture.pack(), charts: [])
        #expect(html.contains("@page { size: A4 landscape;"))
    }
}
