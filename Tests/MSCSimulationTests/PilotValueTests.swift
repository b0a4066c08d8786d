import Foundation
import GSLKit
import MSCModel
import MSCSimulation
import Testing

// Checks of the pilot's expected value of sample information (EVSI) against values worked out
// independently here: the closed form of EVSI when net benefit is linear in a normal parameter
// and the data are normal; the defining bounds EVSI ≤ EVPPI ≤ EVPI; EVSI rising with the pilot's
// size and duration towards EVPPI and falling to nothing with no counts; the difference in
// differences of log totals against a Poisson GLM with council and year effects fitted by GSL;
// and the same output whatever the number of threads.

private func phi(_ z: Double) -> Double { exp(-z * z / 2) / (2 * Double.pi).squareRoot() }
private func bigPhi(_ z: Double) -> Double { 0.5 * erfc(-z / 2.squareRoot()) }

private func normals(_ count: Int, seed: UInt64) -> [Double] {
    let stream = RandomStream(seed: seed)
    return (0..<count).map { _ in stream.standardNormal() }
}

/// Normal–normal: θ ~ N(μ₀, σ₀²), data x̄ | θ ~ N(θ, τ²), incremental net benefit a + bθ. The
/// preposterior mean of θ is μ₀ + w(x̄ − μ₀), w = σ₀²/(σ₀² + τ²), normal with variance wσ₀², so
/// EVSI = E[max(0, a + bm)] − max(0, a + bμ₀) = s φ(M/s) + M Φ(M/s) − max(M, 0), M = a + bμ₀, s = |b|√(wσ₀²).
@Test(arguments: [(0.5, 0.2), (1.0, 0.0), (2.0, -0.3), (0.25, 0.1)])
func evsiInANormalNormalCaseMatchesTheClosedForm(tau: Double, a: Double) throws {
    let n = 40_000, mu0 = 0.0, sigma0 = 1.0, b = 1.0
    let theta = normals(n, seed: 21).map { mu0 + sigma0 * $0 }
    let noise = normals(n, seed: 22)
    let data = zip(theta, noise).map { $0 + tau * $1 }
    let options = [[Double](repeating: 0, count: n), theta.map { a + b * $0 }]
    let estimate = try SampleInformation.estimate(netBenefits: options, baselineIndex: 0, summary: data, seed: 3)
    let w = sigma0 * sigma0 / (sigma0 * sigma0 + tau * tau)
    let m = a + b * mu0, s = abs(b) * (w * sigma0 * sigma0).squareRoot()
    let exact = s * phi(m / s) + m * bigPhi(m / s) - max(m, 0)
    // The standard error from coefficient draws (the method's own), combined with the Monte Carlo
    // error of the mean of max(0, fitted) over the draws, which it leaves out.
    let maxima = data.map { max(0, a + b * (mu0 + w * ($0 - mu0))) }
    let meanError = Statistics.standardDeviation(maxima) / Double(n).squareRoot()
    let tolerance = 4 * (estimate.standardError * estimate.standardError + meanError * meanError).squareRoot()
    #expect(abs(estimate.value - exact) < tolerance, "EVSI \(estimate.value) vs closed form \(exact) ± \(tolerance)")
    #expect(estimate.standardError > 0)
}

/// A synthetic decision: the post's incremental net benefit is 4m × (RR − 1) × u − 1.5m, with RR
/// lognormal (median 1.5, log s.d. 0.45) and u uniform on [0.5, 1.5] (everything else uncertain).
private struct SyntheticPilot {
    let problem: DecisionProblem
    let draws: PilotValuation.Draws
    let pool: [PilotCouncil]
    let comparison: [PilotCouncil]
    let factors = (0..<10).map { 1 / pow(1.035, Double($0)) }

