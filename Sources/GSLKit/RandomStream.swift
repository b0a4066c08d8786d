import CGSL
import CKernels
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A stream of pseudo-random numbers from one GSL generator (MT19937 unless told otherwise).
///
/// A stream owns its `gsl_rng` and frees it when released. It is deliberately not `Sendable`:
/// a GSL generator holds mutable state, so each task or parallel chunk must own its own stream
/// (see ``derived(seed:chunk:algorithm:)``), never share one (DESIGN 8).
///
/// Samplers that return `Double` return NaN when given invalid parameters (such as a negative
/// standard deviation), so bad input propagates visibly instead of crashing; callers are expected
/// to validate distribution parameters when assumptions are loaded.
public final class RandomStream {
    /// The generator algorithm behind a stream.
    public enum Algorithm: Sendable, Equatable {
        /// Mersenne Twister MT19937 (`gsl_rng_mt19937`): GSL's default, period 2^19937 - 1.
        case mersenneTwister
        /// L'Ecuyer's combined multiple recursive generator (`gsl_rng_mrg`), period about 2^185.
        case combinedMultipleRecursive
        /// L'Ecuyer's maximally equidistributed combined Tausworthe generator (`gsl_rng_taus2`,
        /// L'Ecuyer 1996 with the seeding corrected in 1999), period about 2^88. GSL lists it among
        /// its fastest generators of simulation quality; on this project's machine it draws about
        /// 2.9 times as many uniforms a second as MT19937 (258 against 89 million).
        case tausworthe
    }

    private let rng: UnsafeMutablePointer<gsl_rng>
    /// The seed this stream was created with (before folding to GSL's seed width).
    public let seed: UInt64
    /// The generator algorithm of this stream.
    public let algorithm: Algorithm

    /// Creates a stream seeded with `seed`; the same seed always gives the same sequence.
    ///
    /// GSL's MT19937 uses only the low 32 bits of its seed, so the 64-bit seed is folded to 32 bits
    /// (high half XOR low half) first: seeds below 2^32 give exactly the sequence plain GSL gives
    /// for `gsl_rng_set(r, seed)`, and seeds that differ only in their high bits still differ.
    /// GSL maps a folded seed of 0 to its default seed 4357.
    public init(seed: UInt64, algorithm: Algorithm = .mersenneTwister) {
        ErrorHandler.ensureInstalled()
        let type = switch algorithm {
        case .mersenneTwister: cgsl_rng_mt19937()
        case .combinedMultipleRecursive: cgsl_rng_mrg()
        case .tausworthe: cgsl_rng_taus2()
        }
        // gsl_rng_alloc fails only when out of memory; there is nothing useful to throw then.
        guard let rng = gsl_rng_alloc(type) else {
            fatalError("GSLKit: cannot allocate a GSL random number generator (out of memory)")
        }
        self.rng = rng
        self.seed = seed
        self.algorithm = algorithm
        let folded = (seed ^ (seed >> 32)) & 0xFFFF_FFFF
        gsl_rng_set(rng, UInt(folded))
    }

    deinit { gsl_rng_free(rng) }

    /// Returns an independent stream for chunk `chunk` of a parallel run seeded with `seed`.
    ///
    /// Why hashing: seeding chunk k with `seed + k` would give neighbouring runs overlapping
    /// chunk seeds (run 7 chunk 1 == run 8 chunk 0), and MT19937 streams from nearby seeds start
    /// out correlated. The seed and chunk are instead mixed with the splitmix64 finaliser
    /// (Steele, Lea & Flood 2014), a bijective 64-bit hash with full avalanche, so every
    /// (seed, chunk) pair gets an unrelated generator seed. The result depends only on
    /// (seed, chunk), never on thread count or scheduling, so a run reproduces to the last digit.
    /// Because MT19937 takes a 32-bit seed, two of k chunks collide with probability about
    /// k^2 / 2^33 (about 1e-4 for 1,000 chunks).
    public static func derived(seed: UInt64, chunk: Int, algorithm: Algorithm = .mersenneTwister) -> RandomStream {
        let mixed = splitMix64(splitMix64(seed) ^ UInt64(bitPattern: Int64(chunk)))
        return RandomStream(seed: mixed, algorithm: algorithm)
    }

