import MSCModel

/// The councils `msc authorities` lists: one row each, with the source of the populations and,
/// for a later year, the reorganisations that made them.
public struct AuthorityListReport: Report {
    /// The councils listed (after any filters).
    public let authorities: [Authority]
    /// The table they were chosen from: its size and population year go in the title and notes.
    public let table: AuthorityTable
    /// The reorganisations of the shipped structure, oldest first.
    public let reorganisations: [Reorganisation]
    /// The financial year the councils are in force in, or nil for the table as published.
    public let inForce: FinancialYear?

    public init(authorities: [Authority], table: AuthorityTable, reorganisations: [Reorganisation], inForce: FinancialYear?) {
        self.authorities = authorities
        self.table = table
        self.reorganisations = reorganisations
        self.inForce = inForce
    }

    public var tables: [ReportTable] {
        var report = ReportTable(
            title: "Local authorities (\(authorities.count) of \(table.authorities.count)\(inForce.map { " in force in \($0)" } ?? ""))",
            columns: [.init("Code", key: "code"), .init("Name", key: "name"), .init("Tier", key: "tier"),
                      .init("Region", key: "region"), .init("County", key: "county"),
                      .init("Police force area", key: "policeForceArea"), .init("Population", key: "population"),
                      .init("Year", key: "populationYear")])
        for a in authorities {
            report.append([.text(a.code), .text(a.name), .text(a.tier.label), .text(a.region), .text(a.county ?? ""),
                           .text(a.policeForceArea ?? ""), .integer(a.population), .text(String(a.populationYear))])
        }
        report.notes = ["Populations are ONS mid-\(table.populationYear) estimates (Open Government Licence v3.0); a county's population is the sum of its districts'. Names, tiers and codes: mySociety (CC BY 4.0).",
                        "Sources and caveats: Assumptions/authorities.SOURCES.md."]
        if let inForce {
            for change in reorganisations where change.effective <= inForce {
                report.notes.append("From 1 April \(change.effective.startYear) (\(change.effective)), \(change.successorName) (\(change.successorCode)\(change.codeIsProvisional ? ", a provisional code: ONS had not assigned one" : "")) replaces \(change.predecessorCodes.count) councils (\(change.predecessorCodes.joined(separator: ", "))); its population is the sum of its predecessors' residents; \(change.status).")
            }
        } else if let next = reorganisations.first {
            report.notes.append("The councils as in \(next.effective.advanced(by: -1)) and earlier; from \(next.effective) some are replaced (Assumptions/reorganisations.csv): use --year to list a later year's councils.")
        }
        return [report]
    }

    public var json: JSONValue { AuthoritiesReport.json(authorities) }
}
