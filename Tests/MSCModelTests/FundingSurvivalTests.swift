import Foundation
import Testing
@testable import MSCModel

/// A renewal assumption with a fixed or uncertain probability.
private func renewal(_ distribution: Distribution, name: String = "testRenewal") -> Assumption {
    Assumption(name: name, description: "Test renewal probability.", unit: .fraction, value: distribution.mean,
               distribution: distribution, sources: [], evidence: .illustrative, notes: "test", origin: "test")
}

private func source(_ kind: FundingSourceKind, share: Double, term: Int, _ distribution: Distribution) -> FundingSource {
    FundingSource(kind: kind, share: share, termYears: term, renewal: renewal(distribution))
}

/// Uniform numbers from a fixed list, for paths whose every draw is scripted.
private final class Script {
    private var values: [Double]
    init(_ values: [Double]) { self.values = values }
    func next() -> Double { values.isEmpty ? 0 : values.removeFirst() }
    var remaining: Int { values.count }
}

@Suite("Funding survival")
struct FundingSurvivalTests {
    @Test func productFormulaByHand() {
        // q1 = 0.9 every 2 years, q2 = 0.8 every 3 years: S(6) = 0.9^3 × 0.8^2.
        let terms = [2, 3], qs = [0.9, 0.8]
        #expect(FundingMix.productSurvival(year: 0, termYears: terms, renewalProbabilities: qs) == 1)
        #expect(FundingMix.productSurvival(year: 1, termYears: terms, renewalProbabilities: qs) == 1)
        #expect(FundingMix.productSurvival(year: 2, termYears: terms, renewalProbabilities: qs) == 0.9)
        #expect(FundingMix.productSurvival(year: 3, termYears: terms, renewalProbabilities: qs) == 0.9 * 0.8)
        #expect(abs(FundingMix.productSurvival(year: 6, termYears: terms, renewalProbabilities: qs) - 0.9 * 0.9 * 0.9 * 0.8 * 0.8) < 1e-15)
    }

