import Foundation

extension FundingMix {
    /// The chance that one national decision ends every post together within the horizon, or nil
    /// when no source decided nationally can end a post on its own (none is national, or its share
    /// is within the tolerated gap, or hosts may take it over).
    ///
    /// A national source re-decided every T years passes ⌊(H − 1)/T⌋ renewal points before the
    /// last year of an H-year horizon; with q drawn once for the programme it survives all of them
    /// with probability E[q^k]. The programme lasts only if every such source does:
    /// `1 − Π_i E[q_i^k_i]` (exact; independent national decisions).
    public func programmeEndProbability(horizonYears: Int) -> Double? {
        let ending = sources.filter { source in
            source.decidedNationally && source.share > gapTolerance + Self.shareSumTolerance
                && (absorbProbability == 0 || !source.kind.isAbsorbableByHost)
        }
        guard !ending.isEmpty else { return nil }
        var lasts = 1.0
        for source in ending {
            let renewals = max(0, (horizonYears - 1) / source.termYears)
            lasts *= source.renewal.distribution.rawMoment(order: renewals) ?? Foundation.pow(source.renewal.value, Double(renewals))
        }
        return 1 - lasts
    }
}