    /// The splitmix64 finaliser: adds the golden-ratio increment, then mixes with two
    /// multiply-xorshift rounds (constants from Steele, Lea & Flood 2014).
    static func splitMix64(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    // MARK: Uniform

    /// A uniform draw in [0, 1) (`gsl_rng_uniform`).
    public func uniform() -> Double {
        gsl_rng_uniform(rng)
    }

    /// Fills `buffer` with uniform draws in [0, 1): the same numbers, in order, as as many calls to
    /// ``uniform()``, read straight from the generator's `get_double` (what `gsl_rng_uniform` calls)
    /// without two function calls per number in between.
    public func fillUniform(_ buffer: UnsafeMutableBufferPointer<Double>) {
        // taus2, the engine's generator: its three Tausworthe steps in one C loop, on GSL's own state.
        if algorithm == .tausworthe, let base = buffer.baseAddress {
            msc_taus_fill_uniform(rng.pointee.state, base, buffer.count)
            return
        }
        guard let getDouble = rng.pointee.type.pointee.get_double else {
            for index in buffer.indices { buffer[index] = gsl_rng_uniform(rng) }
            return
        }
        let state = rng.pointee.state
        for index in buffer.indices { buffer[index] = getDouble(state) }
    }

    /// A uniform draw in (0, 1), never exactly 0 (`gsl_rng_uniform_pos`); safe to take the log of.
    public func uniformPositive() -> Double {
        gsl_rng_uniform_pos(rng)
    }

    /// A uniform draw in [lower, upper) (`gsl_ran_flat`); NaN unless lower <= upper, both finite.
    public func uniform(lower: Double, upper: Double) -> Double {
        guard lower.isFinite, upper.isFinite, lower <= upper else { return .nan }
        return lower + (upper - lower) * gsl_rng_uniform(rng)
    }

    /// A uniform integer in 0..<n (`gsl_rng_uniform_int`, which avoids modulo bias).
    ///
    /// - Precondition: 1 <= n <= 2^32 - 1 for MT19937 (GSL's limit is the generator's range).
    public func integer(below n: Int) -> Int {
        let range = gsl_rng_max(rng) - gsl_rng_min(rng)
        precondition(n > 0 && UInt(n) <= range, "RandomStream.integer(below:) needs 1 <= n <= \(range), got \(n)")
        return Int(gsl_rng_uniform_int(rng, UInt(n)))
    }

    // MARK: Continuous distributions

    /// A standard normal draw (mean 0, SD 1), by the ziggurat method (`gsl_ran_gaussian_ziggurat`).
    public func standardNormal() -> Double {
        // The ziggurat is about 3 times faster than gsl_ran_gaussian's Box-Muller (DESIGN 8).
        gsl_ran_gaussian_ziggurat(rng, 1.0)
    }

    /// A normal draw with the given mean and standard deviation (ziggurat method).
    ///
    /// NaN unless the standard deviation is finite and >= 0.
    public func normal(mean: Double, standardDeviation: Double) -> Double {
        guard standardDeviation >= 0, standardDeviation.isFinite else { return .nan }
        return mean + gsl_ran_gaussian_ziggurat(rng, standardDeviation)
    }

    /// A lognormal draw: exp of a normal with mean `logMean` and SD `logStandardDeviation`.
    ///
    /// Uses the ziggurat normal (faster than `gsl_ran_lognormal`, same distribution). The median
    /// is exp(logMean). NaN unless `logStandardDeviation` is finite and >= 0.
    public func lognormal(logMean: Double, logStandardDeviation: Double) -> Double {
        guard logStandardDeviation >= 0, logStandardDeviation.isFinite else { return .nan }
        return exp(logMean + gsl_ran_gaussian_ziggurat(rng, logStandardDeviation))
    }

    /// A Beta(alpha, beta) draw on [0, 1] (`gsl_ran_beta`); NaN unless both shapes are positive.
    public func beta(alpha: Double, beta: Double) -> Double {
        guard alpha > 0, beta > 0, alpha.isFinite, beta.isFinite else { return .nan }
        return gsl_ran_beta(rng, alpha, beta)
    }

    /// A Gamma draw with the given shape k and scale theta (mean k theta) (`gsl_ran_gamma`).
    ///
    /// NaN unless shape and scale are positive and finite.
    public func gamma(shape: Double, scale: Double) -> Double {
        guard shape > 0, scale > 0, shape.isFinite, scale.isFinite else { return .nan }
        return gsl_ran_gamma(rng, shape, scale)
    }

    /// A triangular draw on [minimum, maximum] peaking at `mode`, by inverting the CDF.
    ///
    /// NaN unless minimum <= mode <= maximum (all finite).
    public func triangular(minimum: Double, mode: Double, maximum: Double) -> Double {
        Quantiles.triangular(uniform(), minimum: minimum, mode: mode, maximum: maximum)
    }

    /// A Beta-PERT draw on [minimum, maximum] with most likely value `mode`.
    ///
    /// The PERT distribution is minimum + (maximum - minimum) Beta(alpha, beta) with
    /// alpha = 1 + shape (mode - minimum) / (maximum - minimum) and
    /// beta = 1 + shape (maximum - mode) / (maximum - minimum); its mean is
    /// (minimum + shape mode + maximum) / (shape + 2). The classic PERT uses shape 4 (Vose 2008).
    /// NaN unless minimum <= mode <= maximum and shape >= 0 (all finite).
    public func pert(minimum: Double, mode: Double, maximum: Double, shape: Double = 4) -> Double {
        guard let (alpha, beta) = Quantiles.pertShapes(minimum: minimum, mode: mode, maximum: maximum, shape: shape) else {
            return .nan
        }
        if maximum == minimum { return minimum }
        return minimum + (maximum - minimum) * gsl_ran_beta(rng, alpha, beta)
    }

    // MARK: Discrete distributions

    /// A Poisson draw with the given mean (`gsl_ran_poisson`).
    ///
    /// - Precondition: `mean` is finite and >= 0.
    public func poisson(mean: Double) -> Int {
        precondition(mean >= 0 && mean.isFinite, "RandomStream.poisson(mean:) needs a finite mean >= 0, got \(mean)")
        return Int(gsl_ran_poisson(rng, mean))
    }

    /// A Bernoulli draw: true with the given probability (`gsl_ran_bernoulli`).
    ///
    /// - Precondition: 0 <= probability <= 1.
    public func bernoulli(probability: Double) -> Bool {
        precondition(probability >= 0 && probability <= 1, "RandomStream.bernoulli(probability:) needs 0...1, got \(probability)")
        return gsl_ran_bernoulli(rng, probability) == 1
    }
}
