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
            emit(RateRatioReport.table(derivation), format: common.format)
            return
        }
        let set = try common.loadAssumptions()
        var list = set.all
        if let name { list = list.filter { $0.name.localizedCaseInsensitiveContains(name) } }
        if illustrative { list = list.filter { $0.evidence == .illustrative } }
        let report = AssumptionListReport(assumptions: list, title: "Assumptions in \(set.location) (\(list.count))",
                                          terminalWidth: terminalWidth)
        emit(report, format: common.format)
    }
}
