/// How the cost of a post serving several authorities is split among them (DESIGN 3.3).
public enum SharingRule: String, CaseIterable, Sendable, Codable {
    /// Every partner pays the same.
    case equal
    /// Each partner pays in proportion to its population. A county council's population is that
    /// of all its districts (it serves every resident of the county area), so in a county area the
    /// county pays half and its districts share the other half by population.
    case population
    /// Each partner pays in proportion to its adult NRM referrals. The Home Office publishes no
    /// referrals per authority, so unless every partner has an observed count this uses expected
    /// referrals, population × the national LA rate; the rate is common to all partners, so the
    /// split then equals the population split.
    case referrals

    /// Each member's share of a post's cost, in member order, summing to exactly 1.
    ///
    /// Shares are apportioned in whole units of 2^-40 by the largest-remainder method (ties to the
    /// earlier member), so every share is an exact binary fraction and the shares add to exactly 1
    /// in any order of summation. With no positive weight at all the split is equal.
    ///
    /// - Parameters:
    ///   - populations: the members' populations, in member order.
    ///   - observedReferrals: observed referral counts per member, when every member has one.
    public func shares(populations: [Int], observedReferrals: [Double]? = nil) -> [Double] {
        let weights: [Double]
        switch self {
        case .equal: weights = populations.map { _ in 1 }
        case .population: weights = populations.map(Double.init)
        case .referrals:
            if let observed = observedReferrals, observed.count == populations.count { weights = observed }
            else { weights = populations.map(Double.init) }
        }
        return Self.apportion(weights: weights)
    }

    /// Splits 1 in proportion to `weights` into exact multiples of 2^-40 that sum to exactly 1.
    static func apportion(weights: [Double]) -> [Double] {
        guard !weights.isEmpty else { return [] }
        let clean = weights.map { $0.isFinite && $0 > 0 ? $0 : 0 }
        let total = clean.reduce(0, +)
        let proportions = total > 0 ? clean.map { $0 / total } : clean.map { _ in 1 / Double(clean.count) }
        let unitCount: Int64 = 1 << 40
        var units = proportions.map { Int64(($0 * Double(unitCount)).rounded(.down)) }
        var remaining = unitCount - units.reduce(0, +)
        let order = proportions.indices.sorted { a, b in
            let ra = proportions[a] * Double(unitCount) - Double(units[a])
            let rb = proportions[b] * Double(unitCount) - Double(units[b])
            return ra != rb ? ra > rb : a < b
        }
        var cursor = 0
        while remaining > 0 {
            units[order[cursor % order.count]] += 1
            remaining -= 1
            cursor += 1
        }
        return units.map { Double($0) / Double(unitCount) }
    }
}
