import Foundation

/// How a post is paid for: its funding sources and what happens when one lapses (DESIGN 3.2).
///
/// At each renewal point a source is renewed with its renewal probability; a lapsed share is
/// taken over by the host council with probability ``absorbProbability`` (except the host's own
/// core budget) or else left uncovered. The post is lost when the uncovered share exceeds
/// ``gapTolerance``; a lost post stops costing and delivering from that year on, and is not
/// re-created within the horizon (a re-creation lag is left out: the evidence records posts
/// removed, none restored).
///
/// ```swift
/// mix.analyticSurvival(horizonYears: 10)   // [1, …]: chance the post is funded in each year
/// mix.simulatePath(horizonYears: 10, renewalProbabilities: [0.97, 0.9], uniform: { stream.uniform() })
/// ```
public struct FundingMix: Sendable {
    /// The sources in the order the scenario lists them; their shares sum to 1.
    public let sources: [FundingSource]
    /// Chance that the host council takes over a lapsed share (other than its own core budget), a fraction.
    public let absorbProbability: Double
    /// The largest uncovered share a post can run with (by trimming its budget); above it the post is lost.
    public let gapTolerance: Double
    /// The assumption `absorbProbability` was read from, when it was one (so a Monte Carlo can draw it).
    public var absorbAssumption: Assumption?
    /// The assumption `gapTolerance` was read from, when it was one.
    public var gapToleranceAssumption: Assumption?

    /// Compact copies of the sources' terms, shares and absorbability, so the per-path loops
    /// touch only plain numbers (the sources also carry names and assumptions). Usable from
    /// inlined code so the Monte Carlo's per-post draw compiles into the engine's loop.
    @usableFromInline let termYears: [Int]
    @usableFromInline let initialShares: [Double]
    @usableFromInline let absorbable: [Bool]
    /// Which sources are decided once for all posts (see ``FundingSource/decidedNationally``).
    @usableFromInline let nationalDecisions: [Bool]
    /// Which sources each council sharing a post decides for its own part (see ``FundingDecision/perCouncil``).
    @usableFromInline let councilDecisions: [Bool]

    /// The most sources a mix may have (a scenario lists its funders; a longer list is more likely a
    /// mistake than a design).
    public static let maximumSourceCount = 8
    /// How far the shares may be from summing to 1 (rounding in a file written by hand).
    public static let shareSumTolerance = 1e-9

    /// A mix from sources whose shares sum to 1; throws a plain message otherwise (loaders locate it).
    public init(sources: [FundingSource], absorbProbability: Double, gapTolerance: Double) throws {
        if let problem = Self.problem(sources: sources, absorbProbability: absorbProbability, gapTolerance: gapTolerance) {
            throw FundingMixError(message: problem)
        }
        self.sources = sources
        self.absorbProbability = absorbProbability
        self.gapTolerance = gapTolerance
        termYears = sources.map(\.termYears)
        initialShares = sources.map(\.share)
        absorbable = sources.map(\.kind.isAbsorbableByHost)
        nationalDecisions = sources.map(\.decidedNationally)
        councilDecisions = sources.map(\.decidedPerCouncil)
    }

    /// What is wrong with a proposed mix, in words for an error message, or nil when it is valid.
    public static func problem(sources: [FundingSource], absorbProbability: Double, gapTolerance: Double) -> String? {
        if sources.isEmpty { return "no funding sources; expected at least one source with a share" }
        if sources.count > maximumSourceCount {
            return "\(sources.count) funding sources; expected at most \(maximumSourceCount)"
        }
        if let bad = sources.first(where: { $0.termYears < 1 }) {
            return "term of \(bad.label) is \(bad.termYears) years; expected a whole number of years, at least 1"
        }
        if let bad = sources.first(where: { !($0.share > 0 && $0.share <= 1) }) {
            return "share of \(bad.label) is \(Self.shown(bad.share)); expected a fraction above 0 and at most 1"
        }
        let sum = sources.reduce(0) { $0 + $1.share }
        if abs(sum - 1) > shareSumTolerance {
            return "shares sum to \(Self.shown(sum)); expected 1"
        }
        if !(0...1).contains(absorbProbability) { return "absorbProbability must be a fraction between 0 and 1" }
        if !(0..<1).contains(gapTolerance) { return "gapTolerance must be a fraction from 0 up to (not including) 1" }
        return nil
    }

    /// Number of payers tracked per year: each source, then the host council's absorbed shares.
    public var funderCount: Int { sources.count + 1 }

    /// Index of the host council's absorbed shares among the funders (after the sources).
    public var hostAbsorbedIndex: Int { sources.count }

    /// Funder labels in funder order: each source, then "Host council (absorbed lapsed shares)".
    public var funderLabels: [String] { sources.map(\.label) + ["Host council (absorbed lapsed shares)"] }

    /// The central renewal probability of each source, in source order.
    public var centralRenewalProbabilities: [Double] { sources.map(\.centralRenewalProbability) }

    /// True when survival is the plain product of renewals, `Π q_i^⌊t/T_i⌋`: nothing is absorbed
    /// and no gap is tolerated, so any lapse ends the post.
    public var usesProductFormula: Bool { absorbProbability == 0 && gapTolerance == 0 }

    /// Share of the mix paid by each kind of source at the start (kinds in first-appearance order).
    public var initialShareByKind: [(kind: FundingSourceKind, share: Double)] {
        var order: [FundingSourceKind] = []
        var shares: [FundingSourceKind: Double] = [:]
        for source in sources {
            if shares[source.kind] == nil { order.append(source.kind) }
            shares[source.kind, default: 0] += source.share
        }
        return order.map { ($0, shares[$0]!) }
    }

    /// A number as an error message shows it: up to 6 decimals, no trailing zeros.
    static func shown(_ value: Double) -> String {
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}

/// A funding mix that breaks a rule (shares not summing to 1, too many sources, a bad fraction).
public struct FundingMixError: Error, CustomStringConvertible, Sendable {
    /// What is wrong, in words for an error message.
    public let message: String
    /// The message.
    public var description: String { message }
}
