import MSCModel
import MSCSimulation

/// What a reader needs to know about one scenario before its numbers: the question it answers
/// and the caveats that change how its figures read, written from the scenario and its assumptions.
public struct ScenarioBrief: Sendable, Equatable {
    public let name: String
    public let question: String
    /// Plain sentences, most important first.
    public let caveats: [String]
    /// Programme years (1 = the first) at whose start one national decision renews or ends a
    /// grant that pays for every post (empty when no source is decided nationally).
    public let nationalDecisionYears: [Int]
    /// The label of the nationally decided grant, when there is one.
    public let nationalGrantLabel: String?

    public init(name: String, question: String, caveats: [String], nationalDecisionYears: [Int] = [],
                nationalGrantLabel: String? = nil) {
        self.name = name
        self.question = question
        self.caveats = caveats
        self.nationalDecisionYears = nationalDecisionYears
        self.nationalGrantLabel = nationalGrantLabel
    }

    /// The brief of a loaded scenario plan.
    public init(plan: ScenarioPlan) {
        let scenario = plan.scenario
        var caveats: [String] = []
        if case .existing(_, let placement, _) = scenario.deployment, placement == .mostPopulousSingleTier {
            let names = plan.deployment.posts.map(\.name)
            let elasticity = plan.deployment.coverageParameters.elasticity
            var text = "Where the \(names.count) posts are is illustrative: the source counts them but does not name them, so the model puts them in the \(names.count) most populous single-tier councils (\(names.joined(separator: ", ")))."
            if elasticity < 1 {
                text += " With coverage elasticity \(NumberText.plain(elasticity)), a post in a more populous council adds more identifications (they grow with population to the power \(NumberText.plain(((1 - elasticity) * 100).rounded() / 100)) while coverage is below full), so this placement puts \(scenario.name)'s identifications and benefit-cost ratio at the top of what the real posts, wherever they are, would give."
            }
            caveats.append(text)
        }
        let national = scenario.funding.sources.filter(\.decidedNationally)
        var decisionYears: [Int] = []
        for source in national {
            let term = source.termYears
            let years = stride(from: term, to: scenario.horizonYears, by: term).map { $0 + 1 }
            decisionYears += years
            var text = "One national decision renews or ends the \(source.label) for every post at once, every \(term) year\(term == 1 ? "" : "s") (at the start of year\(years.count == 1 ? "" : "s") \(years.map(String.init).joined(separator: ", ")))"
            if let ends = scenario.funding.programmeEndProbability(horizonYears: scenario.horizonYears) {
                text += ": the programme as a whole ends within the \(scenario.horizonYears) years with probability \(NumberText.fixed(ends * 100, decimals: 1))%, every post together; otherwise all of them last."
            } else {
                text += "; hosts may take over a lapsed grant, so posts do not all end together."
            }
            caveats.append(text)
        }
        if let note = scenario.funding.sharedPostDecisionNote(largestSharedPost: plan.deployment.posts.map(\.members.count).max() ?? 1) {
            caveats.append(note)
        }
        let illustrativeRenewals = scenario.funding.sources.filter { $0.renewal.evidence == .illustrative }.map(\.label)
        if !illustrativeRenewals.isEmpty {
            caveats.append("How likely \(Self.list(illustrativeRenewals)) \(illustrativeRenewals.count == 1 ? "is" : "are") to be renewed is illustrative: no source publishes renewal rates.")
        }
        for name in scenario.overriddenAssumptions {
            guard let assumption = plan.assumptions.byName[name] else { continue }
            let why = assumption.notes.flatMap { notes in notes.components(separatedBy: "Overridden by ").last?
                .split(separator: ".", maxSplits: 1).dropFirst().first.map { $0.trimmingCharacters(in: .whitespaces) } } ?? ""
            caveats.append("The scenario sets \(assumption.description.lowercasedFirst) to \(NumberText.inUnit(assumption.value, unit: assumption.unit))\(why.isEmpty ? "" : ": " + why)")
        }
        let used = plan.assumptions.all
        let illustrative = used.filter { $0.evidence == .illustrative }.count
        caveats.append("\(illustrative) of the \(used.count) assumptions it runs on are illustrative (no published source; the reasoning is in the assumptions annex).")
        self.init(name: scenario.name, question: scenario.question, caveats: caveats,
                  nationalDecisionYears: Array(Set(decisionYears)).sorted(), nationalGrantLabel: national.first?.label)
    }

    static func list(_ items: [String]) -> String {
        items.count <= 1 ? (items.first ?? "") : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}

extension String {
    /// The text with its first letter in lower case ("Operational budget" → "operational budget").
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }

    /// The text without a closing full stop, to run on inside a sentence (a closing bracket stays).
    var withoutFinalStop: String { hasSuffix(".") ? String(dropLast()) : self }
}

extension NumberText {
    /// A value in its unit for a sentence: £10,000, 16%, 2.33.
    /// Fractions and rates as percentages, money in pounds, anything else to 3 significant places.
    public static func inUnit(_ value: Double, unit: MSCModel.Unit) -> String {
        switch unit {
        case .fraction, .ratePerYear: return plain((value * 10000).rounded() / 100) + "%"
        case _ where unit.isMoney: return (value < 0 ? "-£" : "£") + grouped(abs(value), decimals: abs(value) < 100 ? 2 : 0)
        default:
            let magnitude = abs(value)
            let decimals = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3
            return grouped(value, decimals: decimals)
        }
    }
}
