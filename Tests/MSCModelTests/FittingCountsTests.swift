import Testing
@testable import MSCModel

/// The chance that a post's uncovered parts fit within the gap, summed from the combinations
/// counted once by source, equals the walk over every combination with that year's chances, on
/// random posts of up to 14 parts from 1 to 3 sources, with limits from nothing fitting to
/// everything fitting. Parts of one source with different chances fall back to the walk.
@Test func countedCombinationsGiveTheWalksChance() {
    var state: UInt64 = 2024
    func uniform() -> Double {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Double(state >> 11) / Double(1 << 53)
    }
    var compared = 0
    for _ in 0..<400 {
        let n = Int(uniform() * 15)
        let sourceCount = 1 + Int(uniform() * 3)
        let shares = (0..<n).map { _ in 0.001 + 0.05 * uniform() }
        let classes = (0..<n).map { _ in Int(uniform() * Double(sourceCount)) * 7 }
        let sourceChance = (0..<(7 * sourceCount)).map { _ in uniform() < 0.1 ? 0 : uniform() }
        let chances = classes.map { sourceChance[$0] }
        let limit = uniform() * 0.25
        let counted = UncoveredShares(layout: .init(shares: shares, limit: limit, classes: classes), chances: chances)
        let walked = UncoveredShares(shares: shares, chances: chances, limit: limit)
        #expect(walked.layout.fittingCounts == nil)
        #expect(counted.layout.fittingCounts != nil)
        let a = counted.chanceAllFit(), b = walked.chanceAllFit()
        #expect(abs(a - b) <= 1e-13, "\(n) parts: \(a) vs \(b)")
        compared += 1
        // Two parts of one source with different chances: the walk's own answer.
        if n >= 2, classes[0] == classes[1] {
            var uneven = chances
            uneven[1] = chances[0] == 0.5 ? 0.25 : 0.5
            let fallback = UncoveredShares(layout: .init(shares: shares, limit: limit, classes: classes), chances: uneven)
            #expect(fallback.chanceAllFit() == UncoveredShares(shares: shares, chances: uneven, limit: limit).chanceAllFit())
        }
    }
    #expect(compared == 400)
}

/// By hand: three parts of 4%, 4% and 5% of one source, each uncovered with chance u, within an 8.5%
/// gap. Fitting: none, any one, or the two 4% parts: (1−u)^3 + 3u(1−u)^2 + u^2(1−u).
@Test func countedCombinationsByHand() {
    let u = 0.3
    let layout = UncoveredShares.Layout(shares: [0.04, 0.05, 0.04], limit: 0.085, classes: [2, 2, 2])
    let expected = (1 - u) * (1 - u) * (1 - u) + 3 * u * (1 - u) * (1 - u) + u * u * (1 - u)
    #expect(abs(UncoveredShares(layout: layout, chances: [u, u, u]).chanceAllFit() - expected) < 1e-15)
    #expect(layout.fittingCounts?.counts == [1, 3, 1, 0])
}

/// The sum over the nonzero counts only, with their factor slots found at init, is the dense sum
/// over every count vector in flat-index order, bit for bit (written out here as the reference).
@Test func countedSumSkipsOnlyZerosAndKeepsItsOrder() {
    var state: UInt64 = 77
    func uniform() -> Double {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Double(state >> 11) / Double(1 << 53)
    }
    for _ in 0..<300 {
        let n = 1 + Int(uniform() * 14)
        let sourceCount = 1 + Int(uniform() * 3)
        let shares = (0..<n).map { _ in 0.001 + 0.05 * uniform() }
        let classes = (0..<n).map { _ in Int(uniform() * Double(sourceCount)) }
        let layout = UncoveredShares.Layout(shares: shares, limit: uniform() * 0.25, classes: classes)
        guard let counts = layout.fittingCounts else { continue }
        let chanceBySource = (0..<sourceCount).map { _ in uniform() }
        // The dense reference: u^j (1 − u)^(n − j) per class, then every count vector in order.
        let classChance = counts.classIDs.map { chanceBySource[$0] }
        var factors: [[Double]] = []
        for (c, parts) in counts.partsInClass.enumerated() {
            var row = [Double](repeating: 1, count: parts + 1)
            for j in stride(from: 1, through: parts, by: 1) { row[j] = row[j - 1] * classChance[c] }
            var complement = 1.0
            for j in stride(from: parts, through: 0, by: -1) {
                row[j] *= complement
                complement *= 1 - classChance[c]
            }
            factors.append(row)
        }
        var total = 0.0
        var j = [Int](repeating: 0, count: counts.partsInClass.count)
        for index in counts.counts.indices {
            if counts.counts[index] != 0 {
                var chance = counts.counts[index]
                for c in j.indices { chance *= factors[c][j[c]] }
                total += chance
            }
            var c = 0
            while c < j.count {
                j[c] += 1
                if j[c] <= counts.partsInClass[c] { break }
                j[c] = 0
                c += 1
            }
        }
        let sparse = chanceBySource.withUnsafeBufferPointer { counts.chanceAllFit(chanceBySource: $0) }
        #expect(sparse.bitPattern == total.bitPattern)
    }
}
