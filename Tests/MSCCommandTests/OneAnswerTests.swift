import Foundation
import Testing
import MSCTestSupport

/// One question, one answer: a figure asked for in two places (two commands, a command and the
/// pack) is the same figure, under the same label, computed once.
@Suite(.serialized) struct OneAnswerTests {
    static func object(_ arguments: [String]) throws -> [String: Any] {
        try #require(try MSCBinary.json(arguments) as? [String: Any])
    }

    static func council(_ name: String, in share: [String: Any]) throws -> [String: Any] {
        let councils = try #require(share["councils"] as? [[String: Any]])
        return try #require(councils.first { $0["name"] as? String == name }, "no \(name) in \(councils.map { $0["name"] ?? "" })")
    }

    /// The fields of one CSV line (RFC 4180 quoting; no line breaks inside a field here).
    static func fields(_ line: String) -> [String] {
        var fields: [String] = [], field = "", quoted = false
        var characters = Array(line.hasPrefix("\u{FEFF}") ? String(line.dropFirst()) : line)[...]
        while let character = characters.popFirst() {
            switch (character, quoted) {
            case ("\"", true) where characters.first == "\"": field.append("\""); characters.removeFirst()
            case ("\"", _): quoted.toggle()
            case (",", false): fields.append(field); field = ""
            default: field.append(character)
            }
        }
        return fields + [field]
    }

    /// A council's additional identifications are net of displacement in `msc share` as in the
    /// model: with displacement at its shipped 25% the figure is exactly 75% of the figure with no
    /// displacement (a gross figure under the same label would not move at all).
    @Test func aCouncilsAdditionalIdentificationsAreNetOfDisplacement() throws {
        let arguments = ["share", "Scenarios/county-shared.yaml", "--area", "Kent", "--format", "json"]
        let net = try Self.council("Kent", in: try Self.object(arguments))
        let gross = try Self.council("Kent", in: try Self.object(arguments + ["--set", "displacementShare=0"]))
        let netValue = try #require(net["additionalIdentificationsPerYear"] as? Double)
        let grossValue = try #require(gross["additionalIdentificationsPerYear"] as? Double)
        #expect(grossValue > 0)
        // Assumptions/impact.yaml: displacementShare 0.25.
        #expect(abs(netValue / grossValue - 0.75) < 1e-12, "net \(netValue), gross \(grossValue)")
        let text = try MSCBinary.run(Array(arguments.dropLast(2)))
        #expect(text.stdout.contains("net of displacement"))
    }

    /// The same council's figure in `msc share` and in the evidence pack's authority table.
    @Test func shareAndThePackGiveACouncilOneFigure() throws {
        let share = try Self.council("Kent", in: try Self.object(["share", "Scenarios/county-shared.yaml", "--area", "Kent",
                                                                  "--format", "json"]))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("one-answer-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let export = try MSCBinary.run(["export", "Scenarios/county-shared.yaml", "--out", folder.path, "--format", "csv",
                                        "--runs", "200"])
        #expect(export.status == 0, "\(export.stderr)")
        let csv = try String(contentsOf: folder.appendingPathComponent("authorities.csv"), encoding: .utf8)
        let lines = csv.split(whereSeparator: \.isNewline).map(String.init)
        let header = Self.fields(try #require(lines.first))
        let column = try #require(header.firstIndex { $0.hasPrefix("Additional identifications") }, "\(header)")
        #expect(header[column].contains("net of displacement"), "\(header[column])")
        let kent = try #require(lines.first { $0.contains(",E10000016,") }, "no Kent row")
        let packValue = try #require(Double(Self.fields(kent)[column]))
        let shareValue = try #require(share["additionalIdentificationsPerYear"] as? Double)
        // The CSV keeps 12 significant digits.
        #expect(abs(packValue - shareValue) <= 1e-11 * shareValue, "pack \(packValue), share \(shareValue)")
    }

    /// The public health grant is DHSC's grant to upper-tier councils, not a council's own money:
    /// under local-mix (core budget 50%, PCC 30%, public health 20%) councils pay 50% themselves,
    /// the grant has a column of its own, and the notes say whose grant it is.
    @Test func thePublicHealthGrantIsAFunderOfItsOwn() throws {
        let share = try Self.object(["share", "Scenarios/local-mix.yaml", "--area", "Kent", "--format", "json"])
        #expect(abs((share["councilBudgetShare"] as? Double ?? 0) - 0.5) < 1e-12)
        let maidstone = try Self.council("Maidstone", in: share)
        let gross = try #require(maidstone["grossAnnualCost"] as? Double)
        let paidBy = try #require(maidstone["paidBy"] as? [String: Double])
        #expect(abs((paidBy["public-health"] ?? -1) - gross * 0.2) <= 0.01)
        #expect(abs((paidBy["police-and-crime-commissioner"] ?? -1) - gross * 0.3) <= 0.01)
        #expect(abs((maidstone["netAnnualCost"] as? Double ?? -1) - gross * 0.5) <= 0.01)
        let text = try MSCBinary.run(["share", "Scenarios/local-mix.yaml", "--area", "Kent"])
        #expect(text.stdout.contains("Department of Health and Social Care"))
        #expect(text.stdout.contains("councils' own core budgets 50%"))
        #expect(!text.stdout.contains("own budgets 70%"))
    }

