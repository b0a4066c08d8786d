/// The three tiers' results with and without coordinators, for one authority or many.
public struct TrainingComparison: Sendable, Equatable {
    /// The authorities covered (one, or every authority in the table).
    public let authorities: [Authority]
    /// Years of the horizon.
    public let horizon: Int
    /// Coordinator FTE serving each authority (by ONS code) in the with-coordinator case; an
    /// authority with 0 is planned as without one in both cases.
    public let coordinatorFTEByAuthority: [String: Double]
    public let withCoordinator: TierValues<TrainingTierOutcome>
    public let withoutCoordinator: TierValues<TrainingTierOutcome>
    /// Face-to-face places a year that keep Tiers 2 and 3 fully trained, summed over the authorities.
    public let faceToFacePlacesToSustainCoverage: Double
    /// Coordinator FTE those places need beyond the councils' own, summed over the authorities
    /// (infinite when coordinators train no one).
    public let coordinatorFTEForFullCoverage: Double

    /// Total coordinator FTE over the authorities in the with-coordinator case.
    public var totalCoordinatorFTE: Double { authorities.reduce(0) { $0 + (coordinatorFTEByAuthority[$1.code] ?? 0) } }

    /// Authorities with no coordinator time in the with-coordinator case.
    public var authoritiesWithoutCoordinator: Int { authorities.filter { (coordinatorFTEByAuthority[$0.code] ?? 0) <= 0 }.count }

    /// Plans every authority in `authorities` both ways, each with its own post of `coordinatorFTE`,
    /// and sums the results over `horizon` years.
    public static func compare(_ authorities: [Authority], assumptions: TrainingAssumptions, coordinatorFTE: Double,
                               horizon: Int) throws -> TrainingComparison {
        try compare(authorities, assumptions: assumptions, horizon: horizon) { _ in coordinatorFTE }
    }

    /// Plans every authority in `authorities` both ways, with `coordinatorFTE(authority)` of
    /// coordinator time in the with-coordinator case (e.g. its share of a post shared across a
    /// county area), and sums the results over `horizon` years.
    public static func compare(_ authorities: [Authority], assumptions: TrainingAssumptions, horizon: Int,
                               coordinatorFTE: (Authority) -> Double) throws -> TrainingComparison {
        var fteByAuthority: [String: Double] = [:]
        for authority in authorities { fteByAuthority[authority.code] = coordinatorFTE(authority) }
        func outcomes(withCoordinator: Bool) throws -> TierValues<TrainingTierOutcome> {
            let plans = try authorities.map { authority -> TrainingPlan in
                let fte = fteByAuthority[authority.code] ?? 0
                return try TrainingPlan.build(authority: authority, assumptions: assumptions,
                                              withCoordinator: withCoordinator && fte > 0, coordinatorFTE: fte)
            }
            return TierValues { tier in
                let parts = plans.map { TrainingTierOutcome(plan: $0.tier(tier), horizon: horizon) }
                return parts.count == 1 ? parts[0] : TrainingTierOutcome.total(parts, tier: tier)
            }
        }
        return TrainingComparison(
            authorities: authorities, horizon: max(0, horizon), coordinatorFTEByAuthority: fteByAuthority,
            withCoordinator: try outcomes(withCoordinator: true),
            withoutCoordinator: try outcomes(withCoordinator: false),
            faceToFacePlacesToSustainCoverage: authorities.reduce(0) {
                $0 + TrainingPlan.faceToFacePlacesToSustainCoverage(authority: $1, assumptions: assumptions)
            },
            coordinatorFTEForFullCoverage: authorities.reduce(0) {
                $0 + TrainingPlan.coordinatorFTEForFullCoverage(authority: $1, assumptions: assumptions)
            })
    }
}