    init(baselinePerYear: Double = 3, iterations n: Int = 10_000) {
        let z = normals(n, seed: 31)
        let stream = RandomStream(seed: 32)
        let rr = z.map { exp(log(1.5) + 0.45 * $0) }
        let u = (0..<n).map { _ in stream.uniform(lower: 0.5, upper: 1.5) }
        let incremental = (0..<n).map { 4e6 * (rr[$0] - 1) * u[$0] - 1.5e6 }
        func option(_ name: String, _ npv: [Double]) -> DecisionOption {
            DecisionOption(name: name, netPresentValue: npv, presentValueCosts: npv.map { _ in 0 }, discountedIdentifications: npv.map { _ in 0 },
                           undiscountedCost: npv.map { _ in 0 }, identifications: npv.map { _ in 0 })
        }
        problem = DecisionProblem(options: [option("status-quo", incremental.map { _ in 0 }), option("rollout", incremental)], baselineIndex: 0,
                                  inputs: [DecisionInput(name: "identificationRateRatio", draws: rr), DecisionInput(name: "u", draws: u)],
                                  groups: [], horizonYears: 10, annuityFactor: factors.reduce(0, +), centralValuePerIdentification: 1)
        draws = PilotValuation.Draws(rateRatio: rr, rampUpYears: rr.map { _ in 0 }, baselineScale: rr.map { _ in 1 })
        pool = (0..<150).map { PilotCouncil(code: "P\($0)", baselinePerYear: baselinePerYear, coverage: 1, annualCost: 60_000) }
        comparison = (0..<150).map { PilotCouncil(code: "C\($0)", baselinePerYear: baselinePerYear, coverage: 1, annualCost: 60_000) }
    }

    func value(councils: [Int], years: [Int], threads: Int = 1) throws -> PilotValuation.Result {
        try PilotValuation.value(problem: problem, pilotPool: pool, comparisonPool: comparison, draws: draws, discountFactors: factors,
                                 request: .init(councils: councils, years: years, evaluationCostPerYear: 50_000, seed: 9, threads: threads))
    }
}

@Test func evsiIsBelowEVPPIWhichIsBelowEVPIAndRisesWithSizeAndDurationTowardsEVPPI() throws {
    let result = try SyntheticPilot().value(councils: [1, 5, 20, 100], years: [1, 3, 9])
    let evpi = result.evpi.value, evppi = result.evppiRateRatio.value
    #expect(evppi > 0.3 * evpi && evppi < evpi, "EVPPI \(evppi), EVPI \(evpi)")
    func evsi(_ k: Int, _ t: Int) -> PartialValueOfInformation.Estimate {
        result.designs.first { $0.design.councils == k && $0.design.years == t }!.evsi
    }
    for value in result.designs {
        #expect(value.evsi.value <= evppi + 2 * value.evsi.standardError, "EVSI \(value.evsi.value) at \(value.design) above EVPPI \(evppi)")
    }
    for t in [1, 3, 9] {
        for (small, large) in [(1, 5), (5, 20), (20, 100)] {
            #expect(evsi(small, t).value < evsi(large, t).value, "K \(small) → \(large) at T \(t)")
        }
    }
    for k in [1, 5, 20, 100] {
        #expect(evsi(k, 1).value < evsi(k, 3).value && evsi(k, 3).value < evsi(k, 9).value, "T at K \(k)")
    }
    // 100 councils × 9 years × 3 a year: the log rate ratio's s.e. is about 0.05 against a prior s.d. of 0.45.
    #expect(evsi(100, 9).value > 0.9 * evppi, "largest pilot \(evsi(100, 9).value) vs EVPPI \(evppi)")
    // Costs: the model's post cost in each pilot year, discounted; the delay defers the best option's mean INB.
    let design = result.designs.first { $0.design.councils == 5 && $0.design.years == 3 }!
    let yearsFactor = 1 + 1 / 1.035 + 1 / (1.035 * 1.035)
    #expect(abs(design.postCost - 5 * 60_000 * yearsFactor) < 1e-6)
    #expect(abs(design.evaluationCost - 50_000 * yearsFactor) < 1e-6)
    let meanINB = result.meanNetBenefit[1] - result.meanNetBenefit[0]
    #expect(abs(design.delayCost - max(0, meanINB) * (1 - 1 / pow(1.035, 3))) < 1e-6)
    #expect(abs(design.discountedEVSI - design.evsi.value / pow(1.035, 3)) < 1e-6)
}

