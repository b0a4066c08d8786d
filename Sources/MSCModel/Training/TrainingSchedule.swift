/// Year-by-year training of one authority's three tiers, with renewals.
///
/// Each year, the people a tier still needs to train are its audience minus those holding current
/// training (trained within the last `refreshYears − 1` years: people trained in year t must renew
/// in year t + refreshYears). Tier 1 trains up to its uptake. Face-to-face places go first to
/// Tier 3, up to its priority share of the pool, then to Tier 2; places one tier cannot use pass to
/// the other. A tier is fully covered in the first year its remaining need fits in the places it
/// can get, at the point of that year its need is met (places spread evenly over the year). Where
/// renewals of the two face-to-face tiers fall due together, coverage can slip again in later
/// years: `current` shows what is held each year.
public struct TrainingSchedule: Sendable, Equatable {
    /// People each tier must reach.
    public var audience: TierValues<Double>
    /// Whole years before each tier's training must be renewed.
    public var refreshYears: TierValues<Int>
    /// Places available a year.
    public var capacity: TrainingCapacity

    public init(audience: TierValues<Double>, refreshYears: TierValues<Int>, capacity: TrainingCapacity) {
        self.audience = audience
        self.refreshYears = refreshYears
        self.capacity = capacity
    }

    /// What happened to each tier over the years run.
    public struct Outcome: Sendable, Equatable {
        /// People trained (or renewed) in each year; index 0 is the first year.
        public var trainees: TierValues<[Double]>
        /// People holding current training at the end of each year.
        public var current: TierValues<[Double]>
        /// Years from the start until everyone in the tier first holds current training; nil when
        /// not reached within the years run.
        public var yearsToCoverage: TierValues<Double?>
    }

    /// Runs the schedule for `years` years (none when `years` ≤ 0).
    public func run(years: Int) -> Outcome {
        var trainees = TierValues<[Double]>(awareness: [], frontline: [], specialist: [])
        var current = trainees
        var coverage = TierValues<Double?>(awareness: nil, frontline: nil, specialist: nil)
        for year in 0..<max(0, years) {
            let need = TierValues { tier in max(0, audience[tier] - holding(tier, atStartOf: year, trainees: trainees[tier])) }
            // Places each tier could use this year if its need were unlimited, and the places it uses.
            var available = TierValues<Double>(awareness: capacity.awarenessPlacesPerYear, frontline: 0, specialist: 0)
            var trained = TierValues<Double>(awareness: min(need.awareness, capacity.awarenessPlacesPerYear),
                                             frontline: 0, specialist: 0)
            let pool = capacity.faceToFacePlacesPerYear
            let weight = capacity.specialistPlaceWeight
            let specialistCap = capacity.specialistPriorityShare * pool
            let specialistNeedPlaces = need.specialist * weight
            let specialistFirst = min(specialistNeedPlaces, specialistCap)
            let frontlinePlaces = min(need.frontline, pool - specialistFirst)
            let specialistExtra = min(specialistNeedPlaces - specialistFirst, pool - specialistFirst - frontlinePlaces)
            trained.frontline = frontlinePlaces
            available.frontline = pool - specialistFirst
            if weight > 0 {
                trained.specialist = (specialistFirst + specialistExtra) / weight
                available.specialist = max(specialistCap, pool - need.frontline) / weight
            } else {
                // Tier 3 takes no trainer time: everyone who needs it is trained.
                trained.specialist = need.specialist
                available.specialist = .infinity
            }
            for tier in TrainingTier.allCases {
                trainees[tier].append(trained[tier])
                current[tier].append(audience[tier] - need[tier] + trained[tier])
                if coverage[tier] == nil, Self.fits(need[tier], in: available[tier]) {
                    let fraction = need[tier] > 0 ? min(1, need[tier] / available[tier]) : 0
                    coverage[tier] = Double(year) + fraction
                }
            }
        }
        return Outcome(trainees: trainees, current: current, yearsToCoverage: coverage)
    }

    /// People in `tier` holding current training at the start of `year`.
    private func holding(_ tier: TrainingTier, atStartOf year: Int, trainees: [Double]) -> Double {
        let first = max(0, year - refreshYears[tier] + 1)
        guard first < year else { return 0 }
        return trainees[first..<year].reduce(0, +)
    }

    /// Whether a need fits in the places available, allowing for rounding in the sums.
    private static func fits(_ need: Double, in available: Double) -> Bool {
        need <= 0 || need <= available * (1 + 1e-12) + 1e-9
    }
}
