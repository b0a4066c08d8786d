import ArgumentParser
import Foundation
import MSCModel
import MSCReport

/// `msc training`: the three tiers of First Responder training for one authority or all of them,
/// with and without a coordinator.
struct TrainingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "training",
        abstract: "Three-tier staff training: people to reach, trained and cost a year, years to full coverage, with and without a coordinator.",
        discussion: """
        Tier 1 e-learning for all staff, Tier 2 face-to-face training for frontline staff and \
        councillors, Tier 3 advanced training for specialists who make NRM referrals (Middlesex \
        University / Anti-Slavery International framework, May 2025). A coordinator adds face-to-face \
        places (one trained 1,300 people in two and a half years: Acting Local, Jan 2025). Without \
        --authority, totals over all authorities, each with its own coordinator. A SCENARIO file \
        supplies its assumption overrides and horizon.
        """)

    @OptionGroup var common: CommonOptions

    @Argument(help: ArgumentHelp("Scenario file whose assumption overrides and horizon to use.", valueName: "scenario"))
    var scenario: String?

    @Option(help: ArgumentHelp("One authority by ONS code (E09000007) or exact name (Camden); default: all.", valueName: "code"))
    var authority: String?

    @Option(help: ArgumentHelp("Years to average over and run (default: the scenario's, else 10).", valueName: "years"))
    var horizon: Int?

    @Option(name: .customLong("coordinator-fte"),
            help: ArgumentHelp("Full-time equivalent of each authority's coordinator (default: the assumption 'fte').", valueName: "fte"))
    var coordinatorFTE: Double?

    /// The horizon when neither the command line nor a scenario gives one.
    static let defaultHorizonYears = 10

    func validate() throws {
        if let horizon, !(1...100).contains(horizon) { throw ValidationError("--horizon must be 1 to 100 years") }
        if let coordinatorFTE, !(coordinatorFTE > 0 && coordinatorFTE <= 20) {
            throw ValidationError("--coordinator-fte must be above 0 (1 = one full-time post)")
        }
    }

    func run() throws {
        var assumptions = try common.loadAssumptions()
        let table = try AuthorityTable.load(path: AuthorityTable.defaultPath())
        var years = horizon
        var scenarioName: String?
        if let scenario {
            let loaded = try Scenario.load(path: scenario, assumptions: assumptions, authorities: table)
            assumptions = loaded.assumptions
            years = years ?? loaded.scenario.horizonYears
            scenarioName = loaded.scenario.name
        }
        let taxYear = try PostCostRates.defaultTaxYear(in: assumptions)
        let training = try TrainingAssumptions(from: assumptions, authorities: table, taxYear: taxYear)
        let chosen = try authority.map { [try Self.resolve($0, in: table)] } ?? table.authorities
        let fte = try coordinatorFTE ?? assumptions.value("fte")
        let comparison = try TrainingComparison.compare(chosen, assumptions: training, coordinatorFTE: fte,
                                                        horizon: years ?? Self.defaultHorizonYears)
        let report = TrainingReport(comparison: comparison, assumptions: training, assumptionSet: assumptions,
                                    taxYear: taxYear, scenarioName: scenarioName)
        emit(report.rendered(as: common.format))
    }

    /// The authority with ONS code or exact name (case-insensitive) `text`, or a failure listing near matches.
    static func resolve(_ text: String, in table: AuthorityTable) throws -> Authority {
        if let found = table.authority(code: text) ?? table.authority(named: text) { return found }
        let byName = table.nearMatches(for: text, kinds: [.authority]).compactMap { label in
            table.authority(named: label.replacingOccurrences(of: " (authority)", with: ""))
        }
        // Codes are fixed-length: a code with one or two characters wrong is a near match.
        let key = text.trimmingCharacters(in: .whitespaces).uppercased()
        let byCode = table.authorities.filter { candidate in
            candidate.code.count == key.count && zip(candidate.code, key).filter { $0 != $1 }.count <= 2
        }
        var seen: Set<String> = []
        let near = (byName + byCode).filter { seen.insert($0.code).inserted }.prefix(10)
            .map { "\($0.name) (\($0.code))" }
        let hint = near.isEmpty
            ? "give an ONS code such as E09000007 or a council's name such as Camden"
            : "near matches: " + near.joined(separator: ", ")
        throw CommandFailure(message: "--authority \"\(text)\": no authority has that ONS code or name; \(hint)")
    }
}
