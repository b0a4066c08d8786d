import Dispatch
import GSLKit
import MSCModel

/// The headline quantities every run reports, one value per iteration.
public enum Metric: String, CaseIterable, Sendable {
    // Cost-effectiveness leads (DESIGN 3.5): it needs no money value of harm.
    case costPerIdentification
    case additionalIdentifications
    case firstYearCost
    case presentValueCosts = "pvCosts"
    case presentValueBenefits = "pvBenefits"
    case netPresentValue = "npv"
    /// NPV with the programme's costs at the starting optimism bias, before any mitigation.
    case netPresentValueAtStartingOptimismBias = "npvUnmitigatedOptimismBias"
    /// NPV with the child component of the benefit taken out (``ChildIdentifications``).
    case netPresentValueWithoutChildren = "npvWithoutChildren"
    case benefitCostRatio = "bcr"
    /// Additional child NRM referrals (the child component), counted apart from the adults.
    case childIdentifications
    case postsAtHorizon
    /// The two parts of cost per additional identification, kept so that the expected cost over
    /// the expected identifications (a ratio of means) can be reported.
    case presentValueProgrammeCosts = "pvProgrammeCosts"
    case presentValueIdentifications = "pvIdentifications"

    /// Metrics kept only to work out others from (not rows of a summary table).
    public var isComponent: Bool { self == .presentValueProgrammeCosts || self == .presentValueIdentifications }

    /// How the metric is labelled in tables.
    public var label: String {
        switch self {
        case .firstYearCost: return "Cost in year 1 (£)"
        case .presentValueCosts: return "Present value of costs (£)"
        case .presentValueBenefits: return "Present value of benefits (£)"
        case .netPresentValue: return "Net present value (£)"
        case .benefitCostRatio: return "Benefit-cost ratio"
        case .additionalIdentifications: return "Additional identifications"
        case .postsAtHorizon: return "Posts funded in final year"
        case .costPerIdentification: return "Cost per additional identification (£)"
        case .netPresentValueAtStartingOptimismBias: return "Net present value, optimism bias unmitigated (£)"
        case .netPresentValueWithoutChildren: return "Net present value without the child component (£)"
        case .childIdentifications: return "Additional child NRM referrals"
        case .presentValueProgrammeCosts: return "Present value of programme costs (£)"
        case .presentValueIdentifications: return "Additional identifications, discounted"
        }
    }

    /// True for amounts of money.
    public var isMoney: Bool {
        [.firstYearCost, .presentValueCosts, .presentValueBenefits, .netPresentValue, .costPerIdentification,
         .netPresentValueAtStartingOptimismBias, .netPresentValueWithoutChildren, .presentValueProgrammeCosts].contains(self)
    }

    /// The metric's value in one outcome.
    public func value(of outcome: ScenarioOutcome) -> Double {
        switch self {
        case .firstYearCost: return outcome.firstYearCost
        case .presentValueCosts: return outcome.presentValueCosts
        case .presentValueBenefits: return outcome.presentValueBenefits
        case .netPresentValue: return outcome.netPresentValue
        case .benefitCostRatio: return outcome.benefitCostRatio
        case .additionalIdentifications: return outcome.totalIdentifications
        case .postsAtHorizon: return outcome.postsAtHorizon
        case .costPerIdentification: return outcome.costPerIdentification
        case .netPresentValueAtStartingOptimismBias: return outcome.netPresentValueAtStartingOptimismBias
        case .netPresentValueWithoutChildren: return outcome.netPresentValueWithoutChildren
        case .childIdentifications: return outcome.totalChildIdentifications
        case .presentValueProgrammeCosts: return outcome.presentValueProgrammeCosts
        case .presentValueIdentifications: return outcome.presentValueIdentifications
        }
    }
}

