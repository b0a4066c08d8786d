import MSCSimulation

/// What the frontier says about where to stop, in one set of words for the table's notes, the
/// chart's key and text alternative, and the JSON: the budgets between which the marginal cost of
/// an identification first passes the value of one, and where net benefit a year and expected
/// NPV are highest (these differ, and a reader told only one of them would misread the other).
enum FrontierThreshold {
    /// The crossing as a range of budgets: "between £11,820,471 and £13,002,518 a year".
    static func crossingRange(_ r: Targeting.IndexResult) -> String? {
        guard let to = r.thresholdCrossingBudget else { return nil }
        guard let from = r.thresholdCrossingFromBudget else { return "at \(TargetReport.pounds(to)) a year" }
        return "between \(TargetReport.pounds(from)) and \(TargetReport.pounds(to)) a year"
    }

    /// The chart's key: short.
    static func key(_ result: Targeting.Result, _ r: Targeting.IndexResult) -> String {
        let value = TargetReport.pounds(result.expectedValuePerIdentification)
        return crossingRange(r).map { "marginal cost per identification passes \(value) (its value) \($0)" }
            ?? "marginal cost per identification stays below its value (\(value))"
    }

    /// The full sentence: the threshold, where it is first passed, and the two peaks with why they differ.
    static func sentence(_ result: Targeting.Result, _ r: Targeting.IndexResult) -> String {
        var text = "Threshold: the expected value of an identification, \(TargetReport.pounds(result.expectedValuePerIdentification)). "
        text += crossingRange(r).map { "The marginal cost of an identification first passes it \($0) (frontier budgets either side)." }
            ?? "The marginal cost of an identification stays below it across the frontier."
        if let net = r.netBenefitPeakBudget, let npv = r.netPresentValuePeakBudget {
            text += " Of the frontier's budgets, expected net benefit a year is highest at \(TargetReport.pounds(net)) a year and "
            text += npv == net ? "expected NPV over \(result.horizonYears) years at the same budget."
                : "expected NPV over \(result.horizonYears) years at \(npv < net ? "a lower" : "a higher") one, \(TargetReport.pounds(npv)): "
                    + "the NPV is not a year's net benefit scaled up, as it adds optimism bias to the posts' cost, subtracts the "
                    + "public costs identifications trigger and discounts each flow as the appraisal does."
        }
        return text
    }
}
