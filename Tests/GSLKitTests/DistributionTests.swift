import Foundation
import GSLKit
import Testing

// Each sampler is checked against analytic moments: with n = 200,000 draws, the sample mean must
// lie within 4 standard errors (sd / sqrt(n)) of the true mean and the sample variance within 4
// standard errors (about sqrt((mu4 - sigma^4) / n), mu4 the fourth central moment) of the true
// variance. With fixed seeds the outcome is deterministic; 4 SE makes a false failure across
// these ~30 checks unlikely (about 0.2%) for any seed.

private let sampleSize = 200_000

/// The true mean, variance and fourth central moment of a distribution.
private struct Moments {
    let mean: Double
    let variance: Double
    let fourthCentral: Double

    /// From raw moments E[X], E[X^2], E[X^3], E[X^4].
    init(raw m1: Double, _ m2: Double, _ m3: Double, _ m4: Double) {
        mean = m1
        variance = m2 - m1 * m1
        fourthCentral = m4 - 4 * m1 * m3 + 6 * m1 * m1 * m2 - 3 * m1 * m1 * m1 * m1
    }

    init(mean: Double, variance: Double, fourthCentral: Double) {
        self.mean = mean
        self.variance = variance
        self.fourthCentral = fourthCentral
    }

    /// Affine map a + b X.
    func shifted(by a: Double, scaledBy b: Double) -> Moments {
        Moments(mean: a + b * mean, variance: b * b * variance, fourthCentral: b * b * b * b * fourthCentral)
    }
}

/// Beta(alpha, beta) raw moments E[X^k] = prod_{r<k} (alpha + r) / (alpha + beta + r).
private func betaMoments(_ a: Double, _ b: Double) -> Moments {
    func raw(_ k: Int) -> Double { (0..<k).reduce(1.0) { $0 * (a + Double($1)) / (a + b + Double($1)) } }
    return Moments(raw: raw(1), raw(2), raw(3), raw(4))
}

/// Checks sample mean and variance against `truth`, within 4 standard errors.
private func expectMoments(_ draws: [Double], _ truth: Moments, _ label: String,
                           sourceLocation: SourceLocation = #_sourceLocation) {
    let n = Double(draws.count)
    let mean = Statistics.mean(draws)
    let variance = Statistics.variance(draws)
    let meanSE = (truth.variance / n).squareRoot()
    let varianceSE = ((truth.fourthCentral - truth.variance * truth.variance) / n).squareRoot()
    #expect(abs(mean - truth.mean) < 4 * meanSE,
            "\(label) mean \(mean) vs \(truth.mean) (SE \(meanSE))", sourceLocation: sourceLocation)
    #expect(abs(variance - truth.variance) < 4 * varianceSE,
            "\(label) variance \(variance) vs \(truth.variance) (SE \(varianceSE))", sourceLocation: sourceLocation)
}

private func draws(_ seed: UInt64, _ draw: (RandomStream) -> Double) -> [Double] {
    let stream = RandomStream(seed: seed)
    return (0..<sampleSize).map { _ in draw(stream) }
}

@Test func uniformMoments() {
    let unit = draws(1) { $0.uniform() }
    #expect(unit.allSatisfy { $0 >= 0 && $0 < 1 })
    expectMoments(unit, Moments(mean: 0.5, variance: 1.0 / 12, fourthCentral: 1.0 / 80), "uniform()")

    let positive = draws(2) { $0.uniformPositive() }
    #expect(positive.allSatisfy { $0 > 0 && $0 < 1 })
    expectMoments(positive, Moments(mean: 0.5, variance: 1.0 / 12, fourthCentral: 1.0 / 80), "uniformPositive()")

    // Width w: variance w^2 / 12, mu4 = w^4 / 80.
    let ranged = draws(3) { $0.uniform(lower: 2, upper: 5) }
    #expect(ranged.allSatisfy { $0 >= 2 && $0 < 5 })
    expectMoments(ranged, Moments(mean: 3.5, variance: 9.0 / 12, fourthCentral: 81.0 / 80), "uniform(2, 5)")

    // Discrete uniform on 0..<10: moments by enumeration.
    let integers = draws(4) { Double($0.integer(below: 10)) }
    #expect(integers.allSatisfy { $0 >= 0 && $0 < 10 && $0 == $0.rounded() })
    let values = (0..<10).map(Double.init)
    func raw(_ k: Double) -> Double { values.reduce(0) { $0 + pow($1, k) } / 10 }
    expectMoments(integers, Moments(raw: raw(1), raw(2), raw(3), raw(4)), "integer(below: 10)")
}

