/// The probability that an option is worthwhile, as a curve over what one additional
/// identification is worth (the cost-effectiveness acceptability curve of health economics).
///
/// At a value λ per identification the option is worthwhile in an iteration when its incremental
/// net benefit over the baseline, `λ × ΔE − ΔC`, is positive; the probability is the share of
/// iterations where it is. With E discounted identifications and C present-value costs this is the
/// Green Book net benefit; with E and C undiscounted (and C before optimism bias) it is the chance
/// the cost per additional identification is below λ, correctly counted when ΔE is negative.
public enum ProbabilityWorthwhile {
    /// Share of iterations with `λ × Δeffect − Δcost > 0`.
    public static func share(value: Double, incrementalEffect: [Double], incrementalCost: [Double]) -> Double {
        guard !incrementalEffect.isEmpty else { return .nan }
        var positive = 0
        for i in incrementalEffect.indices where value * incrementalEffect[i] - incrementalCost[i] > 0 { positive += 1 }
        return Double(positive) / Double(incrementalEffect.count)
    }

    /// Share of iterations in which each option has the highest `λ × effect − cost` (ties go to
    /// the earlier option), one share per option.
    public static func shareBest(value: Double, effects: [[Double]], costs: [[Double]]) -> [Double] {
        let n = effects.first?.count ?? 0
        guard n > 0 else { return effects.map { _ in .nan } }
        var wins = [Int](repeating: 0, count: effects.count)
        for i in 0..<n {
            var best = 0, bestValue = -Double.infinity
            for d in effects.indices {
                let nb = value * effects[d][i] - costs[d][i]
                if nb > bestValue { best = d; bestValue = nb }
            }
            wins[best] += 1
        }
        return wins.map { Double($0) / Double(n) }
    }

    /// The lowest value in `range` at which the share crosses 50%, to within a thousandth of a
    /// pound, or nil when it stays on one side throughout. Found on a grid of `gridPoints`, then
    /// by bisection on the exact share.
    public static func crossing(range: ClosedRange<Double>, incrementalEffect: [Double], incrementalCost: [Double],
                                gridPoints: Int = 2001) -> Double? {
        func above(_ value: Double) -> Bool {
            share(value: value, incrementalEffect: incrementalEffect, incrementalCost: incrementalCost) >= 0.5
        }
        let step = (range.upperBound - range.lowerBound) / Double(gridPoints - 1)
        var previousValue = range.lowerBound
        var previousAbove = above(previousValue)
        for k in 1..<gridPoints {
            let value = range.lowerBound + Double(k) * step
            let nowAbove = above(value)
            if nowAbove != previousAbove {
                var low = previousValue, high = value
                while high - low > 1e-3 {
                    let middle = (low + high) / 2
                    if above(middle) == previousAbove { low = middle } else { high = middle }
                }
                return (low + high) / 2
            }
            previousValue = value
            previousAbove = nowAbove
        }
        return nil
    }

    /// Values from 0 to `maximum` in `steps` equal steps, with `extra` values (the model's own
    /// value, a user's threshold) added in order.
    public static func grid(maximum: Double, steps: Int, including extra: [Double]) -> [Double] {
        let even = (0...steps).map { maximum * Double($0) / Double(steps) }
        return Array(Set(even + extra.filter { $0.isFinite && $0 >= 0 })).sorted()
    }
}