/// Cost per additional identification as cost-effectiveness practice reports it: the expected
/// cost over the expected additional identifications (a ratio of means), the share of draws in
/// which the programme gains no identification, and percentiles of the per-draw ratio in which a
/// draw with no gain ranks above every finite cost (it costs money and buys nothing).
public struct CostEffectiveness: Sendable, Equatable {
    /// `E[PV programme costs] / E[PV additional identifications]` (infinite when nothing is expected).
    public let expectedCostPerIdentification: Double
    /// Share of draws with no additional identification.
    public let noGainShare: Double
    /// 5th, 50th and 95th percentiles of the per-draw cost per identification; nil where the
    /// percentile falls among the draws with no gain.
    public let p5: Double?
    public let p50: Double?
    public let p95: Double?

    /// From each draw's programme costs and discounted identifications.
    public init(costs: [Double], identifications: [Double]) {
        let n = Double(costs.count)
        let meanCost = costs.reduce(0, +) / n, meanIdentifications = identifications.reduce(0, +) / n
        expectedCostPerIdentification = meanIdentifications > 0 ? meanCost / meanIdentifications : .infinity
        let ratios = zip(costs, identifications).map { $1 > 0 ? $0 / $1 : Double.infinity }.sorted()
        noGainShare = costs.isEmpty ? .nan : Double(ratios.filter { !$0.isFinite }.count) / n
        /// The p-quantile by linear interpolation between order statistics (position p·(n − 1));
        /// nil when either neighbour is a draw with no gain.
        func quantile(_ p: Double) -> Double? {
            guard !ratios.isEmpty else { return nil }
            let position = p * Double(ratios.count - 1)
            let low = Int(position.rounded(.down)), high = min(low + 1, ratios.count - 1)
            guard ratios[low].isFinite, ratios[high].isFinite else { return nil }
            return ratios[low] + (position - Double(low)) * (ratios[high] - ratios[low])
        }
        p5 = quantile(0.05)
        p50 = quantile(0.5)
        p95 = quantile(0.95)
    }
}

/// Quantities reported per year of the horizon (fans).
public enum YearlyMetric: String, CaseIterable, Sendable {
    case cost, benefit, identifications, posts

    public func values(of outcome: ScenarioOutcome) -> [Double] {
        switch self {
        case .cost: return outcome.costByYear
        case .benefit: return outcome.benefitByYear
        case .identifications: return outcome.identificationsByYear
        case .posts: return outcome.postsByYear
        }
    }
}

/// Mean, spread, percentiles and Monte Carlo standard error of one quantity across iterations.
public struct Summary: Sendable, Equatable {
    public let mean: Double
    public let standardDeviation: Double
    public let p5: Double
    public let p50: Double
    public let p95: Double
    /// Standard error of the mean from the iterations (sd / √n; conservative for LHS and Sobol).
    public let monteCarloStandardError: Double

    /// Summarises finite values (infinite ones, e.g. cost per identification with none, are dropped).
    public init(_ values: [Double]) {
        // The filtered copy is this summary's own, so the percentiles may reorder it in place: one
        // copy of a run's column, not a second made when a shared array is written.
        var finite = values.filter { $0.isFinite }
        self = finite.withUnsafeMutableBufferPointer { Summary(finite: $0) }
    }

    /// Summarises values already known to be finite.
    init(finite values: [Double]) {
        var finite = values
        self = finite.withUnsafeMutableBufferPointer { Summary(finite: $0) }
    }

    /// Summarises values already known to be finite, in place (they may be reordered for the
    /// percentiles): a run's fans are summarised from slices of one buffer, with no copy per year.
    init(finite: UnsafeMutableBufferPointer<Double>) {
        guard !finite.isEmpty else {
            self.init(mean: .nan, standardDeviation: .nan, p5: .nan, p50: .nan, p95: .nan, monteCarloStandardError: .nan)
            return
        }
        let moments = Self.meanAndStandardDeviation(UnsafeBufferPointer(finite))
        let mean = moments.mean
        // One iteration says nothing about spread: no standard deviation or standard error.
        let sd = finite.count > 1 ? moments.standardDeviation : .nan
        let percentiles = Statistics.quantiles(selectingIn: finite, probabilities: [0.05, 0.5, 0.95])
        self.init(mean: mean, standardDeviation: sd, p5: percentiles[0], p50: percentiles[1], p95: percentiles[2],
                  monteCarloStandardError: sd / Double(finite.count).squareRoot())
    }

