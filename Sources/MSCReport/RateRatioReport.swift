import Foundation
import MSCModel

/// `msc assumptions --explain identificationRateRatio`: every reading of the Acting Local 18% side
/// by side, and how they become the lognormal the model draws from (``RateRatioDerivation``).
public enum RateRatioReport {
    public static func table(_ derivation: RateRatioDerivation) -> ReportTable {
        let facts = derivation.facts
        var table = ReportTable(
            title: "\(AssumptionName.identificationRateRatio): every reading of \"the \(Int(facts.coordinatorAuthorities)) with a coordinator made \(GreenBookChecklist.percent(facts.coordinatorShare)) of local authorities' adult NRM referrals\"",
            columns: [.init("Compared with", key: "comparison"), .init("Councils", key: "councils"),
                      .init("Basis", key: "basis"), .init("Outcome", key: "outcome"),
                      .init("Crude ratio per council", key: "crudeRatio"), .init("Host population ratio", key: "hostPopulationRatio"),
                      .init("Adjusted ratio", key: "adjustedRatio"), .init("Share of NRM + DtN it applies to", key: "outcomeWeight"),
                      .init("Rate ratio caused (central causal share)", key: "rateRatio")])
        for r in derivation.readings {
            table.append([.text(r.comparison.rawValue), .number(r.comparisonCouncils, decimals: 0), .text(r.basis.rawValue),
                          .text(r.outcome.rawValue), .number(r.crudeRatio, decimals: 2), .number(r.hostPopulationRatio, decimals: 2),
                          .number(r.adjustedRatio, decimals: 2), .number(r.outcomeWeight, decimals: 3),
                          .number(r.rateRatioAtCentralCausalShare, decimals: 2)])
        }
        let odds = facts.coordinatorShare / (1 - facts.coordinatorShare)
        let f = { (v: Double, d: Int) in NumberText.fixed(v, decimals: d) }
        let placement: String
        switch derivation.placement {
        case .mostPopulousSingleTier: placement = "the \(derivation.hostCodes.count) most populous single-tier councils, as Scenarios/status-quo.yaml places today's posts (illustrative: the report does not name them; flag the real ones has_msc in authorities.csv and both follow)"
        case .flagged: placement = "the \(derivation.hostCodes.count) councils flagged has_msc in the authority table (as status-quo places them)"
        case .listed: placement = "the councils listed"
        }
        let interval = (exp(derivation.logMean - 1.6449 * derivation.logSD), exp(derivation.logMean + 1.6449 * derivation.logSD))
        table.notes = [
            "Crude ratio = share / (1 − share) × councils compared / coordinator councils = \(f(odds, 4)) × councils / \(Int(facts.coordinatorAuthorities)). The councils that referred an adult: \(Int(facts.authoritiesReferringAdults)) − \(Int(facts.coordinatorAuthorities)) (taken to be as large on average as all other councils).",
            "Host population ratio (per resident): the mean population of the host councils (\(NumberText.grouped(derivation.hostMeanPopulation, decimals: 0))) over that of the councils compared. Hosts: \(placement).",
            "NRM only: the 18% counts NRM referrals; if a post raises them alone, the model's base of NRM + DtN rises by (ratio − 1) × \(f(facts.nrmShare, 3)) (= \(Int(facts.adultReferrals)) / (\(Int(facts.adultReferrals)) + \(Int(facts.dutyToNotifyReports)))).",
            "Caused by the post: adjusted ratio ^ \(AssumptionName.causalShare) (central \(f(derivation.centralCausalShare, 2))); the rest of the association on the log scale is put down to selection.",
            "Distribution: ln RR averaged over the \(derivation.readings.count) readings (equal weights) and \(derivation.causalShareGrid.count) quantiles of \(AssumptionName.causalShare) has mean \(f(derivation.logMean, 4)); its standard deviation with the 18%'s sampling error (variance \(f(derivation.samplingLogVariance, 4))) is \(f(derivation.logSDBeforeFloor, 3)), held at no less than \(f(facts.minimumLogSD, 2)): logSD = \(f(derivation.logSD, 3)).",
            "\(AssumptionName.identificationRateRatio) = lognormal(logMean \(f(derivation.logMean, 4)), logSD \(f(derivation.logSD, 3))): median \(f(derivation.centralRateRatio, 3)), 90% interval \(f(interval.0, 2)) to \(f(interval.1, 2)); the readings run from \(f(derivation.readings.map(\.rateRatioAtCentralCausalShare).min() ?? 0, 2)) to \(f(derivation.readings.map(\.rateRatioAtCentralCausalShare).max() ?? 0, 2)).",
            "Coverage: this is the ratio in the host councils at their own coverage, which is what the 18% measures\(derivation.hostCoverageAtCentralInputs.map { " (at the central coverage inputs a host's single post gives it \(f($0, 3)) of a full post's effect, weighted by baseline identifications)" } ?? ""). The model applies RR_full = 1 + max(0, RR − 1) / c̄ at full coverage, c̄ worked out in each draw from that draw's coverage inputs, so that the model run on the hosts gives back the 18% share\(derivation.hostCoverageAtCentralInputs.map { " (central RR_full \(f(1 + (derivation.centralRateRatio - 1) / $0, 3)))" } ?? "").",
            "No effect: a draw at or below 1 (probability \(f(100 * derivation.probabilityNoEffect, 1))%) is a post that adds nothing, not one that reduces identifications (no mechanism for that has been offered); holding those draws at 1 raises the mean ratio from \(f(derivation.meanRateRatio, 3)) to \(f(derivation.meanRateRatioHeldAtOne, 3)).",
        ]
        return table
    }
}
