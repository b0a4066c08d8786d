import Foundation
import MSCModel
import MSCSimulation

/// A Green Book reviewer's checklist for one scenario (DESIGN 3.7): discounting, price base,
/// appraisal period, optimism bias and why, the benefit evidence reduction, full economic cost,
/// additionality, what is and is not monetised, a distributional note, and each key input's
/// switching value set against its evidence grade. Every sentence is written from the parameters
/// the scenario ran with.
public struct GreenBookChecklist {
    public let plan: ScenarioPlan
    public let switchingValues: [SwitchingValue]

    /// The run with every input at its central value (posts weighted by expected survival).
    public let centralInputs: ScenarioOutcome

    /// The benefit inputs whose values are judgements (illustrative), and the rate ratio, which
    /// rests on the illustrative causal share: what would have to be true for the case to pay.
    public let judgedBenefitInputs: [String]
    /// Those inputs moved together towards the favourable ends of their ranges (``JointSwitchingValue``).
    public let joint: JointSwitchingValue

    public init(plan: ScenarioPlan, switchingValues: [SwitchingValue], centralInputs: ScenarioOutcome) {
        self.plan = plan
        self.switchingValues = switchingValues
        self.centralInputs = centralInputs
        let judged = AppraisalAdjustments.benefitInputNames.filter { name in
            name == .identificationRateRatio || plan.assumptions[name]?.evidence == .illustrative
        }.map(\.rawValue)
        let inModel = plan.plan.nationalAssumptions.filter { judged.contains($0.name) && $0.distribution.isUncertain }.map(\.name)
        judgedBenefitInputs = inModel
        joint = JointSwitchingValue.solve(plan: plan.plan, names: inModel)
    }

    /// "What would have to be true": the judged benefit inputs' switching values one at a time,
    /// then jointly, in one place.
    public var whatWouldHaveToBeTrue: String {
        let money = { (value: Double) in (value < 0 ? "-£" : "£") + NumberText.grouped(abs(value) / 1e6, decimals: 1) + "m" }
        let single = gradedSwitches.filter { judgedBenefitInputs.contains($0.value.name) }.map(\.sentence)
        let oneAtATime = single.isEmpty ? "none of them is solved" : single.joined(separator: "; ")
        let moves = joint.moves.map { "\($0.name) \(GradedSwitch.shown($0.central)) → \(GradedSwitch.shown($0.atSwitch))" }.joined(separator: ", ")
        let jointly: String
        if joint.npvAtCentral >= 0 {
            jointly = "NPV is already \(money(joint.npvAtCentral)) at the central inputs."
        } else if let step = joint.step {
            jointly = "Jointly: NPV reaches zero if all of them move together \(GreenBookChecklist.percent(step)) of the way from their central values to the favourable end of their 90% ranges (\(moves)); each is then less extreme than it would have to be alone, but all must hold at once."
        } else {
            jointly = "Jointly: even with all of them at the favourable end of their 90% ranges at once (\(moves)), NPV is \(money(joint.npvAtFavourableEnds)): no combination inside their ranges makes the case pay."
        }
        return "At the central inputs NPV is \(money(joint.npvAtCentral)). The inputs that are judgements (illustrative), and the rate ratio that rests on one, one at a time (others central): \(oneAtATime). \(jointly)"
    }

    /// The checklist of a central case already solved for its switching values.
    public init(_ central: CentralCaseReport) {
        self.init(plan: central.plan, switchingValues: central.switchingValues, centralInputs: central.outcome)
    }

    /// The checklist for `plan` from its central case and switching values.
    public init(plan: ScenarioPlan, analysis: CentralCaseAnalysis) {
        self.init(plan: plan, switchingValues: analysis.switchingValues, centralInputs: analysis.outcome)
    }

