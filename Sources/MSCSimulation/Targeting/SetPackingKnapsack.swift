/// An exact solver for the targeting problem: choose units (candidate posts), each with a cost, a
/// value and the councils it serves, to maximise the total value within a budget, no council served
/// by two chosen units (a set-packing knapsack).
///
/// The structure (costs and councils) is fixed when the solver is made; the values are given to
/// each solve, so one solver serves the expected values and every Monte Carlo draw.
///
/// Method: when every unit costs the same and the council sets are laminar (the usual case: own
/// posts inside county areas inside police force areas), the exact tree dynamic programme
/// (``LaminarKnapsackTree``). Otherwise depth-first branch and bound over the units in decreasing
/// value per pound. The bound at a node is the node's value plus the fractional (Dantzig) knapsack
/// over the remaining units that do not overlap the councils already chosen: it drops the
/// integrality and the overlaps among the remaining units, so it is never below the best completion
/// (a proven upper bound), and a branch whose bound does not beat the best set found so far cannot
/// hold a better one. Both are exact; both are checked against enumeration of every subset in the tests.
///
/// Units with a value of 0 or less are never chosen (they cannot raise the total). Ties: of several
/// sets with the same value, the answer depends on nothing but the input (branch and bound keeps
/// the one reached first in the order above; the tree keeps the fewest units, a unit before the
/// units inside it, and of identical council sets the first listed).
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

    public let costs: [Double]
    /// The values ``solve(budget:)`` uses (those of the items it was made from; 0 when made from structure alone).
    public let values: [Double]
    /// Elements are `0..<elementCount`.
    public let elementCount: Int
    private let words: Int
    /// Each item's elements as a bit mask (`words` words an item), by the item's own index.
    private let masks: [UInt64]
    private let tree: LaminarKnapsackTree?

    /// A solver for units of these costs serving these elements (councils), for any values.
    public init(costs: [Double], elements: [[Int]], elementCount: Int) {
        precondition(costs.count == elements.count)
        self.costs = costs
        values = Array(repeating: 0, count: costs.count)
        self.elementCount = elementCount
        let words = max(1, (elementCount + 63) / 64)
        self.words = words
        var masks = [UInt64](repeating: 0, count: costs.count * words)
        for (index, members) in elements.enumerated() {
            for element in members { masks[index * words + element / 64] |= 1 << UInt64(element % 64) }
        }
        self.masks = masks
        tree = LaminarKnapsackTree(costs: costs, elements: elements, elementCount: elementCount)
    }

    public init(items: [Item], elementCount: Int) {
        self.init(costs: items.map(\.cost), elements: items.map(\.elements), elementCount: elementCount, values: items.map(\.value))
    }

    private init(costs: [Double], elements: [[Int]], elementCount: Int, values: [Double]) {
        let structure = SetPackingKnapsack(costs: costs, elements: elements, elementCount: elementCount)
        self.costs = costs
        self.values = values
        self.elementCount = elementCount
        words = structure.words
        masks = structure.masks
        tree = structure.tree
    }

    /// The best set within `budget` for the values the solver was made with. (A number of posts
    /// instead of a budget is the same problem with every cost 1 and the budget the number.)
    public func solve(budget: Double) -> Solution { solve(values: values, budget: budget) }

    /// The best set within `budget` for `values` (one per unit).
    public func solve(values: [Double], budget: Double) -> Solution {
        if let solution = solveLaminar(values: values, budget: budget) { return solution }
        return solveByBranchAndBound(values: values, budget: budget)
    }

    /// The tree dynamic programme; nil when the costs differ or the sets are not laminar.
    func solveLaminar(values: [Double], budget: Double) -> Solution? {
        guard let tree else { return nil }
        let (chosen, value) = tree.solve(values: values, budget: budget)
        return Solution(chosen: chosen, value: value, cost: chosen.reduce(0) { $0 + costs[$1] }, nodes: tree.count)
    }

    /// Branch and bound, for costs that differ or sets that are not laminar.
    func solveByBranchAndBound(values allValues: [Double], budget: Double) -> Solution {
        precondition(allValues.count == costs.count)
        // Units worth having, best value per pound first (ties: the first listed).
        let allCosts = self.costs
        let order: [Int] = allCosts.indices.filter { allValues[$0] > 0 && allCosts[$0] > 0 }.sorted { (a: Int, b: Int) -> Bool in
            let ra = allValues[a] / allCosts[a], rb = allValues[b] / allCosts[b]
            return ra != rb ? ra > rb : a < b
        }
        let masks = self.masks, words = self.words
        let n = order.count
        let capacity = budget * (1 + 1e-12)
        var bestValue = 0.0
        var bestSet: [Int] = []
        var current: [Int] = []
        var used = [UInt64](repeating: 0, count: words)
        var nodes = 0
        let costs = order.map { allCosts[$0] }, values = order.map { allValues[$0] }

        func overlaps(_ position: Int) -> Bool {
            let base = order[position] * words
            for w in 0..<words where used[w] & masks[base + w] != 0 { return true }
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
                let base = order[k] * words
                current.append(k)
                for w in 0..<words { used[w] |= masks[base + w] }
                search(k + 1, value: value + values[k], room: room - costs[k])
                for w in 0..<words { used[w] &= ~masks[base + w] }
                current.removeLast()
            }
            search(k + 1, value: value, room: room)
        }
        search(0, value: 0, room: capacity)
        let chosen = bestSet.map { order[$0] }.sorted()
        return Solution(chosen: chosen, value: chosen.reduce(0) { $0 + allValues[$1] },
                        cost: chosen.reduce(0) { $0 + allCosts[$1] }, nodes: nodes)
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
