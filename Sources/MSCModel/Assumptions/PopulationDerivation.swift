import Foundation

/// Assumptions whose central value is computed from the authority table when an assumptions
/// folder is loaded, so that they always rest on the table's one population year and never on a
/// hand-copied number (`derivedFrom:` in the YAML names one of these).
///
/// The YAML gives the range (`minimum`, `maximum` of a triangular or PERT distribution) and the
/// reasoning; the mode is the derived value, and the loader appends the arithmetic, written from
/// the figures actually used, to the notes.
public enum PopulationDerivation: String, CaseIterable, Sendable {
    /// Adult identifications by councils (adult NRM referrals + Duty to Notify reports) per 100,000
    /// residents, projected from 2023: `(laAdultNRMReferrals2023 + laDutyToNotifyReports2023) ×
    /// laIdentificationGrowthSince2023 / residents × 100,000`. Its uncertainty is the growth's,
    /// scaled (the YAML gives no range of its own).
    case adultIdentificationsPer100kResidents
    /// One coordinator FTE for the median council that counts residents:
    /// `100,000 / median population` FTE per 100,000 residents.
    case oneFTEPerMedianCouncil

    /// The assumptions a derivation reads besides the authority table.
    public var inputs: [String] {
        switch self {
        case .adultIdentificationsPer100kResidents:
            return [AssumptionName.laAdultNRMReferrals2023, .laDutyToNotifyReports2023, .laIdentificationGrowthSince2023].map(\.rawValue)
        case .oneFTEPerMedianCouncil: return []
        }
    }

    /// The central value, the sentence showing its arithmetic, and, when the derivation carries
    /// another assumption's uncertainty, the distribution (else the YAML's range is used).
    public func compute(facts: PopulationFacts, inputs set: AssumptionSet) throws
        -> (value: Double, working: String, distribution: Distribution?) {
        let year = "mid-\(facts.year)"
        switch self {
        case .adultIdentificationsPer100kResidents:
            let referrals = try set.value(.laAdultNRMReferrals2023), reports = try set.value(.laDutyToNotifyReports2023)
            let growth = try set.assumption(.laIdentificationGrowthSince2023)
            let rate2023 = IdentificationUplift.ratePer100kResidents(identificationsPerYear: referrals + reports,
                                                                     residents: Double(facts.residents))
            guard let distribution = growth.distribution.scaled(by: rate2023) else {
                throw InputError(file: growth.origin, key: "\(growth.name).distribution",
                                 message: "expected a distribution that can be scaled (not beta) for a growth ratio")
            }
            let value = rate2023 * growth.value
            return (value, "(\(Self.grouped(referrals)) + \(Self.grouped(reports))) / \(Self.grouped(Double(facts.residents))) "
                + "residents (\(year), \(facts.residentCountingCouncils) councils counting residents) × 100,000 = \(Self.fixed(rate2023, 4)) in 2023; "
                + "× \(AssumptionName.laIdentificationGrowthSince2023) \(Self.fixed(growth.value, 4)) = \(Self.fixed(value, 4)), "
                + "range \(distribution.summary) (the growth's range scaled).", distribution)
        case .oneFTEPerMedianCouncil:
            let median = facts.medianResidentCountingPopulation
            let value = 100_000 / median
            return (value, "Median \(year) population of the \(facts.residentCountingCouncils) councils counting residents "
                + "\(Self.grouped(median, decimals: median.rounded() == median ? 0 : 1)); 100,000 / that = \(Self.fixed(value, 4)) FTE per 100,000 residents.", nil)
        }
    }

    /// `assumption` (read with `derivedFrom: self`) with its central value, and the mode of its
    /// range, set from the table; an error when the value falls outside the range the YAML gives.
    func resolve(_ assumption: Assumption, facts: PopulationFacts, inputs set: AssumptionSet) throws -> Assumption {
        let (value, working, carried) = try compute(facts: facts, inputs: set)
        guard value.isFinite else {
            throw InputError(file: assumption.origin, key: assumption.name, message: "derived value is not a finite number (\(working))")
        }
        let distribution: Distribution
        switch (carried, assumption.distribution) {
        case (let carried?, .fixed):
            distribution = carried
        case (_?, _):
            throw InputError(file: assumption.origin, key: "\(assumption.name).distribution",
                             message: "its uncertainty comes from the assumptions it is derived from (\(inputs.joined(separator: ", "))); remove distribution")
        case (nil, .triangular(let lo, _, let hi)): distribution = .triangular(minimum: lo, mode: value, maximum: hi)
        case (nil, .pert(let lo, _, let hi)): distribution = .pert(minimum: lo, mode: value, maximum: hi)
        case (nil, _): distribution = .fixed(value)
        }
        guard distribution.support.contains(value) else {
            throw InputError(file: assumption.origin, key: "\(assumption.name).distribution",
                             message: "the value derived from the authority table, \(Self.fixed(value, 4)), lies outside the range \(distribution.support); widen the range or check the table (\(working))")
        }
        let notes = [assumption.notes, "Computed when loaded: \(working)"].compactMap { $0 }.joined(separator: " ")
        return Assumption(name: assumption.name, description: assumption.description, unit: assumption.unit, value: value,
                          distribution: distribution, sources: assumption.sources, evidence: assumption.evidence,
                          notes: notes, origin: assumption.origin, derivation: self)
    }

    static func grouped(_ value: Double, decimals: Int = 0) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.usesGroupingSeparator = true
        formatter.groupingSeparator = ","
        formatter.decimalSeparator = "."
        formatter.minimumFractionDigits = decimals
        formatter.maximumFractionDigits = decimals
        return formatter.string(from: NSNumber(value: value)) ?? String(value)
    }

    static func fixed(_ value: Double, _ decimals: Int) -> String { String(format: "%.\(decimals)f", value) }
}
