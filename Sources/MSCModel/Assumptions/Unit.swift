/// The closed list of units an assumption may be stated in.
///
/// A closed list (as in OpenFisca's parameters) lets the loader check ranges: a `fraction` lies in
/// [0, 1] and an amount of money is never negative.
public enum Unit: String, CaseIterable, Sendable, Codable {
    /// Pounds sterling, a one-off amount.
    case gbp = "GBP"
    /// Pounds sterling per year.
    case gbpPerYear = "GBP_per_year"
    /// Pounds sterling per hour.
    case gbpPerHour = "GBP_per_hour"
    /// Pounds sterling per person (victim, referral or trainee).
    case gbpPerPerson = "GBP_per_person"
    /// A share or probability between 0 and 1.
    case fraction
    /// A growth or discount rate per year (may be negative for falls).
    case ratePerYear = "rate_per_year"
    /// A multiplicative ratio such as a rate ratio (non-negative).
    case ratio
    /// A number of people.
    case people
    /// People per year.
    case peoplePerYear = "people_per_year"
    /// Hours.
    case hours
    /// Years.
    case years
    /// A dimensionless count.
    case count
    /// Full-time-equivalent posts.
    case fte = "FTE"
    /// Full-time-equivalent posts per 100,000 residents.
    case ftePer100kResidents = "FTE_per_100k_residents"
    /// Events (referrals, identifications) per 100,000 residents per year.
    case per100kResidentsPerYear = "per_100k_residents_per_year"
    /// An index number (e.g. a price deflator, base year = 100).
    case index

    /// True when values must lie in [0, 1].
    public var isProbability: Bool { self == .fraction }

    /// True when negative values make no sense.
    public var isNonNegative: Bool { self != .ratePerYear }

    /// True for amounts of money.
    public var isMoney: Bool { [.gbp, .gbpPerYear, .gbpPerHour, .gbpPerPerson].contains(self) }

    /// How a value in this unit is described in error messages, with the range it must lie in.
    public var expectation: String {
        let range = InputBounds.describe(plausibleRange)
        switch self {
        case .fraction: return "a fraction between 0 and 1"
        case .ratePerYear: return "a rate per year (e.g. 0.035) \(range)"
        case _ where isMoney: return "an amount of money in pounds \(range)"
        default: return "a number in \(rawValue) \(range)"
        }
    }
}
