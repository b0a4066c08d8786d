import Dispatch
import Foundation
import GSLKit
import MSCModel

/// An input to test for its switching value: the value at which NPV changes sign.
public struct SwitchingInput: Sendable, Equatable {
    /// The assumption's name, passed back to the NPV function.
    public let name: String
    /// The central value, at which the NPV's sign is taken.
    public let central: Double
    /// The values to search, e.g. the assumption's distribution range or 0...10 × central.
    public let searchRange: ClosedRange<Double>

    public init(name: String, central: Double, searchRange: ClosedRange<Double>) {
        self.name = name
        self.central = central
        self.searchRange = searchRange
    }
}

extension SwitchingInput {
    /// An input for an assumption at its central value, searched over ``searchRange(for:)`` unless
    /// `searchRange` is given.
    public init(assumption: Assumption, searchRange: ClosedRange<Double>? = nil) {
        self.init(name: assumption.name, central: assumption.value,
                  searchRange: searchRange ?? Self.searchRange(for: assumption))
    }

    /// Where to look for a switch, wide enough for one well outside the input's distribution:
    /// a fraction anywhere in [0, 1]; any other value from 0 (−1 for a rate a year, which may be
    /// negative) to ten times the larger of its central value and its distribution's top (the
    /// central value alone when the distribution is unbounded), and at least to 1.
    public static func searchRange(for assumption: Assumption) -> ClosedRange<Double> {
        if assumption.unit.isProbability { return 0...1 }
        let supportTop = assumption.distribution.support.upperBound
        let top = max(abs(assumption.value), supportTop.isFinite ? abs(supportTop) : abs(assumption.value))
        let lower: Double = assumption.unit.isNonNegative ? 0 : -1
        return lower...max(top * 10, 1)
    }
}

/// The switching value of one input (Green Book): the value that makes NPV zero, and which way it breaks.
public struct SwitchingValue: Sendable, Equatable {
    /// Whether NPV changes sign as the input rises above or falls below the switching value.
    public enum Direction: String, Sendable, Equatable {
        case rises, falls
    }

    public let name: String
    public let central: Double
    /// NPV at the central value, in pounds.
    public let npvAtCentral: Double
    /// The value nearest the central one at which NPV = 0, or nil when there is none in the range.
    public let switchingValue: Double?
    /// `rises` when NPV changes sign if the input rises above the switching value, `falls` if it falls below.
    public let direction: Direction?
    /// A sentence such as "NPV falls below zero if identificationRateRatio falls below 1.21".
    public let statement: String
    /// Why there is no switching value, when there is none.
    public let note: String?

    /// The switching value's change from the central value, as a fraction of it (nil without either).
    public var changeFromCentral: Double? {
        guard let switchingValue, central != 0 else { return nil }
        return (switchingValue - central) / abs(central)
    }
}

/// Finds the switching value of each input with GSL's Brent root finder (GSLKit `RootFinder`).
///
/// Generic over the NPV: `npv(name, value)` must return the NPV with input `name` set to `value`
/// and every other input at its central value, so any pipeline (a single post, a national
/// rollout) can be plugged in.
///
/// ```swift
/// let values = try SwitchingValues.solve(inputs: [
///     SwitchingInput(name: "harmAvoidedShare", central: 0.2, searchRange: 0...1),
/// ]) { name, value in try pipeline.npv(overriding: name, with: value) }
/// ```
public enum SwitchingValues {
    /// Grid points per side used to find a bracket before Brent's method refines it.
    static let gridPoints = 64

    /// Solves each input in turn; errors thrown by `npv` are passed on.
    ///
    /// For each input it scans outward from the central value to each end of its search range for
    /// the first change of sign of the NPV, brackets it, and refines it to a relative tolerance of
    /// 1e-10; when both sides change sign, the switch nearer the central value is reported.
    public static func solve(inputs: [SwitchingInput],
                             npv: (_ name: String, _ value: Double) throws -> Double) throws -> [SwitchingValue] {
        try inputs.map { try solve(input: $0, npv: npv) }
    }

