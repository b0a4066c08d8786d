import Foundation

extension Distribution {
    /// The k-th raw moment `E[X^k]`, where it has a closed form (fixed, beta, uniform); nil otherwise.
    ///
    /// Used for the exact survival of a post whose renewal probability is uncertain: a source
    /// renewed k times with probability q survives with probability `E[q^k]`, not `E[q]^k`.
    /// Beta: `Π_{j<k} (α + j) / (α + β + j)`; uniform on [a, b]: `(b^{k+1} − a^{k+1}) / ((k+1)(b − a))`.
    public func rawMoment(order k: Int) -> Double? {
        guard k > 0 else { return 1 }
        switch self {
        case .fixed(let value):
            return pow(value, Double(k))
        case .beta(let alpha, let beta):
            var moment = 1.0
            for j in 0..<k { moment *= (alpha + Double(j)) / (alpha + beta + Double(j)) }
            return moment
        case .uniform(let lo, let hi):
            let power = Double(k + 1)
            return (pow(hi, power) - pow(lo, power)) / (power * (hi - lo))
        case .normal, .lognormal, .triangular, .pert:
            return nil
        }
    }

    /// Chance of renewal at the k-th renewal point given renewal at the k − 1 before it,
    /// `E[q^k] / E[q^{k−1}]`; nil where the moments have no closed form.
    public func conditionalRenewalProbability(renewal k: Int) -> Double? {
        if case .beta(let alpha, let beta) = self {
            // The ratio directly, so long horizons never underflow.
            return (alpha + Double(k - 1)) / (alpha + beta + Double(k - 1))
        }
        guard let now = rawMoment(order: k), let before = rawMoment(order: k - 1) else { return nil }
        return before > 0 ? now / before : 0
    }
}