@Test func evsiVanishesAsThePilotCountsVanish() throws {
    let result = try SyntheticPilot(baselinePerYear: 0.0005).value(councils: [1], years: [1])
    let evsi = result.designs[0].evsi
    #expect(evsi.value <= 0.02 * result.evppiRateRatio.value, "EVSI \(evsi.value) vs EVPPI \(result.evppiRateRatio.value)")
}

@Test func theSameSeedGivesTheSameValuesWhateverTheThreads() throws {
    let pilot = SyntheticPilot(iterations: 2_000)
    let one = try pilot.value(councils: [5, 20], years: [1, 2], threads: 1)
    let four = try pilot.value(councils: [5, 20], years: [1, 2], threads: 4)
    #expect(one.designs.map(\.evsi) == four.designs.map(\.evsi))
    #expect(one.designs.map(\.enbs) == four.designs.map(\.enbs))
    #expect(one.evppiRateRatio == four.evppiRateRatio)
}

@Test func aPilotTooLargeForTheCouncilsOrTooLongForTheHorizonIsRefused() {
    let pilot = SyntheticPilot(iterations: 200)
    #expect(throws: DecisionError.self) { try pilot.value(councils: [151], years: [1]) }
    #expect(throws: DecisionError.self) { try pilot.value(councils: [5], years: [10]) }
}

/// The summary the simulation uses is the Poisson GLM's estimate: counts per council and year
/// with council and year effects and a term for a pilot council in a pilot year, fitted by GSL's
/// IRLS, give exp(coefficient) = (pilot after / pilot before) / (comparison after / comparison before).
@Test func theDifferenceInDifferencesOfLogTotalsIsThePoissonGLMEstimate() throws {
    let stream = RandomStream(seed: 41)
    let councils = 12, pilotCount = 5, before = 2, after = 3
    var rows: [[Double]] = [], counts: [Double] = [], totals = [0.0, 0.0, 0.0, 0.0]
    for c in 0..<councils {
        let level = 2 + 10 * stream.uniform()
        for t in 0..<(before + after) {
            let isPilot = c < pilotCount, isAfter = t >= before
            let mean = level * [1.0, 1.2, 0.9, 1.1, 1.3][t] * (isPilot && isAfter ? 1.7 : 1)
            let y = Double(stream.poisson(mean: mean))
            var row = [1.0]
            row += (1..<councils).map { $0 == c ? 1 : 0 }
            row += (1..<(before + after)).map { $0 == t ? 1 : 0 }
            row.append(isPilot && isAfter ? 1 : 0)
            rows.append(row)
            counts.append(y)
            totals[(isPilot ? 0 : 2) + (isAfter ? 1 : 0)] += y
        }
    }
    let fit = try PoissonGLM.fit(design: rows, counts: counts)
    let did = PilotEvaluation.logRateRatio(pilotBefore: totals[0], pilotAfter: totals[1], comparisonBefore: totals[2],
                                           comparisonAfter: totals[3], continuity: 0)
    #expect(abs(fit.coefficients.last! - did) < 1e-7, "GLM \(fit.coefficients.last!) vs DiD \(did)")
}

/// Conjugate normal updating on the log scale, against hand arithmetic: prior N(0, 0.5²), data
/// N(0.4, 0.3²): precisions 4 and 11.111…, posterior mean 0.4 × 11.111/15.111 = 0.2941176…,
/// s.d. 1/√15.111 = 0.2572479…
@Test func aPriorRateRatioIsUpdatedByPrecisionWeighting() {
    let update = RateRatioUpdate(priorLogMean: 0, priorLogStandardDeviation: 0.5, dataLogEstimate: 0.4, dataLogStandardError: 0.3)
    #expect(abs(update.posteriorLogMean - 0.29411764705882354) < 1e-12)
    #expect(abs(update.posteriorLogStandardDeviation - 0.25724787771376323) < 1e-12)
}
