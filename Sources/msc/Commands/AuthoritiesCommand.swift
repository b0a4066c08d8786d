import ArgumentParser
import Foundation
import MSCModel
import MSCReport

/// `msc authorities`: the 339 authorities, filtered by tier, region, county or police force area.
struct AuthoritiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "authorities",
        abstract: "List the 339 local authorities of England and Wales, with filters.")

    @OptionGroup var common: CommonOptions

    @Option(help: ArgumentHelp("Only this tier: county, district, unitary, metropolitan_borough, london_borough, city_of_london, welsh_principal.", valueName: "tier"))
    var tier: String?

    @Option(help: ArgumentHelp("Only this region (e.g. \"South East\", Wales).", valueName: "name"))
    var region: String?

    @Option(help: ArgumentHelp("Only this county and its districts (e.g. Kent).", valueName: "name"))
    var county: String?

    @Option(name: .customLong("police-force-area"), help: ArgumentHelp("Only authorities in this police force area.", valueName: "name"))
    var policeForceArea: String?

    @Option(help: ArgumentHelp("The councils in force in this financial year (e.g. 2027-28: Surrey's 12 councils replaced by East and West Surrey), from Assumptions/reorganisations.csv.", valueName: "year"))
    var year: String?

    func validate() throws {
        try checkNameOption("--tier", tier)
        try checkNameOption("--region", region)
        try checkNameOption("--county", county)
        try checkNameOption("--police-force-area", policeForceArea)
        if let year, FinancialYear(year) == nil { throw ValidationError("--year \(year): expected a financial year such as 2027-28") }
    }

    func run() throws {
        let structure = try AuthorityStructure.load(assumptionsDirectory: common.assumptionsDirectory)
        let inForce = year.flatMap(FinancialYear.init)
        let table = try inForce.map { try structure.table(in: $0) } ?? structure.base
        var tierFilter: AuthorityTier?
        if let tier {
            guard let parsed = AuthorityTier(rawValue: tier) else {
                throw CommandFailure(message: "--tier \(tier): expected one of \(AuthorityTier.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            tierFilter = parsed
        }
        let list = table.filtered(tier: tierFilter, region: region, county: county, policeForceArea: policeForceArea)
        // An empty list is an answer when the names exist but the filters do not overlap (Kent has
        // no unitary councils); it is a mistake when a name matches nothing at all.
        // Each name on its own first, so the message names the option that matches nothing.
        let filters: [(option: String, value: String?, kind: AreaKind, matches: (String) -> [Authority])] = [
            ("--region", region, .region, { table.filtered(region: $0) }),
            ("--county", county, .countyArea, { table.filtered(county: $0) }),
            ("--police-force-area", policeForceArea, .policeForceArea, { table.filtered(policeForceArea: $0) }),
        ]
        for filter in filters {
            guard let value = filter.value, filter.matches(value).isEmpty else { continue }
            let near = table.nearMatches(for: value, kinds: [filter.kind]).prefix(5).joined(separator: "; ")
            throw CommandFailure(message: "\(filter.option) \"\(value)\": no authority is in an area of that name; "
                                 + (near.isEmpty ? "see msc authorities for the names" : "near matches: \(near)"))
        }
        let report = AuthorityListReport(authorities: list, table: table, reorganisations: structure.reorganisations,
                                         inForce: inForce)
        emit(report, format: common.format)
    }
}
