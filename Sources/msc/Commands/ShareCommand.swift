import ArgumentParser
import Foundation
import MSCModel
import MSCReport

/// `msc share SCENARIO --area NAME`: what each council in an area pays for the posts serving it.
struct ShareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "share",
        abstract: "Each council's share of a shared post's cost, its saving against a post of its own, and its coverage.",
        discussion: """
        Example: msc share Scenarios/county-shared.yaml --area Kent lists Kent County Council and its 12 districts: \
        what each pays a year for the shared post, what a post of its own would cost, the saving, and the coverage \
        each gets. The area is a county, police force area, region or single council.
        """)

    @Argument(help: "Scenario file, e.g. Scenarios/county-shared.yaml.")
    var scenario: String

    @Option(help: ArgumentHelp("A county (Kent), police force area (Thames Valley), region (South East) or council.", valueName: "name"))
    var area: String

    @Option(name: .customLong("area-kind"),
            help: ArgumentHelp("Which kind of area --area names when several share the name: county-area, police-force-area, region or authority.",
                               valueName: "kind"))
    var areaKind: String?

    @OptionGroup var common: CommonOptions

    func validate() throws {
        if let areaKind, AreaKind(scenarioWord: areaKind) == nil {
            throw ValidationError("--area-kind must be one of county-area, police-force-area, region, authority")
        }
        if area.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--area needs a name, e.g. --area Kent") }
    }

    func run() throws {
        let (loaded, authorities, deployment) = try common.loadScenario(scenario)
        let report: ShareReport
        do {
            report = try ShareReport(loaded: loaded, authorities: authorities, deployment: deployment, area: area,
                                     kind: areaKind.flatMap(AreaKind.init(scenarioWord:)))
        } catch let error as InputError where error.key == "area" {
            // The name came from the command line, not from the authorities file.
            throw CommandFailure(message: "--area \(area): \(error.message)")
        }
        emit(common.format == .json ? JSONText.write(report.json) : report.table.rendered(as: common.format))
    }
}
