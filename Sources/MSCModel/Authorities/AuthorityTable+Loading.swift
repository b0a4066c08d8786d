import Foundation

extension AuthorityTable {
    /// The columns of `authorities.csv` that must be present, besides the one population column.
    public static let requiredColumns = [
        "code", "name", "official_name", "tier", "nation", "region", "county_code", "county",
        "police_force_area_code", "police_force_area", "has_msc",
    ]
    /// Columns that may be present; any other column is an error (a misspelt column must not be
    /// silently ignored).
    public static let optionalColumns = ["population_status"]

    /// The population column is named for its estimate's year (`population_mid2024`), so the year
    /// travels with the numbers and a table cannot carry two years to mix in one share.
    static let populationColumnPrefix = "population_mid"

    /// The year of a column named `population_midYYYY` (four ASCII digits), else nil. Matched by
    /// hand: a regular expression is compiled anew for every column and took a tenth of loading.
    static func populationYear(ofColumn name: String) -> Int? {
        guard name.hasPrefix(populationColumnPrefix) else { return nil }
        let digits = name.utf8.dropFirst(populationColumnPrefix.utf8.count)
        guard digits.count == 4, digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }

    /// The name and year of the one population column in `header`, or an error naming the header.
    static func populationColumn(in table: CSVTable) throws -> (name: String, year: Int) {
        let found = table.header.compactMap { name -> (String, Int)? in
            populationYear(ofColumn: name).map { (name, $0) }
        }
        guard found.count == 1, let (name, year) = found.first, (1991...2100).contains(year) else {
            let message = found.isEmpty
                ? "missing population column; expected one column named for its estimate's year, such as population_mid2024"
                : "\(found.count) population columns (\(found.map(\.0).joined(separator: ", "))); expected one, so that no calculation mixes years"
            throw InputError(file: table.file, line: 1, key: found.first?.0 ?? "population_midYYYY", message: message)
        }
        return (name, year)
    }

    /// Reads an authorities CSV strictly. Each problem is an ``InputError`` naming the line and
    /// column: an unknown tier, a duplicate code or name, a population that is not a positive
    /// whole number, a district without a county council in the table (or any other tier with
    /// one), a district in another region than its county, a missing police force area, or a
    /// police force area with two different codes.
    ///
    /// `has_msc` may be blank (false); `official_name` may be blank (the name is used).
    public static func load(path: String) throws -> AuthorityTable {
        try read(CSVTable.load(path: path))
    }

    /// Parses authorities CSV text; `fileName` names it in errors.
    public static func parse(text: String, fileName: String) throws -> AuthorityTable {
        try read(CSVTable.parse(text: text, fileName: fileName))
    }

