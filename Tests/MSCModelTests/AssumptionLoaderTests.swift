import Foundation
import Testing
@testable import MSCModel

@Suite struct ShippedAssumptionRules {
    @Test func everyShippedFileLoadsUnderTheStrictRules() throws {
        let set = try PackagePaths.shippedAssumptions()
        #expect(set.all.count >= 10)
        for assumption in set.all {
            #expect(!assumption.description.isEmpty, "\(assumption.name) has no description")
            if assumption.evidence == .illustrative {
                #expect(!(assumption.notes ?? "").isEmpty, "\(assumption.name) is illustrative without reasoning")
            } else {
                #expect(!assumption.sources.isEmpty, "\(assumption.name) has no source")
            }
            if assumption.unit.isProbability {
                #expect((0...1).contains(assumption.value), "\(assumption.name) is not a fraction")
                let support = assumption.distribution.support
                #expect(support.lowerBound >= 0 && support.upperBound <= 1, "\(assumption.name) range leaves [0, 1]")
            }
            if assumption.unit.isMoney {
                #expect(assumption.value >= 0, "\(assumption.name) is negative money")
            }
            #expect(assumption.distribution.support.contains(assumption.value),
                    "\(assumption.name): central value outside its distribution")
        }
    }

    @Test func employerNIChangesByTaxYear() throws {
        let set = try PackagePaths.shippedAssumptions()
        #expect(try set.value("employerNIRate", period: "2024-25") == 0.138)
        #expect(try set.value("employerNIRate", period: "2025-26") == 0.15)
        #expect(try set.value("niSecondaryThreshold", period: "2025-26") == 5000)
        // A rate holds until it changes; before the first known period there is no value.
        #expect(try set.value("employerNIRate", period: "2031-32") == 0.15)
        #expect(throws: InputError.self) { try set.value("employerNIRate", period: "2019-20") }
    }

    @Test func operationalBudgetIsTheReportsRange() throws {
        let budget = try PackagePaths.shippedAssumptions().assumption("operationalBudget")
        #expect(budget.distribution == .uniform(minimum: 0, maximum: 10000))
    }
}

/// Ten ways a user can break an assumption file; each must give one clear, located error.
@Suite struct BrokenAssumptionFiles {
    private let good = """
    salary:
      description: Salary.
      unit: GBP_per_year
      value: 44490.84
      evidence: sourced
      source:
        title: Acting Local
        publisher: Human Trafficking Foundation
        date: 2025-01

    """

    private func error(_ text: String) -> InputError? {
        do {
            _ = try AssumptionLoader.parse(text: text, fileName: "broken.yaml")
            return nil
        } catch let error as InputError {
            return error
        } catch {
            Issue.record("not an InputError: \(error)")
            return nil
        }
    }

    @Test func theGoodFileLoads() throws {
        let list = try AssumptionLoader.parse(text: good, fileName: "good.yaml")
        #expect(list.first?.value == 44490.84)
    }

    @Test(arguments: [
        // (what a user did, the broken text, the key the error must name, words it must contain)
        ("typo in a key", "unitt: GBP_per_year", "salary.unitt", "unknown key"),
        ("text where a number goes", "value: lots", "salary.value", "expected an amount of money in pounds between 0 and"),
        ("negative money", "value: -5", "salary.value", "between 0 and 1,000,000,000, found -5"),
        ("implausible money", "value: 1e12", "salary.value", "between 0 and 1,000,000,000, found 1000000000000"),
        ("unit outside the list", "unit: pounds", "salary.unit", "expected one of"),
        ("unknown evidence word", "evidence: trust-me", "salary.evidence", "expected one of"),
    ])
    func replacingALine(what: String, line: String, key: String, words: String) throws {
        let field = String(line.split(separator: ":")[0])
        let broken = good.split(separator: "\n", omittingEmptySubsequences: false).map { existing -> String in
            let trimmed = existing.trimmingCharacters(in: .whitespaces)
            if field == "unitt", trimmed.hasPrefix("unit:") { return "  " + line }
            return trimmed.hasPrefix(field + ":") ? "  " + line : String(existing)
        }.joined(separator: "\n")
        let found = try #require(error(broken), "\(what) was accepted")
        #expect(found.key == key, "\(what): \(found)")
        #expect(found.description.contains(words), "\(what): \(found)")
        #expect(found.line != nil, "\(what): no line number")
        #expect(!found.description.contains("\n"))
    }

    @Test func aShareOfOnePointFour() throws {
        let text = """
        share:
          description: A share.
          unit: fraction
          value: 1.4
          evidence: illustrative
          notes: made up
        """
        let found = try #require(error(text))
        #expect(found.key == "share.value")
        #expect(found.line == 4)
        #expect(found.description.contains("between 0 and 1"))
    }

    @Test func aMissingSource() throws {
        let text = good.replacingOccurrences(of: "  source:\n    title: Acting Local\n    publisher: Human Trafficking Foundation\n    date: 2025-01\n", with: "")
        let found = try #require(error(text))
        #expect(found.key == "salary.source")
        #expect(found.description.contains("illustrative"))
    }

    @Test func aTabIndentedLine() throws {
        let found = try #require(error(good.replacingOccurrences(of: "  unit:", with: "\tunit:")))
        #expect(found.line == 3)
        #expect(found.description.contains("tab"))
    }

    @Test func aDuplicateKey() throws {
        let found = try #require(error(good + "salary:\n  description: again\n"))
        #expect(found.description.contains("duplicate"))
        #expect(found.line != nil)
    }

    @Test func aDistributionWithAMissingParameter() throws {
        let text = good.replacingOccurrences(of: "  evidence: sourced", with: """
          evidence: sourced
          distribution:
            kind: triangular
            minimum: 1
            maximum: 90000
        """)
        let found = try #require(error(text))
        #expect(found.key == "salary.distribution.mode")
    }

    @Test func aDistributionOutOfOrder() throws {
        let text = good.replacingOccurrences(of: "  evidence: sourced", with: """
          evidence: sourced
          distribution:
            kind: uniform
            minimum: 90000
            maximum: 1
        """)
        let found = try #require(error(text))
        #expect(found.description.contains("minimum < maximum"))
    }

    @Test func anIllustrativeValueWithoutReasoning() throws {
        let text = """
        guess:
          description: A guess.
          unit: ratio
          value: 2
          evidence: illustrative
        """
        let found = try #require(error(text))
        #expect(found.description.contains("notes"))
    }

    @Test func notAMappingAtAll() throws {
        let found = try #require(error("- just\n- a list\n"))
        #expect(found.description.contains("expected a mapping"))
    }

    @Test func aNameDefinedInTwoFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("msc-dup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try good.write(to: folder.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        try good.write(to: folder.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
        #expect(throws: InputError.self) { try AssumptionLoader.load(directory: folder.path) }
    }
}
