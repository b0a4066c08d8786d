import Testing
@testable import MSCModel

/// Round numbers for the arithmetic below: 1,200,000 staff over 60,000,000 residents is 20 staff
/// per 1,000 residents in a single-tier council; the rest mirrors the shipped assumptions.
private func fixture() -> TrainingAssumptions {
    TrainingAssumptions(
        workforce: 1_200_000, residentPopulation: 60_000_000, districtWorkforceShare: 0.2, frontlineShare: 0.35,
        specialistShare: 0.05, councillorsPerEnglishCouncil: 16930.0 / 317, councillorsPerWelshCouncil: 1231.0 / 22,
        paidHoursPerYear: 1929.3,
        onCostRates: PostCostRates(employerNIRate: 0.15, niSecondaryThreshold: 5000, pensionRate: 0.16,
                                   apprenticeshipLevyRate: 0, overheadRate: 0, operationalBudget: 0),
        realPayGrowth: 0,
        tiers: TierValues(
            awareness: TrainingTierInputs(hoursPerTrainee: 1, deliveryCostPerTrainee: 5, traineeSalary: 32061, refreshYears: 3),
            frontline: TrainingTierInputs(hoursPerTrainee: 3.5, deliveryCostPerTrainee: 30, traineeSalary: 33699, refreshYears: 3),
            specialist: TrainingTierInputs(hoursPerTrainee: 7, deliveryCostPerTrainee: 75, traineeSalary: 40777, refreshYears: 2)),
        coordinatorPlacesPerFTE: 520, faceToFacePlacesShareWithoutCoordinator: 0.01,
        awarenessUptakeWithCoordinator: 0.4, awarenessUptakeWithoutCoordinator: 0.1, specialistPriorityShare: 0.5,
        effects: TrainingEffects(identifyConfidenceBefore: 0.45, identifyConfidenceAfter: 0.99, actUnderstandingBefore: 0.32,
                                 actUnderstandingAfter: 0.98, reportingConfidenceImproved: 0.91))
}

/// A London borough of 250,000 residents: 250,000 × 20 / 1,000 = 5,000 staff.
private let borough = Authority(code: "E09000099", name: "Testborough", tier: .londonBorough, region: "London",
                                population: 250_000)
/// A district of 100,000 residents: 100,000 × 20 / 1,000 × 0.2 = 400 staff.
private let district = Authority(code: "E07000999", name: "Testdistrict", tier: .district, region: "South East",
                                 countyCode: "E10000999", county: "Testshire", population: 100_000)
/// Its county, 1,000,000 residents: 1,000,000 × 20 / 1,000 × 0.8 = 16,000 staff.
private let county = Authority(code: "E10000999", name: "Testshire", tier: .county, region: "South East",
                               population: 1_000_000)

private func close(_ a: Double?, _ b: Double, within tolerance: Double = 1e-9) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance * max(1, abs(b))
}

@Suite struct TrainingPlanTests {
    @Test func oneCoordinatorTrains520PeopleAYear() throws {
        // The shipped value is the cited figure: Acting Local, over 1,300 people in two and a half years.
        let shipped = try PackagePaths.shippedAssumptions()
        let shippedCapacity = try shipped.assumption("coordinatorTrainingCapacity")
        #expect(shippedCapacity.sources.contains { ($0.page ?? "").contains("over 1,300 people in two and a half years") })
        #expect(shippedCapacity.value == 1300.0 / 2.5)
        #expect(TrainingCapacity.coordinatorPlaces(placesPerFTE: 520, fte: 1) == 520)
        #expect(TrainingCapacity.coordinatorPlaces(placesPerFTE: 520, fte: 0.5) == 260)
        // With a coordinator the pool is the coordinator's 520 plus the council's own 1% of 5,000 staff.
        let capacity = TrainingCapacity.of(staff: 5000, withCoordinator: true, coordinatorFTE: 1, assumptions: fixture())
        #expect(capacity.faceToFacePlacesPerYear == 520 + 50)
        #expect(capacity.specialistPlaceWeight == 2)
        let without = TrainingCapacity.of(staff: 5000, withCoordinator: false, coordinatorFTE: 1, assumptions: fixture())
        #expect(without.faceToFacePlacesPerYear == 50)
    }

    @Test func staffAreSharedByResidentsAndTierOfCouncil() {
        let a = fixture()
        #expect(close(TrainingWorkforce.staff(of: borough, assumptions: a), 5000))
        #expect(close(TrainingWorkforce.staff(of: district, assumptions: a), 400))
        #expect(close(TrainingWorkforce.staff(of: county, assumptions: a), 16000))
        let audience = TrainingWorkforce.audience(of: borough, assumptions: a)
        #expect(close(audience.awareness.total, 5000))
        #expect(close(audience.frontline.staff, 1750))
        #expect(close(audience.frontline.councillors, 16930.0 / 317))
        #expect(close(audience.specialist.total, 250))
    }

