import Testing
@testable import MSCModel

/// Model functions read fixed assumptions through ``AssumptionName`` cases: each must name an
/// assumption the shipped folder defines (or derives for a plan), so a case cannot drift
/// from the files.
@Suite struct AssumptionNameTests {
    @Test func everyNameIsDefinedInTheShippedAssumptions() throws {
        var set = try PackagePaths.shippedAssumptions()
        // The rate ratio is derived from the folder and the authority table when a plan is built.
        let authorities = try AuthorityTable.load(path: PackagePaths.assumptions + "/authorities.csv")
        set.replace(try RateRatioDerivation.derive(assumptions: set, authorities: authorities).assumption(origin: "derived"))
        let missing = AssumptionName.allCases.filter { set.byName[$0.rawValue] == nil }
        #expect(missing.isEmpty, "not defined: \(missing)")
    }

    @Test func aNameReadsTheSameAssumptionAsItsText() throws {
        let set = try PackagePaths.shippedAssumptions()
        #expect(try set.value(.pensionRate) == set.value("pensionRate"))
        #expect(try set.value(.employerNIRate, period: "2026-27") == set.value("employerNIRate", period: "2026-27"))
        // A name the folder lacks is the same one-line error either way.
        #expect(throws: InputError.self) { try set.assumption("noSuchAssumption") }
    }
}
