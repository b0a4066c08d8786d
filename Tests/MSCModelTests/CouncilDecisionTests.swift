import Foundation
import Testing
@testable import MSCModel

/// A small seeded generator, so the random cases are the same on every run.
private struct SplitMix {
    var state: UInt64
    mutating func next() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
    }
    mutating func integer(below n: Int) -> Int { min(n - 1, Int(next() * Double(n))) }
}

private func assumption(_ value: Double) -> Assumption {
    Assumption(name: "renewal", description: "Test renewal probability.", unit: .fraction, value: value,
               distribution: .fixed(value), sources: [], evidence: .illustrative, notes: "test", origin: "test")
}

/// The expected funding of one post worked out from first principles: every way each decision can
/// end (renewed throughout, or lapsing at its k-th renewal point, absorbed or not) is listed with
/// its probability, and each year the post counts when the shares lapsed and not absorbed by then
/// are within the gap. Independent of the library's method, for a handful of decisions.
private func bruteForce(mix: FundingMix, parts: [FundingMix.Part], renewal: [Double], horizon: Int)
    -> (survival: [Double], paid: [[Double]]) {
    struct Outcome { var lapseYear: Int; var absorbed: Bool; var chance: Double }
    let outcomes: [[Outcome]] = parts.map { part in
        let source = mix.sources[part.source], q = renewal[part.source]
        let points = (horizon - 1) / source.termYears
        let absorb = source.kind.isAbsorbableByHost ? mix.absorbProbability : 0
        var list = [Outcome(lapseYear: Int.max, absorbed: false, chance: pow(q, Double(points)))]
        for k in stride(from: 1, through: points, by: 1) {
            let lapse = pow(q, Double(k - 1)) * (1 - q)
            list.append(Outcome(lapseYear: k * source.termYears, absorbed: true, chance: lapse * absorb))
            list.append(Outcome(lapseYear: k * source.termYears, absorbed: false, chance: lapse * (1 - absorb)))
        }
        return list
    }
    var survival = Array(repeating: 0.0, count: horizon)
    var paid = Array(repeating: Array(repeating: 0.0, count: horizon), count: mix.sources.count + 1)
    var choice = Array(repeating: 0, count: parts.count)
    while true {
        var chance = 1.0
        for (index, pick) in choice.enumerated() { chance *= outcomes[index][pick].chance }
        for year in 0..<horizon {
            var uncovered = 0.0
            for (index, pick) in choice.enumerated() where outcomes[index][pick].lapseYear <= year && !outcomes[index][pick].absorbed {
                uncovered += parts[index].share
            }
            guard uncovered <= mix.gapTolerance + FundingMix.shareSumTolerance else { continue }
            survival[year] += chance
            for (index, pick) in choice.enumerated() {
                let outcome = outcomes[index][pick]
                if year < outcome.lapseYear { paid[parts[index].source][year] += chance * parts[index].share }
                else if outcome.absorbed { paid[mix.sources.count][year] += chance * parts[index].share }
            }
        }
        var position = 0
        while position < choice.count {
            choice[position] += 1
            if choice[position] < outcomes[position].count { break }
            choice[position] = 0
            position += 1
        }
        if position == choice.count { break }
    }
    return (survival, paid)
}

@Suite("Funding decided per council")
struct CouncilDecisionTests {
    @Test func analyticMatchesEveryWayTheDecisionsCanEnd() throws {
        var random = SplitMix(state: 2027)
        let kinds: [FundingSourceKind] = [.laCoreBudget, .policeAndCrimeCommissioner, .publicHealth]
        for _ in 0..<40 {
            // Two or three sources; the first is a council budget decided per council.
            let count = 2 + random.integer(below: 2)
            var shares = (0..<count).map { _ in 0.1 + random.next() }
            let total = shares.reduce(0, +)
            shares = shares.map { $0 / total }
            shares[count - 1] = 1 - shares.dropLast().reduce(0, +)
            let sources = (0..<count).map { index in
                FundingSource(kind: kinds[index], share: shares[index], termYears: 1 + random.integer(below: 3),
                              renewal: assumption(0.6 + 0.4 * random.next()), decision: index == 0 ? .perCouncil : .perPost)
            }
            let mix = try FundingMix(sources: sources, absorbProbability: random.next() < 0.3 ? 0 : random.next(),
                                     gapTolerance: random.next() < 0.3 ? 0 : 0.3 * random.next())
            let councils = 2 + random.integer(below: 2)
            var split = (0..<councils).map { _ in 0.2 + random.next() }
            let splitTotal = split.reduce(0, +)
            split = split.map { $0 / splitTotal }
            let horizon = 6
            let renewal = sources.map(\.renewal.value)
            let parts = mix.parts(split: split)
            #expect(parts.count == count - 1 + councils)
            let expected = bruteForce(mix: mix, parts: parts, renewal: renewal, horizon: horizon)
            let exact = mix.expectedFunding(horizonYears: horizon, renewalProbabilities: renewal, split: split)
            #expect(exact.isExact)
            for year in 0..<horizon {
                #expect(abs(exact.survival[year] - expected.survival[year]) < 1e-12)
                for funder in 0...count {
                    #expect(abs(exact.shareByFunder[funder][year] - expected.paid[funder][year]) < 1e-12)
                }
            }
            let survivalOnly = mix.expectedSurvival(horizonYears: horizon, renewalProbabilities: renewal, split: split)
            #expect(survivalOnly == exact.survival)
        }
    }

