import Foundation
import GSLKit
import MSCModel
import MSCReport
import MSCSimulation
import Testing

// Updating the rate ratio from a pilot's counts, through the path `msc fit --prior
// --save-estimate` takes: a Poisson regression with council and year effects on a CSV table, then
// the estimate file's posterior. Simulated pilots whose true rate ratio is drawn from the prior
// must fall inside the posterior's 95% interval about 95% of the time (a Bayesian interval is
// calibrated over draws from its prior), and the file must state the prior and load as an assumption.

private let priorLogMean = log(1.5), priorLogSD = 0.45

/// A pilot's yearly counts: 15 pilot and 15 comparison councils, 2 years before and 2 with posts.
private func pilotTable(trueRateRatio: Double, stream: RandomStream) throws -> CSVTable {
    var lines = ["council,year,post,referrals,population"]
    let yearEffects = [1.0, 1.1, 0.95, 1.05]
    for c in 0..<30 {
        let population = 100_000 + 200_000 * stream.uniform()
        let level = population / 100_000 * (1.5 + 3 * stream.uniform())
        for (t, effect) in yearEffects.enumerated() {
            let post = c < 15 && t >= 2
            let count = stream.poisson(mean: level * effect * (post ? trueRateRatio : 1))
            lines.append("C\(c),\(2025 + t),\(post ? 1 : 0),\(count),\(Int(population))")
        }
    }
    return try CSVTable.parse(text: lines.joined(separator: "\n") + "\n", fileName: "pilot.csv")
}

@Test func thePosteriorIntervalCoversTheTrueRateRatioAtAboutItsNominalRate() throws {
    let stream = RandomStream(seed: 2026)
    var covered = 0
    let trials = 200
    for _ in 0..<trials {
        let truth = exp(priorLogMean + priorLogSD * stream.standardNormal())
        let table = try pilotTable(trueRateRatio: truth, stream: stream)
        let fit = try PoissonRegression.fit(table: table, outcome: "referrals", exposure: "population", predictors: ["post"],
                                            factors: ["council", "year"], dispersion: .fixed)
        let file = try EstimateFile(result: fit, effect: "post", assumptionName: "identificationRateRatio", date: "2026-12-05",
                                    prior: (priorLogMean, priorLogSD))
        if file.update!.interval95.contains(truth) { covered += 1 }
    }
    let coverage = Double(covered) / Double(trials)
    // 200 trials: the binomial s.d. of the share is about 0.015.
    #expect(coverage >= 0.9 && coverage <= 0.99, "coverage \(coverage)")
}

@Test func theEstimateFileWritesThePosteriorAndStatesItsPrior() throws {
    let table = try pilotTable(trueRateRatio: 2, stream: RandomStream(seed: 5))
    let fit = try PoissonRegression.fit(table: table, outcome: "referrals", exposure: "population", predictors: ["post"],
                                        factors: ["council", "year"], dispersion: .fixed)
    let file = try EstimateFile(result: fit, effect: "post", assumptionName: "identificationRateRatio", date: "2026-12-05",
                                prior: (priorLogMean, priorLogSD))
    let parsed = try AssumptionLoader.parse(text: try file.validated(), fileName: "estimate")
    let update = try #require(file.update)
    guard case .lognormal(let logMean, let logSD) = parsed[0].distribution else { Issue.record("not lognormal"); return }
    #expect(abs(logMean - update.posteriorLogMean) < 1e-9 && abs(logSD - update.posteriorLogStandardDeviation) < 1e-9)
    // Precision weighting: between the prior and the data, and tighter than either.
    let estimate = try #require(fit.coefficient(named: "post"))
    #expect(logSD < min(priorLogSD, estimate.standardError))
    #expect(min(priorLogMean, estimate.estimate) < logMean && logMean < max(priorLogMean, estimate.estimate))
    #expect(parsed[0].notes?.contains("prior identificationRateRatio lognormal(logMean 0.4054651081") == true)
    // The fit's own rate ratio is still reported as the fit's, beside the posterior.
    #expect(parsed[0].notes?.contains("Rate ratio of post \(String(format: "%.10g", exp(estimate.estimate))) (95% interval") == true)
}