    /// ``solve(inputs:npv:)`` with the inputs shared among `threads` threads: each input is solved
    /// on its own exactly as in turn, so the values do not depend on the thread count.
    public static func solve(inputs: [SwitchingInput], threads: Int,
                             npv: @escaping @Sendable (_ name: String, _ value: Double) throws -> Double) throws -> [SwitchingValue] {
        let workers = max(1, min(threads, inputs.count))
        guard workers > 1 else { return try solve(inputs: inputs, npv: npv) }
        let results = ResultSlots<Result<SwitchingValue, any Error>>(count: inputs.count)
        // Claimed one at a time: an input with no switch walks its whole grid, one with a switch
        // near the centre stops early, and fixed shares left one thread waiting on the other.
        forEachClaimed(inputs.count, workers: workers) { index in
            results.set(index, Result { try solve(input: inputs[index], npv: npv) })
        }
        // The first error in input order, as the serial solve would throw it.
        return try results.values().map { try $0.get() }
    }

    static func solve(input: SwitchingInput,
                      npv: (_ name: String, _ value: Double) throws -> Double) throws -> SwitchingValue {
        let name = input.name, central = input.central
        let centralNPV = try npv(name, central)
        let range = input.searchRange
        guard centralNPV.isFinite else {
            return SwitchingValue(name: name, central: central, npvAtCentral: centralNPV, switchingValue: nil, direction: nil,
                                  statement: "no switching value for \(name)", note: "NPV is not finite at the central value")
        }
        if centralNPV == 0 {
            return SwitchingValue(name: name, central: central, npvAtCentral: 0, switchingValue: central, direction: nil,
                                  statement: "NPV is zero at the central value of \(name)", note: nil)
        }
        let start = min(max(central, range.lowerBound), range.upperBound)
        var candidates: [(root: Double, side: SwitchingValue.Direction)] = []
        for (end, side) in [(range.upperBound, SwitchingValue.Direction.rises), (range.lowerBound, .falls)] where end != start {
            if let bracket = try firstSignChange(from: start, to: end, sign: centralNPV > 0, name: name, npv: npv) {
                candidates.append((try refine(bracket: bracket, name: name, npv: npv), side))
            }
        }
        let positive = centralNPV > 0
        let movement = positive ? "falls below zero" : "rises above zero"
        guard let nearest = candidates.min(by: { abs($0.root - central) < abs($1.root - central) }) else {
            let stays = positive ? "stays above zero" : "stays below zero"
            return SwitchingValue(
                name: name, central: central, npvAtCentral: centralNPV, switchingValue: nil, direction: nil,
                statement: "NPV \(stays) for \(name) from \(shown(range.lowerBound)) to \(shown(range.upperBound))",
                note: "no switching value in the range searched")
        }
        let wording = nearest.side == .rises ? "rises above" : "falls below"
        return SwitchingValue(name: name, central: central, npvAtCentral: centralNPV, switchingValue: nearest.root,
                              direction: nearest.side,
                              statement: "NPV \(movement) if \(name) \(wording) \(shown(nearest.root))", note: nil)
    }

    /// Walks a grid from `start` to `end`; returns the first sub-interval whose end has the other sign.
    private static func firstSignChange(from start: Double, to end: Double, sign positive: Bool, name: String,
                                        npv: (String, Double) throws -> Double) throws -> (Double, Double)? {
        var previous = start
        for i in 1...gridPoints {
            let x = start + (end - start) * Double(i) / Double(gridPoints)
            let value = try npv(name, x)
            guard value.isFinite else { return nil }
            if value == 0 || (value > 0) != positive { return (min(previous, x), max(previous, x)) }
            previous = x
        }
        return nil
    }