    /// Mean and sample standard deviation (divisor n − 1) of finite values, in two passes over
    /// four running sums each (GSL's `gsl_stats_mean` divides once per value, which made it the
    /// slowest part of summarising a run). The mean is corrected by the mean deviation from it,
    /// and values all equal give that value and 0 exactly.
    static func meanAndStandardDeviation(_ values: [Double]) -> (mean: Double, standardDeviation: Double) {
        values.withUnsafeBufferPointer { meanAndStandardDeviation($0) }
    }

    /// ``meanAndStandardDeviation(_:)-([Double])`` of values in a buffer.
    static func meanAndStandardDeviation(_ x: UnsafeBufferPointer<Double>) -> (mean: Double, standardDeviation: Double) {
        let n = x.count
        guard n > 0 else { return (.nan, .nan) }
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
        var lowest = x[0], highest = x[0]
        var i = 0
        while i + 4 <= n {
            s0 += x[i]; s1 += x[i + 1]; s2 += x[i + 2]; s3 += x[i + 3]
            lowest = Swift.min(lowest, Swift.min(Swift.min(x[i], x[i + 1]), Swift.min(x[i + 2], x[i + 3])))
            highest = Swift.max(highest, Swift.max(Swift.max(x[i], x[i + 1]), Swift.max(x[i + 2], x[i + 3])))
            i += 4
        }
        while i < n {
            s0 += x[i]
            lowest = Swift.min(lowest, x[i]); highest = Swift.max(highest, x[i])
            i += 1
        }
        if lowest == highest { return (lowest, n > 1 ? 0 : .nan) }
        let count = Double(n)
        var mean = ((s0 + s1) + (s2 + s3)) / count
        var d0 = 0.0, d1 = 0.0, d2 = 0.0, d3 = 0.0, e0 = 0.0, e1 = 0.0
        i = 0
        while i + 4 <= n {
            let a = x[i] - mean, b = x[i + 1] - mean, c = x[i + 2] - mean, d = x[i + 3] - mean
            d0 += a * a; d1 += b * b; d2 += c * c; d3 += d * d
            e0 += a + b; e1 += c + d
            i += 4
        }
        while i < n {
            let a = x[i] - mean
            d0 += a * a
            e0 += a
            i += 1
        }
        let deviation = e0 + e1
        // The corrected two-pass formula (Chan, Golub & LeVeque 1983).
        let squares = ((d0 + d1) + (d2 + d3)) - deviation * deviation / count
        mean += deviation / count
        let variance = n > 1 ? Swift.max(0, squares) / (count - 1) : .nan
        return (mean, variance.squareRoot())
    }

    public init(mean: Double, standardDeviation: Double, p5: Double, p50: Double, p95: Double, monteCarloStandardError: Double) {
        self.mean = mean
        self.standardDeviation = standardDeviation
        self.p5 = p5
        self.p50 = p50
        self.p95 = p95
        self.monteCarloStandardError = monteCarloStandardError
    }
}

/// Per-iteration results of a run: memory grows with iterations, not with posts × years.
public struct SimulationResult: Sendable {
    public let scenarioName: String
    public let horizonYears: Int
    public let iterations: Int
    public let settings: SimulationSettings
    /// Metric → value per iteration.
    public let metrics: [Metric: [Double]]
    /// Yearly metric → values, row-major `iteration × year`; empty once summarised when the
    /// settings do not keep them (``SimulationSettings/keepYearlyIterations``): the fans remain.
    public private(set) var yearly: [YearlyMetric: [Double]]
    /// True when the run was interrupted before all iterations finished (only finished chunks kept).
    public let interrupted: Bool
    /// Random draws the run made (each a value from a distribution or a uniform for a funding
    /// decision), counted as they were drawn: for measuring the engine against the generator.
    public let randomDraws: Int