    @Test func coverageTimesForABoroughOf5000Staff() throws {
        let plan = try TrainingPlan.build(authority: borough, assumptions: fixture(), withCoordinator: true, coordinatorFTE: 1)
        // Tier 1: 40% of 5,000 = 2,000 a year, so 5,000 / 2,000 = 2.5 years (inside the 3-year renewal).
        #expect(close(plan.tier(.awareness).yearsToCoverage, 2.5))
        // Tier 3: 250 specialists; pool 570 Tier 2 places, half of it (285) reserved for Tier 3
        // while Tier 2 (1,803 people) takes the rest; a Tier 3 place is 7 / 3.5 = 2 Tier 2 places,
        // so 142.5 specialists a year and 250 / 142.5 = 1.754 years, inside the 2-year renewal.
        #expect(close(plan.tier(.specialist).yearsToCoverage, 250 / 142.5))
        // Tier 2: 285 places a year in year 0, 1,803.4 people renewed every 3 years, so never covered.
        #expect(plan.tier(.frontline).yearsToCoverage == nil)
        #expect(close(plan.tier(.frontline).traineesByYear(1)[0], 285))

        let without = try TrainingPlan.build(authority: borough, assumptions: fixture(), withCoordinator: false, coordinatorFTE: 1)
        // Tier 1 at 10% a year needs 10 years but renews every 3: at most 30% hold it.
        #expect(without.tier(.awareness).yearsToCoverage == nil)
        #expect(close(without.tier(.awareness).trainedByYear(10).last, 1500))
        // Tier 3 gets 25 of the council's own 50 places: 12.5 specialists a year, 20 years > 2.
        #expect(without.tier(.specialist).yearsToCoverage == nil)
        #expect(close(without.tier(.specialist).traineesByYear(1)[0], 12.5))
    }

    @Test func aDistrictIsCoveredWithinMonths() throws {
        let plan = try TrainingPlan.build(authority: district, assumptions: fixture(), withCoordinator: true, coordinatorFTE: 1)
        // Pool 520 + 4 = 524 places. Tier 3: 20 specialists = 40 places, under its cap of 262, all in
        // year 0. Tier 2: 140 staff + 53.41 councillors = 193.41 people in the remaining 484 places.
        let frontline = 0.35 * 400 + 16930.0 / 317
        #expect(close(plan.tier(.frontline).yearsToCoverage, frontline / 484))
        // Tier 3 could use every place Tier 2 leaves (524 − 193.41, more than its reserved 262), so
        // its 40 places take 40 / 330.59 of the year.
        #expect(close(plan.tier(.specialist).yearsToCoverage, 40 / (524 - frontline)))
        #expect(close(plan.frontlineTrainedShare(year: 0), 1))
        #expect(plan.frontlineTrainedShare(year: -1) == 0)
        // Renewed in year 3 (every 3 years): nobody in years 1 and 2, everyone again in year 3.
        let trainees = plan.tier(.frontline).traineesByYear(4)
        #expect(close(trainees[1], 0) && close(trainees[2], 0) && close(trainees[3], frontline))
    }

    @Test func unusedPlacesPassToTheOtherTier() throws {
        // Tier 2 is covered in year 0, so from year 1 Tier 3 can use more than its half of the pool.
        let schedule = TrainingSchedule(audience: TierValues(awareness: 0, frontline: 100, specialist: 1000),
                                        refreshYears: TierValues(awareness: 3, frontline: 3, specialist: 2),
                                        capacity: TrainingCapacity(awarenessPlacesPerYear: 0, faceToFacePlacesPerYear: 600,
                                                                   specialistPlaceWeight: 2, specialistPriorityShare: 0.5))
        let outcome = schedule.run(years: 2)
        // Year 0: Tier 3 takes its 300 places (150 people), Tier 2 its 100, Tier 3 the other 200 (100 people).
        #expect(outcome.trainees.specialist[0] == 250)
        #expect(outcome.trainees.frontline[0] == 100)
        #expect(outcome.yearsToCoverage.frontline == 100.0 / 300)
        // Year 1: Tier 2 needs nothing, so Tier 3 gets all 600 places: 300 people.
        #expect(outcome.trainees.specialist[1] == 300)
        #expect(outcome.current.specialist[1] == 550)
    }

