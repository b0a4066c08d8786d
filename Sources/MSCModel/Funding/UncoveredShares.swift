/// The chance that the uncovered parts of a post's funding add up to no more than a limit, when
/// each part is left uncovered independently (DESIGN 3.2): `P(Σ_j s_j·X_j ≤ L)` with X_j ~ Bernoulli(u_j).
///
/// Exact for up to ``exactLimit`` parts: the subsets are walked with two cuts (a part that does not
/// fit is never added; once everything left fits, the rest contributes its whole probability).
/// Beyond that the walk can take billions of steps (a post shared by London's 33 councils with a
/// 20% tolerated gap), so the shares are put on a grid of ``gridSteps`` steps up to the limit,
/// each rounded up: a combination is then counted as fitting only if it truly fits, so the chance
/// can only be understated, and only for combinations within a few grid steps of the limit.
struct UncoveredShares {
    /// Most parts handled exactly.
    static let exactLimit = UncoveredSharesGrid.exactParts
    /// Grid steps between 0 and the limit when there are more parts.
    static let gridSteps = UncoveredSharesGrid.steps

    /// What depends only on the shares and the limit, worked out once for every year of a post.
    struct Layout {
        let shares: [Double]
        let limit: Double
        /// The grid, when there are too many parts to walk: each share in steps (rounded up).
        let grid: [Int]?
        /// For the walk: parts with larger shares first (so it stops adding early), and the
        /// shares left from each depth on.
        let order: [Int]
        let remaining: [Double]
        /// The fitting combinations counted by class, when the parts' classes are given and they
        /// are walked exactly (``FittingCounts``).
        let fittingCounts: FittingCounts?

        /// `classes`, when given, says which parts always share a chance of being uncovered (the
        /// parts of one funding source), so the fitting combinations can be counted once.
        init(shares: [Double], limit: Double, classes: [Int]? = nil, exactLimit: Int = UncoveredShares.exactLimit) {
            self.shares = shares
            self.limit = limit
            order = shares.indices.sorted { shares[$0] > shares[$1] }
            var remaining = [Double](repeating: 0, count: order.count + 1)
            for depth in stride(from: order.count - 1, through: 0, by: -1) { remaining[depth] = remaining[depth + 1] + shares[order[depth]] }
            self.remaining = remaining
            guard shares.count > exactLimit, limit > 0 else {
                grid = nil
                let order = self.order
                fittingCounts = classes.map { FittingCounts(shares: shares, classes: $0, order: order, remaining: remaining, limit: limit) }
                return
            }
            fittingCounts = nil
            let size = UncoveredShares.gridSteps
            let stepWidth = limit / Double(size)
            grid = shares.map { Swift.min(size + 1, Int(($0 / stepWidth).rounded(.up))) }
        }
    }

    let layout: Layout
    let chances: [Double]
    var shares: [Double] { layout.shares }
    var limit: Double { layout.limit }
    private var grid: [Int]? { layout.grid }

    /// True when the chances are exact (not on the rounded grid).
    var isExact: Bool { grid == nil }

    /// The parts' shares and chances of being uncovered, and the limit; more than `exactLimit`
    /// parts go on the grid (tests move the threshold to check one method against the other).
    init(shares: [Double], chances: [Double], limit: Double, exactLimit: Int = Self.exactLimit) {
        self.init(layout: Layout(shares: shares, limit: limit, exactLimit: exactLimit), chances: chances)
    }

    /// This year's chances on a layout worked out once.
    init(layout: Layout, chances: [Double]) {
        self.layout = layout
        self.chances = chances
    }

    /// The distribution of the uncovered steps over the first i parts, for i = 0…n.
    private func prefixDistributions(steps: [Int]) -> [[Double]] {
        var prefix = [[Double]](repeating: [], count: shares.count + 1)
        prefix[0] = [1] + Array(repeating: 0, count: Self.gridSteps)
        for i in shares.indices { prefix[i + 1] = Self.adding(prefix[i], steps: steps[i], chance: chances[i]) }
        return prefix
    }

    /// The chance that the uncovered parts fit within the limit.
    func chanceAllFit() -> Double {
        if let steps = grid {
            var distribution = [1] + [Double](repeating: 0, count: Self.gridSteps)
            for i in shares.indices { distribution = Self.adding(distribution, steps: steps[i], chance: chances[i]) }
            return distribution.reduce(0, +)
        }
        if let counted = layout.fittingCounts?.chanceAllFit(chances: chances) { return counted }
        let sortedShares = layout.order.map { shares[$0] }, sortedChances = layout.order.map { chances[$0] }
        return sortedShares.withUnsafeBufferPointer { shares in
            sortedChances.withUnsafeBufferPointer { chances in
                layout.remaining.withUnsafeBufferPointer { remaining in
                    Self.walk(0, 0, 1, shares: shares, chances: chances, remaining: remaining, limit: limit)
                }
            }
        }
    }

