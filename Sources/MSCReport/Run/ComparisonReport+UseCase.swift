import MSCModel
import MSCSimulation

extension ComparisonReport {
    /// The comparison every front end shows (`msc run`, `msc compare`, the page's run and compare,
    /// the evidence pack): the runs against each one's baseline (``ComparisonPlans``), what each
    /// scenario's money rests on, how the baselines were chosen, and each scenario's Green Book
    /// checklist. `centralCases` (one per plan) reuses central cases already worked out, such as
    /// a pack's; by default each is worked out here.
    public static func appraised(_ resolved: ComparisonPlans, results: [SimulationResult], manifest: RunManifest,
                                 centralCases: [CentralCaseAnalysis]? = nil) throws -> ComparisonReport {
        let plans = resolved.plans
        var report = ComparisonReport(results: results, baselineIndex: resolved.baselineIndex, manifest: manifest,
                                      bases: try plans.map(AppraisalBasis.init(plan:)), baselineNotes: resolved.notes)
        let cases = try centralCases ?? plans.map { try CentralCaseAnalysis(plan: $0.plan) }
        report.appraisals = zip(plans, cases).map { GreenBookChecklist(plan: $0, analysis: $1) }
        return report
    }
}