    /// The central-input run as JSON, for beside the Monte Carlo mean.
    public var centralInputsJSON: JSONValue {
        .object([("costPerIdentification", .number(centralInputs.costPerIdentification)),
                 ("additionalIdentifications", .number(centralInputs.totalIdentifications)),
                 ("pvCosts", .number(centralInputs.presentValueCosts)),
                 ("pvProgrammeCosts", .number(centralInputs.presentValueProgrammeCosts)),
                 ("pvTriggeredCosts", .number(centralInputs.presentValueTriggeredCosts)),
                 ("pvBenefits", .number(centralInputs.presentValueBenefits)),
                 ("npv", .number(centralInputs.netPresentValue)),
                 ("bcr", .number(centralInputs.benefitCostRatio))])
    }

    /// One row of the checklist: the point a reviewer checks, and what this appraisal does.
    public struct Item: Sendable {
        public let point: String
        public let text: String
    }

    /// A switching value with the evidence behind its input.
    public struct GradedSwitch: Sendable {
        public let value: SwitchingValue
        public let evidence: Evidence?
        /// The input's 5th and 95th percentiles (nil when it is fixed or unknown).
        public let range: ClosedRange<Double>?
        /// True when the switching value lies inside that range: the case can turn on this input.
        public var insideRange: Bool { guard let range, let at = value.switchingValue else { return false }; return range.contains(at) }

        /// "NPV falls below zero if x falls below y; x is illustrative, and y lies inside its 90% range (a to b)."
        public var sentence: String {
            var text = value.statement
            guard let evidence else { return text }
            text += "; \(value.name) is \(evidence.rawValue)"
            if let range, let at = value.switchingValue {
                let where_ = range.contains(at) ? "lies inside" : "lies outside"
                text += ", and \(Self.shown(at)) \(where_) its 90% range (\(Self.shown(range.lowerBound)) to \(Self.shown(range.upperBound)))"
            }
            return text
        }

        static func shown(_ value: Double) -> String {
            abs(value) >= 100 ? NumberText.grouped(value, decimals: 0) : NumberText.plain((value * 1000).rounded() / 1000)
        }

        /// The same figure as a number cell (a spreadsheet or CSV gets a number, not "45,959"),
        /// rounded as ``shown(_:)`` writes it and shown with as many decimals as that needs.
        static func cell(_ value: Double) -> ReportTable.Cell {
            guard value.isFinite else { return .text("n/a") }
            if abs(value) >= 100 { return .number(value.rounded(), decimals: 0) }
            let rounded = (value * 1000).rounded() / 1000
            let decimals = (0...3).first { places in
                let scale = pow(10, Double(places))
                return abs((rounded * scale).rounded() / scale - rounded) < 1e-12
            } ?? 3
            return .number(rounded, decimals: decimals)
        }
    }

    private func assumption(_ name: AssumptionName) -> Assumption? { plan.assumptions[name] }
    /// The assumption as the plan runs it (the salary in price-base-year pounds, the unit cost
    /// uprated), else as loaded.
    private func assumptionRun(_ name: String) -> Assumption? {
        ([plan.plan.salary, plan.plan.operationalBudget] + plan.plan.nationalAssumptions).first { $0.name == name }
            ?? plan.assumptions.byName[name]
    }
    private func value(_ name: AssumptionName) -> Double { assumption(name)?.value ?? .nan }

    static func percent(_ fraction: Double) -> String {
        let value = (fraction * 1000).rounded() / 10
        return value == value.rounded() ? "\(Int(value))%" : "\(value)%"
    }

    static func pounds(_ value: Double) -> String { "£" + NumberText.grouped(value, decimals: 0) }

    /// Which year's pay the salary is: brought forward by the pay awards, or set by the scenario.
    private var salaryBasis: String {
        let basis = plan.costBasis
        if basis.salariesSetInTaxYear.contains(plan.plan.salary.name) { return "\(basis.taxYear) pay as the scenario or --set gives it" }
        return basis.shippedPayAdjustment.sentence ?? "\(basis.taxYear) pay"
    }

    /// A distribution's summary in words, e.g. "illustrative, triangular(0.05, 0.25, 0.5)".
    private func described(_ name: AssumptionName) -> String {
        guard let a = assumption(name) else { return name.rawValue }
        return "\(a.evidence.rawValue), \(a.distribution.isUncertain ? a.distribution.summary : "fixed")"
    }

