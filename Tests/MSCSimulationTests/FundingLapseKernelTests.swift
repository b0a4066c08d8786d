import GSLKit
import MSCModel
import Testing
@testable import MSCSimulation

/// The engine's flattened funding draw against the readable one it replaces in the inner loop:
/// `FundingMix.drawLapses` then `FundingMix.fundedYears`, on random mixes, shared posts and draws,
/// each side reading its own copy of one random stream.
@Suite struct FundingLapseKernelTests {
    private static func assumption(_ value: Double) -> Assumption {
        Assumption(name: "renewal", description: "Test renewal probability.", unit: .fraction, value: value,
                   distribution: .fixed(value), sources: [], evidence: .illustrative, notes: "test", origin: "test")
    }

    @Test func matchesTheReadableDrawYearForYearAndDrawForDraw() throws {
        let setup = RandomStream(seed: 77)
        let kinds: [FundingSourceKind] = [.laCoreBudget, .policeAndCrimeCommissioner, .centralGovernmentGrant, .partnerContribution]
        var checked = 0, lost = 0
        for case_ in 0..<300 {
            let count = 1 + Int(setup.uniform() * 4)
            var shares = (0..<count).map { _ in 0.05 + setup.uniform() }
            let total = shares.reduce(0, +)
            shares = shares.map { $0 / total }
            shares[count - 1] = 1 - shares.dropLast().reduce(0, +)
            let decisions: [FundingDecision] = [.nationally, .perPost, .perCouncil]
            let sources = (0..<count).map { index in
                FundingSource(kind: kinds[Int(setup.uniform() * 4)], share: shares[index], termYears: 1 + Int(setup.uniform() * 4),
                              renewal: Self.assumption(0.5), decision: decisions[Int(setup.uniform() * 3)])
            }
            let mix = try FundingMix(sources: sources, absorbProbability: setup.uniform() < 0.3 ? 0 : setup.uniform(),
                                     gapTolerance: setup.uniform() < 0.3 ? 0 : 0.4 * setup.uniform())
            let horizon = 1 + Int(setup.uniform() * 12)
            // Renewal chances including the certain ones (0 and 1) the kernel settles without a draw.
            let renewal = sources.map { _ -> Double in
                let u = setup.uniform()
                return u < 0.1 ? 0 : (u < 0.2 ? 1 : 0.5 + 0.5 * setup.uniform())
            }
            let councils = 1 + Int(setup.uniform() * 5)
            var split = (0..<councils).map { _ in 0.1 + setup.uniform() }
            let splitTotal = split.reduce(0, +)
            split = split.map { $0 / splitTotal }
            let parts = mix.parts(split: split)
            let national = RandomStream(seed: UInt64(1000 + case_))
            let draw = mix.draw(renewalProbabilities: renewal, absorbProbability: mix.absorbProbability,
                                gapTolerance: mix.gapTolerance, horizonYears: horizon, uniform: { national.uniform() })
            let readableStream = RandomStream(seed: UInt64(case_)), kernelStream = RandomStream(seed: UInt64(case_))
            var kernelUniforms = BufferedUniforms(stream: kernelStream, blockSize: 7)
            let kernel = FundingLapseKernel(mix: mix, horizonYears: horizon, largestPost: parts.count)
            kernel.prepare(draw)
            // The readable draw takes 20 posts one after another; the kernel draws them in one call.
            var lapses: [SourceLapse] = []
            var expectedYears: [Int] = [], readableDraws = 0, kernelDraws = 0
            for _ in 0..<20 {
                mix.drawLapses(horizonYears: horizon, draw: draw, parts: parts, into: &lapses,
                               uniform: { readableDraws += 1; return readableStream.uniform() })
                expectedYears.append(mix.fundedYears(horizonYears: horizon, lapses: lapses, gapTolerance: draw.gapTolerance))
            }
            let years = parts.withUnsafeBufferPointer {
                Array(kernel.fundedYears(parts: $0, posts: 20, uniforms: &kernelUniforms, draws: &kernelDraws))
            }
            #expect(years == expectedYears, "case \(case_): \(years) vs \(expectedYears)")
            #expect(kernelDraws == readableDraws)
            checked += 20
            lost += expectedYears.filter { $0 < horizon }.count
            #expect(readableStream.uniform() == kernelUniforms.uniform())
        }
        // The cases reach both outcomes.
        #expect(lost > 500 && checked - lost > 500, "\(lost) lost of \(checked)")
    }

