import Foundation

/// The cost of one training place: the trainee's time at the employer's hourly cost plus delivery.
///
/// Hourly cost = employer cost of a full-time salary (salary + employer NI + pension and other
/// on-costs, by ``PostCost/total(fullTimeSalary:fte:rates:)``) / paid hours a year (37 × 52.143).
/// Councillors' time is not costed: they receive allowances, not pay by the hour.
public enum TrainingPlaceCost {
    /// Employer's cost of one paid hour of a full-time employee on `fullTimeSalary`, pounds.
    public static func hourlyStaffCost(fullTimeSalary: Double, rates: PostCostRates, paidHoursPerYear: Double) -> Double {
        var payOnly = rates
        payOnly.operationalBudget = 0
        return PostCost.total(fullTimeSalary: fullTimeSalary, fte: 1, rates: payOnly) / paidHoursPerYear
    }

    /// Cost of one place in `tier` in year `year` (0 = first year), pounds, real.
    ///
    /// Staff time is weighted by the share of the audience who are employees (Tier 2 includes
    /// councillors, whose time is not costed); pay grows at `realPayGrowth` a year.
    public static func perTrainee(tier: TrainingTier, year: Int, staffShare: Double,
                                  assumptions: TrainingAssumptions) -> Double {
        let inputs = assumptions.tiers[tier]
        let salary = PostCost.salary(inputs.traineeSalary, afterYears: max(0, year), growthRate: assumptions.realPayGrowth)
        let hourly = hourlyStaffCost(fullTimeSalary: salary, rates: assumptions.onCostRates,
                                     paidHoursPerYear: assumptions.paidHoursPerYear)
        return cost(places: 1, paidPlaces: staffShare, deliveryCostPerPlace: inputs.deliveryCostPerTrainee,
                    hoursPerPlace: inputs.hoursPerTrainee, hourlyStaffCost: hourly)
    }

    /// Cost of `places` places of one tier of which `paidPlaces` are taken by paid staff (the rest
    /// by councillors, whose time is not costed): `places × delivery + paidPlaces × hours × hourly`,
    /// pounds. One place of a trainee whose time is paid is ``perTrainee(tier:year:staffShare:assumptions:)``.
    @inlinable
    public static func cost(places: Double, paidPlaces: Double, deliveryCostPerPlace: Double, hoursPerPlace: Double,
                            hourlyStaffCost: Double) -> Double {
        places * deliveryCostPerPlace + paidPlaces * hoursPerPlace * hourlyStaffCost
    }
}
