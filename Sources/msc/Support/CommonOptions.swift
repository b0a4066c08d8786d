import ArgumentParser
import Foundation
import MSCModel
import MSCReport

extension TableFormat: ExpressibleByArgument {}

/// Options every command shares: where the assumptions are and how to write the output.
struct CommonOptions: ParsableArguments {
    @Option(help: "Output format: table, csv, md or json.")
    var format: TableFormat = .table

    @Option(help: ArgumentHelp("Folder of assumption files to use instead of the shipped Assumptions/.", valueName: "dir"))
    var assumptions: String?

    func validate() throws {
        if let assumptions, assumptions.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--assumptions: expected a folder of assumption files, found empty text")
        }
    }

    @Option(name: .customLong("set"), parsing: .singleValue,
            help: ArgumentHelp("Override an assumption for this run, e.g. --set pensionRate=0.2 (repeatable; wins over the scenario's overrides).",
                               valueName: "name=value"))
    var settingTexts: [String] = []

    /// The `--set` values, each split into name and value.
    func settings() throws -> [AssumptionSetting] { try settingTexts.map(AssumptionSetting.init(parsing:)) }

    /// The folder named by `--assumptions`, or the shipped `Assumptions/` (`MSC_ASSUMPTIONS`, the
    /// working folder, `share/msc` beside the executable, then the checkout it was built in).
    var assumptionsDirectory: String { assumptions ?? ShippedFiles.assumptionsDirectory() }

    /// The authority table that sits in the assumptions folder.
    var authoritiesPath: String { (assumptionsDirectory as NSString).appendingPathComponent("authorities.csv") }

    /// The assumption set named by `--assumptions`, or the shipped one, with the `--set` values.
    /// `identificationRateRatio` is derived from the facts and the authority table unless the folder defines it.
    func loadAssumptions() throws -> AssumptionSet {
        try AssumptionLoader.load(directory: assumptionsDirectory).applying(try settings(), authorities: try loadAuthorities())
    }

    /// The 339 authorities from the assumptions folder.
    func loadAuthorities() throws -> AuthorityTable {
        try AuthorityTable.load(path: authoritiesPath)
    }

    /// A scenario file with its overrides applied, the authorities and its deployment.
    func loadScenario(_ path: String) throws -> (loaded: LoadedScenario, authorities: AuthorityTable, deployment: Deployment) {
        let authorities = try loadAuthorities()
        let loaded = try Scenario.load(path: path, assumptions: try loadAssumptions(), authorities: authorities)
        let deployment = try Deployment.build(scenario: loaded.scenario, authorities: authorities, assumptions: loaded.assumptions)
        return (loaded, authorities, deployment)
    }
}

/// Refuses a name given on the command line (an area, an authority, a filter) longer than a
/// name can be (``InputBounds/nameCharacters``) or on more than one line.
func checkNameOption(_ option: String, _ value: String?) throws {
    guard let value else { return }
    guard value.count <= InputBounds.nameCharacters, !value.contains(where: \.isNewline) else {
        throw ValidationError("\(option): expected a name on one line of at most \(InputBounds.nameCharacters) characters, found \(value.count) characters")
    }
}

/// A command-level failure with a message for the user (not an input-file problem).
struct CommandFailure: Error {
    let message: String
}
