import Foundation
import Testing
@testable import MSCModel

/// The shipped assumptions and authorities, loaded once per test.
private struct Fixture {
    let assumptions: AssumptionSet
    let authorities: AuthorityTable

    init() throws {
        assumptions = try PackagePaths.shippedAssumptions()
        authorities = try AuthorityTable.load(path: PackagePaths.assumptions + "/authorities.csv")
    }

    func load(_ name: String) throws -> LoadedScenario {
        try Scenario.load(path: PackagePaths.scenarios + "/\(name).yaml", assumptions: assumptions, authorities: authorities)
    }

    /// Parses `text` as if it were a file in Scenarios/ (so baselines resolve).
    func parse(_ text: String) throws -> LoadedScenario {
        try Scenario.parse(text: text, fileName: PackagePaths.scenarios + "/broken.yaml", assumptions: assumptions,
                           authorities: authorities, files: .withinFolder(PackagePaths.scenarios))
    }

    /// The one input error parsing `text` gives.
    func error(_ text: String) throws -> InputError {
        do {
            _ = try parse(text)
        } catch let error as InputError {
            return error
        }
        Issue.record("expected an input error")
        return InputError(file: "", message: "")
    }
}

/// A valid scenario; tests break one line of it at a time.
private let validText = """
name: test
question: Does the loader accept a valid scenario?
horizonYears: 10
priceBaseYear: 2025-26
baseline: status-quo
deployment:
  rule: county-area
costSharing: population
funding:
  sources:
    - kind: la-core-budget
      share: 0.6
      termYears: 1
      renewalProbability: 0.97
    - kind: police-and-crime-commissioner
      share: 0.4
      termYears: 2
      renewalProbability: {kind: beta, alpha: 18, beta: 2}
  absorbProbability: 0
  gapTolerance: 0
"""

private func replacing(_ old: String, with new: String) -> String {
    precondition(validText.contains(old), "test text lacks \(old)")
    return validText.replacingOccurrences(of: old, with: new)
}

@Suite("Scenario files")
struct ScenarioTests {
    static let shippedNames = ["status-quo", "national-rollout", "county-shared", "police-force-area", "regional-hub", "local-mix"]

    @Test(arguments: shippedNames)
    func shippedScenarioLoads(name: String) throws {
        let fixture = try Fixture()
        let loaded = try fixture.load(name)
        #expect(loaded.scenario.name == name)
        #expect(!loaded.scenario.question.isEmpty)
        #expect(loaded.scenario.horizonYears == 10)
        #expect(loaded.scenario.priceBaseYear == "2026-27")
        #expect(loaded.scenario.firstYear == "2027-28")
        #expect(loaded.scenario.timing.offsetYears == 1)
        let sum = loaded.scenario.funding.sources.reduce(0) { $0 + $1.share }
        #expect(abs(sum - 1) < 1e-12)
        if name != "status-quo" {
            let baseline = try #require(loaded.scenario.baseline)
            #expect(FileManager.default.fileExists(atPath: baseline.path))
        }
    }

    @Test(arguments: shippedNames)
    func shippedScenarioOpensWithItsQuestion(name: String) throws {
        let text = try String(contentsOfFile: PackagePaths.scenarios + "/\(name).yaml", encoding: .utf8)
        #expect(text.hasPrefix("# Question:"))
    }

    @Test func validScenarioParses() throws {
        let loaded = try Fixture().parse(validText)
        let scenario = loaded.scenario
        #expect(scenario.deployment.kind == .countyArea)
        #expect(scenario.sharing == .population)
        #expect(scenario.baseline?.name == "status-quo")
        #expect(scenario.funding.sources.map(\.kind) == [.laCoreBudget, .policeAndCrimeCommissioner])
        #expect(scenario.funding.sources[1].renewal.distribution == .beta(alpha: 18, beta: 2))
        #expect(scenario.funding.sources[0].renewal.value == 0.97)
        #expect(scenario.training == nil)
    }

