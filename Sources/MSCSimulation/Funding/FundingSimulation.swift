import GSLKit
import MSCModel

/// A Monte Carlo estimate of one post's funding: the expected curve and its standard errors.
public struct FundingSimulationResult: Sendable {
    /// Estimated survival and expected shares by funder, year by year.
    public let expectation: FundingExpectation
    /// Monte Carlo standard error of each year's survival, `sqrt(S(1 − S) / runs)`.
    public let survivalStandardError: [Double]
    /// Monte Carlo standard error of the expected funded post-years.
    public let expectedPostYearsStandardError: Double
    /// Simulated posts.
    public let runs: Int
    /// The seed the random stream started from.
    public let seed: UInt64

    /// Standard error of the probability that the post is lost within the horizon.
    public var probabilityLostStandardError: Double { survivalStandardError.last ?? 0 }
}

/// Simulates the funding of many independent posts of one funding mix (DESIGN 3.2, 4).
///
/// Each simulated post draws its own renewal probabilities from the sources' distributions, then
/// its renewals and absorptions, through ``FundingMix/simulatePath(horizonYears:renewalProbabilities:uniform:into:)``.
/// One GSL stream seeded with `seed` (MT19937) serves the whole run, so a seed gives the same
/// numbers every time.
public enum FundingSimulation {
    /// Runs `runs` post paths over `horizonYears` years.
    public static func run(mix: FundingMix, horizonYears: Int, runs: Int, seed: UInt64) -> FundingSimulationResult {
        let stream = RandomStream(seed: seed, algorithm: SimulationEngine.generator)
        let funders = mix.funderCount
        var alive = Array(repeating: 0.0, count: horizonYears)
        var shareSums = Array(repeating: Array(repeating: 0.0, count: horizonYears), count: funders)
        var uncoveredSums = Array(repeating: 0.0, count: horizonYears)
        var yearsSum = 0.0, yearsSquares = 0.0
        var probabilities = Array(repeating: 0.0, count: mix.sources.count)
        var path = FundingPath()
        let count = max(runs, 1)
        for _ in 0..<count {
            for (index, source) in mix.sources.enumerated() {
                probabilities[index] = source.renewal.draw(using: stream)
            }
            mix.simulatePath(horizonYears: horizonYears, renewalProbabilities: probabilities,
                             uniform: { stream.uniform() }, into: &path)
            let funded = path.fundedYears
            yearsSum += Double(funded)
            yearsSquares += Double(funded * funded)
            for year in 0..<funded {
                alive[year] += 1
                var paid = 0.0
                for funder in 0..<funders {
                    let share = path.share(ofFunder: funder, inYear: year)
                    shareSums[funder][year] += share
                    paid += share
                }
                uncoveredSums[year] += max(0, 1 - paid)
            }
        }
        let n = Double(count)
        let survival = alive.map { $0 / n }
        let meanYears = yearsSum / n
        let yearsVariance = max(0, yearsSquares / n - meanYears * meanYears) * n / max(n - 1, 1)
        let expectation = FundingExpectation(survival: survival,
                                             shareByFunder: shareSums.map { $0.map { $0 / n } },
                                             uncoveredShare: uncoveredSums.map { $0 / n })
        return FundingSimulationResult(expectation: expectation,
                                       survivalStandardError: survival.map { ($0 * (1 - $0) / n).squareRoot() },
                                       expectedPostYearsStandardError: (yearsVariance / n).squareRoot(),
                                       runs: count, seed: seed)
    }
}