@Test func normalAndLognormalMoments() {
    expectMoments(draws(5) { $0.standardNormal() }, Moments(mean: 0, variance: 1, fourthCentral: 3), "standardNormal")
    // Normal: mu4 = 3 sigma^4.
    expectMoments(draws(6) { $0.normal(mean: 10, standardDeviation: 2) },
                  Moments(mean: 10, variance: 4, fourthCentral: 48), "normal(10, 2)")
    // Lognormal: E[X^k] = exp(k m + k^2 s^2 / 2).
    let m = 0.5, s = 0.4
    func raw(_ k: Double) -> Double { exp(k * m + k * k * s * s / 2) }
    let lognormal = draws(7) { $0.lognormal(logMean: m, logStandardDeviation: s) }
    #expect(lognormal.allSatisfy { $0 > 0 })
    expectMoments(lognormal, Moments(raw: raw(1), raw(2), raw(3), raw(4)), "lognormal(0.5, 0.4)")
}

@Test func betaAndGammaMoments() {
    let beta = draws(8) { $0.beta(alpha: 2, beta: 5) }
    #expect(beta.allSatisfy { $0 >= 0 && $0 <= 1 })
    expectMoments(beta, betaMoments(2, 5), "beta(2, 5)")
    // Gamma(k, theta): E[X^n] = theta^n k (k + 1) ... (k + n - 1).
    let k = 3.0, theta = 2.0
    func raw(_ n: Int) -> Double { (0..<n).reduce(1.0) { $0 * theta * (k + Double($1)) } }
    expectMoments(draws(9) { $0.gamma(shape: k, scale: theta) },
                  Moments(raw: raw(1), raw(2), raw(3), raw(4)), "gamma(3, 2)")
    // Shape below 1 takes GSL's other branch.
    let small = 0.5
    func rawSmall(_ n: Int) -> Double { (0..<n).reduce(1.0) { $0 * (small + Double($1)) } }
    expectMoments(draws(10) { $0.gamma(shape: small, scale: 1) },
                  Moments(raw: rawSmall(1), rawSmall(2), rawSmall(3), rawSmall(4)), "gamma(0.5, 1)")
}

@Test func discreteMoments() {
    // Poisson(lambda): variance lambda, mu4 = lambda + 3 lambda^2.
    let lambda = 4.5
    let poisson = draws(11) { Double($0.poisson(mean: lambda)) }
    expectMoments(poisson, Moments(mean: lambda, variance: lambda, fourthCentral: lambda + 3 * lambda * lambda), "poisson(4.5)")
    // Large means take GSL's other algorithm.
    let big = 250.0
    expectMoments(draws(12) { Double($0.poisson(mean: big)) },
                  Moments(mean: big, variance: big, fourthCentral: big + 3 * big * big), "poisson(250)")
    // Bernoulli(p): variance p q, mu4 = p q (1 - 3 p q).
    let p = 0.3, pq = 0.3 * 0.7
    expectMoments(draws(13) { $0.bernoulli(probability: p) ? 1 : 0 },
                  Moments(mean: p, variance: pq, fourthCentral: pq * (1 - 3 * pq)), "bernoulli(0.3)")
    #expect(draws(14) { $0.bernoulli(probability: 0) ? 1 : 0 }.allSatisfy { $0 == 0 })
    #expect(draws(15) { $0.bernoulli(probability: 1) ? 1 : 0 }.allSatisfy { $0 == 1 })
}

