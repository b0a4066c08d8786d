/// One council of England or Wales, as the model sees it.
///
/// The 339 authorities ship in `Assumptions/authorities.csv` (see `authorities.SOURCES.md`);
/// ``AuthorityTable`` loads them.
///
/// ```swift
/// let kent = table.authority(code: "E10000016")!
/// kent.tier.label   // "County council"
/// ```
public struct Authority: Sendable, Codable, Equatable, Hashable {
    /// ONS GSS code, e.g. `E07000110` (letter, then 8 digits).
    public let code: String
    /// Everyday name, e.g. "Maidstone".
    public let name: String
    /// The council's formal name, e.g. "Maidstone Borough Council".
    public let officialName: String
    /// County, district, unitary and so on.
    public let tier: AuthorityTier
    /// "England" or "Wales".
    public let nation: String
    /// One of the 9 English regions, or "Wales".
    public let region: String
    /// GSS code of the parent county council; set for districts only.
    public let countyCode: String?
    /// Name of the parent county council; set for districts only.
    public let county: String?
    /// GSS code of the police force area (ONS PFA, Dec 2023), e.g. `E23000032`.
    public let policeForceAreaCode: String?
    /// Name of the police force area, e.g. "Kent", "Thames Valley".
    public let policeForceArea: String?
    /// Resident population in `populationYear`. For a county this equals the sum of its districts,
    /// so totals must not add both: see ``AuthorityTier/countsResidents``.
    public let population: Int
    /// The mid-year of the population estimate (2024 in the shipped table; one year for every row).
    public let populationYear: Int
    /// Whether the authority employs a Modern Slavery Coordinator today. All false in the shipped
    /// table: the evidence does not name the posts, so scenarios flag them.
    public let hasMSC: Bool
    /// How the population figure was obtained and how sure it is, e.g. `ons_mid2024_secondary_code_files`.
    public let populationStatus: String?

    public init(code: String, name: String, officialName: String? = nil, tier: AuthorityTier,
                nation: String = "England", region: String,
                countyCode: String? = nil, county: String? = nil,
                policeForceAreaCode: String? = nil, policeForceArea: String? = nil,
                population: Int, populationYear: Int = 2024, hasMSC: Bool = false,
                populationStatus: String? = nil) {
        self.code = code
        self.name = name
        self.officialName = officialName ?? name
        self.tier = tier
        self.nation = nation
        self.region = region
        self.countyCode = countyCode
        self.county = county
        self.policeForceAreaCode = policeForceAreaCode
        self.policeForceArea = policeForceArea
        self.population = population
        self.populationYear = populationYear
        self.hasMSC = hasMSC
        self.populationStatus = populationStatus
    }

    /// A copy with ``hasMSC`` set, for scenarios that flag the existing posts.
    public func with(hasMSC: Bool) -> Authority {
        Authority(code: code, name: name, officialName: officialName, tier: tier, nation: nation,
                  region: region, countyCode: countyCode, county: county,
                  policeForceAreaCode: policeForceAreaCode, policeForceArea: policeForceArea,
                  population: population, populationYear: populationYear, hasMSC: hasMSC,
                  populationStatus: populationStatus)
    }

    /// Residents of `authorities` without double counting: county councils are left out because
    /// their residents are already counted in their districts.
    public static func residentPopulation<S: Sequence>(of authorities: S) -> Int where S.Element == Authority {
        authorities.reduce(0) { $0 + ($1.tier.countsResidents ? $1.population : 0) }
    }
}