    /// The bound the kernel compares each uniform u with stands for the readable test on v = 1 − u,
    /// as computed: u below it exactly when 1 − u is above the last threshold, checked at the bound,
    /// the doubles either side of it, and at random, for thresholds across (0, 1) and at the ends.
    @Test func aUniformLapsesBelowTheBoundExactlyWhenTheReadableTestSaysSo() {
        let setup = RandomStream(seed: 5)
        var lasts: [Double] = [0, 1, 1.5, -0.5, .nan, 0x1p-60, 1.0.nextDown, 0.5, 0.5.nextDown, 0.5.nextUp]
        lasts += (0..<2_000).map { _ in setup.uniform() }
        lasts += (0..<500).map { _ in 1 - 1e-6 * setup.uniform() }       // thresholds within rounding of 1
        for last in lasts {
            let bound = FundingLapseKernel.lapsesBelow(lastThreshold: last)
            var probes = (0..<20).map { _ in setup.uniform() } + [0, 1.0.nextDown, 0.5]
            if bound.isFinite {
                probes += [bound, bound.nextDown, bound.nextUp].filter { $0 >= 0 && $0 < 1 }
            }
            for u in probes {
                #expect((u < bound) == (1 - u > last), "last \(last), u \(u), bound \(bound)")
                // The draw asks it of the bit patterns: the same answer, for every bound found here.
                let byBits = FundingLapseKernel.below(Int64(bitPattern: u.bitPattern), Int64(bitPattern: bound.bitPattern))
                #expect(byBits == (u < bound ? 1 : 0), "u \(u), bound \(bound)")
            }
        }
        // The bounds of a source that never lapses and of one that always does, against the ends of [0, 1).
        for u in [0, 0x1p-1074, 0x1p-60, 0.5, 1.0.nextDown] {
            for bound in [-Double.infinity, .infinity, 0, 1] {
                let byBits = FundingLapseKernel.below(Int64(bitPattern: u.bitPattern), Int64(bitPattern: bound.bitPattern))
                #expect(byBits == (u < bound ? 1 : 0), "u \(u), bound \(bound)")
            }
        }
    }

    /// One draw refilled in place, as each Monte Carlo worker keeps one per mix, equals a fresh
    /// draw every time (mixes of different sizes and horizons one after the other) and takes the
    /// same uniforms.
    @Test func aRefilledDrawEqualsAFreshOne() throws {
        let setup = RandomStream(seed: 91)
        let decisions: [FundingDecision] = [.nationally, .perPost, .perCouncil]
        var reused = FundingDraw()
        for case_ in 0..<200 {
            let count = 1 + Int(setup.uniform() * 4)
            let sources = (0..<count).map { _ in
                FundingSource(kind: .centralGovernmentGrant, share: 1 / Double(count), termYears: 1 + Int(setup.uniform() * 4),
                              renewal: Self.assumption(0.5), decision: decisions[Int(setup.uniform() * 3)])
            }
            let mix = try FundingMix(sources: sources, absorbProbability: 0.2, gapTolerance: 0)
            let horizon = 1 + Int(setup.uniform() * 12)
            let renewal = sources.map { _ -> Double in
                let u = setup.uniform()
                return u < 0.1 ? 0 : (u < 0.2 ? 1 : 0.5 + 0.5 * setup.uniform())
            }
            let freshStream = RandomStream(seed: UInt64(case_)), reusedStream = RandomStream(seed: UInt64(case_))
            let fresh = mix.draw(renewalProbabilities: renewal, absorbProbability: 0.2, gapTolerance: 0.1,
                                 horizonYears: horizon, uniform: { freshStream.uniform() })
            mix.draw(into: &reused, renewalProbability: { renewal[$0] }, absorbProbability: 0.2, gapTolerance: 0.1,
                     horizonYears: horizon, uniform: { reusedStream.uniform() })
            #expect(reused == fresh, "case \(case_)")
            #expect(freshStream.uniform() == reusedStream.uniform())
        }
    }
}
