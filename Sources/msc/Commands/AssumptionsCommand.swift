import ArgumentParser
import MSCModel
import MSCReport

/// `msc assumptions`: every default with value, unit, distribution and source.
struct AssumptionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assumptions",
        abstract: "List every assumption with its value, unit, distribution and source.")

    @OptionGroup var common: CommonOptions

    @Option(help: ArgumentHelp("Show only assumptions whose name contains this text.", valueName: "text"))
    var name: String?

    @Flag(help: "Show only values with no source (marked illustrative).")
    var illustrative = false

    @Option(help: ArgumentHelp("Show how a derived assumption is computed, step by step (identificationRateRatio).", valueName: "name"))
    var explain: String?

    func validate() throws {
        try checkNameOption("--name", name)
        try checkNameOption("--explain", explain)
    }

    func run() throws {
        if let explain {
            guard explain == "identificationRateRatio" else {
                throw ValidationError("--explain knows identificationRateRatio (derived when the assumptions are loaded); found \(explain)")
            }
            let shipped = try AssumptionLoader.load(directory: common.assumptionsDirectory)
            if shipped.byName[explain] != nil {
                throw CommandFailure(message: "\(explain) is defined in \(common.assumptionsDirectory), so it is not derived; see msc assumptions --name \(explain)")
            }
            let derivation = try RateRatioDerivation.derive(assumptions: shipped, authorities: try common.loadAuthorities())
            let table = RateRatioReport.table(derivation)
            emit(table.rendered(as: common.format))
            return
        }
        let set = try common.loadAssumptions()
        var list = set.all
        if let name { list = list.filter { $0.name.localizedCaseInsensitiveContains(name) } }
        if illustrative { list = list.filter { $0.evidence == .illustrative } }
        if common.format == .json {
            emit(JSONText.write(AssumptionsReport.json(list)))
        } else {
            // A terminal gets short sources (the full citations are in csv, md and json).
            var table = AssumptionsReport.table(list, title: "Assumptions in \(set.location) (\(list.count))",
                                                fullCitations: common.format != .table)
            if common.format == .table {
                // Cut to the terminal's width: the full text is in md, csv and json.
                table.columns.removeLast()
                table.rows = table.rows.map { Array($0.dropLast()) }
                table = table.fitted(toWidth: terminalWidth)
                table.notes.append("Cut (…) to fit the terminal; descriptions and full text: --format md, csv or json.")
            }
            emit(table.rendered(as: common.format))
        }
    }
}