@Test func triangularAndPertMoments() {
    // Triangular(a, c, b): moments by Simpson integration of the piecewise-linear density,
    // independent of the sampler's inverse-CDF code.
    let a = 1.0, c = 2.0, b = 6.0
    func density(_ x: Double) -> Double {
        x < c ? 2 * (x - a) / ((b - a) * (c - a)) : 2 * (b - x) / ((b - a) * (b - c))
    }
    func integrate(_ g: (Double) -> Double, _ lo: Double, _ hi: Double) -> Double {
        let steps = 20_000
        let h = (hi - lo) / Double(steps)
        var sum = g(lo) + g(hi)
        for i in 1..<steps { sum += (i % 2 == 1 ? 4 : 2) * g(lo + Double(i) * h) }
        return sum * h / 3
    }
    // Split at the mode so Simpson's rule sees a smooth integrand on each side.
    func raw(_ k: Double) -> Double {
        integrate({ pow($0, k) * density($0) }, a, c) + integrate({ pow($0, k) * density($0) }, c, b)
    }
    let triangular = draws(16) { $0.triangular(minimum: a, mode: c, maximum: b) }
    #expect(triangular.allSatisfy { $0 >= a && $0 <= b })
    let triangularMoments = Moments(raw: raw(1), raw(2), raw(3), raw(4))
    #expect(abs(triangularMoments.mean - (a + b + c) / 3) < 1e-12)
    #expect(abs(triangularMoments.variance - (a * a + b * b + c * c - a * b - a * c - b * c) / 18) < 1e-12)
    expectMoments(triangular, triangularMoments, "triangular(1, 2, 6)")

    // PERT(a, c, b) with shape 4 is a + (b - a) Beta(1.8, 4.2); mean (a + 4c + b) / 6.
    let pert = draws(17) { $0.pert(minimum: a, mode: c, maximum: b) }
    #expect(pert.allSatisfy { $0 >= a && $0 <= b })
    let pertMoments = betaMoments(1 + 4 * (c - a) / (b - a), 1 + 4 * (b - c) / (b - a)).shifted(by: a, scaledBy: b - a)
    #expect(abs(pertMoments.mean - (a + 4 * c + b) / 6) < 1e-12)
    expectMoments(pert, pertMoments, "pert(1, 2, 6)")
    // A different shape changes alpha and beta accordingly.
    let flatter = draws(18) { $0.pert(minimum: a, mode: c, maximum: b, shape: 2) }
    expectMoments(flatter, betaMoments(1 + 2 * 0.2, 1 + 2 * 0.8).shifted(by: a, scaledBy: b - a), "pert(1, 2, 6, shape 2)")
}

