/// The inputs of one tier of training: how long it takes, what a place costs, whose time it
/// takes and how often it must be renewed.
public struct TrainingTierInputs: Sendable, Equatable {
    /// Hours one trainee spends in training.
    public var hoursPerTrainee: Double
    /// Delivery cost of one place (licence, trainer fees, venue, materials), pounds, real.
    public var deliveryCostPerTrainee: Double
    /// Full-time salary of a typical trainee, pounds a year, for the cost of their time.
    public var traineeSalary: Double
    /// Whole years before the training must be renewed (at least 1).
    public var refreshYears: Int

    public init(hoursPerTrainee: Double, deliveryCostPerTrainee: Double, traineeSalary: Double, refreshYears: Int) {
        self.hoursPerTrainee = hoursPerTrainee
        self.deliveryCostPerTrainee = deliveryCostPerTrainee
        self.traineeSalary = traineeSalary
        self.refreshYears = refreshYears
    }
}

/// Everything the three-tier training model needs, read once from an ``AssumptionSet`` (the
/// assumptions in `Assumptions/training.yaml` plus the employer on-costs of `cost.yaml`) and the
/// authority table's totals.
///
/// ```swift
/// let training = try TrainingAssumptions(from: assumptions, authorities: table)
/// let plan = try TrainingPlan.build(authority: kent, assumptions: training,
///                                   withCoordinator: true, coordinatorFTE: 1)
/// ```
public struct TrainingAssumptions: Sendable, Equatable {
    /// People employed directly by the councils of England and Wales (headcount).
    public var workforce: Double
    /// Residents of England and Wales, each counted once, that the workforce is shared over.
    public var residentPopulation: Double
    /// A district council's staff per resident as a share of a single-tier council's (a fraction).
    public var districtWorkforceShare: Double
    /// Share of staff who are frontline (Tier 2 audience, specialists included), a fraction.
    public var frontlineShare: Double
    /// Share of staff who are specialists making NRM referrals (Tier 3 audience), a fraction.
    public var specialistShare: Double
    /// Councillors of one English council (English total shared equally), people.
    public var councillorsPerEnglishCouncil: Double
    /// Councillors of one Welsh council (Welsh total shared equally), people.
    public var councillorsPerWelshCouncil: Double
    /// Paid hours a year of a full-time employee.
    public var paidHoursPerYear: Double
    /// Employer on-costs (NI, pension, levy, overheads) applied to trainees' pay; no operational budget.
    public var onCostRates: PostCostRates
    /// The tax year whose National Insurance and pounds trainees' pay is costed in, and the pay
    /// awards that brought the shipped salaries to it (``CostBasis``).
    public var payBasis: PayAdjustment
    /// Real growth of salaries a year, which raises the cost of staff time over the years.
    public var realPayGrowth: Double
    /// Length, cost, trainee pay and renewal interval of each tier.
    public var tiers: TierValues<TrainingTierInputs>
    /// Face-to-face places one full-time coordinator delivers a year (Tier 2 places), people a year.
    public var coordinatorPlacesPerFTE: Double
    /// Face-to-face places a council delivers a year without a coordinator, as a share of its workforce.
    public var faceToFacePlacesShareWithoutCoordinator: Double
    /// Share of all staff completing Tier 1 e-learning a year with a coordinator.
    public var awarenessUptakeWithCoordinator: Double
    /// Share of all staff completing Tier 1 e-learning a year without a coordinator.
    public var awarenessUptakeWithoutCoordinator: Double
    /// Largest share of face-to-face places given to Tier 3 while its specialists still need training.
    public var specialistPriorityShare: Double
    /// What face-to-face training changes (Acting Local, Training section).
    public var effects: TrainingEffects

