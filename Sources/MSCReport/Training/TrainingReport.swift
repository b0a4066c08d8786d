import MSCModel

/// Three-tier training with and without a coordinator, written for people (tables) and for
/// scripts (JSON): people to reach, trained a year, cost, years to full coverage, likely effect.
public struct TrainingReport: Report {
    public let comparison: TrainingComparison
    public let assumptions: TrainingAssumptions
    /// Where the assumptions came from, for citations.
    let assumptionSet: AssumptionSet
    /// The tax year of the employer on-costs, e.g. `2025-26`.
    public let taxYear: String
    /// The scenario whose assumptions were used, if any.
    public let scenarioName: String?
    /// Where the coordinators come from when a scenario's deployment places them, e.g.
    /// "scenario county-shared (county-area posts)"; nil when every authority has its own post.
    public let deploymentLabel: String?

    public init(comparison: TrainingComparison, assumptions: TrainingAssumptions, assumptionSet: AssumptionSet,
                taxYear: String, scenarioName: String? = nil, deploymentLabel: String? = nil) {
        self.comparison = comparison
        self.assumptions = assumptions
        self.assumptionSet = assumptionSet
        self.taxYear = taxYear
        self.scenarioName = scenarioName
        self.deploymentLabel = deploymentLabel
    }

    /// The single authority reported on, or nil for totals over several.
    public var authority: Authority? { comparison.authorities.count == 1 ? comparison.authorities[0] : nil }

    /// Who the figures are for, e.g. "Kent (County council, E10000016)".
    public var scope: String {
        if let authority { return "\(authority.name) (\(authority.tier.label), \(authority.code))" }
        return "totals over all \(comparison.authorities.count) authorities of England and Wales"
    }

    public var title: String {
        let scenario = scenarioName.map { ", scenario \($0)" } ?? ""
        return "Three-tier modern slavery training: \(scope)\(scenario); a year on average over \(comparison.horizon) years"
    }

    // MARK: Tables

    /// One row per tier and case (with, without a coordinator), then the totals of each case.
    public var tiersTable: ReportTable {
        var table = ReportTable(title: title, columns: [
            .init("Tier", key: "tier"), .init("Coordinator", key: "coordinator"), .init("People", key: "staff"),
            .init("Trained a year", key: "trainedPerYear"), .init("Cost a place", key: "costPerPlace"),
            .init("Cost a year", key: "costPerYear"), .init("Years to full coverage", key: "yearsToCoverage"),
            .init("Trained at year \(comparison.horizon)", key: "trainedShareAtHorizon"),
        ])
        for tier in TrainingTier.allCases {
            for (label, outcome) in cases(tier) {
                table.append([.text(tier.label), .text(label), .integer(Int(outcome.audience.total.rounded())),
                              .integer(Int(outcome.averageTraineesPerYear.rounded())),
                              costPerPlace(outcome).map { .pence($0) } ?? .empty,
                              .pounds(outcome.averageCostPerYear), coverageCell(outcome),
                              .percent(round(outcome.trainedShareAtHorizon, 4), decimals: 0)])
            }
        }
        for (label, outcomes) in [("with", comparison.withCoordinator), ("without", comparison.withoutCoordinator)] {
            let trained = outcomes.all.reduce(0) { $0 + $1.averageTraineesPerYear }
            let cost = outcomes.all.reduce(0) { $0 + $1.averageCostPerYear }
            table.append([.text("All tiers"), .text(label), .empty, .integer(Int(trained.rounded())), .empty,
                          .pounds(cost), .empty, .empty])
        }
        table.notes = notes
        return table
    }

