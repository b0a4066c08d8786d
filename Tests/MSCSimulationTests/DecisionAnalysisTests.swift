import Foundation
import GSLKit
import MSCSimulation
import Testing

// Checks of the decision analysis against values worked out independently here: the closed form
// of EVPI for a normal incremental net benefit, shares counted by hand, and the defining bounds
// of EVPPI (an input that is the only uncertainty is worth all of EVPI, one that does not enter
// net benefit is worth nothing, none is worth more than EVPI).

/// Standard normal density and distribution function, written from their definitions (erfc from
/// the C library), not from GSL.
private func phi(_ z: Double) -> Double { exp(-z * z / 2) / (2 * Double.pi).squareRoot() }
private func bigPhi(_ z: Double) -> Double { 0.5 * erfc(-z / 2.squareRoot()) }

private func normals(_ count: Int, seed: UInt64) -> [Double] {
    let stream = RandomStream(seed: seed)
    return (0..<count).map { _ in stream.standardNormal() }
}

@Test(arguments: [(0.3, 1.0), (-0.5, 2.0), (0.0, 1.0), (4.0, 3.0)])
func evpiOfANormalIncrementalNetBenefitMatchesTheClosedForm(mu: Double, sigma: Double) {
    let z = normals(200_000, seed: 7)
    let incremental = z.map { mu + sigma * $0 }
    let estimate = ExpectedValueOfInformation.perfect(netBenefits: [Array(repeating: 0, count: z.count), incremental])
    // E[max(X, 0)] − max(μ, 0) for X ~ N(μ, σ²).
    let exact = sigma * phi(mu / sigma) + mu * bigPhi(mu / sigma) - max(mu, 0)
    #expect(abs(estimate.value - exact) < 4 * estimate.standardError, "EVPI \(estimate.value) vs \(exact) ± \(estimate.standardError)")
    #expect(estimate.standardError > 0 && estimate.standardError < 0.01 * sigma)
}

@Test func anInputThatIsTheOnlyUncertaintyIsWorthAllOfEVPI() throws {
    let x = normals(20_000, seed: 3)
    // Three options, each net benefit a smooth, non-polynomial function of x alone.
    let options = [x.map { _ in 0.0 }, x.map { 1000 * (exp(0.5 * $0) - 1.1) }, x.map { 400 * sin($0) + 50 }]
    let evpi = ExpectedValueOfInformation.perfect(netBenefits: options)
    let evppi = try PartialValueOfInformation.estimate(netBenefits: options, baselineIndex: 0, inputs: [x], seed: 1)
    #expect(evpi.value > 100)
    #expect(abs(evppi.value - evpi.value) < 0.01 * evpi.value, "EVPPI \(evppi.value) vs EVPI \(evpi.value)")
    #expect(evppi.rSquared.allSatisfy { $0 > 0.999 })
}

@Test(arguments: [0.0, 0.2])
func anInputThatDoesNotEnterNetBenefitIsWorthAboutNothing(mean: Double) throws {
    let x = normals(10_000, seed: 5), noise = normals(10_000, seed: 6)
    let options = [x.map { _ in 0.0 }, noise.map { 1000 * (mean + $0) }]
    let evpi = ExpectedValueOfInformation.perfect(netBenefits: options)
    let evppi = try PartialValueOfInformation.estimate(netBenefits: options, baselineIndex: 0, inputs: [x], seed: 2)
    // BIC keeps the constant (the input explains nothing), or a fit whose EVPPI is within 2 SE of 0.
    #expect(evppi.value >= 0 && evppi.value <= 2 * evppi.standardError, "EVPPI \(evppi.value) ± \(evppi.standardError)")
    #expect(evppi.value < 0.02 * evpi.value)
    // The input explains none of the variance (R² about the mean, not about zero).
    #expect(evppi.rSquared[0] < 0.005)
}

@Test func noInputOrGroupIsWorthMoreThanEVPI() throws {
    let n = 10_000
    let a = normals(n, seed: 11), b = normals(n, seed: 12), c = normals(n, seed: 13), noise = normals(n, seed: 14)
    // Net benefit of the second option: a product of two inputs, a third input and noise.
    let incremental = (0..<n).map { i -> Double in
        let product = 300 * (1 + 0.4 * a[i]) * (1 + 0.3 * b[i])
        return product - 320 + 120 * c[i] + 80 * noise[i]
    }
    let options = [Array(repeating: 0.0, count: n), incremental]
    let evpi = ExpectedValueOfInformation.perfect(netBenefits: options).value
    var singles: [Double] = []
    for (k, input) in [a, b, c].enumerated() {
        let e = try PartialValueOfInformation.estimate(netBenefits: options, baselineIndex: 0, inputs: [input], seed: UInt64(k + 1))
        #expect(e.value <= evpi)
        singles.append(e.value)
    }
    let group = try PartialValueOfInformation.estimate(netBenefits: options, baselineIndex: 0, inputs: [a, b, c], seed: 9)
    #expect(group.value <= evpi)
    // Learning all three at once is worth at least as much as learning any one.
    #expect(group.value >= singles.max()! - 2 * group.standardError)
    #expect(group.value > 0.8 * evpi, "the group explains all but the noise: \(group.value) of \(evpi)")
}

