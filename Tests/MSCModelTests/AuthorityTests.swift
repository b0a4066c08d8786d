import Foundation
import Testing
import MSCTestSupport
@testable import MSCModel

/// The shipped `Assumptions/authorities.csv` (the shared data folder it was built from is not
/// part of the repository).
private let shippedPath = PackageRoot.file("Assumptions/authorities.csv")

private func shipped() throws -> AuthorityTable {
    try AuthorityTable.load(path: shippedPath)
}

private func message(_ body: () throws -> Void) -> String? { inputErrorMessage(body) }

@Suite("Shipped authorities table")
struct ShippedAuthorityTests {
    @Test func tierCounts() throws {
        let table = try shipped()
        #expect(table.authorities.count == 339)
        let counts = Dictionary(grouping: table.authorities, by: \.tier).mapValues(\.count)
        #expect(counts == [.county: 21, .district: 164, .unitary: 63, .metropolitanBorough: 36,
                           .londonBorough: 32, .cityOfLondon: 1, .welshPrincipal: 22])
        #expect(table.authorities.filter { $0.nation == "England" }.count == 317)
        #expect(table.authority(named: "Isles of Scilly")?.tier == .unitary)
    }

    @Test func policeForceAreasAndRegions() throws {
        let table = try shipped()
        #expect(table.policeForceAreas.count == 43)
        #expect(table.authorities.allSatisfy { $0.policeForceArea != nil && $0.policeForceAreaCode != nil })
        #expect(table.regions.count == 10)
        #expect(table.regions.first { $0.name == "Wales" }?.members.count == 22)
        let thamesValley = try #require(table.policeForceAreas.first { $0.name == "Thames Valley" })
        #expect(thamesValley.code == "E23000029")
        #expect(thamesValley.members.contains { $0.name == "Oxfordshire" })
        #expect(table.policeForceAreas.first { $0.name == "Metropolitan Police" }?.members.count == 32)
    }

    @Test func countyAreas() throws {
        let table = try shipped()
        let areas = table.countyAreas
        #expect(areas.count == 21)
        for area in areas {
            let county = try #require(area.countyCouncil)
            #expect(area.members.first == county)
            #expect(!area.districts.isEmpty)
            #expect(area.districts.reduce(0) { $0 + $1.population } == county.population, "\(area.name)")
            #expect(area.residentPopulation == county.population)
        }
        #expect(areas.reduce(0) { $0 + $1.districts.count } == 164)
        let kent = try #require(areas.first { $0.name == "Kent" })
        #expect(kent.districts.count == 12)
        #expect(kent.code == "E10000016")
    }

    @Test func countyAreaPostsCoverEveryAuthorityOnce() throws {
        let table = try shipped()
        let posts = table.countyAreaPosts
        #expect(posts.count == 175)
        #expect(posts.filter { $0.kind == .authority }.count == 154)
        let covered = posts.flatMap(\.members).map(\.code)
        #expect(covered.count == 339)
        #expect(Set(covered).count == 339)
    }

    @Test func everyDistrictHasItsCounty() throws {
        let table = try shipped()
        for district in table.authorities where district.tier == .district {
            let county = try #require(district.countyCode.flatMap(table.authority(code:)), "\(district.name)")
            #expect(county.tier == .county)
            #expect(county.name == district.county)
            #expect(county.policeForceArea == district.policeForceArea)
            #expect(county.region == district.region)
        }
        #expect(table.authorities.filter { $0.tier != .district }.allSatisfy { $0.county == nil && $0.countyCode == nil })
    }

    @Test func populations() throws {
        let table = try shipped()
        // ONS, Population estimates for England and Wales: mid-2024 (30 July 2025): 61,806,682.
        #expect(table.totalPopulation == 61_806_682)
        #expect(table.populationYear == 2024)
        #expect(table.authorities.filter { $0.tier.countsResidents }.count == 318)
        #expect(table.authorities.allSatisfy { $0.population > 0 && $0.populationYear == 2024 })
        #expect(table.authorities.allSatisfy { $0.populationStatus?.contains("mid2024") == true })
        // Figures printed in the ONS release (and by PA Media, 30 July 2025).
        #expect(table.authority(named: "Westminster")?.population == 209_996)
        #expect(table.authority(named: "Hartlepool")?.population == 98_180)
        #expect(table.authority(named: "City of London")?.population == 15_111)
        #expect(table.authorities.allSatisfy { !$0.hasMSC })
        #expect(table.regions.reduce(0) { $0 + $1.residentPopulation } == table.totalPopulation)
        #expect(table.policeForceAreas.reduce(0) { $0 + $1.residentPopulation } == table.totalPopulation)
    }

    @Test func lookups() throws {
        let table = try shipped()
        #expect(table.authority(code: "E10000016")?.name == "Kent")
        #expect(table.authority(code: "e07000110")?.name == "Maidstone")
        #expect(table.authority(code: "X") == nil)
        #expect(table.authority(named: "  maidstone ")?.code == "E07000110")
        #expect(table.authority(named: "Oadby & Wigston")?.tier == .district)
        #expect(table.authority(named: "Maidstone Borough Council")?.code == "E07000110")
        #expect(table.authority(named: "Nowhere") == nil)
    }

    @Test func filters() throws {
        let table = try shipped()
        #expect(table.filtered(county: "kent").count == 13)
        #expect(table.filtered(county: "E10000016").count == 13)
        #expect(table.filtered(tier: .district, county: "KENT").count == 12)
        #expect(table.filtered(county: "Medway").isEmpty)
        #expect(table.filtered(region: "wales").count == 22)
        #expect(table.filtered(tier: .londonBorough, region: "London").count == 32)
        #expect(table.filtered(policeForceArea: "devon & cornwall").contains { $0.name == "Isles of Scilly" })
        #expect(table.filtered(policeForceArea: "Kent").contains { $0.name == "Medway" })
        #expect(table.filtered(tier: .county, policeForceArea: "Sussex").map(\.name).sorted() == ["East Sussex", "West Sussex"])
        #expect(table.filtered().count == 339)
    }

    @Test func areasByName() throws {
        let table = try shipped()
        #expect(table.areaKinds(named: "kent") == [.countyArea, .policeForceArea, .authority])
        #expect(table.areaKinds(named: "West Midlands") == [.policeForceArea, .region])
        #expect(table.areaKinds(named: "Thames Valley") == [.policeForceArea])
        #expect(table.areaKinds(named: "Medway") == [.authority])
        #expect(table.areaKinds(named: "Atlantis").isEmpty)

        let kent = try table.area(named: "Kent")
        #expect(kent.kind == .countyArea && kent.members.count == 13)
        let kentForce = try table.area(named: "Kent", kind: .policeForceArea)
        #expect(kentForce.members.count == 14)
        #expect(try table.area(named: "West Midlands").kind == .policeForceArea)
        #expect(try table.area(named: "West Midlands", kind: .region).members.count == 33)
        #expect(try table.area(named: "E23000029").name == "Thames Valley")
        #expect(try table.area(named: "Medway").members.map(\.name) == ["Medway"])
    }

    @Test func unknownAreaListsNearMatches() throws {
        let table = try shipped()
        let typo = message { _ = try table.area(named: "Kentt") }
        #expect(typo?.contains("area: no county area, police force area, region or authority is called \"Kentt\"") == true)
        #expect(typo?.contains("Kent (county area)") == true)
        #expect(typo?.contains("Kent (police force area)") == true)
        let partial = message { _ = try table.area(named: "thames") }
        #expect(partial?.contains("Thames Valley (police force area)") == true)
        let nothing = message { _ = try table.area(named: "Atlantis") }
        #expect(nothing?.contains("nothing similar") == true)
        #expect(message { _ = try table.area(named: "Thames Valley", kind: .countyArea) }?
            .hasSuffix("area: \"Thames Valley\" is a police force area, not a county area") == true)
    }

    @Test func tierLabels() {
        #expect(AuthorityTier.londonBorough.label == "London borough")
        #expect(AuthorityTier(rawValue: "city_of_london") == .cityOfLondon)
        #expect(AuthorityTier.allCases.count == 7)
    }

    @Test func codableRoundTrip() throws {
        let authority = try #require(try shipped().authority(named: "Kent"))
        let decoded = try JSONDecoder().decode(Authority.self, from: JSONEncoder().encode(authority))
        #expect(decoded == authority)
    }
}

