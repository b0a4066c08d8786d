import Foundation
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

    /// A tier's assumptions are named `trainingTier<n><Quantity>` (training.yaml): the typed
    /// constructor gives each tier its own number's names, all distinct and all defined.
    @Test func everyTrainingTierNameIsItsTiersOwnCase() throws {
        let set = try PackagePaths.shippedAssumptions()
        var built: [AssumptionName] = []
        for tier in TrainingTier.allCases {
            for quantity in AssumptionName.TrainingTierQuantity.allCases {
                let name = AssumptionName.training(quantity, tier: tier)
                #expect(name.rawValue == "trainingTier\(tier.rawValue)\(quantity.rawValue)")
                #expect(set[name] != nil, "not defined: \(name)")
                built.append(name)
            }
        }
        #expect(Set(built).count == TrainingTier.allCases.count * AssumptionName.TrainingTierQuantity.allCases.count)
        #expect(AssumptionName.training(.hours, tier: .frontline) == .trainingTier2Hours)
        #expect(AssumptionName.training(.salary, tier: .specialist).rawValue == "trainingTier3Salary")
    }

    /// The lists of names the model reads are cases, so each is held to a definition; the one
    /// list the server compares with data stays text spelt as the cases are.
    @Test func namedListsAreDefinedInTheShippedAssumptions() throws {
        let set = try PackagePaths.shippedAssumptions()
        let lists: [(String, [AssumptionName])] = [
            ("training", TrainingAssumptions.assumptionNames), ("post cost", PostCostRates.assumptionNames),
            ("social value", SocialValue.assumptionNames), ("triggered costs", TriggeredCosts.assumptionNames),
            ("rate ratio facts", RateRatioDerivation.Facts.assumptionNames),
            ("mitigations", AppraisalAdjustments.modelledMitigations.flatMap { [$0.assumption] + $0.inputs }),
            ("discount bands", GreenBook.bandAssumptions.map(\.name)),
            ("evidence cuts", BenefitEvidenceAdjustment.gradesByStrength.map(BenefitEvidenceAdjustment.assumptionName(for:))),
        ]
        for (list, names) in lists {
            let missing = names.filter { set[$0] == nil }
            #expect(missing.isEmpty, "\(list): not defined: \(missing)")
        }
        #expect(CostBasis.salaryAssumptionNames == ["salary", "trainingTier1Salary", "trainingTier2Salary", "trainingTier3Salary"])
        #expect(TrainingAssumptions.assumptionNames.count == Set(TrainingAssumptions.assumptionNames).count)
    }

    /// An evaluation's inputs are read from the assumptions their cases are named after, so each
    /// such name is an ``AssumptionName`` case too (two inputs are not read by their own name: the
    /// pending pay award is the year's `payAward…` assumption, the benefit cut its grade's).
    @Test func everyModelParameterIsNamedAfterAnAssumptionCase() {
        let readUnderAnotherName: Set<ModelParameter> = [.pendingPayAward, .benefitReduction]
        let unnamed = ModelParameter.allCases.filter { parameter in
            !readUnderAnotherName.contains(parameter) && AssumptionName(rawValue: parameter.assumptionName) == nil
        }
        #expect(unnamed.isEmpty, "no AssumptionName case: \(unnamed)")
        // The inputs that price a training place are each tier's hours, delivery cost and salary.
        let placeInputs = TrainingTier.allCases.flatMap { tier in
            [AssumptionName.TrainingTierQuantity.hours, .deliveryCost, .salary].map { AssumptionName.training($0, tier: tier).rawValue }
        }
        #expect(Set(ModelParameter.allCases.filter(\.isTrainingPlaceInput).map(\.assumptionName)) == Set(placeInputs))
    }

    /// The libraries read no assumption by a name written as text: `value("pensionRate")`,
    /// `assumption("…")`, `byName["…"]` or `name == "…"` with a name the shipped folder defines
    /// would bypass the cases (names that arrive as data are variables, never literals).
    @Test func librariesReadNoAssumptionByALiteralName() throws {
        var set = try PackagePaths.shippedAssumptions()
        let authorities = try AuthorityTable.load(path: PackagePaths.assumptions + "/authorities.csv")
        set.replace(try RateRatioDerivation.derive(assumptions: set, authorities: authorities).assumption(origin: "derived"))
        let reads = try NSRegularExpression(
            pattern: #"(?:\b(?:value|assumption|salaryAssumption|column)\(|byName\[|\bname == )"([A-Za-z][A-Za-z0-9]*)""#)
        var found: [String] = []
        for library in ["MSCModel", "MSCSimulation", "MSCReport"] {
            let folder = PackagePaths.root + "/Sources/" + library
            let files = try #require(FileManager.default.enumerator(atPath: folder)).compactMap { $0 as? String }
            for file in files where file.hasSuffix(".swift") {
                let lines = try String(contentsOfFile: folder + "/" + file, encoding: .utf8).components(separatedBy: "\n")
                for (number, line) in lines.enumerated() where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                    let range = NSRange(line.startIndex..., in: line)
                    for match in reads.matches(in: line, range: range) {
                        let name = String(line[Range(match.range(at: 1), in: line)!])
                        if set.byName[name] != nil { found.append("\(library)/\(file):\(number + 1): \(name)") }
                    }
                }
            }
        }
        #expect(found.isEmpty, "read by a literal name: \(found)")
    }

    @Test func aNameReadsTheSameAssumptionAsItsText() throws {
        let set = try PackagePaths.shippedAssumptions()
        #expect(try set.value(.pensionRate) == set.value("pensionRate"))
        #expect(try set.value(.employerNIRate, period: "2026-27") == set.value("employerNIRate", period: "2026-27"))
        #expect(set[.pensionRate]?.name == "pensionRate")
        #expect(set[.pensionRate]?.value == set.byName["pensionRate"]?.value)
        // A name the folder lacks is the same one-line error either way.
        #expect(throws: InputError.self) { try set.assumption("noSuchAssumption") }
    }
}
