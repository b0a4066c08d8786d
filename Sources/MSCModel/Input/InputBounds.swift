import Foundation

/// Every bound an input is checked against, in one place: the loaders of assumption files,
/// scenarios, authority tables and fit data, and the command-line options, all read them here, so
/// a value refused in one place is refused everywhere.
///
/// The bounds keep inputs finite and plausible for their unit. They are wide on purpose (they
/// refuse the absurd, not the unusual): a national total of £1bn a year is accepted, £10^308 is not.
public enum InputBounds {
    // MARK: Posts

    /// The smallest FTE a post may have: half a day a week. Below it a "post" is not a post.
    public static let minimumPostFTE = 0.1
    /// The largest FTE one post (a coordinator or a hub team) may have. The largest shipped hub
    /// is 18.4 FTE (South East, regional-hub.yaml); 100 leaves room for a national team.
    public static let maximumPostFTE = 100.0
    /// The FTE of one post, as a range.
    public static let postFTE = minimumPostFTE...maximumPostFTE
    /// The FTE of one person (`msc cost --fte`): the post's floor up to full time.
    public static let personFTE = minimumPostFTE...1.0

    // MARK: Years

    /// Years a scenario or a training run may cover.
    public static let horizonYears = 1...100
    /// How far a series may be carried past its last year of data: five years, the span of the
    /// OBR's forecasts, beyond which a projected deflator or a frozen tax rate is a guess.
    public static let projectionYearsPastData = 5

    // MARK: Money and other units

    /// The range a value in `unit` must lie in (see ``Unit/plausibleRange``).
    public static func range(of unit: Unit) -> ClosedRange<Double> {
        switch unit {
        case .fraction: return 0...1
        // A rate of −50% to +100% a year: beyond it (1 + r)^t is no longer a growth or discount path.
        case .ratePerYear: return -0.5...1
        // One-off sums up to £100bn (more than the Home Office's whole budget).
        case .gbp: return 0...1e11
        // Yearly sums up to £1bn: far above any one post, and above a national programme of them.
        case .gbpPerYear: return 0...1e9
        case .gbpPerHour: return 0...10_000
        // Up to £10m per person (the Home Office unit cost of a victim is £328,720 in 2016-17 prices).
        case .gbpPerPerson: return 0...1e7
        // Rate ratios, multipliers: a thousandfold change is already beyond any evidence.
        case .ratio: return 0...1000
        // People: more than the population of the UK is not a number of people here.
        case .people: return 0...1e8
        case .peoplePerYear: return 0...1e8
        // A year has 8,784 hours at most.
        case .hours: return 0...8784
        case .years: return 0...Double(horizonYears.upperBound)
        case .count: return 0...1e8
        case .fte: return postFTE
        case .ftePer100kResidents: return 0...1000
        case .per100kResidentsPerYear: return 0...100_000
        case .index: return 0...1e6
        }
    }

    // MARK: Distributions

    /// Shape parameters of a beta distribution (alpha, beta): below 0.001 the draws pile on 0 and
    /// 1 to machine precision; above a million the distribution is a point.
    public static let betaShape = 0.001...1e6
    /// The largest log-scale standard deviation of a log-normal: e^5 ≈ 148 times the median at one
    /// standard deviation already spans more than two orders of magnitude.
    public static let maximumLogStandardDeviation = 5.0
    /// The smallest log-scale mean of a log-normal: e^−30 ≈ 10^−13, below which the median vanishes.
    public static let minimumLogMean = -30.0

    // MARK: Text and files

    /// The most characters in a name or a CSV field (authority and scenario names, labels,
    /// regions). The longest shipped name has 46.
    public static let nameCharacters = 200
    /// The most characters in a text field of a YAML file (descriptions, notes, questions, sources).
    public static let textCharacters = 20_000
    /// The largest input file read, in bytes (the shipped authority table is about 50 kB).
    public static let fileBytes = 50_000_000

    // MARK: Fit data

    /// The largest magnitude of a number in data given to `msc fit` (counts, exposures,
    /// predictors): a thousand times the population of the Earth.
    public static let dataMagnitude = 1e13

    // MARK: Simulation

    /// Monte Carlo iterations of run, compare and export.
    public static let runs = 1...5_000_000
    /// Worker threads.
    public static let threads = 1...256

    // MARK: Messages

    /// A range written for people: "between 0.1 and 100".
    public static func describe(_ range: ClosedRange<Double>) -> String {
        "between \(shown(range.lowerBound)) and \(shown(range.upperBound))"
    }

    /// A bound written for people: whole numbers without decimals, large ones with digit groups.
    public static func shown(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 {
            let whole = Int64(value)
            if abs(whole) < 10_000 { return String(whole) }
            return DigitGroups.grouped(String(whole.magnitude), negative: whole < 0)
        }
        return String(value)
    }
}

extension Unit {
    /// The range a value in this unit must lie in: finite and plausible (``InputBounds/range(of:)``).
    public var plausibleRange: ClosedRange<Double> { InputBounds.range(of: self) }
}

/// Checks on an input file before it is read.
enum InputFile {
    /// Refuses a file larger than ``InputBounds/fileBytes`` (read whole, it would exhaust memory
    /// long before it said anything useful).
    static func checkSize(path: String, displayName: String) throws {
        guard let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber else { return }
        guard size.int64Value <= Int64(InputBounds.fileBytes) else {
            throw InputError(file: displayName, line: 1,
                             message: "the file has \(InputBounds.shown(size.doubleValue)) bytes; expected at most \(InputBounds.shown(Double(InputBounds.fileBytes)))")
        }
    }

    /// The 1-based line of the first byte that is not valid UTF-8, so an error can point at it.
    static func firstInvalidUTF8Line(_ data: Data) -> Int {
        var line = 1, pending = 0
        for byte in data {
            if pending > 0 {
                guard byte & 0xC0 == 0x80 else { return line }
                pending -= 1
                continue
            }
            switch byte {
            case 0x0A: line += 1
            case 0x00...0x7F: break
            case 0xC2...0xDF: pending = 1
            case 0xE0...0xEF: pending = 2
            case 0xF0...0xF4: pending = 3
            default: return line
            }
        }
        return line
    }
}
