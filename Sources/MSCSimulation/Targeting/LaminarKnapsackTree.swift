/// The exact tree dynamic programme for the targeting problem's usual shape: every unit costs the
/// same (so a budget is a whole number of units) and the units' council sets are laminar (any two
/// are disjoint or one holds the other: a council's own post inside its county area inside its
/// police force area).
///
/// The tree depends only on the units' costs and councils, so it is built once and solved again
/// for every draw's values: each solve is one pass over the tree with a flat buffer, no sets,
/// sorting or per-node arrays. `f_u[k]`, the best value with at most `k` units inside unit `u`
/// (itself or its descendants), is the larger of `u` alone and the max-plus convolution of its
/// children's `f`; the answer is the convolution over the roots at `k = ⌊budget / cost⌋`.
///
/// Ties: with several sets of the same value, the one with the fewest units is kept, a unit is
/// preferred to the units inside it, and of identical council sets the first listed is the parent
/// (so the one preferred).
struct LaminarKnapsackTree: Sendable {
    /// The common cost of a unit.
    let unitCost: Double
    /// Units in post-order (every unit after the units inside it); the virtual root, `count`, last.
    private let postOrder: [Int]
    /// Children of each unit, and of the root at index `count`, as ranges into `childList`.
    private let childStart: [Int]
    private let childList: [Int]
    /// Units in each unit's subtree, itself included (the root's: every unit).
    private let subtreeUnits: [Int]
    let count: Int

    /// Nil when the costs differ or the sets are not laminar (the caller then uses branch and bound).
    init?(costs: [Double], elements: [[Int]], elementCount: Int) {
        let n = costs.count
        guard let cost = costs.first else { return nil }
        guard cost > 0, costs.allSatisfy({ abs($0 - cost) <= 1e-12 * cost }) else { return nil }
        // Distinct councils of each unit, and the units from largest set to smallest (ties: the
        // first listed first, so of identical sets it becomes the parent).
        let sets: [[Int]] = elements.map { members in
            var seen = Set<Int>()
            return members.filter { seen.insert($0).inserted }
        }
        guard sets.allSatisfy({ set in set.allSatisfy { $0 >= 0 && $0 < elementCount } }) else { return nil }
        let sizes: [Int] = sets.map(\.count)
        let byDescendingSize: [Int] = (0..<n).sorted { (a: Int, b: Int) -> Bool in
            sizes[a] != sizes[b] ? sizes[a] > sizes[b] : a < b
        }
        // Each council's innermost unit so far: a unit's parent is the owner of all its councils
        // (they must share one owner, or the sets cross and are not laminar).
        var owner = [Int](repeating: n, count: elementCount)
        var parent = [Int](repeating: n, count: n)
        for unit in byDescendingSize {
            let enclosing = sets[unit].first.map { owner[$0] } ?? n
            for council in sets[unit] where owner[council] != enclosing { return nil }
            parent[unit] = enclosing
            for council in sets[unit] { owner[council] = unit }
        }
        var childCount = [Int](repeating: 0, count: n + 1)
        for unit in 0..<n { childCount[parent[unit]] += 1 }
        var start = [Int](repeating: 0, count: n + 2)
        for node in 0...n { start[node + 1] = start[node] + childCount[node] }
        var fill = Array(start.prefix(n + 1))
        var list = [Int](repeating: 0, count: n)
        // Children in the order listed.
        for unit in 0..<n {
            list[fill[parent[unit]]] = unit
            fill[parent[unit]] += 1
        }
        // Post-order: every node after its children (smaller sets first works, as children are
        // strictly later in `byDescendingSize`).
        let order = byDescendingSize.reversed() + [n]
        var units = [Int](repeating: 1, count: n + 1)
        units[n] = 0
        for node in order where node < n { units[parent[node]] += units[node] }
        unitCost = cost
        postOrder = order
        childStart = start
        childList = list
        subtreeUnits = units
        count = n
    }