    @Test func analyticModeIsExactlyTheProduct() throws {
        let mix = try FundingMix(sources: [source(.laCoreBudget, share: 0.5, term: 1, .fixed(0.97)),
                                           source(.policeAndCrimeCommissioner, share: 0.3, term: 2, .fixed(0.9)),
                                           source(.publicHealth, share: 0.2, term: 3, .fixed(0.85))],
                                 absorbProbability: 0, gapTolerance: 0)
        let survival = try #require(mix.analyticSurvival(horizonYears: 12))
        #expect(survival.count == 12)
        for year in 0..<12 {
            var expected = 1.0
            for (q, term) in [(0.97, 1), (0.9, 2), (0.85, 3)] { expected *= pow(q, Double(year / term)) }
            #expect(abs(survival[year] - expected) < 1e-15)
            #expect(survival[year] == FundingMix.productSurvival(year: year, termYears: [1, 2, 3],
                                                                 renewalProbabilities: [0.97, 0.9, 0.85]))
        }
        let expectation = try #require(mix.analyticFunding(horizonYears: 12))
        #expect(expectation.probabilityLost == 1 - survival[11])
        #expect(abs(expectation.expectedPostYears - survival.reduce(0, +)) < 1e-12)
        // With nothing absorbed, each funder pays its share while the post lives.
        #expect(expectation.shareByFunder[1][5] == 0.3 * survival[5])
        #expect(expectation.shareByFunder[3].allSatisfy { $0 == 0 })
    }

    @Test func uncertainRenewalUsesMomentsNotTheMean() throws {
        // Beta(18, 2): E[q] = 0.9, E[q^2] = 18·19 / (20·21).
        let mix = try FundingMix(sources: [source(.centralGovernmentGrant, share: 1, term: 1, .beta(alpha: 18, beta: 2))],
                                 absorbProbability: 0, gapTolerance: 0)
        let survival = try #require(mix.analyticSurvival(horizonYears: 3))
        #expect(abs(survival[1] - 0.9) < 1e-15)
        #expect(abs(survival[2] - 18.0 * 19 / (20 * 21)) < 1e-15)
        #expect(survival[2] > 0.81)
        // Uniform on [0.8, 1]: E[q^2] = (1 − 0.512) / (3 × 0.2).
        #expect(abs(Distribution.uniform(minimum: 0.8, maximum: 1).rawMoment(order: 2)! - 0.488 / 0.6) < 1e-15)
        #expect(Distribution.pert(minimum: 0.8, mode: 0.9, maximum: 1).rawMoment(order: 2) == nil)
    }

    @Test func enumerationMatchesTheProductWhenNothingIsAbsorbed() throws {
        let mix = try FundingMix(sources: [source(.laCoreBudget, share: 0.6, term: 1, .fixed(0.95)),
                                           source(.charitableGrant, share: 0.4, term: 2, .fixed(0.7))],
                                 absorbProbability: 0, gapTolerance: 0)
        let product = mix.expectedFunding(horizonYears: 8, renewalProbabilities: [0.95, 0.7]).survival
        // The same mix with a gap tolerance too small to matter goes through the state enumeration.
        let enumerated = try FundingMix(sources: mix.sources, absorbProbability: 0, gapTolerance: 1e-6)
            .expectedFunding(horizonYears: 8, renewalProbabilities: [0.95, 0.7]).survival
        for year in 0..<8 { #expect(abs(product[year] - enumerated[year]) < 1e-14) }
    }

    @Test func absorptionAndGapToleranceByHand() throws {
        // One core source (never lapses) and a 0.3 grant every 2 years with q = 0.5, absorbed half the time.
        let mix = try FundingMix(sources: [source(.laCoreBudget, share: 0.7, term: 1, .fixed(1)),
                                           source(.policeAndCrimeCommissioner, share: 0.3, term: 2, .fixed(0.5))],
                                 absorbProbability: 0.5, gapTolerance: 0.1)
        let expected = mix.expectedFunding(horizonYears: 5, renewalProbabilities: [1, 0.5])
        // Year 2: lost with 0.5 × 0.5 = 0.25 (renewed 0.5, absorbed 0.25). Year 4: of the 0.5 still
        // on the grant, a quarter is lost; the absorbed quarter is safe.
        #expect(expected.survival == [1, 1, 0.75, 0.75, 0.75 - 0.5 * 0.25])
        // Host's absorbed share in year 2: probability 0.25 of holding 0.3.
        #expect(abs(expected.shareByFunder[2][2] - 0.25 * 0.3) < 1e-15)
        #expect(abs(expected.shareByFunder[1][2] - 0.5 * 0.3) < 1e-15)
        // A gap the post can carry (0.05 ≤ 0.1) leaves it running with that share unpaid.
        let tolerant = try FundingMix(sources: [source(.laCoreBudget, share: 0.95, term: 1, .fixed(1)),
                                                source(.charitableGrant, share: 0.05, term: 1, .fixed(0))],
                                      absorbProbability: 0, gapTolerance: 0.1)
        let carried = tolerant.expectedFunding(horizonYears: 3, renewalProbabilities: [1, 0])
        #expect(carried.survival == [1, 1, 1])
        #expect(abs(carried.uncoveredShare[2] - 0.05) < 1e-15)
    }

    @Test func pathFollowsTheDraws() throws {
        let mix = try FundingMix(sources: [source(.laCoreBudget, share: 0.5, term: 1, .fixed(0.9)),
                                           source(.policeAndCrimeCommissioner, share: 0.5, term: 2, .fixed(0.8))],
                                 absorbProbability: 0.5, gapTolerance: 0)
        // One uniform u per source gives its first failure: with V = 1 − u, K = ⌊log V / log q⌋ renewals
        // succeed and the source lapses at year T·(K + 1). Core: V = 0.75 lies in (0.9³, 0.9²], so
        // K = 2 and it lapses in year 3; it cannot be absorbed, so the post is lost then. PCC:
        // V = 0.9 > 0.8, so K = 0 and it lapses in year 2, and the host absorbs it (0.2 < 0.5).
        #expect(0.9 * 0.9 * 0.9 < 0.75 && 0.75 <= 0.9 * 0.9 && 0.9 > 0.8)
        let script = Script([0.25, 0.1, 0.2])
        let path = mix.simulatePath(horizonYears: 6, renewalProbabilities: [0.9, 0.8], uniform: script.next)
        #expect(path.fundedYears == 3)
        #expect(script.remaining == 0)
        #expect(path.share(ofFunder: 1, inYear: 1) == 0.5)
        #expect(path.share(ofFunder: 1, inYear: 2) == 0)
        #expect(path.share(ofFunder: 2, inYear: 2) == 0.5)
        #expect(path.share(ofFunder: 0, inYear: 3) == 0)
        #expect(path.isFunded(inYear: 2) && !path.isFunded(inYear: 3))
        let again = Script([0.25, 0.1, 0.2])
        #expect(mix.simulateFundedYears(horizonYears: 6, renewalProbabilities: [0.9, 0.8], uniform: again.next) == 3)
    }

    @Test func pathBuffersAreReused() throws {
        let mix = try FundingMix(sources: [source(.centralGovernmentGrant, share: 1, term: 3, .fixed(1))],
                                 absorbProbability: 0, gapTolerance: 0)
        var path = FundingPath()
        mix.simulatePath(horizonYears: 10, renewalProbabilities: [1], uniform: { 0.5 }, into: &path)
        #expect(path.fundedYears == 10)
        mix.simulatePath(horizonYears: 10, renewalProbabilities: [0], uniform: { 0.5 }, into: &path)
        #expect(path.fundedYears == 3)
        #expect(path.share(ofFunder: 0, inYear: 2) == 1)
        #expect(path.share(ofFunder: 0, inYear: 5) == 0)
        // A share the host absorbed on one path must not leak into the next.
        let absorbing = try FundingMix(sources: [source(.laCoreBudget, share: 0.5, term: 1, .fixed(1)),
                                                 source(.charitableGrant, share: 0.5, term: 1, .fixed(0))],
                                       absorbProbability: 1, gapTolerance: 0)
        for _ in 0..<3 {
            absorbing.simulatePath(horizonYears: 3, renewalProbabilities: [1, 0], uniform: { 0.5 }, into: &path)
            #expect(path.share(ofFunder: 2, inYear: 0) == 0)
            #expect(path.share(ofFunder: 2, inYear: 1) == 0.5)
        }
    }

    @Test func sharesMustSumToOne() {
        #expect(FundingMix.problem(sources: [source(.laCoreBudget, share: 0.6, term: 1, .fixed(1)),
                                             source(.publicHealth, share: 0.3, term: 1, .fixed(1))],
                                   absorbProbability: 0, gapTolerance: 0) == "shares sum to 0.9; expected 1")
        #expect(throws: FundingMixError.self) {
            try FundingMix(sources: [source(.laCoreBudget, share: 1.1, term: 1, .fixed(1))], absorbProbability: 0, gapTolerance: 0)
        }
        #expect(FundingMix.problem(sources: [source(.laCoreBudget, share: 1, term: 0, .fixed(1))],
                                   absorbProbability: 0, gapTolerance: 0)?.contains("at least 1") == true)
    }

    @Test func localPatchworkMatchesTheCalibrationTarget() throws {
        let assumptions = try PackagePaths.shippedAssumptions()
        let authorities = try AuthorityTable.load(path: PackagePaths.assumptions + "/authorities.csv")
        let loaded = try Scenario.load(path: PackagePaths.scenarios + "/local-mix.yaml", assumptions: assumptions,
                                       authorities: authorities)
        let survival = try #require(loaded.scenario.funding.analyticSurvival(horizonYears: 10))
        // Acting Local: at least 2 of about 11 posts lost over about 3.5 years of life, 9/11 = 0.818.
        #expect(survival[3] > 9.0 / 11 && survival[4] < 9.0 / 11)
        // By hand: with a gap tolerance (0.1) below every share but the host's own, the post lives
        // while the core budget is renewed every year and each other source is renewed at each of
        // its n renewal points or, at its first lapse, absorbed by the host (probability a):
        // E[q^n] + a (1 - E[q^n]). Beta moments: E[q^n] = prod over j < n of (alpha + j) / (alpha + beta + j).
        func moment(_ name: String, _ n: Int) throws -> Double {
            guard case let .beta(alpha, beta) = try assumptions.assumption(name).distribution else {
                Issue.record("\(name) is not a beta distribution")
                return .nan
            }
            return (0..<n).reduce(1.0) { $0 * (alpha + Double($1)) / (alpha + beta + Double($1)) }
        }
        let absorb = try assumptions.value("hostAbsorbProbability")
        #expect(try assumptions.value("fundingGapTolerance") < min(try assumptions.value("localMixPCCShare"),
                                                                   try assumptions.value("localMixPublicHealthShare")))
        let pccTerm = Int(try assumptions.value("localMixPCCTermYears"))
        let healthTerm = Int(try assumptions.value("localMixPublicHealthTermYears"))
        for t in 0..<10 {
            func kept(_ name: String, renewals: Int) throws -> Double {
                let renewedThroughout = try moment(name, renewals)
                return renewedThroughout + absorb * (1 - renewedThroughout)
            }
            let expected = try moment("localCoreBudgetRenewalProbability", t)
                * kept("pccGrantRenewalProbability", renewals: t / pccTerm)
                * kept("publicHealthGrantRenewalProbability", renewals: t / healthTerm)
            #expect(abs(survival[t] - expected) < 1e-12, "year index \(t)")
        }
        // Central funding: three renewals of Beta(38, 2) within ten years.
        let national = try Scenario.load(path: PackagePaths.scenarios + "/national-rollout.yaml", assumptions: assumptions,
                                         authorities: authorities)
        #expect(national.scenario.funding.usesProductFormula)
        let central = try #require(national.scenario.funding.analyticSurvival(horizonYears: 10))
        #expect(abs(central[9] - 38.0 / 40 * 39 / 41 * 40 / 42) < 1e-12)
    }
}