    @Test func aPostOfOneCouncilFacesTheMixAsItIs() throws {
        let mix = try FundingMix(sources: [
            FundingSource(kind: .laCoreBudget, share: 0.6, termYears: 1, renewal: assumption(0.95)),
            FundingSource(kind: .policeAndCrimeCommissioner, share: 0.4, termYears: 2, renewal: assumption(0.9)),
        ], absorbProbability: 0.5, gapTolerance: 0.1)
        #expect(mix.sources[0].decision == .perCouncil)  // the default for a council budget
        #expect(mix.sources[1].decision == .perPost)
        #expect(mix.parts(split: [1]) == mix.parts(split: []))
        #expect(mix.partCount(split: [0.5, 0.3, 0.2]) == 4)
        // Each council's part of the council budget: 0.6 × its cost share.
        let parts = mix.parts(split: [0.5, 0.3, 0.2])
        #expect(parts.map(\.source) == [0, 0, 0, 1])
        #expect(abs(parts[1].share - 0.18) < 1e-15)
        // With no gap tolerated and nothing absorbed, any lapse ends the post: S(t) = q^(3t) × 0.9^⌊t/2⌋.
        let strict = try FundingMix(sources: mix.sources, absorbProbability: 0, gapTolerance: 0)
        let survival = strict.expectedFunding(horizonYears: 5, renewalProbabilities: [0.95, 0.9], split: [0.5, 0.3, 0.2]).survival
        for t in 0..<5 {
            #expect(abs(survival[t] - pow(0.95, Double(3 * t)) * pow(0.9, Double(t / 2))) < 1e-15)
        }
    }

    @Test func sharedPostIsLostMoreOftenWhenCouncilsDecideApart() throws {
        let together = try FundingMix(sources: [
            FundingSource(kind: .laCoreBudget, share: 1, termYears: 1, renewal: assumption(0.95), decision: .perPost),
        ], absorbProbability: 0, gapTolerance: 0.1)
        let apart = try FundingMix(sources: [
            FundingSource(kind: .laCoreBudget, share: 1, termYears: 1, renewal: assumption(0.95), decision: .perCouncil),
        ], absorbProbability: 0, gapTolerance: 0.1)
        let split = [0.5, 0.25, 0.25]
        let one = together.expectedFunding(horizonYears: 4, renewalProbabilities: [0.95], split: split).survival
        let many = apart.expectedFunding(horizonYears: 4, renewalProbabilities: [0.95], split: split).survival
        // Together: the post lasts while the one decision is renewed, 0.95^t. Apart: every council
        // part is above the 10% gap, so all three must be renewed, 0.95^(3t).
        for t in 0..<4 {
            #expect(abs(one[t] - pow(0.95, Double(t))) < 1e-15)
            #expect(abs(many[t] - pow(0.95, Double(3 * t))) < 1e-15)
        }
    }

    @Test func simulatedPostsAgreeWithTheAnalyticCurve() throws {
        let mix = try FundingMix(sources: [
            FundingSource(kind: .laCoreBudget, share: 0.5, termYears: 1, renewal: assumption(0.9)),
            FundingSource(kind: .policeAndCrimeCommissioner, share: 0.3, termYears: 2, renewal: assumption(0.85)),
            FundingSource(kind: .publicHealth, share: 0.2, termYears: 3, renewal: assumption(0.8)),
        ], absorbProbability: 0.5, gapTolerance: 0.1)
        let split = [0.5, 0.1, 0.1, 0.1, 0.1, 0.1]
        let renewal = [0.9, 0.85, 0.8]
        let exact = mix.expectedFunding(horizonYears: 8, renewalProbabilities: renewal, split: split)
        var random = SplitMix(state: 11)
        let runs = 40_000
        var alive = Array(repeating: 0.0, count: 8)
        for _ in 0..<runs {
            let path = mix.simulatePath(horizonYears: 8, renewalProbabilities: renewal, split: split, uniform: { random.next() })
            for year in 0..<path.fundedYears { alive[year] += 1 }
        }
        for year in 0..<8 {
            let estimate = alive[year] / Double(runs)
            let error = (exact.survival[year] * (1 - exact.survival[year]) / Double(runs)).squareRoot()
            #expect(abs(estimate - exact.survival[year]) <= 4 * error + 1e-12, "year \(year): \(estimate) vs \(exact.survival[year])")
        }
    }

    @Test func gridEqualsTheExactWalkWhenSharesSitOnIt() {
        var random = SplitMix(state: 5)
        let limit = 0.125  // 2048 steps of 2^-14, so dyadic shares sit exactly on the grid
        let shares = (0..<20).map { _ in Double(1 + random.integer(below: 300)) / 16384 }
        let chances = (0..<20).map { _ in 0.05 + 0.4 * random.next() }
        let grid = UncoveredShares(shares: shares, chances: chances, limit: limit, exactLimit: 16)
        let exact = UncoveredShares(shares: shares, chances: chances, limit: limit, exactLimit: 20)
        #expect(!grid.isExact && exact.isExact)
        #expect(abs(grid.chanceAllFit() - exact.chanceAllFit()) < 1e-12)
        let g = grid.chancesFitting(), e = exact.chancesFitting()
        for j in shares.indices {
            #expect(abs(g.without[j] - e.without[j]) < 1e-12)
            #expect(abs(g.with[j] - e.with[j]) < 1e-12)
        }
    }

    @Test func gridNeverOverstatesSurvival() {
        var random = SplitMix(state: 9)
        for _ in 0..<20 {
            let shares = (0..<18).map { _ in 0.002 + 0.03 * random.next() }
            let chances = (0..<18).map { _ in 0.4 * random.next() }
            let limit = 0.05 + 0.15 * random.next()
            let grid = UncoveredShares(shares: shares, chances: chances, limit: limit, exactLimit: 16).chanceAllFit()
            let exact = UncoveredShares(shares: shares, chances: chances, limit: limit, exactLimit: 18).chanceAllFit()
            #expect(grid <= exact + 1e-12)
            #expect(exact - grid < 0.01)
        }
    }
}
