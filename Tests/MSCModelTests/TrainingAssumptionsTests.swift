import Testing
@testable import MSCModel

private func shippedTable() throws -> AuthorityTable {
    try AuthorityTable.load(path: PackagePaths.assumptions + "/authorities.csv")
}

/// The shipped assumptions with one value replaced, as a scenario override would.
private func overriding(_ name: String, with value: Double) throws -> AssumptionSet {
    var set = try PackagePaths.shippedAssumptions()
    let original = try set.assumption(name)
    set.replace(original.overridden(value: value, distribution: .fixed(value), by: "test"))
    return set
}

@Suite struct TrainingAssumptionsTests {
    @Test func shippedAssumptionsLoad() throws {
        let set = try PackagePaths.shippedAssumptions()
        for name in TrainingAssumptions.assumptionNames {
            #expect(set[name] != nil, "missing \(name)")
        }
        let training = try TrainingAssumptions(from: set, authorities: try shippedTable())
        #expect(training.coordinatorPlacesPerFTE == 520)
        #expect(training.tiers.specialist.refreshYears == 2)
        #expect(training.onCostRates.operationalBudget == 0)
        // 16,930 English councillors over 317 councils; 1,231 Welsh over 22.
        #expect(abs(training.councillorsPerEnglishCouncil - 16930.0 / 317) < 1e-9)
        #expect(abs(training.councillorsPerWelshCouncil - 1231.0 / 22) < 1e-9)
        #expect(training.effects.identifyConfidenceBefore == 0.45 && training.effects.identifyConfidenceAfter == 0.99)
        #expect(training.effects.actUnderstandingBefore == 0.32 && training.effects.actUnderstandingAfter == 0.98)
        #expect(training.effects.reportingConfidenceImproved == 0.91)
    }

    @Test func theWorkforceIsSharedOutExactly() throws {
        let table = try shippedTable()
        let training = try TrainingAssumptions(from: try PackagePaths.shippedAssumptions(), authorities: table)
        let total = table.authorities.reduce(0) { $0 + TrainingWorkforce.staff(of: $1, assumptions: training) }
        #expect(abs(total - training.workforce) < 1e-6 * training.workforce)
        // Kent County Council: 1,195,898 × 0.8 × 1,639,029 (mid-2024) / 61,806,682 residents of England and Wales.
        let kent = try #require(table.authority(code: "E10000016"))
        let expected = 1_195_898 * 0.8 * 1_639_029 / 61_806_682.0
        #expect(abs(TrainingWorkforce.staff(of: kent, assumptions: training) - expected) < 1e-6)
    }

    @Test func hourlyCostOfAFrontlineWorkerFromTheSpine() throws {
        let training = try TrainingAssumptions(from: try PackagePaths.shippedAssumptions(), authorities: try shippedTable())
        // SCP 22 (2025-26) £33,699 + 15% NI above £5,000 + 16% pension = £43,395.69 over 1,929.3 hours.
        let hourly = TrainingPlaceCost.hourlyStaffCost(fullTimeSalary: training.tiers.frontline.traineeSalary,
                                                       rates: training.onCostRates,
                                                       paidHoursPerYear: training.paidHoursPerYear)
        #expect(abs(hourly - 43395.69 / 1929.3) < 1e-9)
    }

    @Test func specialistsMustBeFrontlineStaff() throws {
        let set = try overriding("trainingSpecialistShare", with: 0.6)
        #expect(throws: InputError.self) { try TrainingAssumptions(from: set, authorities: try shippedTable()) }
        do {
            _ = try TrainingAssumptions(from: set, authorities: try shippedTable())
        } catch let error as InputError {
            #expect(error.key == "trainingSpecialistShare")
            #expect(error.message.contains("at most trainingFrontlineShare"))
        }
    }

    @Test func renewalIntervalsAreWholeYears() throws {
        for bad in [2.5, 0] {
            let set = try overriding("trainingTier2RefreshYears", with: bad)
            #expect(throws: InputError.self) { try TrainingAssumptions(from: set, authorities: try shippedTable()) }
        }
    }

    @Test func tier2HoursMustBePositive() throws {
        let set = try overriding("trainingTier2Hours", with: 0)
        #expect(throws: InputError.self) { try TrainingAssumptions(from: set, authorities: try shippedTable()) }
    }

    @Test func aMissingAssumptionNamesItself() throws {
        var set = try PackagePaths.shippedAssumptions()
        set = AssumptionSet(assumptions: set.all.filter { $0.name != "trainingTier3Salary" }, location: "Assumptions",
                            files: set.files)
        do {
            _ = try TrainingAssumptions(from: set, authorities: try shippedTable())
            Issue.record("expected an error")
        } catch let error as InputError {
            #expect(error.key == "trainingTier3Salary")
        }
    }
}
