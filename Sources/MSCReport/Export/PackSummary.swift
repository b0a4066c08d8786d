import MSCModel
import MSCSimulation

/// The opening of an evidence pack in plain language, for a reader who will not read the tables:
/// what was compared, the answer with its uncertainty, what it rests on and what is illustrative.
/// Every figure comes from the run; every sentence can be quoted on its own.
public enum PackSummary {
    /// One paragraph each: compared, answer (one per comparison), rests on, illustrative.
    public static func paragraphs(_ pack: EvidencePack) -> [(heading: String, text: String)] {
        let comparison = pack.comparison
        let results = comparison.results
        guard let first = results.first else { return [] }
        var out: [(String, String)] = []

        let questions = pack.scenarios.map { scenario in
            scenario.brief.map { "\(scenario.name) (\($0.question.trimmingCharacters(in: .punctuationCharacters).lowercasedFirst))" } ?? scenario.name
        }
        out.append(("What was compared",
                    "\(results.count == 1 ? "One option" : "\(results.count) options") for Modern Slavery Coordinators in the councils of England and Wales, over \(first.horizonYears) years: \(ScenarioBrief.list(questions)). Each was simulated \(NumberText.grouped(Double(first.iterations), decimals: 0)) times with its uncertain inputs drawn afresh, so every figure below is a central value with the range the middle 90% of simulations fell in."))

        var answers: [String] = []
        var compared = Set<Int>()
        for (index, base) in comparison.baselineIndex.enumerated() {
            guard let base else { continue }
            compared.insert(index)
            compared.insert(base)
            let incremental = IncrementalAnalysis(results[index], against: results[base])
            answers.append(HeadlineSentences.answer(HeadlineSentences.Comparison(results[index], against: results[base])))
            answers.append("On average it \(Self.verdictSentence(incremental)).")
        }
        for (index, result) in results.enumerated() where !compared.contains(index) {
            let npv = (result.metrics[.netPresentValue] ?? []).filter(\.isFinite)
            answers.append(HeadlineSentences.answer(scenario: result.scenarioName, npv: Summary(npv),
                                                    positive: npv.filter { $0 > 0 }.count, simulations: npv.count))
        }
        for (index, result) in results.enumerated() {
            let survival = ComparisonReport.programmeSurvival(result)
            if pack.scenarios.indices.contains(index), pack.scenarios[index].brief?.nationalGrantLabel != nil {
                answers.append("\(result.scenarioName) depends on one national funding decision: in \(NumberText.fixed(survival.probability * 100, decimals: 0))% of simulations the programme still has posts in year \(result.horizonYears); in the rest every post has ended.")
            }
        }
        out.append(("The answer", answers.joined(separator: " ")))

        let byName = Dictionary(pack.assumptions.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        // The two inputs that move each scenario's NPV most, each named once with the scenarios it leads in.
        var order: [String] = []
        var leads: [String: [String]] = [:]
        for scenario in pack.scenarios {
            let top = scenario.tornado.sorted { abs($0.npvAtHigh - $0.npvAtLow) > abs($1.npvAtHigh - $1.npvAtLow) }.prefix(2)
            for bar in top {
                if leads[bar.name] == nil { order.append(bar.name) }
                leads[bar.name, default: []].append(scenario.name)
            }
        }
        var restsOn: [String] = []
        if !order.isEmpty {
            let described = order.map { name in
                let text = (byName[name]?.description ?? name).withoutFinalStop.lowercasedFirst
                let scenarios = leads[name] ?? []
                return scenarios.count == pack.scenarios.count ? text : "\(text) (\(ScenarioBrief.list(scenarios)))"
            }
            restsOn.append("The inputs that move the results most are: \(described.joined(separator: "; ")).")
        }
        let basis = AppraisalBasis.notes(comparison.bases).first ?? ""
        out.append(("What it rests on", (["Benefits are the value of additional identifications (referrals net of displacement, not confirmed victims), set against the cost of the posts."] + restsOn + [basis]).joined(separator: " ")))

        let illustrative = pack.assumptions.filter { $0.evidence == .illustrative }
        let drivers = Set(pack.scenarios.flatMap { $0.tornado.prefix(4).map(\.name) })
        let illustrativeDrivers = illustrative.filter { drivers.contains($0.name) }
            .map { $0.description.withoutFinalStop.lowercasedFirst }
        var caution = "\(illustrative.count) of the \(pack.assumptions.count) assumptions are illustrative: no published source gives them, and the annex says how each was chosen."
        if !illustrativeDrivers.isEmpty {
            caution += " Among the inputs that matter most, these are illustrative: \(ScenarioBrief.list(illustrativeDrivers))."
        }
        caution += " The figures are model estimates for comparing options, not forecasts; each scenario's own caveats follow."
        out.append(("What is illustrative", caution))
        return out
    }

    static func verdictSentence(_ incremental: IncrementalAnalysis) -> String {
        let cost = IncrementalAnalysis.money(abs(incremental.extraCost)), benefit = IncrementalAnalysis.money(abs(incremental.extraBenefit))
        switch incremental.verdict {
        case .ratio:
            return "costs \(cost) more in present value and brings \(benefit) more in benefits, \(NumberText.fixed(incremental.extraBenefit / incremental.extraCost, decimals: 2)) of benefit for each extra pound"
        case .dominant: return "costs \(incremental.extraCost < 0 ? "\(cost) less" : "the same") and brings \(incremental.extraBenefit > 0 ? "\(benefit) more" : "the same") in benefits"
        case .dominated: return "costs \(incremental.extraCost > 0 ? "\(cost) more" : "the same") and brings \(incremental.extraBenefit < 0 ? "\(benefit) less" : "no more") in benefits"
        case .tradeOff: return "saves \(cost) in present value but gives up \(benefit) of benefits"
        }
    }
}
