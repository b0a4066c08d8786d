import Foundation

/// The GDP deflator by financial year, for restating money in the prices of another year.
///
/// The shipped series (`Assumptions/data/gdp_deflator_financial_year.csv`, see `SOURCES.md`)
/// is the ONS GDP implied deflator (series YBGB, 2022 = 100) averaged over each financial year's
/// four quarters. Years past the series can be added with ``extended(through:growthPerYear:)``,
/// and are then marked as projected.
///
/// ```swift
/// let deflator = try GDPDeflator.load(path: "Assumptions/data/gdp_deflator_financial_year.csv")
/// try deflator.uprate(amount: 328_720, from: "2016-17", to: "2024-25")   // 431,289
/// ```
public struct GDPDeflator: Sendable {
    /// One year's index value.
    public struct Entry: Sendable, Equatable {
        public let year: FinancialYear
        /// The index (2022 = 100 in the shipped series).
        public let index: Double
        /// True for years added by ``GDPDeflator/extended(through:growthPerYear:)``, not in the data.
        public let projected: Bool

        public init(year: FinancialYear, index: Double, projected: Bool = false) {
            self.year = year
            self.index = index
            self.projected = projected
        }
    }

    /// Where the series came from, for error messages.
    public let file: String
    /// The years in order, without gaps.
    public let entries: [Entry]

    /// The file name of the shipped series inside an assumptions folder.
    public static let shippedFileName = "data/gdp_deflator_financial_year.csv"

    /// A series from entries in year order; gaps and repeats are errors naming `file`.
    public init(file: String, entries: [Entry]) throws {
        guard !entries.isEmpty else {
            throw InputError(file: file, message: "no years; expected rows of financial_year and gdp_deflator_index_2022_100")
        }
        for (previous, next) in zip(entries, entries.dropFirst()) where next.year != previous.year.advanced(by: 1) {
            throw InputError(file: file, key: "financial_year",
                             message: "\(next.year) follows \(previous.year); expected consecutive years, oldest first")
        }
        self.file = file
        self.entries = entries
    }

    /// Reads a CSV with columns `financial_year` (e.g. `2016-17`) and `gdp_deflator_index_2022_100`
    /// (an optional `method` column is allowed).
    public static func load(path: String, displayName: String? = nil) throws -> GDPDeflator {
        let table = try CSVTable.load(path: path, displayName: displayName)
        try table.checkColumns(required: ["financial_year", "gdp_deflator_index_2022_100"], optional: ["method"])
        var entries: [Entry] = []
        for row in table.rows {
            let label = try table.text("financial_year", in: row)
            guard let year = FinancialYear(label) else {
                throw table.error("expected a financial year such as 2016-17, found \"\(label)\"", column: "financial_year", in: row)
            }
            let index = try table.number("gdp_deflator_index_2022_100", in: row, expected: "a positive index number") { $0 > 0 }
            entries.append(Entry(year: year, index: index))
        }
        return try GDPDeflator(file: table.file, entries: entries)
    }

    /// Reads the series shipped in an assumptions folder (`data/gdp_deflator_financial_year.csv`).
    public static func load(assumptionsDirectory directory: String) throws -> GDPDeflator {
        try load(path: (directory as NSString).appendingPathComponent(shippedFileName))
    }

    /// The series shipped beside `assumptions` (its folder's `data/`), extended at the assumption
    /// `gdpDeflatorProjectedGrowth` through `priceBaseYear` when the data end earlier.
    public static func load(assumptions: AssumptionSet, through priceBaseYear: String) throws -> GDPDeflator {
        let series = try load(assumptionsDirectory: assumptions.location)
        let target = try year(priceBaseYear, file: assumptions.location)
        guard target > series.latestYear else { return series }
        return try series.extended(through: target, growthPerYear: try assumptions.value(.gdpDeflatorProjectedGrowth))
    }

    /// The first and last years of the series.
    public var firstYear: FinancialYear { entries[0].year }
    public var latestYear: FinancialYear { entries[entries.count - 1].year }
    /// The last year taken from data rather than projected.
    public var latestObservedYear: FinancialYear { entries.last { !$0.projected }?.year ?? firstYear }

    /// The entry for `year`, or an error naming the years the series covers.
    public func entry(for year: FinancialYear) throws -> Entry {
        let offset = year.startYear - firstYear.startYear
        guard offset >= 0, offset < entries.count else {
            throw InputError(file: file, key: year.description,
                             message: "no GDP deflator for \(year); the series covers \(firstYear) to \(latestYear)")
        }
        return entries[offset]
    }

    /// The index value for a year label such as `2024-25`.
    public func index(for label: String) throws -> Double {
        try entry(for: try Self.year(label, file: file)).index
    }

    /// `amount` in `from` prices restated in `to` prices: amount · index(to) / index(from).
    ///
    /// - Throws: ``InputError`` for a label that is not a financial year or a year outside the series.
    public func uprate(amount: Double, from: String, to: String) throws -> Double {
        amount * (try index(for: to)) / (try index(for: from))
    }

    /// The series with years after its end added at `growthPerYear` a year, up to `year`.
    ///
    /// Used when the price base year is later than the published series (e.g. 2025-26 when the
    /// series ends in 2024-25); the added years are flagged ``Entry/projected``.
    public func extended(through year: FinancialYear, growthPerYear: Double) throws -> GDPDeflator {
        guard reach.contains(year) else {
            throw InputError(file: file, key: "financial_year", message: "no deflator for \(year); \(reach.expectation("a year"))")
        }
        var extendedEntries = entries
        while let last = extendedEntries.last, last.year < year {
            extendedEntries.append(Entry(year: last.year.advanced(by: 1),
                                         index: DeflatorProjection.nextIndex(after: last.index, growth: growthPerYear),
                                         projected: true))
        }
        return try GDPDeflator(file: file, entries: extendedEntries)
    }

    static func year(_ label: String, file: String) throws -> FinancialYear {
        guard let year = FinancialYear(label) else {
            throw InputError(file: file, key: label, message: "not a financial year; expected a label such as 2024-25")
        }
        return year
    }
}

/// How an amount uprated through projected years of the deflator moves when the projected growth
/// differs from the central value it was uprated with: each projected year multiplies the index by
/// `1 + growth` (``GDPDeflator/extended(through:growthPerYear:)``), so the amount scales by
/// `((1 + growth) / (1 + centralGrowth))^years`.
public struct DeflatorProjection: Sendable, Equatable {
    /// Projected years between the last published year and the price base year.
    public let years: Int
    /// The growth the amount was uprated with.
    public let centralGrowth: Double

    /// Nothing projected: the factor is always 1.
    public static let none = DeflatorProjection(years: 0, centralGrowth: 0)

    public init(years: Int, centralGrowth: Double) {
        self.years = years
        self.centralGrowth = centralGrowth
    }

    /// The projection from `deflator`'s last published year to `priceBaseYear` (none when inside the series).
    public init(deflator: GDPDeflator, priceBaseYear: FinancialYear, centralGrowth: Double) {
        self.init(years: max(0, priceBaseYear.startYear - deflator.latestObservedYear.startYear), centralGrowth: centralGrowth)
    }

    /// The index a year after one of `index`, at `growth` a year.
    public static func nextIndex(after index: Double, growth: Double) -> Double { index * (1 + growth) }

    /// The factor that moves an amount uprated at the central growth to one uprated at `growth`.
    public func factor(growth: Double) -> Double {
        guard years > 0 else { return 1 }
        return pow((1 + growth) / (1 + centralGrowth), Double(years))
    }
}