/// The lapse year from the powers of q equals the geometric count `⌊log V / log q⌋` worked out
/// with logarithms, for uniforms away from the boundaries `V = q^k` (where the two roundings may
/// legitimately differ in the last bit), every term and several renewal chances.
@Test func lapseYearFromThresholdsEqualsTheLogarithmRule() {
    for q in [0.05, 0.5, 0.85, 0.93, 0.999] {
        for term in 1...4 {
            let horizon = 10, lastPoint = (horizon - 1) / term
            for step in 0..<997 {
                let u = (Double(step) + 0.5) / 997          // V = 1 − u in (0, 1)
                let v = 1 - u
                let renewals = Int((log(v) / log(q)).rounded(.down))
                if (1...max(1, lastPoint + 1)).contains(where: { abs(v - pow(q, Double($0))) < 1e-12 }) { continue }
                let expected = renewals + 1 <= lastPoint ? term * (renewals + 1) : Int.max
                let year = FundingMix.firstLapseYear(termYears: term, renewalProbability: q, horizonYears: horizon,
                                                     uniform: { u })
                #expect(year == expected, "q \(q), term \(term), u \(u)")
            }
        }
    }
    // Certain outcomes take no draw.
    #expect(FundingMix.firstLapseYear(termYears: 2, renewalProbability: 1, horizonYears: 10, uniform: { Issue.record("drew"); return 0 }) == Int.max)
    #expect(FundingMix.firstLapseYear(termYears: 2, renewalProbability: 0, horizonYears: 10, uniform: { Issue.record("drew"); return 0 }) == 2)
    #expect(FundingMix.firstLapseYear(termYears: 10, renewalProbability: 0.5, horizonYears: 10, uniform: { Issue.record("drew"); return 0 }) == Int.max)
}
