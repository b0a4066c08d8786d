/// How uncertain an assumption is: the distribution a Monte Carlo run draws it from.
///
/// Parameters are named, never positional (a lesson from SALib's history), and `central` is the
/// value a deterministic run uses.
public enum Distribution: Sendable, Equatable {
    /// No uncertainty.
    case fixed(Double)
    /// Every value between `minimum` and `maximum` equally likely.
    case uniform(minimum: Double, maximum: Double)
    /// Normal, optionally truncated at bounds by clamping (used for unit-bounded quantities).
    case normal(mean: Double, standardDeviation: Double)
    /// Log-normal: the logarithm is normal with this mean and standard deviation.
    case lognormal(logMean: Double, logStandardDeviation: Double)
    /// Beta on [0, 1], for probabilities and shares.
    case beta(alpha: Double, beta: Double)
    /// Triangular with a most likely value.
    case triangular(minimum: Double, mode: Double, maximum: Double)
    /// Beta-PERT with a most likely value (shape 4, the usual choice).
    case pert(minimum: Double, mode: Double, maximum: Double)

    /// The kinds of distribution, as written in assumption files.
    public enum Kind: String, CaseIterable, Sendable {
        case fixed, uniform, normal, lognormal, beta, triangular, pert
    }

    /// The kind of this distribution.
    public var kind: Kind {
        switch self {
        case .fixed: return .fixed
        case .uniform: return .uniform
        case .normal: return .normal
        case .lognormal: return .lognormal
        case .beta: return .beta
        case .triangular: return .triangular
        case .pert: return .pert
        }
    }

    /// True when a run draws this assumption (anything but `fixed`).
    public var isUncertain: Bool { kind != .fixed }

    /// The mean of the distribution.
    public var mean: Double {
        switch self {
        case .fixed(let value): return value
        case .uniform(let lo, let hi): return (lo + hi) / 2
        case .normal(let mean, _): return mean
        case .lognormal(let mu, let sigma): return (mu + sigma * sigma / 2).exp
        case .beta(let a, let b): return a / (a + b)
        case .triangular(let lo, let mode, let hi): return (lo + mode + hi) / 3
        case .pert(let lo, let mode, let hi): return (lo + 4 * mode + hi) / 6
        }
    }

    /// The smallest and largest values the distribution can give (infinite for unbounded ones).
    public var support: ClosedRange<Double> {
        switch self {
        case .fixed(let value): return value...value
        case .uniform(let lo, let hi), .triangular(let lo, _, let hi), .pert(let lo, _, let hi): return lo...hi
        case .normal: return -Double.infinity...Double.infinity
        case .lognormal: return 0...Double.infinity
        case .beta: return 0...1
        }
    }

    /// Named parameters in file order, for tables and the assumptions annex.
    public var parameters: [(name: String, value: Double)] {
        switch self {
        case .fixed(let value): return [("value", value)]
        case .uniform(let lo, let hi): return [("minimum", lo), ("maximum", hi)]
        case .normal(let mean, let sd): return [("mean", mean), ("standardDeviation", sd)]
        case .lognormal(let mu, let sigma): return [("logMean", mu), ("logStandardDeviation", sigma)]
        case .beta(let a, let b): return [("alpha", a), ("beta", b)]
        case .triangular(let lo, let mode, let hi), .pert(let lo, let mode, let hi):
            return [("minimum", lo), ("mode", mode), ("maximum", hi)]
        }
    }

    /// The distribution of `factor · X` for X drawn from this one (factor > 0), or nil for a beta,
    /// whose support is fixed to [0, 1]. Used to carry a multiplier's uncertainty into a derived rate.
    public func scaled(by factor: Double) -> Distribution? {
        guard factor > 0, factor.isFinite else { return nil }
        switch self {
        case .fixed(let value): return .fixed(value * factor)
        case .uniform(let lo, let hi): return .uniform(minimum: lo * factor, maximum: hi * factor)
        case .normal(let mean, let sd): return .normal(mean: mean * factor, standardDeviation: sd * factor)
        case .lognormal(let mu, let sigma): return .lognormal(logMean: mu + Foundation.log(factor), logStandardDeviation: sigma)
        case .beta: return nil
        case .triangular(let lo, let mode, let hi): return .triangular(minimum: lo * factor, mode: mode * factor, maximum: hi * factor)
        case .pert(let lo, let mode, let hi): return .pert(minimum: lo * factor, mode: mode * factor, maximum: hi * factor)
        }
    }

    /// A short human description, e.g. `triangular(38000, 44490.84, 52000)`.
    public var summary: String {
        if case .fixed = self { return "fixed" }
        let values = parameters.map { formatParameter($0.value) }.joined(separator: ", ")
        return "\(kind.rawValue)(\(values))"
    }
}

/// A parameter as a reader wants it: whole numbers as such, others to 4 decimals (4 significant
/// digits when smaller than 0.01), trailing zeros dropped, so a value computed at load time
/// (0.6695703701719792) reads 0.6696.
private func formatParameter(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e12 { return String(Int(value)) }
    guard abs(value) >= 0.01 else { return String(format: "%.4g", value) }
    var text = String(format: "%.4f", value)
    while text.hasSuffix("0") { text.removeLast() }
    return text
}

extension Double {
    fileprivate var exp: Double { Foundation.exp(self) }
}

import Foundation