    @Test func namedAssumptionsAndOverridesResolve() throws {
        let fixture = try Fixture()
        let loaded = try fixture.load("regional-hub")
        #expect(try loaded.assumptions.value("operationalBudget") == 10_000)
        #expect(try fixture.assumptions.value("operationalBudget") == 5_000)
        #expect(loaded.scenario.overriddenAssumptions == ["operationalBudget"])
        let central = loaded.scenario.funding.sources[0]
        #expect(central.termYears == 3)
        #expect(central.renewal.name == "centralGrantRenewalProbability")
    }

    @Test func statusQuoPlacesNineIllustrativePosts() throws {
        let loaded = try Fixture().load("status-quo")
        guard case .existing(let codes, let placement, _) = loaded.scenario.deployment else {
            Issue.record("expected the existing rule")
            return
        }
        #expect(codes.count == 9)
        #expect(placement == .mostPopulousSingleTier)
        #expect(codes.first == "E08000025")  // Birmingham, the most populous
    }

    /// `distribution: scaled` keeps an assumption's own range, scaled to the value given: the
    /// shipped salary's triangular (40,777, 44,490.84, 48,204.68) at 50,000 is each bound times
    /// 50,000 / 44,490.84.
    @Test func anOverrideMayKeepItsRangeScaled() throws {
        let fixture = try Fixture()
        let loaded = try fixture.parse(validText + "\noverrides:\n  salary: {value: 50000, distribution: scaled}\n")
        let salary = try loaded.assumptions.assumption("salary")
        let ratio = 50_000 / 44_490.84
        guard case .triangular(let low, let mode, let high) = salary.distribution else {
            Issue.record("expected a triangular, found \(salary.distribution)")
            return
        }
        #expect(salary.value == 50_000)
        #expect(abs(low - 40_777 * ratio) < 1e-9 && abs(mode - 50_000) < 1e-9 && abs(high - 48_204.68 * ratio) < 1e-9)
        // A beta's support is fixed, so it cannot be scaled: one clear error naming the key.
        let error = try fixture.error(validText + "\noverrides:\n  localCoreBudgetRenewalProbability: {value: 0.5, distribution: scaled}\n")
        #expect(error.message.contains("cannot be scaled"), "\(error)")
    }

    @Test func trainingAcceptsOnlyInclude() throws {
        let fixture = try Fixture()
        let with = try fixture.parse(validText + "\ntraining:\n  include: true\n")
        #expect(with.scenario.training == TrainingSettings(include: true))
        let error = try fixture.error(validText + "\ntraining:\n  include: true\n  tiers: 3\n")
        #expect(error.key == "training.tiers")
        #expect(error.message.hasPrefix("unknown key"))
    }

    // MARK: Broken scenarios: one clear error each, with line and key

    @Test func sharesNotSummingToOne() throws {
        let error = try Fixture().error(replacing("share: 0.4", with: "share: 0.3"))
        #expect(error.key == "funding.sources")
        #expect(error.line == 11)
        #expect(error.message == "shares sum to 0.9; expected 1")
    }

    @Test func unknownDeploymentRule() throws {
        let error = try Fixture().error(replacing("rule: county-area", with: "rule: every-county"))
        #expect(error.key == "deployment.rule")
        #expect(error.line == 7)
        #expect(error.message.contains("expected one of existing, every-authority, county-area"))
        #expect(error.message.contains("\"every-county\""))
    }

    @Test func areaThatDoesNotExist() throws {
        let error = try Fixture().error(replacing("rule: county-area", with: "rule: explicit\n  areas: [Kent, Kentshire]"))
        #expect(error.key == "deployment.areas[1]")
        #expect(error.line == 8)
        #expect(error.message.contains("no county area, police force area or region is called \"Kentshire\""))
    }

    @Test func authorityThatDoesNotExist() throws {
        let error = try Fixture().error(replacing("rule: county-area", with: "rule: explicit\n  authorities:\n    - Maidstone\n    - Borsetshire"))
        #expect(error.key == "deployment.authorities[1]")
        #expect(error.line == 10)
        #expect(error.message.contains("no authority has the code or name \"Borsetshire\""))
    }

