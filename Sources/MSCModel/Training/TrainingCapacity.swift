/// How many places an authority can deliver a year, with or without a coordinator.
///
/// Tier 1 e-learning is limited by uptake (a share of staff a year), not by trainers. Face-to-face
/// places (Tiers 2 and 3) come from one pool measured in Tier 2 places: the council's own
/// (`trainingFaceToFaceCapacityWithoutCoordinator` × staff) plus, with a coordinator, 520 a year per
/// full-time post (*Acting Local*: 1,300 people in two and a half years). A Tier 3 place uses
/// `trainingTier3Hours / trainingTier2Hours` Tier 2 places, since a trainer's time scales with hours.
public struct TrainingCapacity: Sendable, Equatable {
    /// Tier 1 e-learning completions a year, people.
    public var awarenessPlacesPerYear: Double
    /// Face-to-face places a year, in Tier 2 places.
    public var faceToFacePlacesPerYear: Double
    /// Tier 2 places one Tier 3 place uses.
    public var specialistPlaceWeight: Double
    /// Largest share of face-to-face places Tier 3 takes before Tier 2 is served.
    public var specialistPriorityShare: Double

    public init(awarenessPlacesPerYear: Double, faceToFacePlacesPerYear: Double, specialistPlaceWeight: Double,
                specialistPriorityShare: Double) {
        self.awarenessPlacesPerYear = awarenessPlacesPerYear
        self.faceToFacePlacesPerYear = faceToFacePlacesPerYear
        self.specialistPlaceWeight = specialistPlaceWeight
        self.specialistPriorityShare = specialistPriorityShare
    }

    /// Face-to-face places a year of `fte` full-time coordinators at `placesPerFTE` each.
    public static func coordinatorPlaces(placesPerFTE: Double, fte: Double) -> Double {
        placesPerFTE * fte
    }

    /// The capacity of an authority employing `staff` people, with or without a coordinator of `coordinatorFTE`.
    public static func of(staff: Double, withCoordinator: Bool, coordinatorFTE: Double,
                          assumptions: TrainingAssumptions) -> TrainingCapacity {
        let ownPlaces = assumptions.faceToFacePlacesShareWithoutCoordinator * staff
        let coordinator = withCoordinator
            ? coordinatorPlaces(placesPerFTE: assumptions.coordinatorPlacesPerFTE, fte: coordinatorFTE) : 0
        let uptake = withCoordinator ? assumptions.awarenessUptakeWithCoordinator
                                     : assumptions.awarenessUptakeWithoutCoordinator
        return TrainingCapacity(
            awarenessPlacesPerYear: uptake * staff,
            faceToFacePlacesPerYear: ownPlaces + coordinator,
            specialistPlaceWeight: assumptions.tiers.specialist.hoursPerTrainee / assumptions.tiers.frontline.hoursPerTrainee,
            specialistPriorityShare: assumptions.specialistPriorityShare)
    }
}