    /// What the benefit counts of children and why, from the share the plan runs (nil when the
    /// plan has no such input).
    public var childComponentStatement: String? {
        guard let share = assumptionRun(ChildIdentifications.shareAssumption.rawValue) else { return nil }
        let children = NumberText.grouped(value(.laChildNRMReferrals2023), decimals: 0)
        guard share.value > 0 || share.distribution.isUncertain else {
            return "Children are left out of the benefits: \(ChildIdentifications.shareAssumption) is 0, so no part of a post's uplift reaches the \(children) children councils referred to the NRM in 2023, and the figures are the adults' alone."
        }
        let spread = share.distribution.isUncertain ? "\(share.evidence.rawValue), \(share.distribution.summary), mean \(Self.percent(share.distribution.mean))" : "\(share.evidence.rawValue), fixed"
        return "Children are an explicit, uncertain part of the benefit: \(Self.percent(share.value)) (\(ChildIdentifications.shareAssumption), \(spread)) of each post's proportional uplift reaches the \(children) children councils referred to the NRM in 2023 (\(NumberText.fixed(plan.model.childReferralsPerAdultIdentification, decimals: 2)) per adult identification), net of what children's services would have referred anyway. Each additional child is valued at the adults' value of an NRM referral (Research Report 100's unit cost; no sourced cost of a child victim was found) and triggers the decision, police and council costs of a referral, not the adult support contract. Children are counted apart from the adults (cost per additional identification is per adult); the NPV without this component is shown beside the mean, and a share of 0 gives the adults-only figures exactly."
    }

    /// The graded switching values, in the order solved.
    public var gradedSwitches: [GradedSwitch] {
        switchingValues.map { value in
            let found = assumptionRun(value.name)
            var range: ClosedRange<Double>?
            if let found, found.distribution.isUncertain {
                let low = found.quantile(0.05), high = found.quantile(0.95)
                if low.isFinite, high.isFinite, low <= high { range = low...high }
            }
            return GradedSwitch(value: value, evidence: found?.evidence, range: range)
        }
    }