    /// The chance that the parts from `depth` on fit in what `used` leaves of the limit, times
    /// `chance` (parts in walk order).
    private static func walk(_ depth: Int, _ used: Double, _ chance: Double, shares: UnsafeBufferPointer<Double>,
                             chances: UnsafeBufferPointer<Double>, remaining: UnsafeBufferPointer<Double>, limit: Double) -> Double {
        if depth == shares.count || used + remaining[depth] <= limit { return chance }
        var total = walk(depth + 1, used, chance * (1 - chances[depth]), shares: shares, chances: chances, remaining: remaining, limit: limit)
        if used + shares[depth] <= limit {
            total += walk(depth + 1, used + shares[depth], chance * chances[depth], shares: shares, chances: chances,
                          remaining: remaining, limit: limit)
        }
        return total
    }

    /// For each part j, in one walk: the chance that the uncovered parts fit and j is not among
    /// them (`without[j]`), and that they fit with j among them (`with[j]`). The chance that the
    /// others fit is then `without[j] / (1 − u_j)`, and that they fit beside j's own share
    /// `with[j] / u_j`; and the chance that all fit is `without[j] + with[j]` for any j.
    func chancesFitting() -> (all: Double, without: [Double], with: [Double]) {
        let n = shares.count
        if let steps = grid {
            let prefix = prefixDistributions(steps: steps)
            var without = [Double](repeating: 0, count: n), with = [Double](repeating: 0, count: n)
            let all = prefix[n].reduce(0, +)
            // The cumulative distribution over the parts from j on, built backwards.
            var suffixAtMost = [[Double]](repeating: [], count: n + 1)
            var suffix = [Double](repeating: 0, count: Self.gridSteps + 1)
            suffix[0] = 1
            suffixAtMost[n] = Self.cumulative(suffix)
            for i in stride(from: n - 1, through: 0, by: -1) {
                suffix = Self.adding(suffix, steps: steps[i], chance: chances[i])
                suffixAtMost[i] = Self.cumulative(suffix)
            }
            for j in 0..<n {
                let before = prefix[j], after = suffixAtMost[j + 1]
                var others = 0.0, beside = 0.0
                let room = Self.gridSteps, roomBeside = Self.gridSteps - steps[j]
                for used in 0...room where before[used] != 0 {
                    others += before[used] * after[room - used]
                    if used <= roomBeside { beside += before[used] * after[roomBeside - used] }
                }
                without[j] = others * (1 - chances[j])
                with[j] = roomBeside >= 0 ? beside * chances[j] : 0
            }
            return (all, without, with)
        }
        let order = layout.order, remaining = layout.remaining
        var without = [Double](repeating: 0, count: n), with = [Double](repeating: 0, count: n)
        var included = [Bool](repeating: false, count: n)
        var all = 0.0
        func walk(_ depth: Int, _ used: Double, _ chance: Double) {
            if depth == n || used + remaining[depth] <= limit {
                // Every way the parts from `depth` on can fall fits: they add their chances in full.
                all += chance
                for d in 0..<depth {
                    let part = order[d]
                    if included[part] { with[part] += chance } else { without[part] += chance }
                }
                for d in depth..<n {
                    let part = order[d]
                    with[part] += chance * chances[part]
                    without[part] += chance * (1 - chances[part])
                }
                return
            }
            let part = order[depth]
            walk(depth + 1, used, chance * (1 - chances[part]))
            if used + shares[part] <= limit {
                included[part] = true
                walk(depth + 1, used + shares[part], chance * chances[part])
                included[part] = false
            }
        }
        walk(0, 0, 1)
        return (all, without, with)
    }

    /// The distribution of uncovered steps after one more part of `steps` steps, uncovered with
    /// `chance`; anything beyond the grid is dropped (it cannot fit).
    private static func adding(_ distribution: [Double], steps: Int, chance: Double) -> [Double] {
        let count = distribution.count
        return [Double](unsafeUninitializedCapacity: count) { next, initialized in
            distribution.withUnsafeBufferPointer { before in
                for used in 0..<count {
                    next[used] = before[used] * (1 - chance) + (used >= steps ? before[used - steps] * chance : 0)
                }
            }
            initialized = count
        }
    }

    private static func cumulative(_ distribution: [Double]) -> [Double] {
        var total = 0.0
        return distribution.map { total += $0; return total }
    }
}

/// When ``FundingMix/analyticFunding(horizonYears:split:)`` leaves exact sums for a grid, for notes.
public enum UncoveredSharesGrid {
    /// Most decisions smaller than the tolerated gap that a post's survival is summed over exactly.
    public static let exactParts = 16
    /// Steps from nothing to the tolerated gap when a post has more.
    public static let steps = 2048
}
