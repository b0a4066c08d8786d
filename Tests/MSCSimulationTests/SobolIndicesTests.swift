import Foundation
import Testing
@testable import MSCSimulation

@Suite struct SobolIndicesTests {
    /// The Ishigami function (Ishigami and Homma 1990), a = 7, b = 0.1, inputs uniform on [−π, π].
    /// Its indices are known analytically: V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2, V1 = (1 + bπ⁴/5)²/2,
    /// V2 = a²/8, V3 = 0, VT3 = 8b²π⁸/225, VT1 = V1 + VT3, VT2 = V2.
    @Test func ishigamiIndicesFallWithinTheirBootstrapIntervals() {
        let a = 7.0, b = 0.1, pi = Double.pi
        let variance = a * a / 8 + b * pow(pi, 4) / 5 + b * b * pow(pi, 8) / 18 + 0.5
        let v1 = 0.5 * pow(1 + b * pow(pi, 4) / 5, 2), v2 = a * a / 8, vt3 = 8 * b * b * pow(pi, 8) / 225
        let analyticFirst = [v1 / variance, v2 / variance, 0]
        let analyticTotal = [(v1 + vt3) / variance, v2 / variance, vt3 / variance]

        let indices = SobolIndices.estimate(names: ["x1", "x2", "x3"], baseSamples: 20_000, seed: 2024,
                                            bootstrapResamples: 300) { u in
            let x = u.map { -pi + 2 * pi * $0 }
            return sin(x[0]) + a * pow(sin(x[1]), 2) + b * pow(x[2], 4) * sin(x[0])
        }
        for i in 0..<3 {
            #expect(indices[i].firstOrderInterval.contains(analyticFirst[i]),
                    "S\(i + 1) = \(indices[i].firstOrder), interval \(indices[i].firstOrderInterval), analytic \(analyticFirst[i])")
            #expect(indices[i].totalInterval.contains(analyticTotal[i]),
                    "ST\(i + 1) = \(indices[i].total), interval \(indices[i].totalInterval), analytic \(analyticTotal[i])")
        }
    }
}
