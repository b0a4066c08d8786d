import Dispatch
import Foundation
import GSLKit

/// Everything `msc decide` reports about a choice among scenarios (DESIGN 4.1): how likely each
/// option is worthwhile as the value of an identification varies, the expected value of perfect
/// information, and the value of resolving each input or group of inputs first.
public struct DecisionAnalysis: Sendable {
    /// One point of a probability-worthwhile curve.
    public struct CurvePoint: Sendable, Equatable {
        /// Value of one additional identification, or cost-per-identification threshold (£).
        public let value: Double
        /// Per option: share of iterations with positive incremental net benefit against the
        /// baseline (NaN for the baseline itself).
        public let worthwhile: [Double]
        /// Per option: share of iterations in which it has the highest net benefit of all.
        public let best: [Double]
    }

    /// A curve and, per option, where it crosses 50% (nil: it does not cross in the range).
    public struct Curve: Sendable {
        public let points: [CurvePoint]
        public let crossings: [Double?]
    }

    /// The value of learning one input, or one group of inputs, before deciding.
    public struct InformationValue: Sendable {
        public let name: String
        /// The inputs it covers (one for a single input).
        public let members: [String]
        public let isGroup: Bool
        /// The estimate, or nil when the regression failed (`failure` says why).
        public let estimate: PartialValueOfInformation.Estimate?
        public let failure: String?
    }

    public let problem: DecisionProblem
    /// The value per identification the user fixed (`--threshold`); nil: the model's own.
    public let threshold: Double?
    /// Probability worthwhile over the value of one additional identification (Green Book net
    /// benefit: discounted identifications and present-value costs with optimism bias).
    public let valueCurve: Curve
    /// Probability that the cost per additional identification is below a threshold
    /// (undiscounted costs before optimism bias over undiscounted identifications).
    public let costCurve: Curve
    /// Per option: share of iterations with a higher NPV than the baseline, at the model's own
    /// uncertain value of an identification (NaN for the baseline).
    public let worthwhileAtModelValue: [Double]
    /// EVPI over the horizon (present value, £, the whole programme).
    public let evpi: ExpectedValueOfInformation.Estimate
    /// Each option's mean net benefit at the value used (£, present value).
    public let meanNetBenefit: [Double]
    /// EVPPI of every uncertain input, then of each named group, largest first within each.
    public let inputs: [InformationValue]
    public let groups: [InformationValue]
    /// Coefficient draws behind each EVPPI standard error.
    public let standardErrorSamples: Int

    /// EVPI spread evenly over the horizon's discounted years: the equivalent amount a year.
    public var evpiPerYear: Double { evpi.value / problem.annuityFactor }

    /// The largest value per identification the curves run to: at least £1m, and past the
    /// model's own value and any threshold.
    public var curveMaximum: Double {
        let reference = max(problem.centralValuePerIdentification, threshold ?? 0)
        return max(1_000_000, ChartScale.niceCeiling(reference * 2))
    }