    /// The checklist's points, written from the scenario's parameters.
    public var items: [Item] {
        let scenario = plan.scenario
        let timing = scenario.timing
        let years = scenario.horizonYears
        let lastYear = timing.year(years - 1)
        let factors = plan.discountFactors
        var items: [Item] = []
        let bands = GreenBook.bandAssumptions.prefix(2).map { band in
            "\(Self.percent(value(band.name))) a year from year \(band.firstYear)"
        }
        items.append(Item(point: "Price base",
                          text: "Real terms, \(scenario.priceBaseYear) prices. The Home Office unit cost of a victim (\(assumption(.unitCostPerVictim)?.periods.last ?? "its price year") prices) is uprated with the GDP deflator, projected at \(Self.percent(value(.gdpDeflatorProjectedGrowth))) a year past the published series."))
        items.append(Item(point: "Discounting",
                          text: "Green Book social time preference rate, \(bands.joined(separator: ", then ")) (Table 6.1), counted from the price base year \(scenario.priceBaseYear): the first programme year, \(timing.firstYear), has discount factor \(NumberText.fixed(factors.first ?? 1, decimals: 4)). Health effects, the QALY-based harms that are \(Self.percent(value(.healthShareOfAvoidableHarm))) of the benefits (healthShareOfAvoidableHarm, \(described(.healthShareOfAvoidableHarm))), are discounted at the Green Book health rate, \(Self.percent(value(.healthDiscountRate))) (Discounting supplementary guidance, Table A.2); lost output at the standard rate."))
        items.append(Item(point: "Appraisal period",
                          text: "\(timing.firstYear) to \(lastYear) (\(years) years). Costs and benefits stop at the horizon; no residual value is counted."))
        let adjustments = try? AppraisalAdjustments(scenario: scenario, assumptions: plan.assumptions)
        if let adjustments {
            items.append(Item(point: "Optimism bias", text: adjustments.optimismBiasStatement))
            items.append(Item(point: "Benefit evidence reduction", text: adjustments.benefitReductionStatement))
        }
        items.append(Item(point: "Full economic cost",
                          text: "Each post costs its salary (\(Self.pounds(plan.plan.salary.value)) central, \(salaryBasis)), employer NI, pension (\(Self.percent(value(.pensionRate)))), apprenticeship levy (\(Self.percent(value(.appraisalApprenticeshipLevyRate))), \(described(.appraisalApprenticeshipLevyRate))), overheads (\(Self.percent(value(.appraisalOverheadRate))) of salary, \(described(.appraisalOverheadRate))) and an operational budget (\(Self.pounds(plan.plan.operationalBudget.value)) central). The report's £57,533 (`msc cost --operational-budget 0`) leaves out levy, overheads and budget: it is the report's basis, not the appraisal's."))
        let existing = Int(value(.coordinatorAuthorities2023))
        items.append(Item(point: "Additionality",
                          text: "Of the extra identifications a post causes, \(Self.percent(value(.displacementShare))) (\(described(.displacementShare))) are taken to be referrals other first responders would have made anyway and are not counted. Only \(Self.percent(value(.causalShare))) of the cross-sectional association on the log scale is put down to the post (causalShare, \(described(.causalShare))). The \(existing) posts that exist today count at full effect from the first year, so in a rollout their councils add nothing new."))
        items.append(Item(point: "Monetised",
                          text: "Benefits: harms and lost output avoided, unit cost × avoidable share (\(Self.percent(value(.avoidableHarmShare)))) × share avoided (\(Self.percent(value(.harmAvoidedShare)))) × share confirmed as victims (\(Self.percent(value(.conclusiveGroundsPositiveShare)))) per NRM referral; a Duty to Notify report at \(Self.percent(value(.dutyToNotifyRelativeValue))) of that. Costs: the posts (with optimism bias), and the public costs identifications trigger, by body: Home Office decisions (\(Self.pounds(value(.decisionCostPerReferral))) a referral), Home Office support contract (\(Self.pounds(value(.supportContractCostPerAdultSupported))) per adult × \(Self.percent(value(.reasonableGroundsPositiveShare))) positive reasonable-grounds decisions), NHS (\(Self.pounds(value(.healthCostPerAdultSupported))) per adult supported), police (\(Self.pounds(value(.policeCostPerReferral))) a referral), councils (\(Self.pounds(value(.councilCostPerIdentification))) an identification)."))
        items.append(Item(point: "Not monetised",
                          text: "Staff trained, prevention and disruption of exploitation, partnership work with police and support providers, prosecutions, child victims beyond the share stated under Children (councils made \(NumberText.grouped(value(.laChildAndUnknownAgeNRMReferrals2023), decimals: 0)) NRM referrals of children or of unknown age in 2023 against \(NumberText.grouped(value(.laAdultNRMReferrals2023), decimals: 0)) of adults), criminal justice costs (not estimated in Research Report 100) and victims' wellbeing beyond the harms costed there. NPV and BCR rest on the monetised share of harm only; cost per additional identification needs no money value."))
        if let children = childComponentStatement { items.append(Item(point: "Children", text: children)) }
        items.append(Item(point: "Distributional note",
                          text: "The people identified are adults referred by councils; of all NRM referrals, \(Self.percent(value(.nrmReferralsMaleShare2023))) were male in 2023 and \(Self.percent(value(.nrmReferralsUKNationalShare2024))) UK nationals in 2024 (no split for council referrals was found). No distributional weights are applied; the Green Book allows them if asked for."))
        items.append(Item(point: "What would have to be true", text: whatWouldHaveToBeTrue))
        items.append(Item(point: "Central estimate",
                          text: "The appraisal's central estimate is the expected value over the uncertainty (the Monte Carlo mean). The run with every input at its central value is shown beside it, labelled; the two differ because several inputs are skewed (the rate ratio is lognormal, many ranges are asymmetric), so the mean of the outcomes is not the outcome at the central inputs."))
        return items
    }

