import Testing
import GSLKit
@testable import MSCModel
@testable import MSCSimulation

private func renewal(_ distribution: Distribution) -> Assumption {
    Assumption(name: "testRenewal", description: "Test renewal probability.", unit: .fraction, value: distribution.mean,
               distribution: distribution, sources: [], evidence: .illustrative, notes: "test", origin: "test")
}

private func source(_ kind: FundingSourceKind, share: Double, term: Int, _ distribution: Distribution) -> FundingSource {
    FundingSource(kind: kind, share: share, termYears: term, renewal: renewal(distribution))
}

/// Three mixes: fixed renewal chances; uncertain (beta) ones; and a patchwork with absorption and a gap.
private func mixes() throws -> [(name: String, mix: FundingMix)] {
    [
        ("fixed product", try FundingMix(sources: [source(.laCoreBudget, share: 0.5, term: 1, .fixed(0.97)),
                                                   source(.policeAndCrimeCommissioner, share: 0.3, term: 2, .fixed(0.9)),
                                                   source(.publicHealth, share: 0.2, term: 3, .fixed(0.85))],
                                         absorbProbability: 0, gapTolerance: 0)),
        ("beta product", try FundingMix(sources: [source(.centralGovernmentGrant, share: 0.8, term: 3, .beta(alpha: 38, beta: 2)),
                                                  source(.charitableGrant, share: 0.2, term: 2, .uniform(minimum: 0.6, maximum: 1))],
                                        absorbProbability: 0, gapTolerance: 0)),
        ("absorbing patchwork", try FundingMix(sources: [source(.laCoreBudget, share: 0.5, term: 1, .beta(alpha: 49, beta: 1)),
                                                         source(.policeAndCrimeCommissioner, share: 0.3, term: 2, .beta(alpha: 18, beta: 2)),
                                                         source(.nhsICB, share: 0.2, term: 3, .beta(alpha: 22, beta: 3))],
                                               absorbProbability: 0.5, gapTolerance: 0.1)),
    ]
}

@Suite("Funding Monte Carlo")
struct FundingSimulationTests {
    @Test(arguments: 0..<3)
    func survivalAgreesWithTheAnalyticValue(index: Int) throws {
        let (name, mix) = try mixes()[index]
        let horizon = 12
        let exact = try #require(mix.analyticFunding(horizonYears: horizon))
        let simulated = FundingSimulation.run(mix: mix, horizonYears: horizon, runs: 20_000, seed: 20250101 + UInt64(index))
        #expect(simulated.expectation.survival[0] == 1)
        for year in 0..<horizon {
            let standardError = (exact.survival[year] * (1 - exact.survival[year]) / 20_000).squareRoot()
            let difference = abs(simulated.expectation.survival[year] - exact.survival[year])
            #expect(difference <= 4 * standardError, "\(name), year \(year): \(simulated.expectation.survival[year]) vs \(exact.survival[year])")
        }
        // Expected funded post-years, and each funder's share-years, agree too.
        #expect(abs(simulated.expectation.expectedPostYears - exact.expectedPostYears) <= 4 * simulated.expectedPostYearsStandardError,
                "\(name)")
        for funder in 0..<mix.funderCount {
            let simulatedTotal = simulated.expectation.shareByFunder[funder].reduce(0, +)
            let exactTotal = exact.shareByFunder[funder].reduce(0, +)
            #expect(abs(simulatedTotal - exactTotal) <= 4 * simulated.expectedPostYearsStandardError + 1e-12, "\(name), funder \(funder)")
        }
    }

    @Test func sameSeedSameNumbers() throws {
        let mix = try mixes()[2].mix
        let first = FundingSimulation.run(mix: mix, horizonYears: 10, runs: 2_000, seed: 7)
        let second = FundingSimulation.run(mix: mix, horizonYears: 10, runs: 2_000, seed: 7)
        let other = FundingSimulation.run(mix: mix, horizonYears: 10, runs: 2_000, seed: 8)
        #expect(first.expectation == second.expectation)
        #expect(first.expectation != other.expectation)
    }

    @Test func fundedYearsAloneFollowTheSameDraws() throws {
        let mix = try mixes()[2].mix
        let a = RandomStream(seed: 11), b = RandomStream(seed: 11)
        var path = FundingPath()
        for _ in 0..<2_000 {
            mix.simulatePath(horizonYears: 10, renewalProbabilities: [0.95, 0.8, 0.7], uniform: { a.uniform() }, into: &path)
            let years = mix.simulateFundedYears(horizonYears: 10, renewalProbabilities: [0.95, 0.8, 0.7], uniform: { b.uniform() })
            #expect(path.fundedYears == years)
        }
    }
}
