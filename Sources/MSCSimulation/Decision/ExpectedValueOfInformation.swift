/// Expected value of perfect information (EVPI): what it would be worth to resolve every
/// uncertainty before choosing, `E[max_d NB_d] − max_d E[NB_d]`, on the Monte Carlo iterations.
public enum ExpectedValueOfInformation {
    /// EVPI and its Monte Carlo standard error.
    public struct Estimate: Sendable, Equatable {
        public let value: Double
        /// Standard error of the mean of `max_d NB_d − NB_best`, the per-iteration regret of
        /// choosing the option best on average (ignores the uncertainty in which option that is).
        public let standardError: Double
        /// The option with the highest mean net benefit (the choice under current information).
        public let bestOption: Int
    }

    /// EVPI of choosing among options with these net benefits (one array per option, one value per iteration).
    public static func perfect(netBenefits: [[Double]]) -> Estimate {
        let n = netBenefits.first?.count ?? 0
        guard n > 0 else { return Estimate(value: .nan, standardError: .nan, bestOption: 0) }
        let means = netBenefits.map { $0.reduce(0, +) / Double(n) }
        let best = means.indices.max { means[$0] < means[$1] } ?? 0
        var regret = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var top = -Double.infinity
            for d in netBenefits.indices { top = max(top, netBenefits[d][i]) }
            regret[i] = top - netBenefits[best][i]
        }
        let mean = regret.reduce(0, +) / Double(n)
        let variance = n > 1 ? regret.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n - 1) : .nan
        return Estimate(value: mean, standardError: (variance / Double(n)).squareRoot(), bestOption: best)
    }
}
