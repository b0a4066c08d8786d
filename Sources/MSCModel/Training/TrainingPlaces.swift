/// The training places one coordinator post adds, year by year and tier by tier: places with the
/// post in its councils less those without (DESIGN 3.6), shared among the posts serving a council
/// by the time each gives it.
///
/// The places are counted once, at the central values of the training inputs (workforce, audience
/// shares, capacities, uptake); what a place costs (hours, delivery, trainees' pay) is priced in
/// each evaluation by ``TrainingPlacePrices``, so the Monte Carlo draws the price of training but
/// not its volume.
public struct TrainingPlaces: Sendable, Equatable {
    /// Places a year the post adds, index `year`.
    public var placesByYear: [TierValues<Double>]
    /// The same weighted by the share of each place's trainee whose time is paid (Tier 2 audiences
    /// include councillors, whose time is not costed), index `year`.
    public var paidPlacesByYear: [TierValues<Double>]

    public init(placesByYear: [TierValues<Double>], paidPlacesByYear: [TierValues<Double>]) {
        precondition(placesByYear.count == paidPlacesByYear.count, "one paid-places entry per year")
        self.placesByYear = placesByYear
        self.paidPlacesByYear = paidPlacesByYear
    }

    /// No places over `years` years, to add councils' places to.
    public static func none(years: Int) -> TrainingPlaces {
        let zero = TierValues<Double>(awareness: 0, frontline: 0, specialist: 0)
        return TrainingPlaces(placesByYear: Array(repeating: zero, count: years), paidPlacesByYear: Array(repeating: zero, count: years))
    }

    /// Adds `part` of a council's places: `trainees` per tier and year, of whom `staffShare` per tier are paid staff.
    public mutating func add(part: Double, trainees: TierValues<[Double]>, staffShare: TierValues<Double>, sign: Double = 1) {
        for t in placesByYear.indices {
            for tier in TrainingTier.allCases where t < trainees[tier].count {
                placesByYear[t][tier] += sign * part * trainees[tier][t]
                paidPlacesByYear[t][tier] += sign * part * trainees[tier][t] * staffShare[tier]
            }
        }
    }

    /// Adds `part` of `other`'s places (a post's share of a council's).
    public mutating func add(part: Double, of other: TrainingPlaces) {
        for t in placesByYear.indices where t < other.placesByYear.count {
            for tier in TrainingTier.allCases {
                placesByYear[t][tier] += part * other.placesByYear[t][tier]
                paidPlacesByYear[t][tier] += part * other.paidPlacesByYear[t][tier]
            }
        }
    }

    /// The cost of the places in year `t` at `prices` (0 past the years held).
    public func cost(year t: Int, prices: TrainingPlacePrices) -> Double {
        guard t < placesByYear.count else { return 0 }
        var total = 0.0
        for tier in TrainingTier.allCases {
            total += TrainingPlaceCost.cost(places: placesByYear[t][tier], paidPlaces: paidPlacesByYear[t][tier],
                                            deliveryCostPerPlace: prices.deliveryCostPerPlace[tier],
                                            hoursPerPlace: prices.hoursPerPlace[tier],
                                            hourlyStaffCost: prices.hourlyStaffCostByYear[t][tier])
        }
        return total
    }
}

/// What a training place costs in one evaluation: each tier's delivery cost and hours, and the
/// employer's cost of an hour of its trainees' time in each year (salary grown at real pay growth).
public struct TrainingPlacePrices: Sendable, Equatable {
    public var deliveryCostPerPlace: TierValues<Double>
    public var hoursPerPlace: TierValues<Double>
    /// Index `year`.
    public var hourlyStaffCostByYear: [TierValues<Double>]

    public init(deliveryCostPerPlace: TierValues<Double>, hoursPerPlace: TierValues<Double>,
                hourlyStaffCostByYear: [TierValues<Double>]) {
        self.deliveryCostPerPlace = deliveryCostPerPlace
        self.hoursPerPlace = hoursPerPlace
        self.hourlyStaffCostByYear = hourlyStaffCostByYear
    }

    /// Prices for `years` years from each tier's full-time trainee salary in year 0, growing at
    /// `realPayGrowth`, costed with `costing`'s on-costs and paid hours
    /// (``TrainingPlaceCost/hourlyStaffCost(fullTimeSalary:rates:paidHoursPerYear:)``).
    public init(deliveryCostPerPlace: TierValues<Double>, hoursPerPlace: TierValues<Double>, traineeSalary: TierValues<Double>,
                realPayGrowth: Double, costing: TraineeCosting, years: Int) {
        self.init(deliveryCostPerPlace: deliveryCostPerPlace, hoursPerPlace: hoursPerPlace,
                  hourlyStaffCostByYear: (0..<max(0, years)).map { t in
                      traineeSalary.map { salary in
                          TrainingPlaceCost.hourlyStaffCost(fullTimeSalary: PostCost.salary(salary, afterYears: t, growthRate: realPayGrowth),
                                                            rates: costing.onCostRates, paidHoursPerYear: costing.paidHoursPerYear)
                      }
                  })
    }
}

/// How an hour of a trainee's time is costed: the employer's on-costs (at their central values:
/// the trainees are other council staff, not the post) and the paid hours of a full-time year.
public struct TraineeCosting: Sendable, Equatable {
    public var onCostRates: PostCostRates
    public var paidHoursPerYear: Double

    public init(onCostRates: PostCostRates, paidHoursPerYear: Double) {
        self.onCostRates = onCostRates
        self.paidHoursPerYear = paidHoursPerYear
    }
}
