import ArgumentParser
import Foundation
import MSCModel
import MSCReport
import MSCSimulation
import MSCUseCases

/// `msc share SCENARIO --area NAME`: what each council in an area pays for the posts serving it.
struct ShareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "share",
        abstract: "Each council's share of a shared post, what each funder pays and what the council pays itself, against a post of its own.",
        discussion: """
        Example: msc share Scenarios/county-shared.yaml --area Kent lists Kent County Council and its 12 districts: \
        each one's share of the shared post, what each funder pays of it, what the council pays from its own budget, \
        and the same for a post of its own under the same funding; then what each buys: coverage, additional \
        identifications a year and the cost of each. The area is a county, police force area, region or single \
        council. The cost options of msc cost (--salary, --pension, --operational-budget, ...) apply to both posts.
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
    @OptionGroup var cost: CostOptions

    func validate() throws {
        try checkNameOption("--area", area)

        if let areaKind, AreaKind(scenarioWord: areaKind) == nil {
            throw ValidationError("--area-kind must be one of county-area, police-force-area, region, authority")
        }
        if area.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--area needs a name, e.g. --area Kent") }
    }

    func run() throws {
        try ScenarioRuns.noteUnusedSettings(common, output: .cashCost)
        let plan = try ScenarioRuns.load(scenario, common: common)
        let authorities = try common.loadAuthorities()
        // The scenario's basis: its price base year, the salary brought forward to it.
        let basis = try cost.basis(plan.assumptions, scenario: plan.scenario)
        let report: ShareReport
        do {
            report = try ShareAcrossArea.run(ShareAcrossArea.Request(
                plan: plan, authorities: authorities, area: area, kind: areaKind.flatMap(AreaKind.init(scenarioWord:)),
                basis: basis, rates: cost.rates(basis), ownPostFTE: cost.fte, ownPostOperationalBudget: cost.operationalBudget))
        } catch let error as InputError where error.key == "area" {
            // The name came from the command line, not from the authorities file.
            throw CommandFailure(message: "--area \(area): \(error.message)")
        }
        emit(report, format: common.format)
    }
}