    private static func read(_ table: CSVTable) throws -> AuthorityTable {
        for name in requiredColumns { _ = try table.column(name) }
        let populationColumn = try populationColumn(in: table)
        try table.checkColumns(required: requiredColumns + [populationColumn.name], optional: optionalColumns)
        // With no rows every command would run and report £0: an empty table is a broken file.
        guard !table.rows.isEmpty else {
            throw InputError(file: table.file, line: 1, message: "the header is the only line; expected one row per authority below it")
        }
        var authorities: [Authority] = []
        var lines: [Int] = []
        var firstLineOfCode: [String: Int] = [:]
        var firstLineOfName: [String: Int] = [:]
        var forceCodes: [String: (code: String, line: Int)] = [:]

        for row in table.rows {
            let code = try table.text("code", in: row).uppercased()
            guard code.count == 9, code.first == "E" || code.first == "W",
                  code.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw table.error("expected an ONS GSS code such as E07000110, found \(CSVTable.shown(code))",
                                  column: "code", in: row)
            }
            if let first = firstLineOfCode.updateValue(row.line, forKey: code) {
                throw table.error("duplicate code \(code); first on line \(first)", column: "code", in: row)
            }
            let name = try table.text("name", in: row)
            if let first = firstLineOfName.updateValue(row.line, forKey: nameKey(name)) {
                throw table.error("duplicate name \"\(name)\"; first on line \(first)", column: "name", in: row)
            }
            let tier = try table.choice(AuthorityTier.self, "tier", in: row)
            let nation = try table.text("nation", in: row)
            guard nation == "England" || nation == "Wales" else {
                throw table.error("expected England or Wales, found \(CSVTable.shown(nation))", column: "nation", in: row)
            }
            guard (tier == .welshPrincipal) == (nation == "Wales") else {
                throw table.error(tier == .welshPrincipal
                                      ? "a Welsh principal council must have nation Wales, found \(nation)"
                                      : "only Welsh principal councils are in Wales; a \(tier.label.lowercased()) is in England",
                                  column: "nation", in: row)
            }
            let region = try table.text("region", in: row)
            let countyCode = try table.optionalText("county_code", in: row)?.uppercased()
            let county = try table.optionalText("county", in: row)
            if tier == .district {
                guard countyCode != nil else {
                    throw table.error("a district needs the GSS code of its county council, found an empty field",
                                      column: "county_code", in: row)
                }
                guard county != nil else {
                    throw table.error("a district needs the name of its county council, found an empty field",
                                      column: "county", in: row)
                }
            } else if countyCode != nil || county != nil {
                throw table.error("only districts have a parent county; leave it blank for a \(tier.label.lowercased())",
                                  column: countyCode != nil ? "county_code" : "county", in: row)
            }
            let force = try table.optionalText("police_force_area", in: row)
            guard let force else {
                throw table.error("expected the name of the police force area (Police Act 1996, Schedule 1), found an empty field",
                                  column: "police_force_area", in: row)
            }
            let forceCode = try table.optionalText("police_force_area_code", in: row)?.uppercased()
            if let forceCode {
                if let known = forceCodes[force], known.code != forceCode {
                    throw table.error("police force area \(force) has code \(known.code) on line \(known.line), here \(forceCode)",
                                      column: "police_force_area_code", in: row)
                }
                forceCodes[force] = forceCodes[force] ?? (forceCode, row.line)
            }
            let residents = MSCModel.Unit.people.plausibleRange
            let population = try table.integer(populationColumn.name, in: row,
                                               expected: "a positive whole number of residents, at most \(InputBounds.shown(residents.upperBound))") {
                $0 > 0 && residents.contains(Double($0))
            }
            let hasMSC = try table.bool("has_msc", in: row, empty: false)
            authorities.append(Authority(
                code: code, name: name, officialName: try table.optionalText("official_name", in: row) ?? name,
                tier: tier, nation: nation, region: region, countyCode: countyCode, county: county,
                policeForceAreaCode: forceCode, policeForceArea: force,
                population: population, populationYear: populationColumn.year, hasMSC: hasMSC,
                populationStatus: try table.optionalText("population_status", in: row)))
            lines.append(row.line)
        }

        // Parents are checked once every row is read, so a district may come before its county.
        let byCode = Dictionary(authorities.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        for (authority, line) in zip(authorities, lines) where authority.tier == .district {
            let parent = authority.countyCode.flatMap { byCode[$0] }
            guard let parent, parent.tier == .county else {
                throw InputError(file: table.file, line: line, key: "county_code",
                                 message: "\(authority.countyCode ?? "") is not the code of a county council in this table")
            }
            guard nameKey(parent.name) == nameKey(authority.county ?? "") else {
                throw InputError(file: table.file, line: line, key: "county",
                                 message: "expected \"\(parent.name)\" (the name of county \(parent.code)), found \"\(authority.county ?? "")\"")
            }
            // Two-tier counties lie wholly within one region, so region filters agree with county areas.
            guard parent.region == authority.region else {
                throw InputError(file: table.file, line: line, key: "region",
                                 message: "expected \"\(parent.region)\", the region of county \(parent.name), found \"\(authority.region)\"")
            }
        }
        return try AuthorityTable(authorities: authorities, file: table.file)
    }
}
