/// The population figures other assumptions rest on, computed from one authority table so that
/// every one of them uses the table's single estimate year (mid-2024 in the shipped table).
///
/// ```swift
/// let facts = PopulationFacts(table: table)
/// facts.residents                        // 61,806,682: England and Wales, counties not counted twice
/// facts.medianResidentCountingPopulation // the middle of the 318 councils that count residents
/// ```
public struct PopulationFacts: Sendable, Equatable {
    /// The mid-year of the estimates.
    public let year: Int
    /// Residents of England and Wales: the sum over every council except county councils, whose
    /// residents are counted in their districts.
    public let residents: Int
    /// How many councils count residents in their own right (every tier but county).
    public let residentCountingCouncils: Int
    /// The median population of those councils (the mean of the middle pair when even).
    public let medianResidentCountingPopulation: Double
    /// How many councils have adult social care duties (counties and every single-tier council:
    /// every tier but district).
    public let adultSocialCareCouncils: Int
    /// Mean population of a council with adult social care duties (a county counts all its
    /// districts' residents).
    public let meanAdultSocialCarePopulation: Double
    /// Sum of every council's population, counties included (a county and its districts both
    /// count the same residents): the base of "the mean population of a council".
    public let populationOfEveryCouncil: Int
    /// How many councils in all.
    public let councils: Int

    public init(table: AuthorityTable) {
        let all = table.authorities
        year = all.first?.populationYear ?? 0
        let counting = all.filter { $0.tier.countsResidents }.map(\.population).sorted()
        residents = counting.reduce(0, +)
        residentCountingCouncils = counting.count
        let middle = counting.count / 2
        medianResidentCountingPopulation = counting.isEmpty ? 0
            : counting.count % 2 == 1 ? Double(counting[middle])
            : Double(counting[middle - 1] + counting[middle]) / 2
        let careCouncils = all.filter { $0.tier != .district }
        adultSocialCareCouncils = careCouncils.count
        meanAdultSocialCarePopulation = careCouncils.isEmpty ? 0
            : Double(careCouncils.reduce(0) { $0 + $1.population }) / Double(careCouncils.count)
        populationOfEveryCouncil = all.reduce(0) { $0 + $1.population }
        councils = all.count
    }

    /// Mean population of `hosts` councils with adult social care duties (the typical mix) over the
    /// mean population of the other councils, all tiers counted.
    public func hostPopulationRatio(hosts: Int) -> Double {
        let hostMean = meanAdultSocialCarePopulation
        let othersMean = (Double(populationOfEveryCouncil) - Double(hosts) * hostMean) / Double(councils - hosts)
        return hostMean / othersMean
    }
}
