import Foundation

/// The financial years a series of data reaches, with its stated projection: a year a user gives
/// (a tax year, a price base year) must lie within it, or the answer would rest on a guess carried
/// centuries past the data (a price base of 3000-01 once multiplied benefits by 10^17).
public struct YearReach: Sendable, Equatable {
    /// The first and last years allowed.
    public let years: ClosedRange<FinancialYear>
    /// What the range rests on, for messages: "employer NI rates (Assumptions/cost.yaml:48) from
    /// 2024-25 to 2025-26, carried at most 5 years past".
    public let basis: String

    public init(years: ClosedRange<FinancialYear>, basis: String) {
        self.years = years
        self.basis = basis
    }

    /// The years of data `first...lastOfData`, carried ``InputBounds/projectionYearsPastData`` past the last.
    public init(data first: FinancialYear, through lastOfData: FinancialYear, what: String) {
        let reach = lastOfData.advanced(by: InputBounds.projectionYearsPastData)
        self.init(years: first...reach,
                  basis: "\(what) from \(first) to \(lastOfData), carried at most \(InputBounds.projectionYearsPastData) years past")
    }

    public func contains(_ year: FinancialYear) -> Bool { years.contains(year) }

    /// The years both reach (a price base year must be priced by every series it uses), or nil when they do not overlap.
    public func intersected(with other: YearReach) -> YearReach? {
        let first = max(years.lowerBound, other.years.lowerBound)
        let last = min(years.upperBound, other.years.upperBound)
        guard first <= last else { return nil }
        return YearReach(years: first...last, basis: "\(basis); \(other.basis)")
    }

    /// "expected a year from 2024-25 to 2029-30 (…basis…)".
    public func expectation(_ what: String) -> String {
        "expected \(what) from \(years.lowerBound) to \(years.upperBound) (\(basis))"
    }
}

extension PostCostRates {
    /// The tax years the cost model can price: the years with employer NI rates, carried a few
    /// years past the last (a rate holds until it changes, but not for ever).
    public static func taxYearReach(in assumptions: AssumptionSet) throws -> YearReach {
        let rates = try assumptions.assumption(.employerNIRate)
        let years = rates.periods.compactMap(FinancialYear.init)
        guard let first = years.first, let last = years.last else {
            throw InputError(file: rates.origin, key: rates.name, message: "expected values by tax year, e.g. 2025-26: 0.15")
        }
        return YearReach(data: first, through: last, what: "employer NI rates (\(rates.origin))")
    }
}

extension GDPDeflator {
    /// The price years the series reaches: its years of data, carried at most
    /// ``InputBounds/projectionYearsPastData`` past the last at `gdpDeflatorProjectedGrowth`.
    public var reach: YearReach {
        YearReach(data: firstYear, through: latestObservedYear, what: "the GDP deflator (\(file))")
    }
}

extension Scenario {
    /// The price base years a scenario may use with `assumptions`: taxed by the NI rates and priced
    /// by the GDP deflator shipped beside them (when it is there to read).
    public static func priceBaseYearReach(in assumptions: AssumptionSet) throws -> YearReach {
        let taxYears = try PostCostRates.taxYearReach(in: assumptions)
        let deflatorPath = (assumptions.location as NSString).appendingPathComponent(GDPDeflator.shippedFileName)
        guard FileManager.default.fileExists(atPath: deflatorPath) else { return taxYears }
        let deflator = try GDPDeflator.load(path: deflatorPath)
        guard let both = taxYears.intersected(with: deflator.reach) else {
            throw InputError(file: deflatorPath, key: "financial_year",
                             message: "the series (\(deflator.firstYear) to \(deflator.latestYear)) shares no year with \(taxYears.basis)")
        }
        return both
    }
}