    /// The checklist and the switching values as two tables.
    public var tables: [ReportTable] {
        let name = plan.scenario.name
        var checklist = ReportTable(title: "\(name): Green Book reviewer's checklist",
                                    columns: [.init("Point", key: "point"), .init("This appraisal", key: "text")])
        for item in items { checklist.append([.text(item.point), .text(item.text)]) }
        var switches = ReportTable(
            title: "\(name): switching values against the evidence behind each input",
            columns: [.init("Input", key: "input"), .init("Evidence", key: "evidence"), .init("Central", key: "central"),
                      .init("Switching value", key: "switchingValue"), .init("Inside its 90% range", key: "insideRange"),
                      .init("Reading", key: "reading")])
        for graded in gradedSwitches.sorted(by: Self.order) {
            switches.append([.text(graded.value.name), .text(graded.evidence?.rawValue ?? "n/a"),
                             GradedSwitch.cell(graded.value.central),
                             graded.value.switchingValue.map(GradedSwitch.cell) ?? .text("none"),
                             .text(graded.range == nil ? "fixed" : (graded.insideRange ? "yes" : "no")),
                             .text(graded.sentence)])
        }
        switches.notes = ["Each input moved alone, all others at their central values. An input whose switching value lies inside its own 90% range, and whose evidence is illustrative, is where the case is weakest."]
        return [checklist, switches]
    }

    /// The same for a terminal, where cells are cut at ``TextTableWriter/maximumCellWidth``: the
    /// checklist as numbered lines, and each switching value's full sentence under its table.
    public var terminalTables: [ReportTable] {
        let full = tables
        var checklist = ReportTable(title: full[0].title, columns: [])
        checklist.notes = items.map { "\($0.point): \($0.text)" }
        var switches = full[1]
        switches.columns.removeLast()
        switches.rows = switches.rows.map { Array($0.dropLast()) }
        let sorted = gradedSwitches.sorted(by: Self.order)
        let without = sorted.filter { $0.value.switchingValue == nil }.map(\.value.name)
        switches.notes = sorted.filter { $0.value.switchingValue != nil }.map(\.sentence)
            + (without.isEmpty ? [] : ["No switching value within the range searched (NPV keeps its sign, each moved alone): \(without.joined(separator: ", "))."])
            + full[1].notes
        return [checklist, switches]
    }

    /// Switches inside their range first, weakest evidence first.
    static func order(_ a: GradedSwitch, _ b: GradedSwitch) -> Bool {
        if a.insideRange != b.insideRange { return a.insideRange }
        let grades = BenefitEvidenceAdjustment.gradesByStrength
        let ga = a.evidence.flatMap { grades.firstIndex(of: $0) } ?? -1
        let gb = b.evidence.flatMap { grades.firstIndex(of: $0) } ?? -1
        if ga != gb { return ga > gb }
        return a.value.name < b.value.name
    }

    public var json: JSONValue {
        .object([
            ("scenario", .string(plan.scenario.name)),
            ("centralInputRun", centralInputsJSON),
            ("items", .array(items.map { .object([("point", .string($0.point)), ("text", .string($0.text))]) })),
            ("jointSwitchingValue", .object([
                ("step", joint.step.map { .number($0) } ?? .null),
                ("npvAtCentral", .number(joint.npvAtCentral)),
                ("npvAtFavourableEnds", .number(joint.npvAtFavourableEnds)),
                ("inputs", .array(joint.moves.map { move in
                    .object([("name", .string(move.name)), ("central", .number(move.central)),
                             ("favourable", .number(move.favourable)), ("atSwitch", .number(move.atSwitch))])
                })),
            ])),
            ("switchingValues", .array(gradedSwitches.sorted(by: Self.order).map { graded in
                .object([("name", .string(graded.value.name)), ("evidence", graded.evidence.map { .string($0.rawValue) } ?? .null),
                         ("central", .number(graded.value.central)),
                         ("switchingValue", graded.value.switchingValue.map { .number($0) } ?? .null),
                         ("p5", graded.range.map { .number($0.lowerBound) } ?? .null),
                         ("p95", graded.range.map { .number($0.upperBound) } ?? .null),
                         ("insideRange", .bool(graded.insideRange)),
                         ("statement", .string(graded.sentence))])
            })),
        ])
    }
}
