import Foundation
import GSLKit
import Testing
@testable import MSCSimulation

/// The EVPPI standard error computes every coefficient draw's fitted values in one pass; here it
/// is recomputed draw by draw, the plain way (a multivariate normal draw per fit, its fitted
/// values, EVPPI of those), and must agree exactly.
@Test func batchedRedrawsGiveTheStandardErrorOfRedrawingOneAtATime() throws {
    let n = 400, samples = 60
    let stream = RandomStream(seed: 21)
    let x = (0..<n).map { _ in stream.standardNormal() }
    let line = RegressionBasis.flatten([x.map { _ in 1 }, x])
    let constant = RegressionBasis.Design(columns: 1, values: x.map { _ in 1 })
    let first = x.map { 30 * $0 + 5 + 20 * stream.standardNormal() }
    let second = x.map { -10 * $0 + 8 + 25 * stream.standardNormal() }
    let third = x.map { _ in 3 + stream.standardNormal() }
    let chosen = try [(line, first), (line, second), (constant, third)].map { design, response in
        (design: design, fit: try FactorisedDesign(rowMajor: design.values, columns: design.columns).fit(response))
    }
    let batched = try PartialValueOfInformation.redrawnStandardError(chosen, seed: 99, samples: samples)

    let reference = RandomStream(seed: 99, algorithm: SimulationEngine.generator)
    let samplers = try chosen.map { item in
        item.design.columns > 1 ? try MultivariateNormal(mean: item.fit.coefficients, covariance: item.fit.covariance) : nil
    }
    var estimates: [Double] = []
    for _ in 0..<samples {
        var fitted = chosen.map(\.fit.fittedValues)
        for (k, sampler) in samplers.enumerated() {
            guard let sampler else { continue }
            let beta = sampler.sample(using: reference), p = chosen[k].design.columns
            fitted[k] = (0..<n).map { i in (0..<p).reduce(0.0) { $0 + chosen[k].design.values[i * p + $1] * beta[$1] } }
        }
        estimates.append(PartialValueOfInformation.evppi(fitted: fitted))
    }
    #expect(batched == Statistics.standardDeviation(estimates))
    #expect(batched > 0)
}
