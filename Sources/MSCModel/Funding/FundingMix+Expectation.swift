extension FundingMix {
    /// The survival formula for independent sources with nothing absorbed and no gap tolerated
    /// (DESIGN 3.2): `S(t) = Π_i q_i^⌊t/T_i⌋`.
    public static func productSurvival(year: Int, termYears: [Int], renewalProbabilities: [Double]) -> Double {
        var survival = 1.0
        for (term, probability) in zip(termYears, renewalProbabilities) {
            survival *= Distribution.fixed(probability).rawMoment(order: year / term)!
        }
        return survival
    }

    /// The exact expected funding when each source's renewal probability is known (fixed values,
    /// e.g. one Monte Carlo draw of the renewal assumptions, or their central values), for a post
    /// whose councils pay `split` of its cost (empty for a post of one council).
    ///
    /// With no absorption and no gap this is ``productSurvival(year:termYears:renewalProbabilities:)``
    /// over the post's decisions; otherwise see ``analyticFunding(horizonYears:split:)``.
    public func expectedFunding(horizonYears: Int, renewalProbabilities: [Double], split: [Double] = []) -> FundingExpectation {
        precondition(renewalProbabilities.count == sources.count, "one renewal probability per source")
        return expectation(horizonYears: horizonYears, split: split) { source, renewals in
            Distribution.fixed(renewalProbabilities[source]).rawMoment(order: renewals)!
        }
    }

    /// The exact expected funding over the uncertainty in the renewal probabilities, or nil when a
    /// renewal distribution has no closed-form moments (normal, lognormal, triangular, PERT).
    ///
    /// Each decision draws its renewal probability q once and keeps it (each council its own, for
    /// a source decided per council), so a decision renewed k times survives with probability
    /// `E[q^k]`. A lapse is permanent, so the uncovered share only grows and the post is alive in
    /// year t exactly when the share uncovered by then is within the tolerated gap; the decisions
    /// are independent, so each is, in year t, still renewed (`E[q^k]`), lapsed and absorbed
    /// (`(1 − E[q^k])·absorb`, only for shares the host can take over) or lapsed and uncovered,
    /// independently of the others. Survival is then the chance that the uncovered shares add up
    /// to no more than the gap (``UncoveredShares``); with nothing absorbed and no gap tolerated it
    /// is `S(t) = Π_i E[q_i^⌊t/T_i⌋]` (for fixed q, `Π_i q_i^⌊t/T_i⌋`).
    public func analyticFunding(horizonYears: Int, split: [Double] = []) -> FundingExpectation? {
        guard hasMoments(horizonYears: horizonYears) else { return nil }
        return expectation(horizonYears: horizonYears, split: split) { source, renewals in
            sources[source].renewal.distribution.rawMoment(order: renewals)!
        }
    }

    /// The survival curve of ``analyticFunding(horizonYears:split:)``: chance the post is funded in each year.
    public func analyticSurvival(horizonYears: Int, split: [Double] = [], layout: SurvivalLayout? = nil) -> [Double]? {
        guard hasMoments(horizonYears: horizonYears) else { return nil }
        // The closure takes the sources alone: taking `self` copied the whole mix for each group.
        let sources = self.sources
        return expectation(horizonYears: horizonYears, split: split, survivalOnly: true, prepared: layout) { source, renewals in
            sources[source].renewal.distribution.rawMoment(order: renewals)!
        }.survival
    }

    /// The survival curve of ``expectedFunding(horizonYears:renewalProbabilities:split:)``, without
    /// working out who pays (the central case needs only this).
    public func expectedSurvival(horizonYears: Int, renewalProbabilities: [Double], split: [Double] = [],
                                 layout: SurvivalLayout? = nil) -> [Double] {
        precondition(renewalProbabilities.count == sources.count, "one renewal probability per source")
        return expectation(horizonYears: horizonYears, split: split, survivalOnly: true, prepared: layout) { source, renewals in
            Distribution.fixed(renewalProbabilities[source]).rawMoment(order: renewals)!
        }.survival
    }

    /// Whether every renewal distribution has the moments `E[q^k]` the horizon needs.
    private func hasMoments(horizonYears: Int) -> Bool {
        let longestRenewals = max(0, horizonYears - 1)
        return sources.allSatisfy { source in
            (0...(longestRenewals / source.termYears)).allSatisfy { source.renewal.distribution.rawMoment(order: $0) != nil }
        }
    }

    /// The expectation year by year, given the chance `stillRenewed(source, k)` that a decision of
    /// `source` is renewed at each of its first k renewal points; with `survivalOnly`, who pays is
    /// left at zero.
    private func expectation(horizonYears: Int, split: [Double], survivalOnly: Bool = false, prepared: SurvivalLayout? = nil,
                             stillRenewed: (Int, Int) -> Double) -> FundingExpectation {
        let host = hostAbsorbedIndex
        let limit = gapTolerance + Self.shareSumTolerance
        // What holds for every year (and for every central case of a search that keeps the gap):
        // the parts, which are larger than the gap, and the small ones' fitting combinations.
        let shape = prepared.flatMap { $0.fits(self, split: split, limit: limit) ? $0 : nil }
            ?? SurvivalLayout(mix: self, split: split, limit: limit)
        let parts = shape.parts, large = shape.large, small = shape.small, layout = shape.layout
        if survivalOnly, !usesProductFormula, let counts = layout.fittingCounts {
            return countedSurvival(horizonYears: horizonYears, parts: parts, large: large, counts: counts,
                                   stillRenewed: stillRenewed)
        }
        var survival: [Double] = [], uncoveredShare: [Double] = [], exact = true
        var shareByFunder = Array(repeating: [Double](), count: funderCount)
        for year in 0..<horizonYears {
            let renewed = sources.indices.map { stillRenewed($0, year / termYears[$0]) }
            if usesProductFormula {
                // Any lapse ends the post: the closed form itself, so the analytic mode equals
                // Π E[q_i^⌊t/T_i⌋] to the last digit.
                let alive = parts.reduce(1.0) { $0 * renewed[$1.source] }
                survival.append(alive)
                uncoveredShare.append(0)
                for funder in 0..<funderCount {
                    shareByFunder[funder].append(funder == host ? 0 : alive * initialShares[funder])
                }
                continue
            }
            // Each decision's chance, this year, of being renewed, absorbed or uncovered.
            let live = parts.map { renewed[$0.source] }
            let absorbed = parts.map { absorbedChance(source: $0.source, renewed: renewed[$0.source]) }
            let uncovered = parts.map { uncoveredChance(source: $0.source, renewed: renewed[$0.source]) }
            func largeCovered(except skipped: Int?) -> Double {
                large.reduce(1.0) { $1 == skipped ? $0 : $0 * (1 - uncovered[$1]) }
            }
            let smallShares = UncoveredShares(layout: layout, chances: small.map { uncovered[$0] })
            exact = exact && smallShares.isExact
            if survivalOnly {
                survival.append(largeCovered(except: nil) * smallShares.chanceAllFit())
                uncoveredShare.append(0)
                for funder in 0..<funderCount { shareByFunder[funder].append(0) }
                continue
            }
            let fitting = smallShares.chancesFitting()
            let smallFits = smallShares.chanceAllFit()  // as the survival-only path sums it, to the last digit
            // The chance the post is alive given that one decision is not uncovered.
            var aliveWithout = Array(repeating: 0.0, count: parts.count)
            var uncoveredTotal = 0.0
            for index in large { aliveWithout[index] = largeCovered(except: index) * smallFits }
            let allLargeCovered = largeCovered(except: nil)
            for (position, index) in small.enumerated() {
                let covered = 1 - uncovered[index]
                aliveWithout[index] = covered > 0 ? allLargeCovered * fitting.without[position] / covered : 0
                uncoveredTotal += parts[index].share * allLargeCovered * fitting.with[position]
            }
            var funderTotals = Array(repeating: 0.0, count: funderCount)
            for (index, part) in parts.enumerated() {
                funderTotals[part.source] += part.share * live[index] * aliveWithout[index]
                funderTotals[host] += part.share * absorbed[index] * aliveWithout[index]
            }
            survival.append(allLargeCovered * smallFits)
            uncoveredShare.append(uncoveredTotal)
            for funder in 0..<funderCount { shareByFunder[funder].append(funderTotals[funder]) }
        }
        return FundingExpectation(survival: survival, shareByFunder: shareByFunder, uncoveredShare: uncoveredShare,
                                  isExact: exact)
    }
}

