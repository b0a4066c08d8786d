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
