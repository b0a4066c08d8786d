import GSLKit
import MSCModel

extension Distribution {
    /// One random draw from the distribution.
    @inlinable
    public func draw(using stream: RandomStream) -> Double {
        switch self {
        case .fixed(let value): return value
        case .uniform(let lo, let hi): return stream.uniform(lower: lo, upper: hi)
        case .normal(let mean, let sd): return stream.normal(mean: mean, standardDeviation: sd)
        case .lognormal(let mu, let sigma): return stream.lognormal(logMean: mu, logStandardDeviation: sigma)
        case .beta(let a, let b): return stream.beta(alpha: a, beta: b)
        case .triangular(let lo, let mode, let hi): return stream.triangular(minimum: lo, mode: mode, maximum: hi)
        case .pert(let lo, let mode, let hi): return stream.pert(minimum: lo, mode: mode, maximum: hi)
        }
    }

    /// How many uniforms one ``draw(using:)`` takes when it is the quantile of its uniforms (a
    /// uniform or triangular draw: one; a fixed value: none), or nil when the generator's method
    /// takes a variable number (normal, lognormal, beta, PERT). For those with a count,
    /// ``draw(fromUniform:)`` gives the same value from a uniform drawn ahead.
    public var uniformsPerDraw: Int? {
        switch self {
        case .fixed: return 0
        case .uniform, .triangular: return 1
        case .normal, .lognormal, .beta, .pert: return nil
        }
    }

    /// The draw ``draw(using:)`` makes when the stream's next uniform is `u` (for distributions
    /// with ``uniformsPerDraw`` of 0 or 1).
    @inlinable
    public func draw(fromUniform u: Double) -> Double {
        switch self {
        case .fixed(let value): return value
        case .triangular(let lo, let mode, let hi): return Quantiles.triangular(u, minimum: lo, mode: mode, maximum: hi)
        default: return quantile(u)
        }
    }

    /// The value below which a fraction `p` of draws fall (the inverse CDF), for Latin hypercube
    /// and Sobol designs and for one-way sensitivity at P10 and P90.
    public func quantile(_ p: Double) -> Double {
        switch self {
        case .fixed(let value): return value
        case .uniform(let lo, let hi): return Quantiles.uniform(p, lower: lo, upper: hi)
        case .normal(let mean, let sd): return Quantiles.normal(p, mean: mean, standardDeviation: sd)
        case .lognormal(let mu, let sigma): return Quantiles.lognormal(p, logMean: mu, logStandardDeviation: sigma)
        case .beta(let a, let b): return Quantiles.beta(p, alpha: a, beta: b)
        case .triangular(let lo, let mode, let hi): return Quantiles.triangular(p, minimum: lo, mode: mode, maximum: hi)
        case .pert(let lo, let mode, let hi): return Quantiles.pert(p, minimum: lo, mode: mode, maximum: hi)
        }
    }
}

extension Assumption {
    /// The range a drawn value is held to: [0, 1] for fractions, non-negative for money and counts.
    ///
    /// Only unbounded distributions (normal) can stray outside; clamping keeps a share a share.
    public var admissibleRange: ClosedRange<Double> {
        if unit.isProbability { return 0...1 }
        if unit.isNonNegative { return 0...Double.infinity }
        return -Double.infinity...Double.infinity
    }

    /// A random draw of this assumption, held inside its unit's range.
    @inlinable
    public func draw(using stream: RandomStream) -> Double {
        distribution.draw(using: stream).clamped(to: admissibleRange)
    }

    /// The inverse CDF of this assumption at `p`, held inside its unit's range.
    public func quantile(_ p: Double) -> Double {
        bounded.quantile(p)
    }

    /// The distribution and its range without the rest of the assumption, for loops that ask
    /// many values of it: copying an assumption out of an array retains every one of its strings.
    public var bounded: BoundedDistribution {
        BoundedDistribution(distribution: distribution, range: admissibleRange)
    }
}

/// An assumption's distribution with the range its values are held to (``Assumption/admissibleRange``).
public struct BoundedDistribution: Sendable {
    public let distribution: Distribution
    public let range: ClosedRange<Double>

    /// The inverse CDF at `p`, held inside the range (``Assumption/quantile(_:)``).
    public func quantile(_ p: Double) -> Double {
        distribution.quantile(p).clamped(to: range)
    }

    /// Fills `buffer` with the draws as many calls of ``Distribution/draw(using:)`` one after the
    /// other would make them, each held to the range: a quantile of one uniform each is taken from
    /// a block of uniforms drawn in one go, and any other is drawn one by one from the one stream,
    /// with no reference to count per draw.
    func fill(_ buffer: UnsafeMutableBufferPointer<Double>, using stream: RandomStream) {
        switch distribution.uniformsPerDraw {
        case 0:
            for index in buffer.indices { buffer[index] = distribution.draw(fromUniform: 0).clamped(to: range) }
        case 1:
            stream.fillUniform(buffer)
            for index in buffer.indices { buffer[index] = distribution.draw(fromUniform: buffer[index]).clamped(to: range) }
        default:
            for index in buffer.indices { buffer[index] = distribution.draw(using: stream).clamped(to: range) }
        }
    }
}

extension Double {
    @usableFromInline
    func clamped(to range: ClosedRange<Double>) -> Double {
        Swift.min(Swift.max(self, range.lowerBound), range.upperBound)
    }
}
