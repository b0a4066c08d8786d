import GSLKit

/// Variance-based sensitivity: first-order and total Sobol indices with bootstrap intervals.
///
/// Estimators: Saltelli et al. (2010) for first-order, `S_i = mean(f(B)·(f(A_B^i) − f(A))) / V`,
/// and Jansen (1999) for total, `ST_i = mean((f(A) − f(A_B^i))²) / (2V)`, where `A_B^i` is `A` with
/// column i taken from `B`. Inputs are uniforms on [0, 1); the caller maps them through each
/// input's inverse CDF.
public enum SobolIndices {
    /// One input's indices with 95% bootstrap intervals.
    public struct Index: Sendable {
        public let name: String
        public let firstOrder: Double
        public let firstOrderInterval: ClosedRange<Double>
        public let total: Double
        public let totalInterval: ClosedRange<Double>
    }

    /// Estimates the indices of `function` over `names.count` uniform inputs with `baseSamples`
    /// rows (the function is called `baseSamples × (d + 2)` times).
    public static func estimate(names: [String], baseSamples: Int, seed: UInt64, bootstrapResamples: Int = 200,
                                function: ([Double]) -> Double) -> [Index] {
        estimate(names: names, baseSamples: baseSamples, seed: seed, bootstrapResamples: bootstrapResamples,
                 evaluatingRows: { rows in rows.map(function) })
    }

    /// As ``estimate(names:baseSamples:seed:bootstrapResamples:function:)``, with every row of
    /// the design handed over at once (`A`, then `B`, then each `A_B^i` in input order) to
    /// `evaluatingRows`, which returns the function's value of each row in the same order: the
    /// caller may spread the evaluations over threads.
    public static func estimate(names: [String], baseSamples: Int, seed: UInt64, bootstrapResamples: Int = 200,
                                evaluatingRows: ([[Double]]) -> [Double]) -> [Index] {
        let d = names.count
        let n = baseSamples
        let stream = RandomStream(seed: seed, algorithm: SimulationEngine.generator)
        var a = [[Double]](), b = [[Double]]()
        for _ in 0..<n {
            a.append((0..<d).map { _ in stream.uniformPositive() })
            b.append((0..<d).map { _ in stream.uniformPositive() })
        }
        var rows = a + b
        rows.reserveCapacity(n * (d + 2))
        for i in 0..<d {
            for row in 0..<n {
                var mixed = a[row]
                mixed[i] = b[row][i]
                rows.append(mixed)
            }
        }
        let values = evaluatingRows(rows)
        precondition(values.count == rows.count, "SobolIndices: \(values.count) values for \(rows.count) rows")
        let fA = Array(values[0..<n])
        let fB = Array(values[n..<(2 * n)])
        let fAB = (0..<d).map { i in Array(values[((2 + i) * n)..<((3 + i) * n)]) }

        func indices(rows: [Int]) -> [(Double, Double)] {
            let all = rows.map { fA[$0] } + rows.map { fB[$0] }
            let mean = all.reduce(0, +) / Double(all.count)
            let variance = all.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(all.count - 1)
            guard variance > 0 else { return Array(repeating: (0, 0), count: d) }
            return (0..<d).map { i in
                var first = 0.0, total = 0.0
                for row in rows {
                    let difference = fAB[i][row] - fA[row]
                    first += fB[row] * difference
                    total += difference * difference
                }
                return (first / Double(rows.count) / variance, total / (2 * Double(rows.count)) / variance)
            }
        }

        let point = indices(rows: Array(0..<n))
        let resampler = RandomStream.derived(seed: seed, chunk: 1, algorithm: SimulationEngine.generator)
        var firstDraws = [[Double]](repeating: [], count: d), totalDraws = [[Double]](repeating: [], count: d)
        for _ in 0..<bootstrapResamples {
            let rows = (0..<n).map { _ in resampler.integer(below: n) }
            for (i, value) in indices(rows: rows).enumerated() {
                firstDraws[i].append(value.0)
                totalDraws[i].append(value.1)
            }
        }
        func interval(_ draws: [Double]) -> ClosedRange<Double> {
            let sorted = Statistics.sorted(draws)
            return Statistics.quantile(sorted: sorted, probability: 0.025)...Statistics.quantile(sorted: sorted, probability: 0.975)
        }
        return (0..<d).map { i in
            Index(name: names[i], firstOrder: point[i].0, firstOrderInterval: interval(firstDraws[i]),
                  total: point[i].1, totalInterval: interval(totalDraws[i]))
        }
    }
}
