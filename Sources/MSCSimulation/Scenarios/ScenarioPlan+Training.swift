import MSCModel

extension ScenarioPlan {
    /// Extra training costs a year of each post when the scenario includes training: staff time
    /// and delivery of the three tiers in each authority it serves with the coordinator in post,
    /// less what the authority would spend without one, shared among the posts serving an
    /// authority by the FTE each gives it. Empty arrays (and no places) when the scenario has no
    /// training. Trainees' pay is costed on `basis`, the scenario's (its price base year). The
    /// places each post adds are returned too, for the Monte Carlo to price at each draw.
    static func trainingCosts(scenario: Scenario, deployment: Deployment, authorities: AuthorityTable,
                              assumptions: AssumptionSet, basis: CostBasis,
                              years: Int) throws -> ([[Double]], [TrainingTierTotals], [TrainingPlaces?]) {
        guard scenario.training?.include == true else {
            return (Array(repeating: [], count: deployment.posts.count), [], Array(repeating: nil, count: deployment.posts.count))
        }
        let trainingAssumptions = try TrainingAssumptions(from: assumptions, authorities: authorities, basis: basis)
        var extraByAuthority: [String: [Double]] = [:]
        var placesByAuthority: [String: TrainingPlaces] = [:]
        var staff = [TrainingTier: Double](), trainedWith = [TrainingTier: Double](), trainedWithout = [TrainingTier: Double]()
        var extraCost = [TrainingTier: Double]()
        for authority in authorities.authorities {
            let fte = deployment.fteServing[authority.code] ?? 0
            guard fte > 0 else { continue }
            let with = try TrainingPlan.build(authority: authority, assumptions: trainingAssumptions,
                                              withCoordinator: true, coordinatorFTE: fte)
            let without = try TrainingPlan.build(authority: authority, assumptions: trainingAssumptions,
                                                 withCoordinator: false, coordinatorFTE: 0)
            extraByAuthority[authority.code] = zip(with.costByYear(years), without.costByYear(years)).map { $0 - $1 }
            var places = TrainingPlaces.none(years: years)
            let staffShare = TierValues { with.tier($0).audience.staffShare }
            places.add(part: 1, trainees: TierValues { with.tier($0).traineesByYear(years) }, staffShare: staffShare)
            places.add(part: 1, trainees: TierValues { without.tier($0).traineesByYear(years) }, staffShare: staffShare, sign: -1)
            placesByAuthority[authority.code] = places
            for tier in TrainingTier.allCases {
                staff[tier, default: 0] += with.tier(tier).staff
                trainedWith[tier, default: 0] += with.tier(tier).trainedByYear(years).last ?? 0
                trainedWithout[tier, default: 0] += without.tier(tier).trainedByYear(years).last ?? 0
                let extra = zip(with.tier(tier).costByYear(years), without.tier(tier).costByYear(years)).reduce(0) { $0 + $1.0 - $1.1 }
                extraCost[tier, default: 0] += extra / Double(max(years, 1))
            }
        }
        let costs = deployment.posts.map { post in
            var costs = Array(repeating: 0.0, count: years)
            for member in post.members {
                guard let extra = extraByAuthority[member.code], let total = deployment.fteServing[member.code], total > 0 else { continue }
                let part = member.fteServing / total
                for t in 0..<years { costs[t] += extra[t] * part }
            }
            return costs
        }
        let places = deployment.posts.map { post -> TrainingPlaces? in
            var places = TrainingPlaces.none(years: years)
            for member in post.members {
                guard let council = placesByAuthority[member.code], let total = deployment.fteServing[member.code], total > 0 else { continue }
                places.add(part: member.fteServing / total, of: council)
            }
            return places
        }
        let totals = TrainingTier.allCases.map { tier in
            TrainingTierTotals(tier: tier, staff: staff[tier] ?? 0, trainedAtHorizonWithCoordinator: trainedWith[tier] ?? 0,
                               trainedAtHorizonWithout: trainedWithout[tier] ?? 0, extraCostPerYear: extraCost[tier] ?? 0)
        }
        return (costs, totals, places)
    }
}
