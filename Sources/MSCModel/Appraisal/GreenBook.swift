import Foundation

/// HM Treasury Green Book discounting of real flows, with its declining long-term rate (DESIGN 3.7).
///
/// The social time preference rate is 3.5% a year for years 0–30, 3.0% for 31–75, then 2.5%,
/// 2.0%, 1.5% and 1.0% (Green Book Table 6.1). The rate of the band a year falls in discounts that
/// year's step, so the factor for year t > 30 is `1/1.035^30 · 1/1.03^(t−30)`. The rates are
/// assumptions (`Assumptions/appraisal.yaml`), read by ``init(assumptions:)``.
///
/// ```swift
/// let greenBook = try GreenBook(assumptions: set)
/// greenBook.discountFactor(year: 10)                  // 0.7089188
/// greenBook.presentValue(flows: [100, 100, 100])      // 100 + 100/1.035 + 100/1.035^2
/// ```
public struct GreenBook: Sendable, Equatable {
    /// A discount rate that applies from `firstYear` until the next band starts.
    public struct Band: Sendable, Equatable {
        /// The first year (counted from year 0, the appraisal's first year) the rate applies to.
        public let firstYear: Int
        /// The real discount rate a year, e.g. 0.035.
        public let rate: Double

        public init(firstYear: Int, rate: Double) {
            self.firstYear = firstYear
            self.rate = rate
        }
    }

    /// The bands, in order of first year; the first starts at year 0.
    public let bands: [Band]

    /// The assumption holding each band's rate, with the band's first year (Green Book Table 6.1).
    public static let bandAssumptions: [(firstYear: Int, name: AssumptionName)] = [
        (0, .discountRateYears0To30), (31, .discountRateYears31To75), (76, .discountRateYears76To125),
        (126, .discountRateYears126To200), (201, .discountRateYears201To300), (301, .discountRateYears301Plus),
    ]

    /// A schedule from bands; they are sorted by first year, and the first applies from year 0.
    public init(bands: [Band]) {
        self.bands = bands.sorted { $0.firstYear < $1.firstYear }
    }

    /// The shipped schedule: the rates of ``bandAssumptions`` from `assumptions`.
    public init(assumptions: AssumptionSet) throws {
        self.init(bands: try Self.bandAssumptions.map { Band(firstYear: $0.firstYear, rate: try assumptions.value($0.name)) })
    }

    /// The discount rate that applies to year `year`.
    public func rate(inYear year: Int) -> Double {
        bands.last { $0.firstYear <= year }?.rate ?? bands.first?.rate ?? 0
    }

    /// The factor that turns a real flow in year `year` (0 = the first year, undiscounted) into
    /// present value: the product over years 1...year of 1 / (1 + rate of that year's band).
    public func discountFactor(year: Int) -> Double {
        guard year > 0 else { return 1 }
        var factor = 1.0
        var step = 1
        // Whole bands at a time, so a long horizon costs one pow per band.
        while step <= year {
            let rate = rate(inYear: step)
            let nextBandStart = bands.first { $0.firstYear > step }?.firstYear ?? Int.max
            let last = min(year, nextBandStart - 1)
            factor /= pow(1 + rate, Double(last - step + 1))
            step = last + 1
        }
        return factor
    }

    /// Discount factors for years 0 ..< count.
    public func discountFactors(count: Int) -> [Double] {
        var factors: [Double] = []
        factors.reserveCapacity(max(0, count))
        var factor = 1.0
        for year in 0..<max(0, count) {
            if year > 0 { factor /= 1 + rate(inYear: year) }
            factors.append(factor)
        }
        return factors
    }

    /// The present value of real flows indexed from year 0: the sum of flow_t · discountFactor(t).
    public func presentValue(flows: [Double]) -> Double {
        Appraisal.presentValue(flows: flows, discountFactors: discountFactors(count: flows.count))
    }
}