    /// The best set of at most `⌊budget / cost⌋` units for these values (units worth 0 or less are
    /// never chosen), as unit indices ascending, with its value.
    func solve(values: [Double], budget: Double) -> (chosen: [Int], value: Double) {
        precondition(values.count == count)
        let limit = max(0, min(count, Int((budget * (1 + 1e-12) / unitCost).rounded(.down))))
        guard limit > 0, count > 0 else { return ([], 0) }
        let root = count
        // Each node's table f (length width+1) and, for backtracking, each child's running
        // convolution over the children before it and itself (its "after" table), all in one
        // buffer: the f tables first, then the after tables.
        func width(_ node: Int) -> Int { min(limit, subtreeUnits[node]) }
        var fOffset = [Int](repeating: 0, count: count + 1)
        var afterOffset = [Int](repeating: 0, count: count)   // by child unit
        var afterWidth = [Int](repeating: 0, count: count)
        var size = 0
        for node in 0...count {
            fOffset[node] = size
            size += width(node) + 1
            var running = 0
            for c in childStart[node]..<childStart[node + 1] {
                let child = childList[c]
                running = min(limit, running + subtreeUnits[child])
                afterWidth[child] = running
            }
        }
        for unit in 0..<count {
            afterOffset[unit] = size
            size += afterWidth[unit] + 1
        }
        var table = [Double](repeating: 0, count: size)
        table.withUnsafeMutableBufferPointer { t in
            for node in postOrder {
                // Convolve the children in order; `previous` is the running table before each.
                var previousOffset = -1, previousWidth = 0   // -1: the table [0]
                for c in childStart[node]..<childStart[node + 1] {
                    let child = childList[c]
                    let out = afterOffset[child], outWidth = afterWidth[child]
                    let f = fOffset[child], fWidth = width(child)
                    for k in 0...outWidth { t[out + k] = -.infinity }
                    for i in 0...previousWidth {
                        let left = previousOffset < 0 ? 0 : t[previousOffset + i]
                        for j in 0...min(fWidth, outWidth - i) {
                            let candidate = left + t[f + j]
                            if candidate > t[out + i + j] { t[out + i + j] = candidate }
                        }
                    }
                    previousOffset = out
                    previousWidth = outWidth
                }
                // f: the children's combination, or this unit alone when that is better.
                let f = fOffset[node], w = width(node)
                let own = node < count ? max(0, values[node]) : 0
                for k in 0...w {
                    let children = previousOffset < 0 ? 0 : t[previousOffset + min(k, previousWidth)]
                    t[f + k] = k >= 1 ? max(children, own) : children
                }
            }
        }
        // Backtrack from the root: at each node the fewest units reaching its best, the node
        // itself when it alone reaches it, else each child (last first) given the fewest units
        // that make up the running table.
        var chosen: [Int] = []
        var stack: [(node: Int, units: Int)] = [(root, limit)]
        while let (node, given) = stack.popLast() {
            let f = fOffset[node]
            var k = min(given, width(node))
            while k > 0 && table[f + k - 1] == table[f + k] { k -= 1 }
            guard k > 0 else { continue }
            if node < count && values[node] > 0 && table[f + k] == values[node] {
                chosen.append(node)
                continue
            }
            let first = childStart[node], last = childStart[node + 1]
            for c in stride(from: last - 1, through: first, by: -1) where k > 0 {
                let child = childList[c]
                let after = afterOffset[child], afterK = min(k, afterWidth[child])
                let target = table[after + afterK]
                let beforeOffset = c > first ? afterOffset[childList[c - 1]] : -1
                let beforeWidth = c > first ? afterWidth[childList[c - 1]] : 0
                let childF = fOffset[child]
                for j in 0...min(afterK, width(child)) {
                    let i = afterK - j
                    guard i <= beforeWidth else { continue }
                    let before = beforeOffset < 0 ? 0 : table[beforeOffset + i]
                    if before + table[childF + j] == target {
                        if j > 0 { stack.append((child, j)) }
                        k = i
                        break
                    }
                }
            }
        }
        chosen.sort()
        return (chosen, chosen.reduce(0) { $0 + values[$1] })
    }
}