extension FundingMix {
    /// The chance that a decision of `source`, still renewed with chance `renewed`, has lapsed and
    /// been absorbed by the host (only a share the host can take over).
    fileprivate func absorbedChance(source: Int, renewed: Double) -> Double {
        absorbable[source] ? (1 - renewed) * absorbProbability : 0
    }

    /// The chance that a decision of `source`, still renewed with chance `renewed`, has lapsed and
    /// is left uncovered: one rule for each part and for each source's parts together.
    fileprivate func uncoveredChance(source: Int, renewed: Double) -> Double {
        Swift.max(0, 1 - renewed - absorbedChance(source: source, renewed: renewed))
    }

    /// The survival curve alone when the small parts' fitting combinations are counted by source
    /// (``FittingCounts``): a decision's chance of being uncovered depends only on its source, so
    /// it is worked out once per source by the rule each part uses in
    /// ``expectation(horizonYears:split:survivalOnly:prepared:stillRenewed:)``, and the values are
    /// the same. Every central case of a switching-value search that moves a renewal chance comes
    /// here for every funding group, so the years reuse one buffer on the stack.
    fileprivate func countedSurvival(horizonYears: Int, parts: [Part], large: [Int], counts: FittingCounts,
                                     stillRenewed: (Int, Int) -> Double) -> FundingExpectation {
        var survival: [Double] = []
        survival.reserveCapacity(max(0, horizonYears))
        withUnsafeTemporaryAllocation(of: Double.self, capacity: max(1, sources.count)) { uncoveredBySource in
            for year in 0..<horizonYears {
                for source in sources.indices {
                    uncoveredBySource[source] = uncoveredChance(source: source, renewed: stillRenewed(source, year / termYears[source]))
                }
                let largeCovered = large.reduce(1.0) { $0 * (1 - uncoveredBySource[parts[$1].source]) }
                survival.append(largeCovered * counts.chanceAllFit(chanceBySource: UnsafeBufferPointer(uncoveredBySource)))
            }
        }
        let zeros = [Double](repeating: 0, count: survival.count)
        return FundingExpectation(survival: survival, shareByFunder: Array(repeating: zeros, count: funderCount),
                                  uncoveredShare: zeros, isExact: true)
    }
}