    /// Expected confidence among frontline staff and councillors at the end of the horizon.
    public var effectsTable: ReportTable {
        let effects = assumptions.effects
        let with = comparison.withCoordinator.frontline.trainedShareAtHorizon
        let without = comparison.withoutCoordinator.frontline.trainedShareAtHorizon
        var table = ReportTable(
            title: "What face-to-face training is likely to change: frontline staff and councillors (Tier 2), end of year \(comparison.horizon)",
            columns: [.init("Measure", key: "measure"), .init("Untrained", key: "untrained"),
                      .init("With coordinator", key: "withCoordinator"),
                      .init("Without coordinator", key: "withoutCoordinator")])
        func share(_ value: Double) -> ReportTable.Cell { .percent(round(value, 4), decimals: 0) }
        table.append([.text("Holding current Tier 2 training"), share(0), share(with), share(without)])
        table.append([.text("Confident they could identify modern slavery"), share(effects.identifyConfidenceBefore),
                      share(effects.identifyConfidence(trainedShare: with)),
                      share(effects.identifyConfidence(trainedShare: without))])
        table.append([.text("Understand the Modern Slavery Act and the NRM"), share(effects.actUnderstandingBefore),
                      share(effects.actUnderstanding(trainedShare: with)),
                      share(effects.actUnderstanding(trainedShare: without))])
        let reporting = effects.reportingConfidenceImproved
        table.notes = [
            "Trained staff at the after-training rates of one coordinator's feedback (45% -> 99% could identify; 32% -> 98% understood the Act and the NRM), the rest at the before rates: Acting Local (Human Trafficking Foundation, Jan 2025), Training section.",
            "Another coordinator's feedback: \(percent(reporting)) of trainees felt more confident reporting through the correct channels; about \(people(reporting * comparison.withCoordinator.frontline.trainedByYear.last.orZero)) of those holding Tier 2 training at year \(comparison.horizon) with a coordinator, \(people(reporting * comparison.withoutCoordinator.frontline.trainedByYear.last.orZero)) without.",
            "Self-reported by attendees who gave feedback: an upper bound on what training changes.",
        ]
        return table
    }

    /// Tiers, then effects.
    public var tables: [ReportTable] { [tiersTable, effectsTable] }

    /// CSV holds the tiers table only, so it opens as one sheet.
    public func tables(in format: TableFormat) -> [ReportTable] {
        format == .csv ? [tiersTable] : tables
    }

    // MARK: JSON

    /// The report as JSON: a `tiers` array with with- and without-coordinator fields and series.
    public var json: JSONValue {
        var pairs: [(String, JSONValue)] = [("title", .string(title))]
        if let authority {
            pairs.append(("authority", .object([("code", .string(authority.code)), ("name", .string(authority.name)),
                                                ("tier", .string(authority.tier.rawValue))])))
        }
        pairs += [
            ("authorityCount", .number(Double(comparison.authorities.count))),
            ("scenario", scenarioName.map(JSONValue.string) ?? .null),
            ("horizonYears", .number(Double(comparison.horizon))),
            ("coordinatorFTE", .number(round(comparison.totalCoordinatorFTE, 4))),
            ("coordinatorsFrom", .string(deploymentLabel ?? "own post in each authority")),
            ("authoritiesWithoutCoordinator", .number(Double(comparison.authoritiesWithoutCoordinator))),
            ("taxYear", .string(taxYear)),
            ("faceToFacePlacesToSustainCoverage", .number(round(comparison.faceToFacePlacesToSustainCoverage, 1))),
            ("coordinatorFTEForFullCoverage", comparison.coordinatorFTEForFullCoverage.isFinite
                ? .number(round(comparison.coordinatorFTEForFullCoverage, 2)) : .null),
            ("tiers", .array(TrainingTier.allCases.map(tierJSON))),
            ("totals", .object([("withCoordinator", totalJSON(comparison.withCoordinator)),
                                ("withoutCoordinator", totalJSON(comparison.withoutCoordinator))])),
            ("effects", effectsJSON),
            ("notes", .array(notes.map(JSONValue.string))),
            ("sources", .object(TrainingAssumptions.assumptionNames.compactMap { name in
                assumptionSet[name].map { (name.rawValue, .string(citation(of: $0))) }
            })),
        ]
        return .object(pairs)
    }

    private func tierJSON(_ tier: TrainingTier) -> JSONValue {
        let with = comparison.withCoordinator[tier], without = comparison.withoutCoordinator[tier]
        return .object([
            ("tier", .number(Double(tier.rawValue))),
            ("name", .string(tier.label)),
            ("audience", .string(tier.audience)),
            ("staff", .number(round(with.audience.total, 1))),
            ("employees", .number(round(with.audience.staff, 1))),
            ("councillors", .number(round(with.audience.councillors, 1))),
            ("costPerYear", .number(round(with.averageCostPerYear, 2))),
            ("yearsToCoverage", years(with.yearsToCoverage)),
            ("trainedPerYear", .number(round(with.averageTraineesPerYear, 1))),
            ("costPerYearWithCoordinator", .number(round(with.averageCostPerYear, 2))),
            ("costPerYearWithoutCoordinator", .number(round(without.averageCostPerYear, 2))),
            ("yearsToCoverageWithCoordinator", years(with.yearsToCoverage)),
            ("yearsToCoverageWithoutCoordinator", years(without.yearsToCoverage)),
            ("withCoordinator", caseJSON(with)),
            ("withoutCoordinator", caseJSON(without)),
        ])
    }