@Suite("Authorities table: strict loading")
struct StrictAuthorityTests {
    static let header = "code,name,official_name,tier,nation,region,county_code,county,police_force_area_code,police_force_area,population_mid2024,has_msc"
    static let kent = "E10000016,Kent,Kent County Council,county,England,South East,,,E23000032,Kent,1000,false"
    static let maidstone = "E07000110,Maidstone,Maidstone Borough Council,district,England,South East,E10000016,Kent,E23000032,Kent,1000,"

    private func load(_ lines: [String]) throws -> AuthorityTable {
        try AuthorityTable.parse(text: ([Self.header] + lines).joined(separator: "\n") + "\n", fileName: "a.csv")
    }

    @Test func smallValidTable() throws {
        let table = try load([Self.maidstone, Self.kent,
                              "W06000015,Cardiff,Cardiff Council,welsh_principal,Wales,Wales,,,W15000003,South Wales,\"362,310\",yes"])
        #expect(table.authorities.count == 3)
        #expect(table.authority(named: "Cardiff")?.hasMSC == true)
        #expect(table.authority(named: "Cardiff")?.population == 362_310)
        #expect(table.authority(named: "Maidstone")?.hasMSC == false)
        #expect(table.totalPopulation == 363_310)
        #expect(table.countyAreaPosts.count == 2)
    }