/// What a post's expected survival needs that does not change with the renewal chances or the
/// host's chance to absorb: its decisions (parts), which of them are larger than the tolerated gap,
/// and the fitting combinations of the others, counted by source. Worked out once per funding
/// group, it serves every central case of a switching-value search that keeps the gap. A class,
/// so handing it to each group's survival takes one reference, not one for each of its arrays.
public final class SurvivalLayout: Sendable {
    let sourceShares: [Double]
    let split: [Double]
    let limit: Double
    let parts: [FundingMix.Part]
    /// Parts larger than the gap end the post when uncovered; the small ones add up.
    let large: [Int]
    let small: [Int]
    let layout: UncoveredShares.Layout

    /// The layout of `mix`'s posts split `split` among councils, at the mix's own tolerated gap.
    public convenience init(mix: FundingMix, split: [Double]) {
        self.init(mix: mix, split: split, limit: mix.gapTolerance + FundingMix.shareSumTolerance)
    }

    init(mix: FundingMix, split: [Double], limit: Double) {
        sourceShares = mix.sources.map(\.share)
        self.split = split
        self.limit = limit
        let parts = mix.parts(split: split)
        let small = parts.indices.filter { parts[$0].share <= limit }
        self.parts = parts
        large = parts.indices.filter { parts[$0].share > limit }
        self.small = small
        // A part's chance of being uncovered depends only on its source, so the fitting
        // combinations are counted once by source for every year.
        layout = UncoveredShares.Layout(shares: small.map { parts[$0].share }, limit: limit,
                                        classes: small.map { parts[$0].source })
    }

    /// Whether this layout is the one `mix` would work out for `split` within `limit`.
    func fits(_ mix: FundingMix, split: [Double], limit: Double) -> Bool {
        self.limit == limit && self.split == split && sourceShares.count == mix.sources.count
            && zip(sourceShares, mix.sources).allSatisfy { $0 == $1.share }
    }
}