/// A two-option problem with random effects and costs, and a third option, for curve checks.
private func problem(threshold: Double? = nil) -> DecisionProblem {
    let n = 5_000
    let e = normals(n, seed: 21), c = normals(n, seed: 22), f = normals(n, seed: 23)
    func option(_ name: String, ids: [Double], cost: [Double]) -> DecisionOption {
        DecisionOption(name: name, netPresentValue: zip(ids, cost).map { 40_000 * $0 - $1 }, presentValueCosts: cost,
                       discountedIdentifications: ids, undiscountedCost: cost.map { $0 * 0.9 },
                       identifications: ids.map { $0 * 1.1 })
    }
    return DecisionProblem(
        options: [option("none", ids: Array(repeating: 0, count: n), cost: Array(repeating: 0, count: n)),
                  option("some", ids: e.map { 100 + 40 * $0 }, cost: c.map { 5e6 + 1e6 * $0 }),
                  option("more", ids: f.map { 180 + 90 * $0 }, cost: c.map { 9e6 + 2e6 * $0 })],
        baselineIndex: 0, inputs: [DecisionInput(name: "e", draws: e)], groups: [],
        horizonYears: 10, annuityFactor: 8.6, centralValuePerIdentification: 40_000)
}

@Test func curvePointIsTheShareOfIterationsWithPositiveIncrementalNetBenefit() {
    let decision = problem()
    let analysis = DecisionAnalysis.analyse(decision, threshold: 61_234, seed: 1)
    let point = try! #require(analysis.valueCurve.points.first { $0.value == 61_234 })
    for d in [1, 2] {
        var positive = 0
        let option = decision.options[d]
        for i in 0..<decision.iterations where 61_234 * option.discountedIdentifications[i] - option.presentValueCosts[i] > 0 {
            positive += 1
        }
        #expect(point.worthwhile[d] == Double(positive) / Double(decision.iterations))
    }
    // Share best: count by hand which of the three has the highest net benefit.
    var wins = [0, 0, 0]
    for i in 0..<decision.iterations {
        let nb = decision.options.map { 61_234 * $0.discountedIdentifications[i] - $0.presentValueCosts[i] }
        wins[nb.firstIndex(of: nb.max()!)!] += 1
    }
    #expect(point.best == wins.map { Double($0) / Double(decision.iterations) })
    // The cost curve counts undiscounted costs over undiscounted identifications.
    let costPoint = try! #require(analysis.costCurve.points.first { $0.value == 61_234 })
    let some = decision.options[1]
    let below = (0..<decision.iterations).filter { 61_234 * some.identifications[$0] - some.undiscountedCost[$0] > 0 }.count
    #expect(costPoint.worthwhile[1] == Double(below) / Double(decision.iterations))
    // The curves reach £1m and include the model's own value.
    #expect(analysis.valueCurve.points.last!.value >= 1_000_000)
    #expect(analysis.valueCurve.points.contains { $0.value == 40_000 })
}

@Test func fiftyPercentCrossingSitsWhereTheShareChangesSide() throws {
    let decision = problem()
    let analysis = DecisionAnalysis.analyse(decision, threshold: nil, seed: 1)
    let crossing = try #require(analysis.valueCurve.crossings[1])
    let some = decision.options[1]
    func share(_ value: Double) -> Double {
        Double((0..<decision.iterations).filter { value * some.discountedIdentifications[$0] - some.presentValueCosts[$0] > 0 }.count)
            / Double(decision.iterations)
    }
    #expect(share(crossing - 1) < 0.5 && share(crossing + 1) >= 0.5)
    // Means 5e6 / 100 = £50,000 per identification: the crossing is near it.
    #expect(abs(crossing - 50_000) < 2_000)
}

@Test func evpiAtAThresholdUsesThatValueAndSpreadsOverTheHorizon() {
    let decision = problem()
    let analysis = DecisionAnalysis.analyse(decision, threshold: 45_000, seed: 1)
    let byHand = ExpectedValueOfInformation.perfect(netBenefits: decision.options.map { option in
        (0..<decision.iterations).map { 45_000 * option.discountedIdentifications[$0] - option.presentValueCosts[$0] }
    })
    #expect(analysis.evpi == byHand)
    #expect(analysis.evpiPerYear == byHand.value / 8.6)
}

@Test func analysisIsIdenticalWhateverTheThreadCount() {
    let decision = problem()
    let one = DecisionAnalysis.analyse(decision, threshold: nil, seed: 4, threads: 1)
    let three = DecisionAnalysis.analyse(decision, threshold: nil, seed: 4, threads: 3)
    #expect(one.inputs.map(\.estimate) == three.inputs.map(\.estimate))
    // Compared as text: the baseline's own share is NaN, which is never equal to itself.
    #expect("\(one.valueCurve.points)" == "\(three.valueCurve.points)")
    #expect("\(one.groups.map(\.estimate))" == "\(three.groups.map(\.estimate))")
}
