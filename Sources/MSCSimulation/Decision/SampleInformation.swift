import Foundation
import GSLKit
import MSCModel

/// Expected value of sample information (EVSI): what the data of a study would be worth before
/// choosing, by the regression method of Strong, Oakley, Brennan and Breeze (2015, Medical
/// Decision Making 35:570, "Estimating the expected value of sample information using the
/// probabilistic sensitivity analysis sample: a fast nonparametric regression-based method").
///
/// For each Monte Carlo iteration i, simulate the study's data from that iteration's inputs and
/// reduce it to a low-dimensional summary `s_i`; regress each option's incremental net benefit on
/// the summary; then `EVSI = mean_i max_d ĝ_d(s_i) − max_d mean_i ĝ_d(s_i)`. The fitted values
/// estimate `E[NB_d | data]`, the preposterior means, so this is the EVPPI formula with the
/// summary in place of the parameter, and the same regression machinery
/// (``PartialValueOfInformation``, designs chosen by BIC) and the same standard error (coefficient
/// draws from the fits' sampling distribution) are used.
///
/// A summary that loses information gives a lower EVSI, never a higher one (up to Monte Carlo
/// error): the method is conservative in the choice of summary.
public enum SampleInformation {
    /// EVSI of data whose per-iteration summary is `summary` for a choice among options with
    /// `netBenefits` (one array per option, one value per iteration, common iterations).
    public static func estimate(netBenefits: [[Double]], baselineIndex: Int, summary: [Double],
                                seed: UInt64, samples: Int = 100) throws -> PartialValueOfInformation.Estimate {
        guard summary.count == (netBenefits.first?.count ?? 0) else {
            throw DecisionError(description: "the study summary has \(summary.count) values and the net benefits \(netBenefits.first?.count ?? 0); expected one per iteration")
        }
        guard summary.allSatisfy(\.isFinite) else {
            throw DecisionError(description: "the study summary has a value that is not finite")
        }
        return try PartialValueOfInformation.estimate(netBenefits: netBenefits, baselineIndex: baselineIndex,
                                                      inputs: [summary], seed: seed, samples: samples)
    }
}

/// A council's part in a pilot: its referrals a year without a post, the share of a full post's
/// effect it would receive, and what its post costs a year.
public struct PilotCouncil: Sendable, Equatable {
    public let code: String
    /// Adult identifications a year without a post at the central baseline rate (people a year).
    public let baselinePerYear: Double
    /// Share of a full post's effect (the model's coverage), in [0, 1].
    public let coverage: Double
    /// The model's central yearly cost of its post (£).
    public let annualCost: Double

    public init(code: String, baselinePerYear: Double, coverage: Double, annualCost: Double) {
        self.code = code
        self.baselinePerYear = baselinePerYear
        self.coverage = coverage
        self.annualCost = annualCost
    }
}

/// A pilot: posts in `councils` councils for `years` years, each council's referrals counted for
/// `beforeYears` years before its post and for the pilot's years, alongside `comparisonCouncils`
/// councils without a post counted over the same years.
public struct PilotDesign: Sendable, Equatable, Hashable {
    public let councils: Int
    public let years: Int
    public let comparisonCouncils: Int
    public let beforeYears: Int

    public init(councils: Int, years: Int, comparisonCouncils: Int, beforeYears: Int) {
        self.councils = councils
        self.years = years
        self.comparisonCouncils = comparisonCouncils
        self.beforeYears = beforeYears
    }
}

/// How a pilot's referral counts are simulated and summarised.
///
/// The evaluation is a Poisson regression of each council's yearly referral count with council
/// and year effects and one term for a pilot council in a pilot year, whose exponential is the
/// pilot's rate ratio. With every pilot council starting in the same year, that regression's
/// estimate equals the difference in differences of log totals,
/// `log((pilot after / pilot before) / (comparison after / comparison before))` (a test fits the
/// GLM and checks), so the four totals are all a simulation needs: a sum of independent Poisson
/// counts is Poisson with the summed mean, and a year effect common to every council cancels in
/// the ratio. Half a referral is added to each total so that a total of zero gives a finite summary.
public enum PilotEvaluation {
    /// The four totals' expectations in one iteration: pilot before, pilot after, comparison
    /// before, comparison after. Each pilot council's yearly count with its post is the model's
    /// ``IdentificationUplift/identificationsWithPost(baselinePerYear:rateRatio:coverage:rampFraction:)``
    /// at the iteration's rate ratio and ramp; `baselineScale` scales every baseline (the
    /// iteration's baseline rate over the central one).
    public static func expectedTotals(design: PilotDesign, pilot: ArraySlice<PilotCouncil>, comparison: ArraySlice<PilotCouncil>,
                                      rateRatio: Double, rampUpYears: Double, baselineScale: Double) -> (Double, Double, Double, Double) {
        var pilotBefore = 0.0, pilotAfter = 0.0
        for council in pilot {
            let base = council.baselinePerYear * baselineScale
            pilotBefore += base * Double(design.beforeYears)
            for t in 0..<design.years {
                pilotAfter += IdentificationUplift.identificationsWithPost(
                    baselinePerYear: base, rateRatio: rateRatio, coverage: council.coverage,
                    rampFraction: IdentificationUplift.ramp(yearIndex: t, rampUpYears: rampUpYears))
            }
        }
        let comparisonBase = comparison.reduce(0) { $0 + $1.baselinePerYear } * baselineScale
        return (pilotBefore, pilotAfter, comparisonBase * Double(design.beforeYears), comparisonBase * Double(design.years))
    }

    /// The difference in differences of log totals, with `continuity` added to each total.
    public static func logRateRatio(pilotBefore: Double, pilotAfter: Double, comparisonBefore: Double, comparisonAfter: Double,
                                    continuity: Double = 0.5) -> Double {
        log((pilotAfter + continuity) / (pilotBefore + continuity)) - log((comparisonAfter + continuity) / (comparisonBefore + continuity))
    }

    /// One simulated pilot summary per iteration, from one stream seeded by `seed` (so the result
    /// does not depend on how designs are spread over threads). The pilot takes the first
    /// `design.councils` of `pilotPool` and the comparison the first `design.comparisonCouncils`
    /// of `comparisonPool`.
    public static func simulateSummaries(design: PilotDesign, pilotPool: [PilotCouncil], comparisonPool: [PilotCouncil],
                                         rateRatio: [Double], rampUpYears: [Double], baselineScale: [Double],
                                         seed: UInt64) -> [Double] {
        let pilot = pilotPool.prefix(design.councils), comparison = comparisonPool.prefix(design.comparisonCouncils)
        let stream = RandomStream(seed: seed, algorithm: SimulationEngine.generator)
        func count(_ mean: Double) -> Double { mean > 0 ? Double(stream.poisson(mean: mean)) : 0 }
        return rateRatio.indices.map { i in
            let (pb, pa, cb, ca) = expectedTotals(design: design, pilot: pilot, comparison: comparison, rateRatio: rateRatio[i],
                                                  rampUpYears: rampUpYears[i], baselineScale: baselineScale[i])
            let a = count(pb), b = count(pa), c = count(cb), d = count(ca)
            return logRateRatio(pilotBefore: a, pilotAfter: b, comparisonBefore: c, comparisonAfter: d)
        }
    }
}
