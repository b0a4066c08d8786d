import GSLKit
import Testing
@testable import MSCModel
@testable import MSCSimulation

/// The flattened funding draw counts the renewal points a uniform passes, against thresholds held
/// to the lowest so far (for falling thresholds, as `q^k` almost always is, the thresholds
/// themselves). That must give the readable draw's year (`FundingMix.drawLapses`, the first k with
/// v > threshold, if v passes the last) for every uniform, so it is held to it here on thresholds
/// set by hand: falling, flat in places, and out of order.
@Suite struct KernelFundingThresholdTests {
    private static func assumption(_ value: Double) -> Assumption {
        Assumption(name: "renewal", description: "Test renewal probability.", unit: .fraction, value: value,
                   distribution: .fixed(value), sources: [], evidence: .illustrative, notes: "test", origin: "test")
    }

    @Test(arguments: [
        [0.8, 0.64, 0.512],            // q^k
        [0.9, 0.9, 0.5, 0.5],          // flat in places: still never rising
        [0.5, 0.7, 0.3],               // rises once: the search, not the count
        [0.2, 0.6, 0.9, 0.95],         // rises throughout
        [0.6],                         // one renewal point
    ])
    func eitherWayTheYearIsTheReadableDrawsYear(thresholds: [Double]) throws {
        let termYears = 2, horizon = 2 * thresholds.count + 1
        let mix = try FundingMix(sources: [FundingSource(kind: .centralGovernmentGrant, share: 1, termYears: termYears,
                                                        renewal: Self.assumption(0.5), decision: .perPost)],
                                 absorbProbability: 0, gapTolerance: 0)
        let draw = FundingDraw(renewalProbabilities: [0.5], absorbProbability: 0, gapTolerance: 0, nationalLapseYears: [Int.max],
                               thresholdValues: thresholds, thresholdBounds: [0, thresholds.count])
        let parts = mix.parts(split: [])
        let kernel = FundingLapseKernel(mix: mix, horizonYears: horizon, largestPost: parts.count)
        kernel.prepare(draw)
        let readableStream = RandomStream(seed: 17, algorithm: .tausworthe)
        var kernelUniforms = BufferedUniforms(stream: RandomStream(seed: 17, algorithm: .tausworthe), blockSize: 16)
        var lapses: [SourceLapse] = [], years: Set<Int> = [], readableDraws = 0, kernelDraws = 0
        var expected: [Int] = []
        for _ in 0..<2000 {
            mix.drawLapses(horizonYears: horizon, draw: draw, parts: parts, into: &lapses,
                           uniform: { readableDraws += 1; return readableStream.uniform() })
            expected.append(mix.fundedYears(horizonYears: horizon, lapses: lapses, gapTolerance: 0))
            years.insert(expected.last!)
        }
        let kernelYears = parts.withUnsafeBufferPointer {
            Array(kernel.fundedYears(parts: $0, posts: 2000, uniforms: &kernelUniforms, draws: &kernelDraws))
        }
        #expect(kernelYears == expected, "thresholds \(thresholds)")
        #expect(kernelDraws == readableDraws)
        // Every renewal point and the whole horizon are reached at least once, or as many as the
        // thresholds allow (out of order, some points can never be the first failed).
        #expect(years.contains(horizon))
        #expect(years.count >= 2)
    }
}