    public init(scenarioName: String, horizonYears: Int, iterations: Int, settings: SimulationSettings,
                metrics: [Metric: [Double]], yearly: [YearlyMetric: [Double]], interrupted: Bool, randomDraws: Int = 0) {
        self.scenarioName = scenarioName
        self.horizonYears = horizonYears
        self.iterations = iterations
        self.settings = settings
        self.metrics = metrics
        self.yearly = yearly
        self.interrupted = interrupted
        self.randomDraws = randomDraws
    }
    /// Each iteration's uncertain national inputs, when the settings asked to keep them.
    public internal(set) var inputDraws: InputDraws? = nil

    /// This run followed by `later` (the next iterations of the same run), as one result.
    public func appending(_ later: SimulationResult) -> SimulationResult {
        var metrics = self.metrics, yearly = self.yearly
        for (metric, values) in later.metrics { metrics[metric, default: []] += values }
        for (metric, values) in later.yearly { yearly[metric, default: []] += values }
        var used = settings
        used.runs = iterations + later.iterations
        var joined = SimulationResult(scenarioName: scenarioName, horizonYears: horizonYears, iterations: used.runs,
                                      settings: used, metrics: metrics, yearly: yearly, interrupted: later.interrupted,
                                      randomDraws: randomDraws + later.randomDraws)
        if let mine = inputDraws, let theirs = later.inputDraws { joined.inputDraws = mine.appending(theirs) }
        return joined
    }

    /// Summary of a metric.
    public func summary(_ metric: Metric) -> Summary {
        summaries?.byMetric[metric] ?? Summary(metrics[metric] ?? [])
    }

    /// Every metric's summary and every year's of the fans, worked out ahead on `threads` threads
    /// (each one independently, so the values do not depend on the thread count).
    struct Summaries: Sendable {
        var byMetric: [Metric: Summary] = [:]
        var fans: [YearlyMetric: [Summary]] = [:]
        var costEffectiveness: CostEffectiveness?
    }
    var summaries: Summaries?

    /// This result with ``summary(_:)`` and ``fan(_:)`` computed ahead, in parallel.
    func summarised(threads: Int) -> SimulationResult {
        // Tasks are claimed one at a time (TaskClaims): a column with many non-finite values to
        // drop, or a slower core, would otherwise leave one worker idle while the other finishes.
        // First the yearly metrics, the largest tasks: each gathered in one pass over its values
        // into year columns, and its fan summarised from slices of those, in place. Each worker
        // gathers into one buffer of its own, reused from one yearly metric to the next: a
        // buffer made for each metric was a run's values again in fresh pages, each zeroed by the
        // system when first written. Then each metric's summary, which fill in at the end, and
        // the cost per identification (which sorts a run's ratios: reports read it several times).
        let yearlyMetrics = YearlyMetric.allCases, metricTasks = Metric.allCases
        let years = horizonYears
        let largestYearly = yearlyMetrics.map { yearly[$0]?.count ?? 0 }.max() ?? 0
        let fanSlots = ResultSlots<[Summary]>(count: yearlyMetrics.count)
        let metricSlots = ResultSlots<Summary>(count: metricTasks.count)
        let costEffectivenessSlot = ResultSlots<CostEffectiveness>(count: 1)
        let taskCount = yearlyMetrics.count + metricTasks.count + 1
        let tasks = TaskClaims(0..<taskCount)
        DispatchQueue.concurrentPerform(iterations: max(1, min(threads, taskCount))) { _ in
            var columns: YearColumns?
            while let task = tasks.claim() {
                if task < yearlyMetrics.count {
                    let gathered = columns ?? YearColumns(capacity: largestYearly, years: years)
                    columns = gathered
                    gathered.gather(yearly[yearlyMetrics[task]])
                    fanSlots.set(task, (0..<years).map { Summary(finite: gathered.finite(year: $0)) })
                } else if task < yearlyMetrics.count + metricTasks.count {
                    let metric = metricTasks[task - yearlyMetrics.count]
                    metricSlots.set(task - yearlyMetrics.count, Summary(metrics[metric] ?? []))
                } else {
                    costEffectivenessSlot.set(0, computedCostEffectiveness)
                }
            }
        }
        var computed = Summaries()
        for (metric, summary) in zip(metricTasks, metricSlots.values()) { computed.byMetric[metric] = summary }
        for (metric, fan) in zip(yearlyMetrics, fanSlots.values()) { computed.fans[metric] = fan }
        computed.costEffectiveness = costEffectivenessSlot.values().first
        var result = self
        result.summaries = computed
        if !settings.keepYearlyIterations { result.yearly = [:] }
        return result
    }

