/// How many ways the small parts of a post can be uncovered together and still fit within the
/// tolerated gap, counted by how many parts of each class (each funding source) are among them.
///
/// Every part of one source is left uncovered with the same chance in a given year (the councils
/// sharing a post decide alike in distribution), so the chance that the uncovered parts fit is
/// `Σ N(k) Π_c u_c^{k_c} (1 − u_c)^{n_c − k_c}` over the count vectors k, where N(k) is the number
/// of fitting combinations with k_c parts of class c. The combinations depend only on the shares
/// and the gap, so they are counted once for all the years of an expectation, where walking them
/// with the chances took one walk a year: ten times the work for a ten-year horizon.
///
/// A combination is counted as fitting by the same test as ``UncoveredShares``'s walk (shares
/// added in the walk's order, compared with the limit, with the same cut once everything left
/// fits), so the two agree on which combinations fit; the sums differ only by rounding. A class:
/// a central case hands it to every funding group's survival, one reference rather than one per array.
final class FittingCounts: Sendable {
    /// The parts in each class, and the stride of each class in a count vector's flat index.
    let partsInClass: [Int]
    let strides: [Int]
    /// N(k) by the flat index Σ k_c × stride_c.
    let counts: [Double]

    /// Counts for parts with `shares` (walked in `order`, with `remaining` the shares left from
    /// each depth on, as ``UncoveredShares/Layout`` holds them) and classes `classes` (any
    /// integers: equal means same class), within `limit`.
    init(shares: [Double], classes: [Int], order: [Int], remaining: [Double], limit: Double) {
        let distinct = Array(Set(classes)).sorted()
        let classOf = classes.map { distinct.firstIndex(of: $0)! }
        var partsInClass = [Int](repeating: 0, count: distinct.count)
        for c in classOf { partsInClass[c] += 1 }
        var strides = [Int](repeating: 1, count: distinct.count)
        for c in distinct.indices.dropFirst() { strides[c] = strides[c - 1] * (partsInClass[c - 1] + 1) }
        let size = (strides.last ?? 1) * ((partsInClass.last ?? 0) + 1)
        self.partsInClass = partsInClass
        self.strides = strides
        let n = order.count, classCount = distinct.count
        // The parts of each class from each depth on (flat, depth × classes), for the cut where
        // everything left fits.
        var left = [Int](repeating: 0, count: (n + 1) * classCount)
        for depth in stride(from: n - 1, through: 0, by: -1) {
            for c in 0..<classCount { left[depth * classCount + c] = left[(depth + 1) * classCount + c] }
            left[depth * classCount + classOf[order[depth]]] += 1
        }
        let largest = partsInClass.max() ?? 0
        // C(r, j) at r × (largest + 1) + j, exact as whole numbers this small.
        var binomial = [Double](repeating: 0, count: (largest + 1) * (largest + 1))
        for r in 0...largest {
            for j in 0...r { binomial[r * (largest + 1) + j] = (0..<j).reduce(1.0) { $0 * Double(r - $1) / Double($1 + 1) }.rounded() }
        }
        var tally = Tally(counts: [Double](repeating: 0, count: max(size, 1)), left: left, classCount: classCount,
                          strides: strides, binomial: binomial, binomialRow: largest + 1, shares: shares, classOf: classOf, order: order,
                          remaining: remaining, limit: limit, j: [Int](repeating: 0, count: classCount))
        tally.count(0, 0, 0)
        let counts = tally.counts
        self.counts = counts
        classIndex = classOf
        classIDs = distinct
        var factorStart = [Int](repeating: 0, count: classCount + 1)
        for c in 0..<classCount { factorStart[c + 1] = factorStart[c] + partsInClass[c] + 1 }
        self.factorStart = factorStart
        // The count vectors with some fitting combination, in flat-index order, each as the slots
        // of its factors: the sum then visits only these, in the order of the flat index.
        var nonZero: [Int] = [], factorSlots: [Int] = []
        var j = [Int](repeating: 0, count: classCount)
        for index in counts.indices {
            if counts[index] != 0 {
                nonZero.append(index)
                for c in 0..<classCount { factorSlots.append(factorStart[c] + j[c]) }
            }
            var c = 0
            while c < classCount {
                j[c] += 1
                if j[c] <= partsInClass[c] { break }
                j[c] = 0
                c += 1
            }
        }
        nonZeroCounts = nonZero.map { counts[$0] }
        self.factorSlots = factorSlots
    }

