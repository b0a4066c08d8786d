import MSCModel

extension ScenarioPlan {
    /// One full-time post's yearly cost in the first year on the two bases the toolkit uses, in
    /// the scenario's tax year (its price base year), line by line so that they reconcile.
    public struct PostCostBases: Sendable, Equatable {
        /// The tax year whose National Insurance applies and whose pounds these are.
        public let taxYear: String
        /// What a council pays out for the post: salary, employer NI, pension, any apprenticeship
        /// levy and overheads at `msc cost`'s rates (none by default, as in the Acting Local
        /// report), and the operational budget. `msc share`, the council card and the pack's
        /// authority table give this.
        public let cash: PostCostBreakdown
        /// What the appraisal counts before optimism bias (`msc run`, `compare`, `decide`,
        /// `funding`): the same lines with the apprenticeship levy and overheads at the appraisal's
        /// rates (`appraisalApprenticeshipLevyRate`, `appraisalOverheadRate`).
        public let fullEconomic: PostCostBreakdown
    }

    /// The appraisal's central rates for a post costed at `cash` rates: the same NI, pension and
    /// operational budget, with the apprenticeship levy and overheads the appraisal adds.
    public func fullEconomicRates(from cash: PostCostRates) -> PostCostRates {
        let central = plan.model.costRates(plan.nationalInputs(plan.centralNationalValues), operationalBudget: cash.operationalBudget)
        var rates = cash
        rates.apprenticeshipLevyRate = central.apprenticeshipLevyRate
        rates.overheadRate = central.overheadRate
        return rates
    }

    /// The two bases for a full-time post at `fullTimeSalary` and `rates` (by default the
    /// scenario's own: ``costBasis``).
    public func postCostBases(fullTimeSalary: Double? = nil, rates: PostCostRates? = nil) -> PostCostBases {
        let salary = fullTimeSalary ?? costBasis.fullTimeSalary
        let cashRates = rates ?? costBasis.rates
        return PostCostBases(taxYear: costBasis.taxYear,
                             cash: PostCost.breakdown(fullTimeSalary: salary, rates: cashRates),
                             fullEconomic: PostCost.breakdown(fullTimeSalary: salary, rates: fullEconomicRates(from: cashRates)))
    }
}