    @Test func unknownTier() {
        #expect(message { _ = try load([Self.kent.replacingOccurrences(of: ",county,", with: ",shire,")]) }?
            .hasPrefix("a.csv:2: tier: expected one of county, district,") == true)
    }

    @Test func duplicateCode() {
        let copy = Self.kent.replacingOccurrences(of: ",Kent,Kent County", with: ",Kent2,Kent County")
        #expect(message { _ = try load([Self.kent, copy]) } == "a.csv:3: code: duplicate code E10000016; first on line 2")
    }

    @Test func nonPositivePopulation() {
        let zero = Self.kent.replacingOccurrences(of: ",1000,", with: ",0,")
        #expect(message { _ = try load([zero]) } == "a.csv:2: population_mid2024: expected a positive whole number of residents, at most 100,000,000, found \"0\"")
        let text = Self.kent.replacingOccurrences(of: ",1000,", with: ",n/a,")
        #expect(message { _ = try load([text]) } == "a.csv:2: population_mid2024: expected a positive whole number of residents, at most 100,000,000, found \"n/a\"")
    }

    @Test func districtWithoutCounty() {
        let orphan = Self.maidstone.replacingOccurrences(of: "E10000016,Kent,E23", with: ",,E23")
        #expect(message { _ = try load([Self.kent, orphan]) }
            == "a.csv:3: county_code: a district needs the GSS code of its county council, found an empty field")
        let wrongParent = Self.maidstone.replacingOccurrences(of: "E10000016,Kent", with: "E10000099,Kent")
        #expect(message { _ = try load([Self.kent, wrongParent]) }
            == "a.csv:3: county_code: E10000099 is not the code of a county council in this table")
        let wrongName = Self.maidstone.replacingOccurrences(of: "E10000016,Kent", with: "E10000016,Surrey")
        #expect(message { _ = try load([Self.kent, wrongName]) }
            == "a.csv:3: county: expected \"Kent\" (the name of county E10000016), found \"Surrey\"")
        let otherRegion = Self.maidstone.replacingOccurrences(of: "South East", with: "London")
        #expect(message { _ = try load([Self.kent, otherRegion]) }
            == "a.csv:3: region: expected \"South East\", the region of county Kent, found \"London\"")
        let unitaryWithCounty = "E06000035,Medway,Medway Council,unitary,England,South East,E10000016,Kent,E23000032,Kent,1,false"
        #expect(message { _ = try load([Self.kent, unitaryWithCounty]) }
            == "a.csv:3: county_code: only districts have a parent county; leave it blank for a unitary authority")
    }

    @Test func missingPoliceForceArea() {
        let none = Self.kent.replacingOccurrences(of: "E23000032,Kent,", with: "E23000032,,")
        #expect(message { _ = try load([none]) }
            == "a.csv:2: police_force_area: expected the name of the police force area (Police Act 1996, Schedule 1), found an empty field")
        let clash = Self.maidstone.replacingOccurrences(of: "E23000032", with: "E23000099")
        #expect(message { _ = try load([Self.kent, clash]) }
            == "a.csv:3: police_force_area_code: police force area Kent has code E23000032 on line 2, here E23000099")
    }

    @Test func columnsChecked() {
        #expect(message { _ = try AuthorityTable.parse(text: "code,name\nE1,x\n", fileName: "a.csv") }?
            .hasPrefix("a.csv:1: official_name: missing column; the header has: code, name") == true)
        let extra = Self.header + ",hasmsc2"
        #expect(message { _ = try AuthorityTable.parse(text: extra + "\n" + Self.kent + ",x\n", fileName: "a.csv") }?
            .hasPrefix("a.csv:1: hasmsc2: unknown column; expected columns: code, name,") == true)
    }

    @Test func onePopulationYear() throws {
        #expect(try load([Self.kent]).authorities.first?.populationYear == 2024)
        let twoYears = Self.header.replacingOccurrences(of: "population_mid2024,", with: "population_mid2020,population_mid2024,")
        #expect(message { _ = try AuthorityTable.parse(text: twoYears + "\n", fileName: "a.csv") }
            == "a.csv:1: population_mid2020: 2 population columns (population_mid2020, population_mid2024); expected one, so that no calculation mixes years")
        let unnamed = Self.header.replacingOccurrences(of: "population_mid2024,", with: "population,")
        #expect(message { _ = try AuthorityTable.parse(text: unnamed + "\n", fileName: "a.csv") }
            == "a.csv:1: population_midYYYY: missing population column; expected one column named for its estimate's year, such as population_mid2024")
        let kent = Authority(code: "E10000016", name: "Kent", tier: .county, region: "South East", population: 1, populationYear: 2020)
        let medway = Authority(code: "E06000035", name: "Medway", tier: .unitary, region: "South East", population: 1, populationYear: 2024)
        #expect(message { _ = try AuthorityTable(authorities: [kent, medway]) }
            == "authorities: population_year: Kent has a mid-2020 population and Medway mid-2024; expected one year for every authority")
    }

    @Test func badCodeNationAndFlag() {
        #expect(message { _ = try load([Self.kent.replacingOccurrences(of: "E10000016", with: "K1")]) }
            == "a.csv:2: code: expected an ONS GSS code such as E07000110, found \"K1\"")
        #expect(message { _ = try load([Self.kent.replacingOccurrences(of: "England", with: "Wales")]) }
            == "a.csv:2: nation: only Welsh principal councils are in Wales; a county council is in England")
        #expect(message { _ = try load([Self.kent.replacingOccurrences(of: ",false", with: ",maybe")]) }
            == "a.csv:2: has_msc: expected true or false, found \"maybe\"")
    }

    @Test func raggedRow() {
        #expect(message { _ = try load([Self.kent, "E07000110,Maidstone"]) }
            == "a.csv:3: expected 12 fields (one per column of the header), found 2")
    }
}