    /// Three costs for one post, reconciled: `msc share` and `msc funding` name both bases and
    /// agree; the cash cost is `msc cost`'s at the scenario's tax year, the full economic cost adds
    /// the apprenticeship levy (0.5%) and overheads (20%) of salary, and the funders' costs in
    /// `msc funding` are at full economic cost.
    @Test func aPostsCostNamesItsBasisAndReconciles() throws {
        let share = try Self.object(["share", "Scenarios/national-rollout.yaml", "--area", "Kent", "--format", "json"])
        let funding = try Self.object(["funding", "Scenarios/national-rollout.yaml", "--runs", "200", "--format", "json"])
        let shareBases = try #require(share["postCostBases"] as? [String: Any])
        let fundingBases = try #require(funding["postCostBases"] as? [String: Any])
        #expect(NSDictionary(dictionary: shareBases).isEqual(to: fundingBases))
        #expect(share["costBasis"] as? String == "council's cash cost")
        #expect(funding["costBasis"] as? String == "full economic cost")
        let cash = try #require(shareBases["cashPerFullTimePost"] as? Double)
        let full = try #require(shareBases["fullEconomicPerFullTimePost"] as? Double)
        let cost = try Self.object(["cost", "--tax-year", "2026-27", "--format", "json"])
        #expect(abs(cash - (cost["total"] as? Double ?? 0)) < 0.006, "cash \(cash), msc cost \(cost["total"] ?? "")")
        let salary = try #require(cost["salary"] as? Double)
        // Assumptions/appraisal.yaml: appraisalApprenticeshipLevyRate 0.005, appraisalOverheadRate 0.2.
        #expect(abs(full - cash - salary * 0.205) < 0.02, "full \(full), cash \(cash), salary \(salary)")
        let yearly = try #require(funding["allPostsCostByYear"] as? [Double])
        let posts = try #require(funding["posts"] as? Double)
        #expect(abs(yearly[0] / posts - full) < 0.01, "first year per post \(yearly[0] / posts), full economic \(full)")
        let text = try MSCBinary.run(["share", "Scenarios/national-rollout.yaml", "--area", "Kent"])
        #expect(text.stdout.contains("council's cash cost and the full economic cost"))
        let help = try MSCBinary.run(["cost", "--help"])
        #expect(help.stdout.contains("2025-26") && !help.stdout.contains("default: latest"))
    }

    /// `--set overheadRate` (the cash-cost rate) leaves the appraisal as it was, and says that the
    /// appraisal reads appraisalOverheadRate; that one moves it.
    @Test func aRateTheAppraisalDoesNotReadSaysWhichItDoes() throws {
        let base = ["run", "Scenarios/national-rollout.yaml", "--deterministic", "--format", "json"]
        let shipped = try #require(try Self.object(base)["npv"] as? Double)
        let cashRate = try MSCBinary.run(base + ["--set", "overheadRate=0.3"])
        #expect(cashRate.status == 0, "\(cashRate.stderr)")
        #expect(cashRate.stderr.contains("appraisalOverheadRate"), "\(cashRate.stderr)")
        let npv = try #require((try JSONSerialization.jsonObject(with: Data(cashRate.stdout.utf8)) as? [String: Any])?["npv"] as? Double)
        #expect(npv == shipped)
        let appraisalRate = try #require(try Self.object(base + ["--set", "appraisalOverheadRate=0.3"])["npv"] as? Double)
        #expect(appraisalRate < shipped)
    }

    /// One decision pipeline: the pack of status-quo, national-rollout and county-shared weighs
    /// the same three options as `msc decide` of the same files (county-shared's declared baseline,
    /// local-mix, is run beside it in the pack but is no option), with the same figures.
    @Test func thePacksDecisionIsMscDecides() throws {
        let files = ["Scenarios/status-quo.yaml", "Scenarios/national-rollout.yaml", "Scenarios/county-shared.yaml"]
        let run = ["--runs", "200", "--seed", "4"]
        let decide = try MSCBinary.run(["decide"] + files + run + ["--format", "csv"])
        #expect(decide.status == 0, "\(decide.stderr)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("one-answer-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let export = try MSCBinary.run(["export"] + files + ["--out", folder.path, "--format", "csv"] + run)
        #expect(export.status == 0, "\(export.stderr)")
        let options = try String(contentsOf: folder.appendingPathComponent("decide-options.csv"), encoding: .utf8)
        let packLines = options.split(whereSeparator: \.isNewline).map(String.init).map { $0.replacingOccurrences(of: "\u{FEFF}", with: "") }
        let decideLines = decide.stdout.split(whereSeparator: \.isNewline).map(String.init).map { $0.replacingOccurrences(of: "\u{FEFF}", with: "") }
        #expect(packLines.count == 4, "three options and a header: \(packLines)")
        #expect(Array(decideLines.prefix(packLines.count)) == packLines)
    }
}