    public init(workforce: Double, residentPopulation: Double, districtWorkforceShare: Double, frontlineShare: Double,
                specialistShare: Double, councillorsPerEnglishCouncil: Double, councillorsPerWelshCouncil: Double,
                paidHoursPerYear: Double, onCostRates: PostCostRates, payBasis: PayAdjustment? = nil, realPayGrowth: Double,
                tiers: TierValues<TrainingTierInputs>, coordinatorPlacesPerFTE: Double,
                faceToFacePlacesShareWithoutCoordinator: Double, awarenessUptakeWithCoordinator: Double,
                awarenessUptakeWithoutCoordinator: Double, specialistPriorityShare: Double, effects: TrainingEffects) {
        self.workforce = workforce
        self.residentPopulation = residentPopulation
        self.districtWorkforceShare = districtWorkforceShare
        self.frontlineShare = frontlineShare
        self.specialistShare = specialistShare
        self.councillorsPerEnglishCouncil = councillorsPerEnglishCouncil
        self.councillorsPerWelshCouncil = councillorsPerWelshCouncil
        self.paidHoursPerYear = paidHoursPerYear
        self.onCostRates = onCostRates
        self.payBasis = payBasis ?? .none(in: "")
        self.realPayGrowth = realPayGrowth
        self.tiers = tiers
        self.coordinatorPlacesPerFTE = coordinatorPlacesPerFTE
        self.faceToFacePlacesShareWithoutCoordinator = faceToFacePlacesShareWithoutCoordinator
        self.awarenessUptakeWithCoordinator = awarenessUptakeWithCoordinator
        self.awarenessUptakeWithoutCoordinator = awarenessUptakeWithoutCoordinator
        self.specialistPriorityShare = specialistPriorityShare
        self.effects = effects
    }

    /// How an hour of a trainee's time is costed (on-costs and paid hours), for pricing places.
    public var traineeCosting: TraineeCosting {
        TraineeCosting(onCostRates: onCostRates, paidHoursPerYear: paidHoursPerYear)
    }

    /// The names of the assumptions the training model reads (besides the on-costs of
    /// ``PostCostRates/assumptionNames``), for provenance tables.
    public static let assumptionNames: [AssumptionName] = [
        .localGovernmentWorkforce, .trainingDistrictWorkforceShare, .trainingFrontlineShare,
        .trainingSpecialistShare, .councillorsEngland, .councillorsWales, .trainingPaidHoursPerYear,
        .coordinatorTrainingCapacity, .trainingFaceToFaceCapacityWithoutCoordinator,
        .trainingTier1UptakeWithCoordinator, .trainingTier1UptakeWithoutCoordinator,
        .trainingTier3PriorityShare, .realPayGrowth,
    ] + TrainingTier.allCases.flatMap { tier in
        AssumptionName.TrainingTierQuantity.allCases.map { AssumptionName.training($0, tier: tier) }
    } + TrainingEffects.assumptionNames

    /// The central values from `assumptions`, with the residents and council counts of `authorities`.
    ///
    /// Trainees' pay is costed on `basis` (default: ``CostBasis`` without a scenario, the report's
    /// basis): that tax year's employer National Insurance, the shipped salaries brought to it by
    /// the pay awards. Throws an ``InputError`` naming the assumption when a value is missing or inconsistent.
    public init(from assumptions: AssumptionSet, authorities: AuthorityTable, basis: CostBasis? = nil) throws {
        let english = authorities.authorities.filter { $0.nation != "Wales" }.count
        let welsh = authorities.authorities.count - english
        try self.init(from: assumptions, residentPopulation: Double(authorities.totalPopulation),
                      englishCouncils: english, welshCouncils: welsh, basis: basis)
    }

