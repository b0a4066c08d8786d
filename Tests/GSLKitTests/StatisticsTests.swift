import Foundation
@testable import GSLKit
import Testing

@Test func summaryStatisticsByHand() {
    let data: [Double] = [2, 4, 4, 4, 5, 5, 7, 9]
    #expect(Statistics.mean(data) == 5)
    // Sum of squared deviations is 32; the sample variance divides by n - 1 = 7.
    #expect(abs(Statistics.variance(data) - 32.0 / 7) < 1e-15)
    #expect(abs(Statistics.standardDeviation(data) - (32.0 / 7).squareRoot()) < 1e-15)
    #expect(Statistics.mean([]).isNaN)
    #expect(Statistics.variance([1]).isNaN)
    #expect(Statistics.standardDeviation([]).isNaN)
}

@Test func quantileOfSortedDataByHand() {
    let sorted = Statistics.sorted([7, 3, 10, 1, 5, 9, 2, 8, 4, 6])
    #expect(sorted == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    // (n - 1) f = 9 x 0.25 = 2.25: x[2] + 0.25 (x[3] - x[2]) = 3 + 0.25 = 3.25.
    #expect(Statistics.quantile(sorted: sorted, probability: 0.25) == 3.25)
    // Median of an even count: halfway between 5 and 6.
    #expect(Statistics.quantile(sorted: sorted, probability: 0.5) == 5.5)
    // 9 x 0.95 = 8.55: 9 + 0.55 = 9.55.
    #expect(abs(Statistics.quantile(sorted: sorted, probability: 0.95) - 9.55) < 1e-12)
    #expect(Statistics.quantile(sorted: sorted, probability: 0) == 1)
    #expect(Statistics.quantile(sorted: sorted, probability: 1) == 10)
    #expect(Statistics.quantile(sorted: [], probability: 0.5).isNaN)
    #expect(Statistics.quantile(sorted: sorted, probability: 1.5).isNaN)
    #expect(Statistics.sorted([]) == [])
    #expect(Statistics.sorted([-1.5]) == [-1.5])
}

@Test func sobolFirstPointsMatchGSL() throws {
    let sobol = try SobolSequence(dimension: 2)
    #expect(sobol.dimension == 2)
    // GSL's Sobol sequence skips the origin.
    #expect(sobol.next() == [0.5, 0.5])
    #expect(sobol.next() == [0.75, 0.25])
    #expect(sobol.next() == [0.25, 0.75])
    var buffer: [Double] = []
    sobol.next(into: &buffer)
    #expect(buffer == [0.375, 0.375])
    sobol.reset()
    #expect(sobol.next() == [0.5, 0.5])

    // Points are distinct and in [0, 1); the first 2^k - 1 points cover each axis evenly.
    let wide = try SobolSequence(dimension: SobolSequence.maximumDimension)
    var points: [[Double]] = []
    for _ in 0..<1_023 { points.append(wide.next()) }
    #expect(points.allSatisfy { $0.count == 40 && $0.allSatisfy { $0 >= 0 && $0 < 1 } })
    #expect(Set(points).count == points.count)
    for axis in [0, 17, 39] {
        let mean = Statistics.mean(points.map { $0[axis] })
        #expect(abs(mean - 0.5) < 1e-3, "axis \(axis) mean \(mean)")
    }
}

@Test func quantilesBySelectionEqualTheSortedOnesExactly() {
    // By hand on the data above: 3.25 at 0.25, 5.5 at 0.5, 10 at 1.
    var small: [Double] = [7, 3, 10, 1, 5, 9, 2, 8, 4, 6]
    #expect(Statistics.quantiles(selectingIn: &small, probabilities: [0.25, 0.5, 1]) == [3.25, 5.5, 10])
    var none: [Double] = []
    #expect(Statistics.quantiles(selectingIn: &none, probabilities: [0.5])[0].isNaN)
    // Random data with ties and many sizes: bit for bit what interpolating in the sorted data gives.
    let stream = RandomStream(seed: 5)
    for n in [1, 2, 3, 7, 20, 101, 1000, 2047, 2048, 4099, 30_001] {
        let data = (0..<n).map { _ in (stream.uniform() * 50).rounded() + stream.normal(mean: 0, standardDeviation: 1) * Double(n % 3) }
        let sorted = Statistics.sorted(data)
        // Out of order and repeated, as callers may ask: each answer is still exact.
        let probabilities = [0.95, 0, 0.5, 0.05, 0.5, 1, 0.999, 0.9501, 0.25]
        var copy = data
        let selected = Statistics.quantiles(selectingIn: &copy, probabilities: probabilities)
        for (p, value) in zip(probabilities, selected) {
            #expect(value.bitPattern == Statistics.quantile(sorted: sorted, probability: p).bitPattern, "n \(n), p \(p)")
        }
    }
}