    @Test func negativeTerm() throws {
        let error = try Fixture().error(replacing("termYears: 2", with: "termYears: -2"))
        #expect(error.key == "funding.sources[1].termYears")
        #expect(error.line == 17)
        #expect(error.message == "expected a whole number of years, at least 1, found -2")
    }

    @Test func unknownKey() throws {
        let error = try Fixture().error(replacing("horizonYears: 10", with: "horizonYear: 10"))
        #expect(error.key == "horizonYear")
        #expect(error.line == 3)
        #expect(error.message.hasPrefix("unknown key; expected one of:"))
        #expect(error.message.contains("horizonYears"))
    }

    @Test func unknownKeyInsideAFundingSource() throws {
        let error = try Fixture().error(replacing("termYears: 1", with: "termYears: 1\n      renewal: 0.9"))
        #expect(error.key == "funding.sources[0].renewal")
        #expect(error.line == 14)
    }

    @Test func otherMistakesAreLocated() throws {
        let fixture = try Fixture()
        let cases: [(String, String, String)] = [
            (replacing("kind: la-core-budget", with: "kind: council-tax"), "funding.sources[0].kind", "expected one of la-core-budget"),
            (replacing("renewalProbability: 0.97", with: "renewalProbability: 1.2"), "funding.sources[0].renewalProbability", "fraction"),
            (replacing("renewalProbability: 0.97", with: "renewalProbability: renewalOdds"), "funding.sources[0].renewalProbability", "no assumption is called \"renewalOdds\""),
            (replacing("share: 0.6", with: "share: salary"), "funding.sources[0].share", "is in GBP_per_year; expected one in fraction"),
            (replacing("priceBaseYear: 2025-26", with: "priceBaseYear: 2025-27"), "priceBaseYear", "financial year"),
            (replacing("costSharing: population", with: "costSharing: by-size"), "costSharing", "expected one of equal, population, referrals"),
            (validText + "\noverrides:\n  salaryy: 40000\n", "overrides.salaryy", "no assumption is called \"salaryy\""),
            (validText + "\noverrides:\n  pensionRat: 0.2\n", "overrides.pensionRat", "did you mean pensionRate?"),
            (replacing("rule: county-area", with: "rule: existing\n  count: 9\n  codes: [E08000025]"), "deployment.codes", "count is 9"),
        ]
        for (text, key, fragment) in cases {
            let error = try fixture.error(text)
            #expect(error.key == key, "\(error)")
            #expect(error.line != nil, "\(error)")
            #expect(error.message.contains(fragment), "\(error)")
        }
    }
}

@Suite("Scenario timing and optimism-bias mitigations")
struct ScenarioAppraisalKeysTests {
    static let head = "name: t\nquestion: q?\nhorizonYears: 10\npriceBaseYear: 2026-27\ndeployment:\n  rule: every-authority\nfunding:\n  sources:\n    - kind: la-core-budget\n      share: 1\n      termYears: 1\n      renewalProbability: 1\n"

    func load(_ text: String) throws -> LoadedScenario {
        let set = try PackagePaths.shippedAssumptions()
        let table = try AuthorityTable.load(path: PackagePaths.assumptions + "/authorities.csv")
        return try Scenario.parse(text: text, fileName: "t.yaml", assumptions: set, authorities: table, files: .withinFolder("."))
    }

    @Test("without firstYear the programme starts programmeStartYearsAfterPriceBase after the price base year")
    func defaultFirstYear() throws {
        let loaded = try load(Self.head)
        #expect(loaded.scenario.firstYear == "2027-28")
        #expect(try load(Self.head + "firstYear: 2029-30\n").scenario.timing.offsetYears == 3)
        #expect(throws: InputError.self) { try load(Self.head + "firstYear: 2025-26\n") }
    }

