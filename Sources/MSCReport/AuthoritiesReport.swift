import MSCModel

/// The authorities table as data for scripts (`msc authorities --format json`, `GET /api/authorities`).
public enum AuthoritiesReport {
    /// One object per authority: code, name (short, e.g. "Maidstone"), official name ("Maidstone Borough Council"), tier, region, county, police force area, population
    /// (with its year and status: a successor's is `sum_of_predecessors_…`, with `_provisional_code`
    /// when ONS had not assigned its code) and whether it has a coordinator today.
    public static func json(_ authorities: [Authority]) -> JSONValue {
        .array(authorities.map { a in
            .object([("code", .string(a.code)), ("name", .string(a.name)), ("officialName", .string(a.officialName)), ("tier", .string(a.tier.rawValue)),
                     ("region", .string(a.region)), ("county", a.county.map { .string($0) } ?? .null),
                     ("policeForceArea", a.policeForceArea.map { .string($0) } ?? .null),
                     ("population", .number(Double(a.population))), ("populationYear", .number(Double(a.populationYear))),
                     ("hasMSC", .bool(a.hasMSC)), ("populationStatus", a.populationStatus.map { .string($0) } ?? .null)])
        })
    }
}
