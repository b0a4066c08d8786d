/// How much coordinator time an authority needs to keep every frontline worker and specialist in
/// current face-to-face training.
extension TrainingPlan {
    /// Face-to-face places a year (Tier 2 places) that keep Tiers 2 and 3 fully trained on average:
    /// each tier's audience renewed once per interval, `N₂/R₂ + w·N₃/R₃`, where a Tier 3 place
    /// counts as `w = trainingTier3Hours / trainingTier2Hours` Tier 2 places.
    public static func faceToFacePlacesToSustainCoverage(authority: Authority, assumptions: TrainingAssumptions) -> Double {
        let audience = TrainingWorkforce.audience(of: authority, assumptions: assumptions)
        let tiers = assumptions.tiers
        let weight = tiers.specialist.hoursPerTrainee / tiers.frontline.hoursPerTrainee
        return audience.frontline.total / Double(tiers.frontline.refreshYears)
            + weight * audience.specialist.total / Double(tiers.specialist.refreshYears)
    }

    /// Coordinator FTE whose places, added to the council's own, meet
    /// ``faceToFacePlacesToSustainCoverage(authority:assumptions:)``; 0 where the council's own suffice.
    public static func coordinatorFTEForFullCoverage(authority: Authority, assumptions: TrainingAssumptions) -> Double {
        let staff = TrainingWorkforce.staff(of: authority, assumptions: assumptions)
        let ownPlaces = TrainingCapacity.of(staff: staff, withCoordinator: false, coordinatorFTE: 0,
                                            assumptions: assumptions).faceToFacePlacesPerYear
        let shortfall = faceToFacePlacesToSustainCoverage(authority: authority, assumptions: assumptions) - ownPlaces
        guard shortfall > 0, assumptions.coordinatorPlacesPerFTE > 0 else {
            return shortfall > 0 ? .infinity : 0
        }
        return shortfall / assumptions.coordinatorPlacesPerFTE
    }
}
