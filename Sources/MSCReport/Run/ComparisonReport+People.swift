import MSCModel
import MSCSimulation

extension ComparisonReport {
    /// The headline for people (a spreadsheet or `headline.csv`): one labelled row per scenario and
    /// measure, money in pounds, chances as percentages, the median beside the mean; cost per
    /// additional identification as expected cost over expected identifications, with the chance a
    /// simulation gains nothing. Then each comparison's extra cost, benefit and NPV and
    /// the answer in words. The raw statistics of every metric stay in JSON (`numericTable`).
    public var peopleTable: ReportTable {
        var table = ReportTable(
            title: "Headline results: mean, median and the range the middle 90% of simulations fell in (real pounds at the price base year)",
            columns: [.init("Scenario", key: "scenario"), .init("Measure", key: "measure"), .init("Mean", key: "mean"),
                      .init("Median", key: "median"), .init("5th percentile", key: "p5"), .init("95th percentile", key: "p95")])
        typealias Cell = ReportTable.Cell
        func cells(_ summary: Summary, _ make: (Double) -> Cell, mean: Bool = true) -> [Cell] {
            func shown(_ value: Double) -> Cell { value.isFinite ? make(value) : .empty }
            return [mean ? shown(summary.mean) : .text("not meaningful"), shown(summary.p50), shown(summary.p5), shown(summary.p95)]
        }
        let money: (Double) -> Cell = { .pounds($0) }
        let count: (Double) -> Cell = { .number($0, decimals: abs($0) < 100 ? 1 : 0) }
        let ratio: (Double) -> Cell = { .number($0, decimals: 2) }
        for result in results {
            let name = result.scenarioName
            func add(_ label: String, _ summary: Summary, _ make: (Double) -> Cell, mean: Bool = true) {
                table.append([.text(name), .text(label)] + cells(summary, make, mean: mean))
            }
            add("Cost in the first year (£)", result.summary(.firstYearCost), money)
            add("Present value of costs (£)", result.summary(.presentValueCosts), money)
            add("Present value of benefits (£)", result.summary(.presentValueBenefits), money)
            add("Net present value (£)", result.summary(.netPresentValue), money)
            add("Benefit-cost ratio", result.summary(.benefitCostRatio), ratio)
            add(ComparisonReport.identificationsLabel(years: result.horizonYears), result.summary(.additionalIdentifications), count)
            let value = result.costEffectiveness
            func percentile(_ x: Double?) -> Cell { x.map(money) ?? .text(Self.noGain) }
            table.append([.text(name), .text("Cost per additional identification (£): expected cost / expected identifications"),
                          value.expectedCostPerIdentification.isFinite ? money(value.expectedCostPerIdentification) : .empty,
                          percentile(value.p50), percentile(value.p5), percentile(value.p95)])
            table.append([.text(name), .text("Chance a simulation gains no additional identification"),
                          .percent(value.noGainShare, decimals: 1), .empty, .empty, .empty])
            add("Net present value, optimism bias unmitigated (£)", result.summary(.netPresentValueAtStartingOptimismBias), money)
            table.append([.text(name), .text("Chance the net present value is above zero"), .percent(result.probabilityPositiveNPV, decimals: 1),
                          .empty, .empty, .empty])
            let survival = Self.programmeSurvival(result)
            table.append([.text(name), .text("Chance the programme still has funded posts in the final year"),
                          .percent(survival.probability, decimals: 1), .empty, .empty, .empty])
            add("Posts funded in the final year, if it does", survival.postsIfSurvives, count)
        }
        for (index, base) in baselineIndex.enumerated() {
            guard let base else { continue }
            let name = "\(results[index].scenarioName) compared with \(results[base].scenarioName)"
            let incremental = IncrementalAnalysis(results[index], against: results[base])
            func add(_ label: String, _ metric: Metric) {
                table.append([.text(name), .text(label)] + cells(Summary(results[index].difference(metric, minus: results[base])), money))
            }
            add("Extra present value of costs (£)", .presentValueCosts)
            add("Extra present value of benefits (£)", .presentValueBenefits)
            add("Extra net present value (£)", .netPresentValue)
            table.append([.text(name), .text("In words"), .text(incremental.text), .empty, .empty, .empty])
        }
        table.notes = baselineNotes + AppraisalBasis.notes(bases) + manifest.noteLines
        return table
    }

    /// What an identification count is, in the words every table uses: referrals net of
    /// displacement, not confirmed victims, counted against no posts at all (so a scenario's
    /// count includes the posts that exist today).
    static func identificationsLabel(years: Int) -> String {
        "Additional identifications over \(years) years (referrals net of displacement, not confirmed victims; counted against no posts at all, so posts that exist today count too)"
    }
}