    private func caseJSON(_ outcome: TrainingTierOutcome) -> JSONValue {
        .object([
            ("trainedPerYear", .number(round(outcome.averageTraineesPerYear, 1))),
            ("costPerYear", .number(round(outcome.averageCostPerYear, 2))),
            ("costPerPlace", costPerPlace(outcome).map { .number(round($0, 2)) } ?? .null),
            ("yearsToCoverage", years(outcome.yearsToCoverage)),
            ("authoritiesNotCovered", .number(Double(outcome.authoritiesNotCovered))),
            ("trainedShareAtHorizon", .number(round(outcome.trainedShareAtHorizon, 4))),
            ("traineesByYear", .numbers(outcome.traineesByYear.map { round($0, 1) })),
            ("trainedByYear", .numbers(outcome.trainedByYear.map { round($0, 1) })),
            ("costByYear", .numbers(outcome.costByYear.map { round($0, 2) })),
        ])
    }

    private func totalJSON(_ outcomes: TierValues<TrainingTierOutcome>) -> JSONValue {
        let years = outcomes.awareness.costByYear.count
        let costByYear = (0..<years).map { year in outcomes.all.reduce(0) { $0 + $1.costByYear[year] } }
        return .object([
            ("costPerYear", .number(round(outcomes.all.reduce(0) { $0 + $1.averageCostPerYear }, 2))),
            ("costByYear", .numbers(costByYear.map { round($0, 2) })),
        ])
    }

    private var effectsJSON: JSONValue {
        let effects = assumptions.effects
        func measure(_ blend: (Double) -> Double, before: Double) -> JSONValue {
            .object([("untrained", .number(before)),
                     ("withCoordinator", .number(round(blend(comparison.withCoordinator.frontline.trainedShareAtHorizon), 4))),
                     ("withoutCoordinator", .number(round(blend(comparison.withoutCoordinator.frontline.trainedShareAtHorizon), 4)))])
        }
        return .object([
            ("atEndOfYear", .number(Double(comparison.horizon))),
            ("identifyConfidence", measure(effects.identifyConfidence(trainedShare:), before: effects.identifyConfidenceBefore)),
            ("actUnderstanding", measure(effects.actUnderstanding(trainedShare:), before: effects.actUnderstandingBefore)),
            ("reportingConfidenceImprovedShareOfTrainees", .number(effects.reportingConfidenceImproved)),
        ])
    }

    // MARK: Helpers

    private func cases(_ tier: TrainingTier) -> [(String, TrainingTierOutcome)] {
        [("with", comparison.withCoordinator[tier]), ("without", comparison.withoutCoordinator[tier])]
    }

    /// Average cost of a place over the horizon (cost / trainees), nil when no one is trained.
    private func costPerPlace(_ outcome: TrainingTierOutcome) -> Double? {
        let trainees = outcome.traineesByYear.reduce(0, +)
        return trainees > 0 ? outcome.costByYear.reduce(0, +) / trainees : nil
    }

    private func coverageCell(_ outcome: TrainingTierOutcome) -> ReportTable.Cell {
        if let years = outcome.yearsToCoverage { return .number(round(years, 4), decimals: 1) }
        if outcome.authorityCount > 1 {
            return .text("not reached in \(outcome.authoritiesNotCovered) of \(outcome.authorityCount)")
        }
        return .text("not reached")
    }

