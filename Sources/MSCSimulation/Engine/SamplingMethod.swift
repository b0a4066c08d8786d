import GSLKit
import MSCModel

/// How national inputs are sampled across iterations.
///
/// Post-level inputs (hundreds of posts) are always plain Monte Carlo: a Sobol sequence has at
/// most 40 dimensions, and stratifying per post adds nothing to scenario totals.
public enum SamplingMethod: String, CaseIterable, Sendable {
    /// Independent pseudo-random draws (MT19937).
    case monteCarlo = "mc"
    /// Latin hypercube: each input's range cut into N equal-probability strata, one draw in each.
    case latinHypercube = "lhs"
    /// Sobol quasi-random points mapped through each input's inverse CDF.
    case sobol
}

/// A design of uniforms for the national inputs: `rows × dimensions`, row-major.
struct NationalDesign: Sendable {
    let dimensions: Int
    let uniforms: [Double]

    func value(iteration: Int, dimension: Int) -> Double { uniforms[iteration * dimensions + dimension] }

    /// One stratum per iteration for each input, strata shuffled independently per input.
    static func latinHypercube(rows: Int, dimensions: Int, seed: UInt64, streamKeys: [UInt64]) -> NationalDesign {
        var uniforms = [Double](repeating: 0, count: rows * dimensions)
        for d in 0..<dimensions {
            let stream = RandomStream.derived(seed: seed ^ streamKeys[d], chunk: -1, algorithm: SimulationEngine.generator)
            var strata = Array(0..<rows)
            for i in stride(from: rows - 1, to: 0, by: -1) {
                strata.swapAt(i, stream.integer(below: i + 1))
            }
            for i in 0..<rows {
                uniforms[i * dimensions + d] = (Double(strata[i]) + stream.uniformPositive()) / Double(rows)
            }
        }
        return NationalDesign(dimensions: dimensions, uniforms: uniforms)
    }

    /// Sobol points 1...rows (the origin is skipped: it maps to infinite quantiles).
    static func sobol(rows: Int, dimensions: Int) throws -> NationalDesign {
        guard dimensions > 0 else { return NationalDesign(dimensions: 0, uniforms: []) }
        let sequence = try SobolSequence(dimension: dimensions)
        var point = [Double](repeating: 0, count: dimensions)
        sequence.next(into: &point)
        var uniforms = [Double]()
        uniforms.reserveCapacity(rows * dimensions)
        let epsilon = 1e-12
        for _ in 0..<rows {
            sequence.next(into: &point)
            uniforms += point.map { Swift.min(Swift.max($0, epsilon), 1 - epsilon) }
        }
        return NationalDesign(dimensions: dimensions, uniforms: uniforms)
    }
}

/// A stable 64-bit key for a name (FNV-1a), so each assumption gets its own random stream and
/// scenarios compared with the same seed see the same draws of the inputs they share.
func streamKey(_ name: String) -> UInt64 {
    var hash: UInt64 = 0xcbf29ce484222325
    for byte in name.utf8 {
        hash ^= UInt64(byte)
        hash = hash &* 0x100000001b3
    }
    return hash
}