@Test func multivariateNormalMoments() throws {
    let mean = [1.0, -2.0, 0.5]
    let covariance = [[4.0, 1.2, -0.6], [1.2, 1.0, 0.3], [-0.6, 0.3, 2.0]]
    let mvn = try MultivariateNormal(mean: mean, covariance: covariance)
    // L L' reproduces the covariance.
    for i in 0..<3 {
        for j in 0..<3 {
            let product = (0..<3).reduce(0.0) { $0 + mvn.choleskyFactor[i][$1] * mvn.choleskyFactor[j][$1] }
            #expect(abs(product - covariance[i][j]) < 1e-12)
        }
    }
    let stream = RandomStream(seed: 19)
    let samples = (0..<sampleSize).map { _ in mvn.sample(using: stream) }
    for i in 0..<3 {
        let sd = covariance[i][i].squareRoot()
        expectMoments(samples.map { $0[i] },
                      Moments(mean: mean[i], variance: sd * sd, fourthCentral: 3 * pow(sd, 4)), "MVN component \(i)")
    }
    // Sample covariance of components i, j: for a bivariate normal, Var[(X - mx)(Y - my)] is
    // sx^2 sy^2 + sxy^2, so its SE is sqrt of that over n.
    let means = (0..<3).map { i in Statistics.mean(samples.map { $0[i] }) }
    for (i, j) in [(0, 1), (1, 2), (0, 2)] {
        let n = Double(samples.count)
        let sampleCovariance = samples.reduce(0.0) { $0 + ($1[i] - means[i]) * ($1[j] - means[j]) } / (n - 1)
        let se = ((covariance[i][i] * covariance[j][j] + covariance[i][j] * covariance[i][j]) / n).squareRoot()
        #expect(abs(sampleCovariance - covariance[i][j]) < 4 * se, "MVN cov[\(i)][\(j)] = \(sampleCovariance)")
    }
    // transform is mean + L z.
    #expect(mvn.transform(standardNormals: [0, 0, 0]) == mean)
    let x = mvn.transform(standardNormals: [1, 0, 0])
    #expect(abs(x[0] - 3) < 1e-12 && abs(x[1] - (-1.4)) < 1e-12 && abs(x[2] - 0.2) < 1e-12)
}

@Test func sameSeedSameSequence() {
    func sequence(_ stream: RandomStream) -> [Double] {
        (0..<1_000).flatMap { _ in
            [stream.uniform(), stream.standardNormal(), stream.gamma(shape: 2, scale: 1),
             Double(stream.poisson(mean: 3)), stream.pert(minimum: 0, mode: 1, maximum: 3)]
        }
    }
    #expect(sequence(RandomStream(seed: 42)) == sequence(RandomStream(seed: 42)))
    #expect(sequence(RandomStream(seed: 42)) != sequence(RandomStream(seed: 43)))
    // Seeds that differ only in their high 32 bits still give different streams.
    #expect(sequence(RandomStream(seed: 42)) != sequence(RandomStream(seed: 42 | (1 << 40))))
    // The alternative generator is reproducible too, and differs from MT19937.
    let mrg = sequence(RandomStream(seed: 42, algorithm: .combinedMultipleRecursive))
    #expect(mrg == sequence(RandomStream(seed: 42, algorithm: .combinedMultipleRecursive)))
    #expect(mrg != sequence(RandomStream(seed: 42)))
}

@Test func derivedStreamsAreReproducibleAndDistinct() {
    func first(_ stream: RandomStream, _ count: Int = 1_000) -> [Double] {
        (0..<count).map { _ in stream.uniform() }
    }
    let chunk0 = first(RandomStream.derived(seed: 7, chunk: 0))
    let chunk1 = first(RandomStream.derived(seed: 7, chunk: 1))
    #expect(chunk0 != chunk1)
    // No shared values at all between the two streams' first 1,000 draws.
    #expect(Set(chunk0).isDisjoint(with: chunk1))
    #expect(first(RandomStream.derived(seed: 7, chunk: 3)) == first(RandomStream.derived(seed: 7, chunk: 3)))
    // Neighbouring runs do not share chunk streams (unlike seed + chunk).
    #expect(first(RandomStream.derived(seed: 8, chunk: 0)) != chunk1)
    // Chunk streams are uncorrelated: the correlation of two streams' draws is within noise.
    let a = first(RandomStream.derived(seed: 7, chunk: 10), sampleSize)
    let b = first(RandomStream.derived(seed: 7, chunk: 11), sampleSize)
    let ma = Statistics.mean(a), mb = Statistics.mean(b)
    let correlation = zip(a, b).reduce(0.0) { $0 + ($1.0 - ma) * ($1.1 - mb) }
        / (Double(sampleSize - 1) * Statistics.standardDeviation(a) * Statistics.standardDeviation(b))
    #expect(abs(correlation) < 4 / Double(sampleSize).squareRoot())
}