/// From 2,048 values on, ranks are first bracketed from a sample of the data: the answers are still
/// exactly the sorted data's, for data in any order, and data whose order defeats the sample falls
/// back to selecting in the whole array.
@Test func bracketedQuantilesEqualTheSortedOnesInAnyOrder() {
    let stream = RandomStream(seed: 11)
    let n = 50_000
    let random = (0..<n).map { _ in stream.normal(mean: 0, standardDeviation: 1) }
    let ties = (0..<n).map { _ in (stream.uniform() * 4).rounded(.down) + 1 }
    let skewed = (0..<n).map { _ in exp(3 * stream.normal(mean: 0, standardDeviation: 1)) }
    let ascending = Statistics.sorted(random)
    let cases: [(String, [Double])] = [
        ("random", random), ("four values", ties), ("skewed", skewed), ("ascending", ascending),
        ("descending", ascending.reversed()), ("all equal", Array(repeating: 2.5, count: n)),
    ]
    let probabilities = [0.05, 0.5, 0.95, 0, 1, 0.001, 0.999, 0.25]
    for (name, data) in cases {
        let sorted = Statistics.sorted(data)
        var copy = data
        let selected = Statistics.quantiles(selectingIn: &copy, probabilities: probabilities)
        for (p, value) in zip(probabilities, selected) {
            #expect(value.bitPattern == Statistics.quantile(sorted: sorted, probability: p).bitPattern, "\(name), p \(p)")
        }
        // These orders keep the sample representative: the bracketed path answers them itself.
        let bracketed = data.withUnsafeBufferPointer { Statistics.quantilesByBracketing($0, probabilities: probabilities) }
        #expect(bracketed != nil, "\(name)")
    }
    // Every sampled position holds the largest value, every other the rest in rising order: each
    // bracket is wrong, the bracketed path declines, and the answer is still exact.
    let stride = n / 2048
    let adversarial = (0..<(stride * 2048)).map { $0 % stride == 0 ? 1e9 : Double($0) }
    #expect(adversarial.withUnsafeBufferPointer { Statistics.quantilesByBracketing($0, probabilities: [0.5]) } == nil)
    var copy = adversarial
    let sorted = Statistics.sorted(adversarial)
    let selected = Statistics.quantiles(selectingIn: &copy, probabilities: probabilities)
    for (p, value) in zip(probabilities, selected) {
        #expect(value.bitPattern == Statistics.quantile(sorted: sorted, probability: p).bitPattern, "adversarial, p \(p)")
    }
}

/// Where a rank's value is zero and the data hold a −0, only quickselect over all the values says
/// which of −0 and +0 stands there, so the bracketed path declines and the answer is quickselect's,
/// bit for bit; with +0s alone it answers, with the same bits.
/// Data with a NaN has no ranks to bracket. Otherwise the bracketed answer is quickselect's too.
@Test func bracketedQuantilesMatchQuickselectBitForBit() {
    let stream = RandomStream(seed: 23)
    let probabilities = [0.05, 0.5, 0.95]
    func bySelecting(_ data: [Double]) -> [Double] {
        var copy = data
        return copy.withUnsafeMutableBufferPointer { Statistics.quantilesBySelecting($0, probabilities: probabilities) }
    }
    for zeros in [0.0, 0.3, 0.6, 0.97] {
        let data = (0..<20_000).map { _ -> Double in
            let u = stream.uniform()
            if u < zeros { return stream.uniform() < 0.5 ? -0.0 : 0.0 }
            return (stream.uniform() - 0.5) * 100
        }
        var copy = data
        let answer = Statistics.quantiles(selectingIn: &copy, probabilities: probabilities)
        #expect(answer.map(\.bitPattern) == bySelecting(data).map(\.bitPattern), "zeros \(zeros)")
        if zeros >= 0.3 {
            // The median is a zero: bracketing declines.
            #expect(data.withUnsafeBufferPointer { Statistics.quantilesByBracketing($0, probabilities: [0.5]) } == nil)
        }
    }
    // Zeros that are all +0 (a year in which some iterations fund no post): every rank has one
    // value, so the bracketed path answers, and gives quickselect's bits.
    for zeros in [0.04, 0.3, 0.6, 0.97, 1.0] {
        let data = (0..<20_000).map { _ -> Double in stream.uniform() < zeros ? 0.0 : stream.uniform() * 100 }
        let bracketed = data.withUnsafeBufferPointer { Statistics.quantilesByBracketing($0, probabilities: probabilities) }
        #expect(bracketed != nil, "zeros \(zeros)")
        #expect(bracketed?.map(\.bitPattern) == bySelecting(data).map(\.bitPattern), "zeros \(zeros)")
        var copy = data
        #expect(Statistics.quantiles(selectingIn: &copy, probabilities: probabilities).map(\.bitPattern)
                == bySelecting(data).map(\.bitPattern), "zeros \(zeros)")
    }
    // One −0 among +0s is enough for the bracketed path to decline.
    var oneNegativeZero = (0..<20_000).map { index in index % 2 == 0 ? 0.0 : stream.uniform() }
    oneNegativeZero[19_999] = -0.0
    #expect(oneNegativeZero.withUnsafeBufferPointer { Statistics.quantilesByBracketing($0, probabilities: [0.25]) } == nil)
    var withNaN = (0..<5000).map { _ in stream.uniform() }
    withNaN[1234] = .nan
    #expect(withNaN.withUnsafeBufferPointer { Statistics.quantilesByBracketing($0, probabilities: [0.5]) } == nil)
}
