/// How one authority's staff are trained in the three tiers, with or without a coordinator: who
/// must be reached, how many are trained each year, what it costs and when coverage is complete.
///
/// ```swift
/// let training = try TrainingAssumptions(from: assumptions, authorities: table)
/// let plan = try TrainingPlan.build(authority: camden, assumptions: training,
///                                   withCoordinator: true, coordinatorFTE: 1)
/// plan.tier(.specialist).yearsToCoverage        // years until every specialist is trained
/// plan.costByYear(10)                            // pounds a year, real, all tiers
/// plan.frontlineTrainedShare(year: 4)            // share of Tier 2 trained at the end of year 4
/// ```
public struct TrainingPlan: Sendable {
    /// The years searched for full coverage: a tier not covered by then is reported as never covered.
    public static let coverageSearchYears = 100

    /// The authority trained.
    public let authority: Authority
    /// Whether a coordinator adds face-to-face capacity and promotes the e-learning.
    public let withCoordinator: Bool
    /// Full-time equivalent of the coordinator (0 without one).
    public let coordinatorFTE: Double
    /// Places the authority can deliver a year.
    public let capacity: TrainingCapacity
    /// The three tiers' plans.
    public let tiers: TierValues<Tier>

    /// One tier's plan.
    public struct Tier: Sendable {
        public let tier: TrainingTier
        /// The people the tier must reach (Tier 2 includes councillors).
        public let audience: TrainingAudience
        /// Years until everyone in the tier holds current training; nil when capacity cannot keep
        /// up with renewals (not reached within ``TrainingPlan/coverageSearchYears``).
        public let yearsToCoverage: Double?
        let schedule: TrainingSchedule
        let assumptions: TrainingAssumptions
        let searched: TrainingSchedule.Outcome

        /// People the tier must reach (staff, plus councillors for Tier 2).
        public var staff: Double { audience.total }

        /// People trained or renewed in each year of the horizon (index 0 is the first year).
        public func traineesByYear(_ horizon: Int) -> [Double] {
            outcome(horizon).trainees[tier]
        }

        /// People holding current training at the end of each year of the horizon.
        public func trainedByYear(_ horizon: Int) -> [Double] {
            outcome(horizon).current[tier]
        }

        /// Cost of the tier in each year of the horizon: trainees' time plus delivery, pounds, real.
        public func costByYear(_ horizon: Int) -> [Double] {
            traineesByYear(horizon).enumerated().map { year, trainees in
                trainees * costPerTrainee(year: year)
            }
        }

        /// Cost of one place in year `year` (0 = first year): trainee time plus delivery, pounds, real.
        public func costPerTrainee(year: Int) -> Double {
            TrainingPlaceCost.perTrainee(tier: tier, year: year, staffShare: audience.staffShare,
                                         assumptions: assumptions)
        }

        /// Share of the audience holding current training at the end of year `year` (0 = first
        /// year); 0 before the first year or when the tier has no one to train.
        public func trainedShare(year: Int) -> Double {
            guard year >= 0, audience.total > 0 else { return 0 }
            return trainedByYear(year + 1)[year] / audience.total
        }

        private func outcome(_ horizon: Int) -> TrainingSchedule.Outcome {
            let years = max(0, horizon)
            if years <= searched.trainees.awareness.count {
                return TrainingSchedule.Outcome(
                    trainees: searched.trainees.map { Array($0.prefix(years)) },
                    current: searched.current.map { Array($0.prefix(years)) },
                    yearsToCoverage: searched.yearsToCoverage)
            }
            return schedule.run(years: years)
        }
    }

    /// The plan of one tier.
    public func tier(_ tier: TrainingTier) -> Tier { tiers[tier] }

    /// Cost of all three tiers in each year of the horizon, pounds, real (coordinator's pay not included).
    public func costByYear(_ horizon: Int) -> [Double] {
        let perTier = TrainingTier.allCases.map { tiers[$0].costByYear(horizon) }
        return (0..<max(0, horizon)).map { year in perTier.reduce(0) { $0 + $1[year] } }
    }

    /// Share of frontline staff and councillors (Tier 2) holding current face-to-face training at
    /// the end of year `year` (0 = first year); feeds the identification uplift.
    public func frontlineTrainedShare(year: Int) -> Double {
        tiers.frontline.trainedShare(year: year)
    }

    /// The plan for `authority`: its audiences, capacity and year-by-year training.
    ///
    /// Without a coordinator `coordinatorFTE` is ignored. Throws an ``InputError`` when the FTE is
    /// negative or not a number.
    public static func build(authority: Authority, assumptions: TrainingAssumptions, withCoordinator: Bool,
                             coordinatorFTE: Double) throws -> TrainingPlan {
        guard coordinatorFTE.isFinite, coordinatorFTE >= 0 else {
            throw InputError(file: "training plan for \(authority.name)", key: "coordinatorFTE",
                             message: "expected a non-negative full-time equivalent, found \(coordinatorFTE)")
        }
        let audience = TrainingWorkforce.audience(of: authority, assumptions: assumptions)
        let fte = withCoordinator ? coordinatorFTE : 0
        let capacity = TrainingCapacity.of(staff: audience.awareness.staff, withCoordinator: withCoordinator,
                                           coordinatorFTE: fte, assumptions: assumptions)
        let schedule = TrainingSchedule(audience: audience.map(\.total),
                                        refreshYears: assumptions.tiers.map(\.refreshYears),
                                        capacity: capacity)
        let searched = schedule.run(years: coverageSearchYears)
        let tiers = TierValues { tier in
            Tier(tier: tier, audience: audience[tier], yearsToCoverage: searched.yearsToCoverage[tier],
                 schedule: schedule, assumptions: assumptions, searched: searched)
        }
        return TrainingPlan(authority: authority, withCoordinator: withCoordinator, coordinatorFTE: fte,
                            capacity: capacity, tiers: tiers)
    }
}