    /// Cost per additional identification as a ratio of means, with the share of draws that gain nothing.
    public var costEffectiveness: CostEffectiveness {
        summaries?.costEffectiveness ?? computedCostEffectiveness
    }

    private var computedCostEffectiveness: CostEffectiveness {
        CostEffectiveness(costs: metrics[.presentValueProgrammeCosts] ?? [], identifications: metrics[.presentValueIdentifications] ?? [])
    }

    /// Probability that NPV is above zero.
    public var probabilityPositiveNPV: Double {
        let npv = metrics[.netPresentValue] ?? []
        return npv.isEmpty ? .nan : Double(npv.filter { $0 > 0 }.count) / Double(npv.count)
    }

    /// Summary of a yearly metric for each year (the fan).
    public func fan(_ metric: YearlyMetric) -> [Summary] {
        if let fan = summaries?.fans[metric] { return fan }
        let columns = YearColumns(yearly[metric], years: horizonYears)
        return (0..<horizonYears).map { Summary(finite: columns.finite(year: $0)) }
    }

    /// The per-iteration difference `self − other` of a metric (same seed: common random numbers).
    public func difference(_ metric: Metric, minus other: SimulationResult) -> [Double] {
        let mine = metrics[metric] ?? [], theirs = other.metrics[metric] ?? []
        return zip(mine, theirs).map { $0 - $1 }
    }
}

/// Each year's finite values of one yearly metric across iterations, gathered in one pass over its
/// values (iteration after iteration, each with its years side by side) into one buffer, year
/// after year: gathering one year at a time read every cache line of the values once per year.
/// The buffer may be gathered into again, for another metric of the same run.
private final class YearColumns: @unchecked Sendable {
    private let years: Int
    private let buffer: UnsafeMutableBufferPointer<Double>
    /// Room for each year's values in the last gathering (the iterations, counting a last one cut short).
    private var rows = 0
    private var kept: [Int]

    /// A buffer with room for `capacity` values (iteration × years + year), gathered into by ``gather(_:)``.
    init(capacity: Int, years: Int) {
        self.years = years
        // Whole rows of years: a last iteration cut short still has a slot in each year.
        buffer = .allocate(capacity: max(1, years > 0 ? (capacity + years - 1) / years * years : 0))
        kept = Array(repeating: 0, count: max(0, years))
    }

    /// Gathers `values` (iteration × years + year; none when nil), leaving out non-finite values.
    convenience init(_ values: [Double]?, years: Int) {
        self.init(capacity: values?.count ?? 0, years: years)
        gather(values)
    }

    deinit { buffer.deallocate() }

    /// Gathers `values` (iteration × years + year, at most the capacity; none when nil), leaving
    /// out non-finite values, in place of what was gathered before.
    func gather(_ values: [Double]?) {
        let values = values ?? []
        let years = years
        rows = years > 0 ? (values.count + years - 1) / years : 0
        precondition(rows * years <= buffer.count, "YearColumns: more values than the buffer holds")
        let rows = rows, buffer = buffer
        guard years > 0 else { return }
        values.withUnsafeBufferPointer { all in
            kept.withUnsafeMutableBufferPointer { kept in
                for year in 0..<years { kept[year] = 0 }
                var year = 0
                for value in all {
                    buffer[year * rows + kept[year]] = value
                    kept[year] &+= value.isFinite ? 1 : 0
                    year = year + 1 == years ? 0 : year + 1
                }
            }
        }
    }

    /// One year's finite values, in iteration order (summaries may reorder them in place).
    func finite(year: Int) -> UnsafeMutableBufferPointer<Double> {
        UnsafeMutableBufferPointer(rebasing: buffer[(year * rows)..<(year * rows + kept[year])])
    }
}