    /// Each part's class, numbered from 0, and the class each number stands for.
    let classIndex: [Int]
    let classIDs: [Int]
    /// Where class c's factors u^j (1 − u)^(n − j) start in the flat table of factors.
    let factorStart: [Int]
    /// The nonzero N(k) in flat-index order, and for each its classes' factor slots
    /// (`factorSlots[i × classes + c]`).
    let nonZeroCounts: [Double]
    let factorSlots: [Int]

    /// The chance that the uncovered parts fit, given each part's chance of being uncovered, or nil
    /// when two parts of one class have different chances (then only a walk will do).
    func chanceAllFit(chances: [Double]) -> Double? {
        var classChance = [Double](repeating: .nan, count: partsInClass.count)
        for (part, c) in classIndex.enumerated() {
            if classChance[c].isNaN { classChance[c] = chances[part] } else if classChance[c] != chances[part] { return nil }
        }
        return classChance.withUnsafeBufferPointer { classChance in chanceAllFit { classChance[$0] } }
    }

    /// The chance that the uncovered parts fit when each part of source s (its class as given to
    /// the initialiser) is uncovered with chance `chanceBySource[s]`.
    func chanceAllFit(chanceBySource: UnsafeBufferPointer<Double>) -> Double {
        classIDs.withUnsafeBufferPointer { classIDs in chanceAllFit { chanceBySource[classIDs[$0]] } }
    }

    /// `Σ N(k) Π_c u_c^{k_c} (1 − u_c)^{n_c − k_c}` with `classChance(c)` = u_c. A central-case search
    /// asks this for every group in every year of thousands of cases, so it makes no array: the
    /// factors go in a temporary buffer (on the stack when small), and the sum visits the nonzero
    /// counts found at init, in the order of the flat index.
    private func chanceAllFit(classChance: (Int) -> Double) -> Double {
        let classCount = partsInClass.count
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: max(1, factorStart[classCount])) { factors in
            for c in 0..<classCount {
                let u = classChance(c), n = partsInClass[c], start = factorStart[c]
                // u^j into the slots, then each times (1 − u)^(n − j) from the top down.
                factors[start] = 1
                for j in stride(from: 1, through: n, by: 1) { factors[start + j] = factors[start + j - 1] * u }
                var complement = 1.0
                for j in stride(from: n, through: 0, by: -1) {
                    factors[start + j] *= complement
                    complement *= 1 - u
                }
            }
            var total = 0.0
            nonZeroCounts.withUnsafeBufferPointer { counts in
                factorSlots.withUnsafeBufferPointer { slots in
                    var slot = 0
                    for count in counts {
                        var chance = count
                        for _ in 0..<classCount {
                            chance *= factors[slots[slot]]
                            slot += 1
                        }
                        total += chance
                    }
                }
            }
            return total
        }
    }
}

/// The walk that counts the fitting combinations, as a value with its working arrays, so that the
/// recursion allocates nothing.
private struct Tally {
    var counts: [Double]
    let left: [Int]
    let classCount: Int
    let strides: [Int]
    let binomial: [Double]
    let binomialRow: Int
    let shares: [Double]
    let classOf: [Int]
    let order: [Int]
    let remaining: [Double]
    let limit: Double
    var j: [Int]

    mutating func count(_ depth: Int, _ used: Double, _ index: Int) {
        if depth == order.count || used + remaining[depth] <= limit {
            addEverySubset(leftFrom: depth, at: index)
            return
        }
        let part = order[depth]
        count(depth + 1, used, index)
        if used + shares[part] <= limit { count(depth + 1, used + shares[part], index + strides[classOf[part]]) }
    }

    /// Every subset of the parts from `depth` on fits: adds Π_c C(left_c, j_c) at each offset
    /// Σ j_c stride_c.
    mutating func addEverySubset(leftFrom depth: Int, at index: Int) {
        let base = depth * classCount
        for c in 0..<classCount { j[c] = 0 }
        while true {
            var ways = 1.0, offset = index
            for c in 0..<classCount {
                ways *= binomial[left[base + c] * binomialRow + j[c]]
                offset += j[c] * strides[c]
            }
            counts[offset] += ways
            var c = 0
            while c < classCount {
                j[c] += 1
                if j[c] <= left[base + c] { break }
                j[c] = 0
                c += 1
            }
            if c == classCount { return }
        }
    }
}