    @Test("mitigations lower optimism bias by the shares listed, and each needs its reasoning")
    func mitigations() throws {
        let text = Self.head + """
            optimismBiasMitigations:
              - risk: Pay awards above plan
                shareMitigated: 0.2
                reasoning: pay is set nationally and funded in the grant
            """
        let loaded = try load(text)
        let adjustments = try AppraisalAdjustments(scenario: loaded.scenario, assumptions: loaded.assumptions)
        // The model's own mitigations (0.25 + 0.1 + 0.1 + 0.1 + 0.05 = 0.6 of the 41%) and the scenario's 0.2.
        #expect(abs(adjustments.optimismBiasApplied - 0.41 * (1 - 0.6 - 0.2)) < 1e-12)
        #expect(adjustments.optimismBiasStatement.contains("8.2%"))
        #expect(adjustments.optimismBiasStatement.contains("Pay awards above plan"))
        #expect(throws: InputError.self) {
            try load(Self.head + "optimismBiasMitigations:\n  - risk: x\n    shareMitigated: 0.2\n")
        }
        #expect(throws: InputError.self) {
            try load(Self.head + "optimismBiasMitigations:\n  - risk: x\n    shareMitigated: 0.7\n    reasoning: r\n  - risk: y\n    shareMitigated: 0.7\n    reasoning: r\n")
        }
        let plain = try AppraisalAdjustments(scenario: try load(Self.head).scenario, assumptions: loaded.assumptions)
        #expect(abs(plain.optimismBiasApplied - 0.41 * 0.4) < 1e-12)
        // Only the unit cost is a fixed benefit input (sourced): no cut; the stacked cut is the sensitivity.
        #expect(plain.benefitGrade == .sourced)
        #expect(plain.benefitReduction.name == "benefitReductionSourced" && plain.benefitReduction.value == 0)
        #expect(!plain.benefitReduction.distribution.isUncertain)
        #expect(plain.sensitivityCut.name == "benefitReductionIllustrative")
    }

    /// Green Book paras 5.43-5.46: start from the closest category's upper bound and reduce it by
    /// each risk the model quantifies, named with the share it earns; a risk is no longer
    /// quantified once its input is fixed, and its share comes back.
    @Test("optimism bias starts at 41% and comes down by the risks the model draws")
    func modelledMitigations() throws {
        let loaded = try load(Self.head)
        let adjustments = try AppraisalAdjustments(scenario: loaded.scenario, assumptions: loaded.assumptions)
        #expect(adjustments.optimismBiasStart == 0.41)
        #expect(adjustments.mitigations.map(\.shareMitigated) == [0.25, 0.1, 0.1, 0.1, 0.05])
        let statement = adjustments.optimismBiasStatement
        for words in ["16.4%", "starting value 41%", "outsourcing", "salary", "pensionRate", "recruitment", "unmitigated"] {
            #expect(statement.contains(words), "\(words): \(statement)")
        }
        let fixedPension = try loaded.assumptions.applying([try AssumptionSetting(parsing: "pensionRate=0.16")],
                                                           authorities: try Fixture().authorities)
        let without = try AppraisalAdjustments(scenario: loaded.scenario, assumptions: fixedPension)
        #expect(abs(without.optimismBiasApplied - 0.41 * 0.5) < 1e-12)
    }

    /// A benefit input's weakness is carried by its range or by a cut, not both.
    @Test("a benefit input fixed at an illustrative value takes the illustrative cut; one drawn from a range takes none")
    func evidenceCutPerInput() throws {
        let loaded = try load(Self.head)
        let set = try loaded.assumptions.applying([try AssumptionSetting(parsing: "harmAvoidedShare=0.3")],
                                                  authorities: try Fixture().authorities)
        let adjustments = try AppraisalAdjustments(scenario: loaded.scenario, assumptions: set)
        #expect(adjustments.benefitGrade == .illustrative)
        #expect(adjustments.benefitReductionStatement.contains("harmAvoidedShare (illustrative)"))
    }
}