/// Names compare with case, accents, "&" and spacing folded, on the ASCII fast path and off it.
@Test func nameKeysFoldCaseAccentsAmpersandsAndSpaces() {
    #expect(AuthorityTable.nameKey("Brighton & Hove") == "brighton and hove")
    #expect(AuthorityTable.nameKey("  Brighton  and   HOVE ") == "brighton and hove")
    #expect(AuthorityTable.nameKey("Ynys Môn") == "ynys mon")
    #expect(AuthorityTable.nameKey("Ynys Môn") == AuthorityTable.nameKey("YNYS MON"))
    #expect(AuthorityTable.nameKey("Rhondda Cynon Taf & Merthyr") == "rhondda cynon taf and merthyr")
    #expect(AuthorityTable.nameKey("&Hove&") == "and hove and")
}

/// The byte-by-byte key of an ASCII name is what lower-casing, spelling out "&" and splitting into
/// words with the standard library and Foundation gives, on random names of letters, "&" and every
/// ASCII white space.
@Test func asciiNameKeysAgreeWithTheGeneralFolding() {
    var state: UInt64 = 12345
    let alphabet = Array("aZ& \t\n\r\u{0B}\u{0C}-'.Mx".unicodeScalars)
    for _ in 0..<2000 {
        var name = ""
        state = state &* 6364136223846793005 &+ 1442695040888963407
        for _ in 0..<Int(state >> 60) {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            name.unicodeScalars.append(alphabet[Int(state >> 33) % alphabet.count])
        }
        let expected = name.lowercased().replacingOccurrences(of: "&", with: " and ")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(AuthorityTable.nameKey(name) == expected, "\(name.debugDescription)")
    }
}

/// The population column is `population_midYYYY`, four digits, nothing either side.
@Test func populationColumnsAreNamedForTheirYear() {
    #expect(AuthorityTable.populationYear(ofColumn: "population_mid2024") == 2024)
    #expect(AuthorityTable.populationYear(ofColumn: "population_mid1991") == 1991)
    for name in ["population_mid24", "population_mid20245", "population_mid202a", "Population_mid2024",
                 "xpopulation_mid2024", "population_mid2024 ", "population_mid", "population_mid٢٠٢٤"] {
        #expect(AuthorityTable.populationYear(ofColumn: name) == nil, "\(name)")
    }
}

/// A council found by code or name; a typo in either gives near matches, nearest first.
@Test func authoritiesResolveByCodeOrNameWithNearMatches() throws {
    let table = try AuthorityTable.load(path: PackagePaths.assumptions + "/authorities.csv")
    #expect(try table.resolve("camden").code == "E09000007")
    #expect(try table.resolve("E09000007").name == "Camden")
    do {
        _ = try table.resolve("E0900007")      // a digit missing
        Issue.record("a missing digit was resolved")
    } catch {
        #expect(error.nearMatches.contains { $0.code == "E09000007" })
        #expect(error.message.contains("Camden (E09000007)"))
    }
    do {
        _ = try table.resolve("Atlantis")
        Issue.record("an unknown name was resolved")
    } catch {
        #expect(error.nearMatches.isEmpty && error.message.contains("give an ONS code"))
    }
}