    @Test func costIsTraineeTimePlusDelivery() throws {
        let plan = try TrainingPlan.build(authority: borough, assumptions: fixture(), withCoordinator: true, coordinatorFTE: 1)
        // Tier 1 hourly cost: 32,061 + 0.15 × (32,061 − 5,000) + 0.16 × 32,061 = 41,249.91 a year / 1,929.3 hours.
        let hourly = 41249.91 / 1929.3
        #expect(close(plan.tier(.awareness).costPerTrainee(year: 0), 5 + 1 * hourly))
        #expect(close(plan.tier(.awareness).costByYear(1)[0], 2000 * (5 + hourly)))
        // Tier 2: councillors' time is not costed, so staff time is weighted by 1,750 / 1,803.41.
        let tier2Hourly = (33699 + 0.15 * (33699 - 5000) + 0.16 * 33699) / 1929.3
        let staffShare = 1750 / (1750 + 16930.0 / 317)
        #expect(close(plan.tier(.frontline).costPerTrainee(year: 0), 30 + 3.5 * tier2Hourly * staffShare))
        let total = plan.costByYear(3)
        #expect(total.count == 3)
        #expect(close(total[0], TrainingTier.allCases.reduce(0) { $0 + plan.tier($1).costByYear(3)[0] }))
        #expect(plan.costByYear(0).isEmpty && plan.costByYear(-2).isEmpty)
    }

    @Test func realPayGrowthRaisesTheCostOfTime() throws {
        var a = fixture()
        a.realPayGrowth = 0.01
        let plan = try TrainingPlan.build(authority: borough, assumptions: a, withCoordinator: true, coordinatorFTE: 1)
        let salary = 32061 * 1.01 * 1.01
        let hourly = (salary + 0.15 * (salary - 5000) + 0.16 * salary) / 1929.3
        #expect(close(plan.tier(.awareness).costPerTrainee(year: 2), 5 + hourly))
    }

    @Test func horizonsBeyondTheSearchAreRunAgain() throws {
        let plan = try TrainingPlan.build(authority: district, assumptions: fixture(), withCoordinator: true, coordinatorFTE: 1)
        let long = plan.tier(.frontline).trainedByYear(TrainingPlan.coverageSearchYears + 5)
        #expect(long.count == TrainingPlan.coverageSearchYears + 5)
        #expect(Array(long.prefix(10)) == plan.tier(.frontline).trainedByYear(10))
    }

    @Test func fteNeededToKeepFaceToFaceTiersCurrent() {
        // District: Tier 2 193.41 people every 3 years + Tier 3 20 people × 2 places every 2 years,
        // less the council's own 4 places, at 520 places per FTE.
        let frontline = 0.35 * 400 + 16930.0 / 317
        let places = frontline / 3 + 2 * 20 / 2
        #expect(close(TrainingPlan.faceToFacePlacesToSustainCoverage(authority: district, assumptions: fixture()), places))
        #expect(close(TrainingPlan.coordinatorFTEForFullCoverage(authority: district, assumptions: fixture()), (places - 4) / 520))
        var generous = fixture()
        generous.faceToFacePlacesShareWithoutCoordinator = 0.5
        #expect(TrainingPlan.coordinatorFTEForFullCoverage(authority: district, assumptions: generous) == 0)
    }

    @Test func badCoordinatorFTEIsAnInputError() {
        #expect(throws: InputError.self) {
            try TrainingPlan.build(authority: borough, assumptions: fixture(), withCoordinator: true, coordinatorFTE: -1)
        }
        #expect(throws: InputError.self) {
            try TrainingPlan.build(authority: borough, assumptions: fixture(), withCoordinator: true, coordinatorFTE: .nan)
        }
    }

    @Test func totalsAddUpAndWaitForTheSlowestAuthority() throws {
        let a = fixture()
        let plans = try [borough, district].map {
            try TrainingPlan.build(authority: $0, assumptions: a, withCoordinator: true, coordinatorFTE: 1)
        }
        let parts = plans.map { TrainingTierOutcome(plan: $0.tier(.specialist), horizon: 5) }
        let total = TrainingTierOutcome.total(parts, tier: .specialist)
        #expect(close(total.audience.total, 250 + 20))
        #expect(close(total.costByYear[0], parts[0].costByYear[0] + parts[1].costByYear[0]))
        #expect(total.yearsToCoverage == max(parts[0].yearsToCoverage!, parts[1].yearsToCoverage!))
        let frontline = TrainingTierOutcome.total(plans.map { TrainingTierOutcome(plan: $0.tier(.frontline), horizon: 5) },
                                                  tier: .frontline)
        #expect(frontline.yearsToCoverage == nil)
        #expect(frontline.authoritiesNotCovered == 1 && frontline.authorityCount == 2)
    }

    @Test func effectsBlendTrainedAndUntrained() {
        let effects = fixture().effects
        #expect(effects.identifyConfidence(trainedShare: 0) == 0.45)
        #expect(effects.identifyConfidence(trainedShare: 1) == 0.99)
        #expect(close(effects.identifyConfidence(trainedShare: 0.5), 0.72))
        #expect(close(effects.actUnderstanding(trainedShare: 0.25), 0.32 + 0.66 * 0.25))
        #expect(effects.actUnderstanding(trainedShare: 2) == 0.98)
    }
}
