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
        councils = all.count
    }
}
