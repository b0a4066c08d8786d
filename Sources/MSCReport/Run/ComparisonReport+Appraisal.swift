import MSCModel
import MSCSimulation

/// What a Green Book reader needs beside the Monte Carlo summary (DESIGN 3.7): the mean is the
/// appraisal's central estimate, the central-input run is shown beside it and labelled, with why
/// they differ; optimism bias and the benefit reduction are stated with their values; NPV and BCR
/// carry the caveat that they rest on the monetised share of harm.
extension ComparisonReport {
    /// The checklist of result `index`, matched by scenario name.
    func appraisal(for result: SimulationResult) -> GreenBookChecklist? {
        appraisals.first { $0.plan.scenario.name == result.scenarioName }
    }

    /// Rows with the central-input run's cost per identification and NPV, one cell per scenario.
    func appendCentralInputRows(to table: inout ReportTable, differenceColumns: Int) {
        guard !appraisals.isEmpty else { return }
        let rows: [(String, Metric, (ScenarioOutcome) -> Double)] = [
            ("Cost per additional identification (£), central-input run", .costPerIdentification, { $0.costPerIdentification }),
            ("Net present value (£), central-input run", .netPresentValue, { $0.netPresentValue }),
        ]
        for (label, metric, value) in rows {
            var row: [ReportTable.Cell] = [.text(label)]
            for result in results {
                row.append(appraisal(for: result).map { .text(Self.cell(value($0.centralInputs), metric: metric)) } ?? .empty)
            }
            for _ in 0..<differenceColumns { row.append(.empty) }
            table.append(row)
        }
    }

    /// Footnotes written from each scenario's parameters.
    var appraisalNotes: [String] {
        var notes: [String] = [
            "Cost per additional identification leads: it needs no money value of harm. It is the expected present value of the programme's cost (posts and training, with optimism bias) over the expected additional identifications, net of displacement and discounted at the same rates (a ratio of means, as in cost-effectiveness practice); the interval is the 5th to 95th percentile of the cost per identification in each draw, where a draw with no additional identification costs money and buys nothing (\(Self.noGain)). The share of such draws is shown below it.",
            "NPV and BCR rest on the monetised share of harm only (harms and lost output avoided for confirmed victims, from the Home Office unit cost of modern slavery); what is not monetised (staff trained, prevention, partnership work, prosecutions) is not in them. Costs include the public costs identifications trigger (Home Office decisions and support, NHS, police, councils).",
        ]
        // One sentence for the central estimate, with every scenario's two figures in it: against
        // its baseline where it has one (the question is the change from there), else against no posts.
        var estimates: [String] = []
        var sensitivities: [String] = []
        // Statements that depend only on a scenario's parameters: scenarios that ran with the same
        // parameters share one line instead of repeating it under each name.
        var statements: [(text: String, names: [String])] = []
        func add(_ text: String, for name: String) {
            if let index = statements.firstIndex(where: { $0.text == text }) { statements[index].names.append(name) }
            else { statements.append((text, [name])) }
        }
        func money(_ value: Double) -> String { Self.cell(value, metric: .netPresentValue) }
        for checklist in appraisals {
            let name = checklist.plan.scenario.name
            guard let index = results.firstIndex(where: { $0.scenarioName == name }) else { continue }
            let result = results[index]
            let central = checklist.centralInputs.netPresentValue
            if let base = baselineIndex[index], let baseChecklist = appraisal(for: results[base]) {
                let difference = Summary(result.difference(.netPresentValue, minus: results[base])).mean
                let centralDifference = central - baseChecklist.centralInputs.netPresentValue
                estimates.append("\(name) against \(results[base].scenarioName) \(money(difference)) (central-input run \(money(centralDifference)))")
            } else {
                estimates.append("\(name) against no posts \(money(result.summary(.netPresentValue).mean)) (central-input run \(money(central)))")
            }
            let adjustments = checklist.plan.adjustments
            add("\(adjustments.optimismBiasStatement) \(adjustments.benefitReductionStatement)", for: name)
            // The unmitigated optimism bias and the stacked evidence cut, each beside the mean NPV.
            let npv = result.summary(.netPresentValue).mean
            let unmitigated = result.summary(.netPresentValueAtStartingOptimismBias).mean
            let benefits = result.summary(.presentValueBenefits).mean
            let applied = adjustments.benefitReduction.distribution.mean, stacked = adjustments.sensitivityCut.value
            // Benefits are linear in the cut: with the stacked cut instead of the one applied they
            // are benefits × (1 − stacked) / (1 − applied), the costs unchanged.
            let withCut = applied < 1 ? npv - benefits * (1 - (1 - stacked) / (1 - applied)) : npv
            let withoutChildren = result.summary(.netPresentValueWithoutChildren).mean
            sensitivities.append("\(name): mean NPV \(money(npv)); at the unmitigated optimism bias \(GreenBookChecklist.percent(adjustments.optimismBiasStart)) \(money(unmitigated)); with the stacked evidence cut of \(GreenBookChecklist.percent(stacked)) on all benefits \(money(withCut)); without the child component \(money(withoutChildren))")
            if let statement = checklist.childComponentStatement { add(statement, for: name) }
            let rates = GreenBook.bandAssumptions.prefix(2).compactMap { band in
                checklist.plan.assumptions[band.name].map { GreenBookChecklist.percent($0.value) + " from year \(band.firstYear)" }
            }
            add("\(checklist.plan.scenario.priceBaseYear) prices, discounted at \(rates.joined(separator: " and ")) from \(checklist.plan.scenario.priceBaseYear); the programme runs \(checklist.plan.scenario.timing.firstYear) to \(checklist.plan.scenario.timing.year(checklist.plan.scenario.horizonYears - 1)).", for: name)
        }
        if !estimates.isEmpty {
            notes.append("The appraisal's central estimate is the Monte Carlo mean NPV: \(estimates.joined(separator: "; ")). The central-input run takes every input at its central value, posts weighted by expected survival; where the two differ it is because several inputs are skewed (the rate ratio is lognormal, so its mean is above its central value; some ranges are asymmetric), and the mean of the outcomes is not the outcome at the central inputs.")
        }
        if !sensitivities.isEmpty {
            notes.append("Sensitivities beside the central estimate (against no posts): \(sensitivities.joined(separator: "; ")).")
        }
        for statement in statements {
            notes.append("\(statement.names.joined(separator: ", ")): \(statement.text)")
        }
        return notes
    }
}
