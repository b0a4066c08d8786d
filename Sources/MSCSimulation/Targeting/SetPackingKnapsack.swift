/// An exact solver for the targeting problem: choose units (candidate posts), each with a cost, a
/// value and the councils it serves, to maximise the total value within a budget, no council served
/// by two chosen units (a set-packing knapsack).
///
/// Method: depth-first branch and bound over the units in decreasing value per pound. The bound at
/// a node is the node's value plus the fractional (Dantzig) knapsack over the remaining units that
/// do not overlap the councils already chosen: it drops the integrality and the overlaps among the
/// remaining units, so it is never below the best completion (a proven upper bound), and a branch
/// whose bound does not beat the best set found so far cannot hold a better one. The search is
/// therefore exact; it is checked against enumeration of every subset in the tests.
///
/// Units with a value of 0 or less are never chosen (they cannot raise the total). Ties: of several
/// sets with the same value, the one reached first in the order above is kept, so the answer does
/// not depend on anything but the input.
public struct SetPackingKnapsack: Sendable {
    /// One unit: its cost (above 0), value, and the indices of the elements (councils) it uses.
    public struct Item: Sendable, Equatable {
        public let cost: Double
        public let value: Double
        public let elements: [Int]

        public init(cost: Double, value: Double, elements: [Int]) {
            self.cost = cost
            self.value = value
            self.elements = elements
        }
    }

    /// The answer: the chosen items (indices into the input, ascending), their value and cost, and
    /// how many nodes the search visited.
    public struct Solution: Sendable, Equatable {
        public let chosen: [Int]
        public let value: Double
        public let cost: Double
        public let nodes: Int
    }

    public let items: [Item]
    /// Elements are `0..<elementCount`.
    public let elementCount: Int
    /// The order searched (value per cost, highest first) and the items' masks in that order.
    private let order: [Int]
    private let words: Int
    private let masks: [UInt64]

    public init(items: [Item], elementCount: Int) {
        self.items = items
        self.elementCount = elementCount
        let words = max(1, (elementCount + 63) / 64)
        self.words = words
        let useful = items.indices.filter { items[$0].value > 0 && items[$0].cost > 0 }
        order = useful.sorted { a, b in
            let ra = items[a].value / items[a].cost, rb = items[b].value / items[b].cost
            return ra != rb ? ra > rb : a < b
        }
        var masks = [UInt64](repeating: 0, count: order.count * words)
        for (position, index) in order.enumerated() {
            for element in items[index].elements { masks[position * words + element / 64] |= 1 << UInt64(element % 64) }
        }
        self.masks = masks
    }

    /// The best set within `budget`. (A number of posts instead of a budget is the same problem
    /// with every cost 1 and the budget the number.)
    public func solve(budget: Double) -> Solution {
        if let solution = solveLaminar(budget: budget) { return solution }
        return solveByBranchAndBound(budget: budget)
    }