@Test func invalidParametersGiveNaN() {
    let stream = RandomStream(seed: 1)
    #expect(stream.normal(mean: 0, standardDeviation: -1).isNaN)
    #expect(stream.lognormal(logMean: 0, logStandardDeviation: -1).isNaN)
    #expect(stream.beta(alpha: 0, beta: 1).isNaN)
    #expect(stream.gamma(shape: -1, scale: 1).isNaN)
    #expect(stream.uniform(lower: 2, upper: 1).isNaN)
    #expect(stream.triangular(minimum: 0, mode: 5, maximum: 3).isNaN)
    #expect(stream.pert(minimum: 0, mode: -1, maximum: 3).isNaN)
    // Degenerate ranges are point masses, not errors.
    #expect(stream.pert(minimum: 2, mode: 2, maximum: 2) == 2)
    #expect(stream.triangular(minimum: 2, mode: 2, maximum: 2) == 2)
    #expect(stream.normal(mean: 3, standardDeviation: 0) == 3)
}

/// GSL's own check of taus2 (its `rng/test.c`): seeded with 1, the 10,000th output is 2733957125,
/// and a uniform is that output over 2^32. The Monte Carlo engine draws from this generator.
@Test func tauswortheMatchesGSLReferenceValue() {
    let stream = RandomStream(seed: 1, algorithm: .tausworthe)
    var u = 0.0
    for _ in 0..<10_000 { u = stream.uniform() }
    #expect(u * 4_294_967_296 == 2_733_957_125)
    // The block fill gives the same numbers as one draw at a time, fill after fill, whatever the
    // length (none, one, a few, many).
    for seed in [9, 2_147_483_647, 4_294_967_295] as [UInt64] {
        let one = RandomStream(seed: seed, algorithm: .tausworthe), block = RandomStream(seed: seed, algorithm: .tausworthe)
        for length in [0, 1, 3, 63, 64, 65, 100, 128, 1_000] {
            let buffer = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(length, 1))
            defer { buffer.deallocate() }
            let filled = UnsafeMutableBufferPointer(rebasing: buffer[0..<length])
            block.fillUniform(filled)
            #expect(Array(filled) == (0..<length).map { _ in one.uniform() }, "seed \(seed), length \(length)")
        }
    }
}

/// Uniforms taken from a block are the stream's own, in order, across refills; after a reset they
/// continue from the new stream where it stands.
@Test func bufferedUniformsHandOutTheStreamInOrder() {
    let one = RandomStream(seed: 5, algorithm: .tausworthe)
    var buffered = BufferedUniforms(stream: RandomStream(seed: 5, algorithm: .tausworthe), blockSize: 7)
    #expect((0..<23).map { _ in buffered.uniform() } == (0..<23).map { _ in one.uniform() })
    let next = RandomStream(seed: 6, algorithm: .tausworthe), reference = RandomStream(seed: 6, algorithm: .tausworthe)
    _ = reference.uniform()
    _ = next.uniform()
    buffered.reset(stream: next)
    #expect((0..<10).map { _ in buffered.uniform() } == (0..<10).map { _ in reference.uniform() })
}

/// Uniforms read ahead with `peek` and handed out with `skip` are the stream's own, in order,
/// mixed with single draws, across refills and when a window is larger than the block.
@Test func peekedUniformsAreTheStreamsOwnInOrder() {
    let one = RandomStream(seed: 8, algorithm: .tausworthe)
    var buffered = BufferedUniforms(stream: RandomStream(seed: 8, algorithm: .tausworthe), blockSize: 7)
    var taken: [Double] = []
    for (count, used) in [(3, 2), (7, 7), (20, 11), (1, 0), (5, 5), (40, 39)] {
        let window = buffered.peek(count)
        taken += (0..<used).map { window[$0] }
        buffered.skip(used)
        taken.append(buffered.uniform())
    }
    #expect(taken == (0..<taken.count).map { _ in one.uniform() })
}
