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
    /// e.g. one Monte Carlo draw of the renewal assumptions, or their central values).
    ///
    /// With no absorption and no gap this is ``productSurvival(year:termYears:renewalProbabilities:)``;
    /// otherwise every combination of lapse outcomes (renewed, absorbed, uncovered per source) is
    /// enumerated year by year, at most 3^n states for n sources.
    public func expectedFunding(horizonYears: Int, renewalProbabilities: [Double]) -> FundingExpectation {
        precondition(renewalProbabilities.count == sources.count, "one renewal probability per source")
        if usesProductFormula {
            return productExpectation(horizonYears: horizonYears) { year in
                Self.productSurvival(year: year, termYears: termYears, renewalProbabilities: renewalProbabilities)
            }
        }
        return expectation(horizonYears: horizonYears) { source, _ in renewalProbabilities[source] }
    }

    /// The exact expected funding over the uncertainty in the renewal probabilities, or nil when a
    /// renewal distribution has no closed-form moments (normal, lognormal, triangular, PERT).
    ///
    /// Each post draws its renewal probability q once and keeps it, so a source renewed k times
    /// survives with probability `E[q^k]`; with nothing absorbed and no gap tolerated the survival
    /// is `S(t) = Π_i E[q_i^⌊t/T_i⌋]` (for fixed q, `Π_i q_i^⌊t/T_i⌋`). Otherwise the lapse states
    /// are enumerated with the chance of each renewal given the earlier ones, `E[q^k] / E[q^{k−1}]`,
    /// which is exact because sources are independent.
    public func analyticFunding(horizonYears: Int) -> FundingExpectation? {
        let longestRenewals = max(0, horizonYears - 1)
        var table: [[Double]] = []
        for source in sources {
            var byRenewal = [1.0]
            for k in stride(from: 1, through: longestRenewals / source.termYears, by: 1) {
                guard let p = source.renewal.distribution.conditionalRenewalProbability(renewal: k) else { return nil }
                byRenewal.append(p)
            }
            table.append(byRenewal)
        }
        if usesProductFormula {
            // The closed form itself, so the analytic mode equals Π E[q_i^⌊t/T_i⌋] to the last digit.
            return productExpectation(horizonYears: horizonYears) { year in
                sources.reduce(1.0) { $0 * ($1.renewal.distribution.rawMoment(order: year / $1.termYears) ?? .nan) }
            }
        }
        return expectation(horizonYears: horizonYears) { source, renewal in table[source][renewal] }
    }

    /// The survival curve of ``analyticFunding(horizonYears:)``: chance the post is funded in each year.
    public func analyticSurvival(horizonYears: Int) -> [Double]? {
        analyticFunding(horizonYears: horizonYears)?.survival
    }

    /// The expectation when any lapse ends the post: shares never move, so each funder pays its
    /// share in every year the post survives.
    private func productExpectation(horizonYears: Int, survivalAt: (Int) -> Double) -> FundingExpectation {
        let survival = (0..<horizonYears).map(survivalAt)
        let shares = initialShares.map { share in survival.map { $0 * share } } + [Array(repeating: 0.0, count: horizonYears)]
        return FundingExpectation(survival: survival, shareByFunder: shares,
                                  uncoveredShare: Array(repeating: 0, count: horizonYears))
    }

    /// Enumerates lapse states year by year; `renewalChance(source, k)` is the chance source
    /// `source` is renewed at its k-th renewal point given it was renewed at the earlier ones.
    private func expectation(horizonYears: Int, renewalChance: (Int, Int) -> Double) -> FundingExpectation {
        let count = sources.count
        let host = hostAbsorbedIndex
        // A state is one digit per source in base 3: 0 live, 1 lapsed and absorbed, 2 lapsed and uncovered.
        var powers = [1]
        for _ in 0..<count { powers.append(powers.last! * 3) }
        func digit(_ state: Int, _ source: Int) -> Int { (state / powers[source]) % 3 }

        var states: [Int: Double] = [0: 1]
        var survival: [Double] = []
        var shareByFunder = Array(repeating: [Double](), count: funderCount)
        var uncoveredShare: [Double] = []
        for year in 0..<horizonYears {
            if year > 0 {
                let due = (0..<count).filter { year % termYears[$0] == 0 }
                if !due.isEmpty {
                    var next: [Int: Double] = [:]
                    for (state, probability) in states.sorted(by: { $0.key < $1.key }) {  // a fixed order: the same sums in every process
                        var branches: [(state: Int, probability: Double)] = [(state, probability)]
                        for source in due where digit(state, source) == 0 {
                            let q = renewalChance(source, year / termYears[source])
                            let absorb = absorbable[source] ? absorbProbability : 0
                            branches = branches.flatMap { branch -> [(state: Int, probability: Double)] in
                                var out: [(state: Int, probability: Double)] = [(branch.state, branch.probability * q)]
                                if absorb > 0 {
                                    out.append((branch.state + powers[source], branch.probability * (1 - q) * absorb))
                                }
                                if absorb < 1 {
                                    out.append((branch.state + 2 * powers[source], branch.probability * (1 - q) * (1 - absorb)))
                                }
                                return out
                            }
                        }
                        for branch in branches where branch.probability > 0 {
                            let uncovered = (0..<count).reduce(0.0) { $0 + (digit(branch.state, $1) == 2 ? initialShares[$1] : 0) }
                            if uncovered > gapTolerance + Self.shareSumTolerance { continue }
                            next[branch.state, default: 0] += branch.probability
                        }
                    }
                    states = next
                }
            }
            var alive = 0.0, uncoveredTotal = 0.0
            var funderTotals = Array(repeating: 0.0, count: funderCount)
            for (state, probability) in states.sorted(by: { $0.key < $1.key }) {  // a fixed order: the same sums in every process
                alive += probability
                for source in 0..<count {
                    switch digit(state, source) {
                    case 0: funderTotals[source] += probability * initialShares[source]
                    case 1: funderTotals[host] += probability * initialShares[source]
                    default: uncoveredTotal += probability * initialShares[source]
                    }
                }
            }
            survival.append(alive)
            uncoveredShare.append(uncoveredTotal)
            for funder in 0..<funderCount { shareByFunder[funder].append(funderTotals[funder]) }
        }
        return FundingExpectation(survival: survival, shareByFunder: shareByFunder, uncoveredShare: uncoveredShare)
    }
}