    /// Analyses `problem` at `threshold` per identification (nil: the model's own value), with
    /// EVPPI standard errors drawn from streams seeded by `seed`, spread over `threads`
    /// (results do not depend on the thread count).
    /// `shouldStop` is asked before each input's estimate: once it says yes, the inputs not yet
    /// estimated are left unestimated (their failure says so), for a caller that discards the result.
    public static func analyse(_ problem: DecisionProblem, threshold: Double?, seed: UInt64, threads: Int = 1,
                               standardErrorSamples: Int = 100,
                               shouldStop: @Sendable () -> Bool = { false }) -> DecisionAnalysis {
        let maximum = max(1_000_000, ChartScale.niceCeiling(max(problem.centralValuePerIdentification, threshold ?? 0) * 2))
        let extra = [problem.centralValuePerIdentification] + (threshold.map { [$0] } ?? [])
        let grid = ProbabilityWorthwhile.grid(maximum: maximum, steps: 100, including: extra)
        let base = problem.options[problem.baselineIndex]
        func curve(effect: KeyPath<DecisionOption, [Double]>, cost: KeyPath<DecisionOption, [Double]>) -> Curve {
            let incrementalEffect = problem.options.indices.map { problem.incremental(effect, of: $0) }
            let incrementalCost = problem.options.indices.map { problem.incremental(cost, of: $0) }
            let points = grid.map { value in
                CurvePoint(value: value,
                           worthwhile: problem.options.indices.map { d in
                               d == problem.baselineIndex ? .nan
                                   : ProbabilityWorthwhile.share(value: value, incrementalEffect: incrementalEffect[d],
                                                                 incrementalCost: incrementalCost[d])
                           },
                           best: ProbabilityWorthwhile.shareBest(value: value, effects: problem.options.map { $0[keyPath: effect] },
                                                                 costs: problem.options.map { $0[keyPath: cost] }))
            }
            let crossings = problem.options.indices.map { d in
                d == problem.baselineIndex ? nil
                    : ProbabilityWorthwhile.crossing(range: 0...maximum, incrementalEffect: incrementalEffect[d],
                                                     incrementalCost: incrementalCost[d])
            }
            return Curve(points: points, crossings: crossings)
        }
        let valueCurve = curve(effect: \.discountedIdentifications, cost: \.presentValueCosts)
        let costCurve = curve(effect: \.identifications, cost: \.undiscountedCost)
        let worthwhileAtModelValue = problem.options.indices.map { d -> Double in
            d == problem.baselineIndex ? .nan
                : ProbabilityWorthwhile.share(value: 1, incrementalEffect: problem.options[d].netPresentValue,
                                              incrementalCost: base.netPresentValue)
        }

        let netBenefits = problem.netBenefits(valuePerIdentification: threshold)
        let evpi = ExpectedValueOfInformation.perfect(netBenefits: netBenefits)
        let n = Double(max(1, problem.iterations))
        let means = netBenefits.map { $0.reduce(0, +) / n }

        // Every input, then every group with at least one input present; each estimated on its
        // own seeded stream so the thread count changes nothing.
        var jobList: [(name: String, members: [String], isGroup: Bool)] = problem.inputs.map { ($0.name, [$0.name], false) }
        for group in problem.groups {
            let present = problem.inputs.map(\.name).filter { name in
                group.members.contains { name == $0 || name.hasPrefix($0 + " (") }
            }
            if !present.isEmpty { jobList.append((group.name, present, true)) }
        }
        let jobs = jobList
        let results = ResultSlots<InformationValue>(count: jobs.count)
        // Jobs are claimed one at a time, those with the most inputs first: a group of many inputs
        // takes far longer than one input, and started last it would leave the other workers idle.
        let claimOrder = jobs.indices.sorted { a, b in
            jobs[a].members.count != jobs[b].members.count ? jobs[a].members.count > jobs[b].members.count : a < b
        }
        forEachClaimed(jobs.count, workers: threads) { claim in
            let k = claimOrder[claim]
            let job = jobs[k]
            if shouldStop() {
                results.set(k, InformationValue(name: job.name, members: job.members, isGroup: job.isGroup,
                                                estimate: nil, failure: "stopped before it was estimated"))
                return
            }
            let draws = job.members.compactMap { name in problem.inputs.first { $0.name == name }?.draws }
            do {
                let estimate = try PartialValueOfInformation.estimate(
                    netBenefits: netBenefits, baselineIndex: problem.baselineIndex, inputs: draws,
                    seed: seed ^ streamKey("evppi " + job.name), samples: standardErrorSamples)
                results.set(k, InformationValue(name: job.name, members: job.members, isGroup: job.isGroup,
                                                estimate: estimate, failure: nil))
            } catch {
                results.set(k, InformationValue(name: job.name, members: job.members, isGroup: job.isGroup,
                                                estimate: nil, failure: "\(error)"))
            }
        }
        let values = results.values()
        func ranked(_ list: [InformationValue]) -> [InformationValue] {
            list.enumerated().sorted { a, b in
                let x = a.element.estimate?.value ?? -.infinity, y = b.element.estimate?.value ?? -.infinity
                return x != y ? x > y : a.offset < b.offset
            }.map(\.element)
        }
        return DecisionAnalysis(problem: problem, threshold: threshold, valueCurve: valueCurve, costCurve: costCurve,
                                worthwhileAtModelValue: worthwhileAtModelValue, evpi: evpi, meanNetBenefit: means,
                                inputs: ranked(values.filter { !$0.isGroup }), groups: ranked(values.filter(\.isGroup)),
                                standardErrorSamples: standardErrorSamples)
    }
}

/// Round numbers for axis ends.
enum ChartScale {
    /// The smallest of 1, 2, 2.5 or 5 × 10ⁿ at or above `value` (0 for 0 or less).
    static func niceCeiling(_ value: Double) -> Double {
        guard value > 0, value.isFinite else { return 0 }
        let magnitude = pow(10, floor(log10(value)))
        return [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= value * (1 - 1e-12) } ?? 10 * magnitude
    }
}