    /// Brent's method on a bracket; an error from the NPV function inside the solver is re-thrown.
    private static func refine(bracket: (Double, Double), name: String,
                               npv: (String, Double) throws -> Double) throws -> Double {
        var captured: (any Error)?
        let scale = max(abs(bracket.0), abs(bracket.1), 1e-300)
        do {
            return try RootFinder.brent(lower: bracket.0, upper: bracket.1, absoluteTolerance: 1e-12 * scale,
                                        relativeTolerance: 1e-10) { x in
                do { return try npv(name, x) } catch {
                    captured = error
                    return .nan
                }
            }
        } catch {
            if let captured { throw captured }
            throw error
        }
    }

    /// A number for statements: 3 significant digits below 1,000 (0.428, 2.12), whole and grouped
    /// above (20,894), as a reader would write it.
    static func shown(_ value: Double) -> String {
        if abs(value) >= 1000 {
            return DigitGroups.grouped(String(format: "%.0f", abs(value)), negative: value < 0)
        }
        return String(format: "%.3g", value)
    }
}

/// A joint switching value (Green Book): how far a set of inputs must move together, each from its
/// central value towards the end of its 90% range that raises NPV, for NPV to reach zero.
///
/// Input i at step s is `central_i + s · (favourable_i − central_i)`, where `favourable_i` is its
/// 95th percentile if NPV rises with it (NPV at the 95th above NPV at the 5th, others central),
/// else its 5th. s = 0 is the central case, s = 1 every input at its favourable end at once (a
/// joint outcome far less likely than any one of them). `step` is the s at which NPV = 0 in
/// [0, 1] (bisection to 1e-10), nil when NPV keeps its sign over the whole move.
public struct JointSwitchingValue: Sendable, Equatable {
    public struct Move: Sendable, Equatable {
        public let name: String
        public let central: Double
        public let favourable: Double
        /// The value at the switching step (the favourable end when there is no switch).
        public let atSwitch: Double
    }

    public let moves: [Move]
    public let npvAtCentral: Double
    /// NPV with every input at its favourable end (s = 1).
    public let npvAtFavourableEnds: Double
    public let step: Double?

    /// Solves for `names` among `plan`'s uncertain national inputs (others are ignored).
    public static func solve(plan: SimulationPlan, names: [String]) -> JointSwitchingValue {
        let central = plan.centralNationalValues
        let indexed = plan.nationalAssumptions.enumerated().filter { names.contains($0.element.name) && $0.element.distribution.isUncertain }
        let evaluator = CentralCaseEvaluator(plan: plan)
        func npv(_ values: [Double]) -> Double { evaluator.evaluate(nationalValues: values).netPresentValue }
        var ends: [(index: Int, name: String, central: Double, favourable: Double)] = []
        for (index, assumption) in indexed {
            let low = assumption.quantile(0.05), high = assumption.quantile(0.95)
            var atLow = central, atHigh = central
            atLow[index] = low
            atHigh[index] = high
            ends.append((index, assumption.name, central[index], npv(atHigh) >= npv(atLow) ? high : low))
        }
        func values(at s: Double) -> [Double] {
            var values = central
            for end in ends { values[end.index] = end.central + s * (end.favourable - end.central) }
            return values
        }
        let start = npv(central), finish = npv(values(at: 1))
        var step: Double?
        if start == 0 {
            step = 0
        } else if (start < 0) != (finish < 0) {
            var low = 0.0, high = 1.0
            while high - low > 1e-10 {
                let mid = (low + high) / 2
                if (npv(values(at: mid)) < 0) == (start < 0) { low = mid } else { high = mid }
            }
            step = (low + high) / 2
        }
        let at = values(at: step ?? 1)
        return JointSwitchingValue(moves: ends.map { Move(name: $0.name, central: $0.central, favourable: $0.favourable, atSwitch: at[$0.index]) },
                                   npvAtCentral: start, npvAtFavourableEnds: finish, step: step)
    }
}
