/// The funding decisions of one post (DESIGN 3.2): each source of the mix is one decision, except a
/// source decided per council in a post shared by several councils, which is one decision for each
/// council's part of it. A council's part of a source is the source's share times the council's
/// share of the post's cost (its `split` entry).
extension FundingMix {
    /// One funding decision of a post: the source it belongs to and the share of the post's cost it pays.
    public struct Part: Sendable, Equatable {
        /// Index of the source in ``FundingMix/sources``.
        public let source: Int
        /// Share of the post's cost this part pays at the start.
        public let share: Double

        @inlinable
        public init(source: Int, share: Double) {
            self.source = source
            self.share = share
        }
    }

    /// Whether `split` (the councils' shares of a post's cost) divides any source into parts: some
    /// source is decided per council and more than one council pays towards the post.
    @inlinable
    public func dividesSources(split: [Double]) -> Bool {
        split.count > 1 && councilDecisions.contains(true)
    }

    /// The post's decisions in a fixed order: the sources in order, a per-council source of a
    /// shared post replaced by one part for each council with a positive cost share (in `split` order).
    public func parts(split: [Double]) -> [Part] {
        var result: [Part] = []
        forEachPart(split: split) { result.append(Part(source: $0, share: $1)) }
        return result
    }

    /// Calls `body(source, share)` for each decision of a post, in ``parts(split:)`` order, without
    /// building the list (the Monte Carlo's inner loop).
    @inlinable
    public func forEachPart(split: [Double], _ body: (Int, Double) -> Void) {
        let divides = dividesSources(split: split)
        for source in 0..<initialShares.count {
            if divides && councilDecisions[source] {
                for weight in split where weight > 0 { body(source, initialShares[source] * weight) }
            } else {
                body(source, initialShares[source])
            }
        }
    }

    /// How many decisions a post with this `split` faces.
    public func partCount(split: [Double]) -> Int {
        var count = 0
        forEachPart(split: split) { _, _ in count += 1 }
        return count
    }
}

extension FundingMix {
    /// The mix a post with this `split` faces, with each of its decisions (``parts(split:)``) a
    /// source of its own decided for the post, and for each new source the index of the source it
    /// is part of. A council's part is labelled with the source's label and the council's place
    /// in `councils` (when given). The same post, written so that each part draws its own renewal
    /// probability (as each council sets its own budget) where a simulation draws one per source.
    public func expanded(split: [Double], councils: [String] = []) -> (mix: FundingMix, sourceOf: [Int]) {
        guard dividesSources(split: split) else { return (self, Array(sources.indices)) }
        var expandedSources: [FundingSource] = [], sourceOf: [Int] = []
        var council = [Int](repeating: 0, count: sources.count)
        let positive = split.indices.filter { split[$0] > 0 }
        forEachPart(split: split) { index, share in
            let source = sources[index]
            var label = source.label
            if source.decidedPerCouncil {
                let member = positive[council[index]]
                label += member < councils.count ? " (\(councils[member]))" : " (council \(member + 1))"
                council[index] += 1
            }
            expandedSources.append(FundingSource(kind: source.kind, label: label, share: share, termYears: source.termYears,
                                                 renewal: source.renewal, decision: .perPost))
            sourceOf.append(index)
        }
        return (FundingMix(unvalidated: expandedSources, copying: self), sourceOf)
    }

    /// A mix of sources already checked as parts of a valid mix (their number may exceed
    /// ``maximumSourceCount``), with `mix`'s absorb probability and tolerated gap.
    private init(unvalidated sources: [FundingSource], copying mix: FundingMix) {
        self.sources = sources
        absorbProbability = mix.absorbProbability
        gapTolerance = mix.gapTolerance
        absorbAssumption = mix.absorbAssumption
        gapToleranceAssumption = mix.gapToleranceAssumption
        termYears = sources.map(\.termYears)
        initialShares = sources.map(\.share)
        absorbable = sources.map(\.kind.isAbsorbableByHost)
        nationalDecisions = sources.map(\.decidedNationally)
        councilDecisions = sources.map(\.decidedPerCouncil)
    }
}

extension FundingExpectation {
    /// The expectation with the funders of an expanded mix (``FundingMix/expanded(split:councils:)``)
    /// added back into the `sourceCount` sources they are parts of; the host's absorbed shares stay last.
    public func regrouped(sourceOf: [Int], sourceCount: Int) -> FundingExpectation {
        var shares = Array(repeating: Array(repeating: 0.0, count: horizonYears), count: sourceCount + 1)
        for (funder, byYear) in shareByFunder.enumerated() {
            let target = funder < sourceOf.count ? sourceOf[funder] : sourceCount
            for year in byYear.indices { shares[target][year] += byYear[year] }
        }
        return FundingExpectation(survival: survival, shareByFunder: shares, uncoveredShare: uncoveredShare, isExact: isExact)
    }

    /// The average of several posts' expectations, each weighted by its number of posts.
    public static func average(_ items: [(expectation: FundingExpectation, posts: Double)]) -> FundingExpectation? {
        guard let first = items.first?.expectation else { return nil }
        let total = items.reduce(0) { $0 + $1.posts }
        guard total > 0 else { return first }
        func mean(_ value: (FundingExpectation) -> [Double]) -> [Double] {
            var sum = Array(repeating: 0.0, count: value(first).count)
            for item in items {
                for (index, entry) in value(item.expectation).enumerated() { sum[index] += entry * item.posts / total }
            }
            return sum
        }
        return FundingExpectation(
            survival: mean(\.survival),
            shareByFunder: first.shareByFunder.indices.map { funder in mean { $0.shareByFunder[funder] } },
            uncoveredShare: mean(\.uncoveredShare), isExact: items.allSatisfy(\.expectation.isExact))
    }
}

extension FundingMix {
    /// One sentence saying how the councils sharing a post decide its council-paid sources, for a
    /// deployment whose largest post is shared by `largestSharedPost` councils (nil when no post is
    /// shared, or no source is decided by councils).
    public func sharedPostDecisionNote(largestSharedPost: Int) -> String? {
        guard largestSharedPost > 1 else { return nil }
        let perCouncil = sources.filter(\.decidedPerCouncil).map(\.label)
        let together = sources.filter { $0.decision == .perPost && ($0.kind == .laCoreBudget || $0.kind == .partnerContribution) }
            .map(\.label)
        var sentences: [String] = []
        if !perCouncil.isEmpty {
            let absorbed = absorbProbability > 0 && sources.contains { $0.decidedPerCouncil && $0.kind.isAbsorbableByHost }
            let fate = absorbed ? "to the host to take over or leave uncovered" : "uncovered"
            sentences.append("Each council sharing a post (up to \(largestSharedPost)) decides its own part of \(perCouncil.joined(separator: " and ")) in its own budget round, so a shared post faces up to \(largestSharedPost * perCouncil.count) such decisions a term; a council that drops out leaves its part \(fate), and the post is lost once more than \(Self.shown(gapTolerance * 100))% of its cost is uncovered (mark a source `decided: per-post` if its councils decide together).")
        }
        if !together.isEmpty {
            sentences.append("The councils sharing a post decide \(together.joined(separator: " and ")) together, one decision for the post each term (`decided: per-post` in the scenario).")
        }
        return sentences.isEmpty ? nil : sentences.joined(separator: " ")
    }
}