    /// The central values from `assumptions`, for a country of `residentPopulation` residents and the
    /// given numbers of English and Welsh councils (among which councillors are shared equally).
    public init(from assumptions: AssumptionSet, residentPopulation: Double, englishCouncils: Int, welshCouncils: Int,
                basis chosenBasis: CostBasis? = nil) throws {
        let basis = try chosenBasis ?? CostBasis(assumptions: assumptions)
        var rates = basis.rates
        // The operational budget belongs to a coordinator post, not to an hour of a trainee's time.
        rates.operationalBudget = 0
        guard residentPopulation > 0 else {
            throw InputError(file: assumptions.location, key: "population",
                             message: "the authority table has no residents; expected a positive population")
        }
        func v(_ name: AssumptionName) throws -> Double { try assumptions.value(name) }
        func perCouncil(_ name: AssumptionName, councils: Int) throws -> Double {
            councils > 0 ? try v(name) / Double(councils) : 0
        }
        let tiers = try TierValues { tier -> TrainingTierInputs in
            TrainingTierInputs(hoursPerTrainee: try assumptions.value(.training(.hours, tier: tier)),
                               deliveryCostPerTrainee: try assumptions.value(.training(.deliveryCost, tier: tier)),
                               traineeSalary: try basis.salaryAssumption(.training(.salary, tier: tier), in: assumptions).value,
                               refreshYears: try Self.wholeYears(.training(.refreshYears, tier: tier), in: assumptions))
        }
        self.init(workforce: try v(.localGovernmentWorkforce),
                  residentPopulation: residentPopulation,
                  districtWorkforceShare: try v(.trainingDistrictWorkforceShare),
                  frontlineShare: try v(.trainingFrontlineShare),
                  specialistShare: try v(.trainingSpecialistShare),
                  councillorsPerEnglishCouncil: try perCouncil(.councillorsEngland, councils: englishCouncils),
                  councillorsPerWelshCouncil: try perCouncil(.councillorsWales, councils: welshCouncils),
                  paidHoursPerYear: try v(.trainingPaidHoursPerYear),
                  onCostRates: rates,
                  payBasis: basis.shippedPayAdjustment,
                  realPayGrowth: try v(.realPayGrowth),
                  tiers: tiers,
                  coordinatorPlacesPerFTE: try v(.coordinatorTrainingCapacity),
                  faceToFacePlacesShareWithoutCoordinator: try v(.trainingFaceToFaceCapacityWithoutCoordinator),
                  awarenessUptakeWithCoordinator: try v(.trainingTier1UptakeWithCoordinator),
                  awarenessUptakeWithoutCoordinator: try v(.trainingTier1UptakeWithoutCoordinator),
                  specialistPriorityShare: try v(.trainingTier3PriorityShare),
                  effects: try TrainingEffects(from: assumptions))
        try check(against: assumptions)
    }

    /// A renewal interval, which must be a whole number of years of at least 1.
    private static func wholeYears(_ name: AssumptionName, in assumptions: AssumptionSet) throws -> Int {
        let found = try assumptions.assumption(name)
        guard found.value >= 1, found.value == found.value.rounded(), found.value < 1000 else {
            throw InputError(file: found.origin, key: name.rawValue,
                             message: "expected a whole number of years of at least 1, found \(found.value)")
        }
        return Int(found.value)
    }

    /// Rejects combinations that make no sense, naming the assumption to fix.
    private func check(against assumptions: AssumptionSet) throws {
        func fail(_ name: AssumptionName, _ message: String) throws -> Never {
            let origin = (try? assumptions.assumption(name).origin) ?? assumptions.location
            throw InputError(file: origin, key: name.rawValue, message: message)
        }
        if specialistShare > frontlineShare {
            try fail(.trainingSpecialistShare,
                     "specialists are frontline staff; expected at most \(AssumptionName.trainingFrontlineShare) (\(frontlineShare)), found \(specialistShare)")
        }
        if tiers.frontline.hoursPerTrainee <= 0 {
            try fail(.training(.hours, tier: .frontline), "a face-to-face place is measured in Tier 2 hours; expected more than 0 hours")
        }
        if paidHoursPerYear <= 0 {
            try fail(.trainingPaidHoursPerYear, "expected more than 0 hours a year")
        }
    }
}