    /// The exact tree dynamic programme for the common case: every unit costs the same (so the
    /// budget is a number of units) and the units' council sets are laminar (any two are disjoint
    /// or one holds the other: a council's own post, its county area, its police force area).
    /// `f_u[k]`, the best value with at most `k` units inside unit `u`, is the larger of `u` alone
    /// and the max-plus convolution of its children's; the answer is the roots' convolution at
    /// `k = ⌊budget / cost⌋`. Nil when the costs differ or the sets are not laminar.
    func solveLaminar(budget: Double) -> Solution? {
        let n = order.count
        guard n > 0 else { return Solution(chosen: [], value: 0, cost: 0, nodes: 0) }
        let cost = items[order[0]].cost
        guard order.allSatisfy({ abs(items[$0].cost - cost) <= 1e-12 * cost }) else { return nil }
        let limit = min(n, Int((budget * (1 + 1e-12) / cost).rounded(.down)))
        guard limit >= 0 else { return Solution(chosen: [], value: 0, cost: 0, nodes: 0) }
        // Parents: larger sets first; each set's parent is the smallest earlier set holding it.
        let sets: [[Int]] = order.map { Array(Set(items[$0].elements)) }
        let sizes: [Int] = sets.map(\.count)
        let byDescendingSize: [Int] = (0..<n).sorted { (a: Int, b: Int) -> Bool in
            if sizes[a] != sizes[b] { return sizes[a] > sizes[b] }
            return a < b
        }
        var owner = [Int](repeating: -1, count: elementCount)
        var children = [[Int]](repeating: [], count: n + 1)   // n: the root over all
        for p in byDescendingSize {
            let first = sets[p].first.map { owner[$0] } ?? -1
            for e in sets[p] where owner[e] != first { return nil }
            children[first < 0 ? n : first].append(p)
            for e in sets[p] { owner[e] = p }
        }
        let values = order.map { items[$0].value }
        func convolve(_ g: [Double], _ h: [Double]) -> [Double] {
            var r = [Double](repeating: -.infinity, count: min(limit, g.count + h.count - 2) + 1)
            for i in g.indices { for j in h.indices where i + j < r.count { r[i + j] = max(r[i + j], g[i] + h[j]) } }
            return r
        }
        // Post-order: smaller sets (children) before the sets holding them.
        var f = [[Double]](repeating: [], count: n + 1)
        var prefixes = [[[Double]]](repeating: [], count: n + 1)
        for p in byDescendingSize.reversed() + [n] {
            var g: [Double] = [0]
            var steps: [[Double]] = [g]
            for c in children[p] {
                g = convolve(g, f[c])
                steps.append(g)
            }
            prefixes[p] = steps
            if p < n, limit >= 1 {
                if g.count < 2 { g.append(g[0]) }
                for k in 1..<g.count { g[k] = max(g[k], values[p]) }
            }
            // At most k units: never worse with more room.
            for k in g.indices.dropFirst() { g[k] = max(g[k], g[k - 1]) }
            f[p] = g
        }
        var chosen: [Int] = []
        func backtrack(_ p: Int, _ budgetUnits: Int) {
            var k = min(budgetUnits, f[p].count - 1)
            let steps = prefixes[p]
            let combined = steps.last!
            // Fewest units that reach the value at k.
            while k > 0 && f[p][k - 1] == f[p][k] { k -= 1 }
            if p < n, k >= 1, f[p][k] == values[p], k >= combined.count || values[p] > combined[k] {
                chosen.append(p)
                return
            }
            for m in stride(from: children[p].count - 1, through: 0, by: -1) {
                let child = children[p][m], before = steps[m], after = steps[m + 1]
                guard k < after.count else { k = after.count - 1; continue }
                for j in 0..<min(k, f[child].count - 1) + 1 where k - j < before.count && before[k - j] + f[child][j] == after[k] {
                    backtrack(child, j)
                    k -= j
                    break
                }
            }
        }
        backtrack(n, limit)
        let result = chosen.map { order[$0] }.sorted()
        return Solution(chosen: result, value: result.reduce(0) { $0 + items[$1].value },
                        cost: result.reduce(0) { $0 + items[$1].cost }, nodes: n)
    }

    /// Branch and bound, for costs that differ or sets that are not laminar.
    func solveByBranchAndBound(budget: Double) -> Solution {
        let n = order.count
        let capacity = budget * (1 + 1e-12)
        var bestValue = 0.0
        var bestSet: [Int] = []
        var current: [Int] = []
        var used = [UInt64](repeating: 0, count: words)
        var nodes = 0
        let costs = order.map { items[$0].cost }, values = order.map { items[$0].value }

        func overlaps(_ position: Int) -> Bool {
            for w in 0..<words where used[w] & masks[position * words + w] != 0 { return true }
            return false
        }
        // Fractional knapsack over the remaining units that fit with the councils chosen so far.
        func bound(from start: Int, room: Double) -> Double {
            var total = 0.0, left = room
            for k in start..<n where !overlaps(k) {
                if costs[k] <= left {
                    total += values[k]
                    left -= costs[k]
                } else {
                    return total + values[k] * left / costs[k]
                }
            }
            return total
        }
        func search(_ k: Int, value: Double, room: Double) {
            nodes += 1
            if value > bestValue {
                bestValue = value
                bestSet = current
            }
            guard k < n else { return }
            // Prune when even the relaxation cannot beat the best found (by more than rounding).
            guard value + bound(from: k, room: room) > bestValue * (1 + 1e-12) else { return }
            if costs[k] <= room && !overlaps(k) {
                current.append(k)
                for w in 0..<words { used[w] |= masks[k * words + w] }
                search(k + 1, value: value + values[k], room: room - costs[k])
                for w in 0..<words { used[w] &= ~masks[k * words + w] }
                current.removeLast()
            }
            search(k + 1, value: value, room: room)
        }
        search(0, value: 0, room: capacity)
        let chosen = bestSet.map { order[$0] }.sorted()
        return Solution(chosen: chosen, value: chosen.reduce(0) { $0 + items[$1].value },
                        cost: chosen.reduce(0) { $0 + items[$1].cost }, nodes: nodes)
    }

    /// The best value by trying every subset (for tests: 2^n subsets, n at most 20).
    public static func enumerate(items: [Item], budget: Double) -> Double {
        precondition(items.count <= 20, "enumeration is for small instances")
        var best = 0.0
        for subset in 0..<(1 << items.count) {
            var cost = 0.0, value = 0.0
            var used = Set<Int>()
            var feasible = true
            for i in items.indices where subset & (1 << i) != 0 {
                cost += items[i].cost
                value += items[i].value
                for e in items[i].elements where !used.insert(e).inserted { feasible = false }
            }
            if feasible, cost <= budget * (1 + 1e-12) { best = max(best, value) }
        }
        return best
    }
}