    private var notes: [String] {
        let a = assumptions
        let hourly = a.tiers.map { inputs in
            TrainingPlaceCost.hourlyStaffCost(fullTimeSalary: inputs.traineeSalary, rates: a.onCostRates,
                                              paidHoursPerYear: a.paidHoursPerYear)
        }
        let fte = comparison.totalCoordinatorFTE
        let perFTE = "each FTE training \(people(a.coordinatorPlacesPerFTE)) people a year face to face (Acting Local: 1,300 in two and a half years)"
        let who: String
        if let deploymentLabel {
            let none = comparison.authoritiesWithoutCoordinator
            let gap = none == 0 ? "" : "; \(none) of \(comparison.authorities.count) have none, so their two cases are the same"
            who = "With coordinators as deployed by \(deploymentLabel): \(NumberText.fixed(fte, decimals: 2)) FTE (shares of posts by cost share)\(gap); \(perFTE)"
        } else if authority != nil {
            who = "With a coordinator of \(NumberText.plain(fte)) FTE training \(people(a.coordinatorPlacesPerFTE * fte)) people a year face to face (Acting Local: 1,300 in two and a half years)"
        } else {
            who = "With a coordinator: \(NumberText.plain(comparison.authorities.isEmpty ? 0 : fte / Double(comparison.authorities.count))) FTE in each authority, \(perFTE)"
        }
        var lines = [
            "Tier 1: all staff (e-learning). Tier 2: frontline staff and councillors (face to face). Tier 3: specialists making NRM referrals (advanced). Specialists take all three.",
            "People: \(people(a.workforce)) council staff in England and Wales shared out by residents (district councils \(percent(a.districtWorkforceShare)) of a single-tier council's staff per resident, counties the rest); frontline \(percent(a.frontlineShare)), specialists \(percent(a.specialistShare)); \(NumberText.grouped(a.councillorsPerEnglishCouncil, decimals: 0)) councillors a council in England, \(NumberText.grouped(a.councillorsPerWelshCouncil, decimals: 0)) in Wales.",
            "\(who), on top of the council's own places for \(percent(a.faceToFacePlacesShareWithoutCoordinator)) of its staff a year; Tier 3 gets up to \(percent(a.specialistPriorityShare)) of places and a Tier 3 place counts as \(NumberText.plain(a.tiers.specialist.hoursPerTrainee / a.tiers.frontline.hoursPerTrainee)). E-learning completed by \(percent(a.awarenessUptakeWithCoordinator)) of staff a year (\(percent(a.awarenessUptakeWithoutCoordinator)) without).",
            "Cost a place: the trainee's time (\(NumberText.plain(a.tiers.awareness.hoursPerTrainee)), \(NumberText.plain(a.tiers.frontline.hoursPerTrainee)) and \(NumberText.plain(a.tiers.specialist.hoursPerTrainee)) hours at £\(NumberText.fixed(hourly.awareness, decimals: 2)), £\(NumberText.fixed(hourly.frontline, decimals: 2)) and £\(NumberText.fixed(hourly.specialist, decimals: 2)) an hour: NJC pay of \(taxYear)\(a.payBasis.sentence.map { ", \($0)," } ?? "") with \(taxYear) employer NI and \(percent(a.onCostRates.pensionRate)) pension over \(NumberText.grouped(a.paidHoursPerYear, decimals: 1)) paid hours; councillors' time not costed) plus delivery (£\(NumberText.plain(a.tiers.awareness.deliveryCostPerTrainee)), £\(NumberText.plain(a.tiers.frontline.deliveryCostPerTrainee)), £\(NumberText.plain(a.tiers.specialist.deliveryCostPerTrainee))). Real pounds. The coordinator's own pay is not included (msc cost).",
            "Years to full coverage: until everyone in the tier holds current training, renewed every \(a.tiers.awareness.refreshYears), \(a.tiers.frontline.refreshYears) and \(a.tiers.specialist.refreshYears) years; not reached when places cannot keep up with renewals.",
        ]
        lines.append(fteForCoverageNote)
        if authority == nil {
            lines.append("Totals over the authorities; full coverage is when the slowest authority gets there.")
        }
        lines.append("Most of these values are illustrative, with reasoning: Assumptions/training.yaml gives each with its source (msc assumptions lists them).")
        return lines
    }

    /// How much coordinator time full face-to-face coverage would take.
    private var fteForCoverageNote: String {
        let places = people(comparison.faceToFacePlacesToSustainCoverage)
        let needed = comparison.coordinatorFTEForFullCoverage
        let fte = needed.isFinite ? "about \(NumberText.fixed(needed, decimals: 1)) FTE" : "more than any number of FTE"
        let whose = authority == nil ? "across the authorities, each its own" : "here"
        return "Keeping everyone in Tiers 2 and 3 in current training takes \(places) face-to-face places a year on average (each renewed once per interval): \(fte) of coordinator time \(whose), beyond the council's own places."
    }

    private func citation(of assumption: Assumption) -> String {
        let source = assumption.sources.first?.citation ?? "no source; reasoning in \(assumption.origin)"
        return assumption.evidence == .sourced ? source : "\(source) [\(assumption.evidence.rawValue)]"
    }

    private func years(_ value: Double?) -> JSONValue { value.map { .number(round($0, 2)) } ?? .null }

    private func round(_ value: Double, _ decimals: Int) -> Double {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        return (value * scale).rounded() / scale
    }

    private func percent(_ fraction: Double) -> String { NumberText.plain((fraction * 1000).rounded() / 10) + "%" }

    private func people(_ count: Double) -> String { NumberText.grouped(count, decimals: 0) }
}

private extension Optional where Wrapped == Double {
    var orZero: Double { self ?? 0 }
}
