import Dispatch
import GSLKit
import MSCModel
import Synchronization

/// How a run is carried out.
public struct SimulationSettings: Sendable, Equatable {
    public var runs: Int
    public var seed: UInt64
    public var method: SamplingMethod
    public var threads: Int
    /// Iterations per chunk; each chunk has its own random streams derived from (seed, chunk), so
    /// results do not depend on how chunks are shared among threads.
    public var chunkSize: Int
    /// Keep adding iterations until the NPV's Monte Carlo standard error is below this (pounds).
    public var targetNPVStandardError: Double?
    /// The most iterations a `targetNPVStandardError` run may use.
    public var maximumRuns: Int
    /// Keep each iteration's uncertain national inputs in the result (``SimulationResult/inputDraws``),
    /// for decision analysis; off by default to save memory.
    public var keepInputDraws: Bool
    /// Keep each iteration's yearly values (``SimulationResult/yearly``) once the fans are
    /// summarised from them: decision analysis reads them, a comparison needs only the fans (off,
    /// a 10-year run keeps 320 bytes an iteration fewer).
    public var keepYearlyIterations: Bool

    public init(runs: Int = 10_000, seed: UInt64 = 20250101, method: SamplingMethod = .monteCarlo, threads: Int = 1,
                chunkSize: Int = 250, targetNPVStandardError: Double? = nil, maximumRuns: Int = 1_000_000,
                keepInputDraws: Bool = false, keepYearlyIterations: Bool = true) {
        self.runs = runs
        self.seed = seed
        self.method = method
        self.threads = threads
        self.chunkSize = chunkSize
        self.targetNPVStandardError = targetNPVStandardError
        self.maximumRuns = maximumRuns
        self.keepInputDraws = keepInputDraws
        self.keepYearlyIterations = keepYearlyIterations
    }
}

/// Runs a scenario's Monte Carlo: many evaluations, each with fresh draws, in parallel chunks.
public enum SimulationEngine {
    /// The generator of every stream MSCSimulation draws from (the Monte Carlo, the funding
    /// simulation, Sobol indices and the value of information): GSL's taus2 (L'Ecuyer's combined
    /// Tausworthe). A national rollout draws about 700 numbers an iteration, and with MT19937 the
    /// generator alone took a quarter of a run; taus2 is of simulation quality (maximally
    /// equidistributed, period about 2^88, far beyond the few hundred thousand numbers one chunk's stream
    /// gives) and draws about 2.9 times as fast here. Each (seed, chunk) still has its own stream.
    public static let generator: RandomStream.Algorithm = .tausworthe

    /// Runs `plan` with `settings`; `progress(done, total)` is called from worker threads.
    /// `cancellation` (a token the caller made) or `shouldStop` (asked before each chunk) stops this
    /// run alone after the chunks in hand, e.g. Ctrl-C on the command line or a server cancelling
    /// one client's run; the result is then marked interrupted.
    public static func run(_ plan: SimulationPlan, settings: SimulationSettings,
                           progress: (@Sendable (Int, Int) -> Void)? = nil,
                           cancellation: CancellationToken? = nil,
                           shouldStop: (@Sendable () -> Bool)? = nil) throws -> SimulationResult {
        let stop: @Sendable () -> Bool = { cancellation?.isCancelled == true || shouldStop?() == true }
        guard let target = settings.targetNPVStandardError else {
            return try runFixed(plan, settings: settings, iterations: 0..<settings.runs, designRows: settings.runs,
                                progress: progress, shouldStop: stop).summarised(threads: settings.threads)
        }
        // Grow in whole chunks; iteration i always gets the same draws, so a run that stops at N
        // iterations equals a fixed run of N. Monte Carlo adds only the new iterations; a Latin
        // hypercube or Sobol design depends on its size, so those start again at each size.
        func roundedToChunks(_ n: Int) -> Int { (n + settings.chunkSize - 1) / settings.chunkSize * settings.chunkSize }
        var runs = roundedToChunks(max(settings.runs, settings.chunkSize))
        var result: SimulationResult?
        var done = 0
        while true {
            if settings.method == .monteCarlo {
                let part = try runFixed(plan, settings: settings, iterations: done..<runs, designRows: runs, progress: progress,
                                        shouldStop: stop)
                result = result.map { $0.appending(part) } ?? part
            } else {
                result = try runFixed(plan, settings: settings, iterations: 0..<runs, designRows: runs, progress: progress,
                                      shouldStop: stop)
            }
            done = runs
            let current = result!
            let mcse = current.summary(.netPresentValue).monteCarloStandardError
            if current.interrupted || runs >= settings.maximumRuns || mcse <= target {
                return current.summarised(threads: settings.threads)
            }
            // Aim for the target from the current error (MCSE falls as 1/√n), with 5% to spare.
            // Monte Carlo only adds the new iterations, so a small step costs nothing extra; a
            // design that must start again grows at least twofold.
            let needed = Int((1.05 * Double(runs) * (mcse / target) * (mcse / target)).rounded(.up))
            let smallest = settings.method == .monteCarlo ? runs + settings.chunkSize : runs * 2
            runs = roundedToChunks(min(settings.maximumRuns, max(smallest, needed)))
        }
    }

    /// Runs the iterations in `iterations` (its start a whole number of chunks); `designRows` is
    /// the size of the Latin hypercube or Sobol design they belong to.
    private static func runFixed(_ plan: SimulationPlan, settings: SimulationSettings, iterations: Range<Int>,
                                 designRows: Int, progress: (@Sendable (Int, Int) -> Void)?,
                                 shouldStop: (@Sendable () -> Bool)?) throws -> SimulationResult {
        let runs = iterations.upperBound
        let model = plan.model
        let years = model.horizonYears
        let national = plan.nationalAssumptions
        let uncertainIndices = national.indices.filter { national[$0].distribution.isUncertain }
        let keys = national.map { streamKey($0.name) }
        let design: NationalDesign?
        switch settings.method {
        case .monteCarlo: design = nil
        case .latinHypercube:
            design = NationalDesign.latinHypercube(rows: designRows, dimensions: uncertainIndices.count, seed: settings.seed,
                                                   streamKeys: uncertainIndices.map { keys[$0] })
        case .sobol:
            design = try NationalDesign.sobol(rows: designRows, dimensions: uncertainIndices.count)
        }

        let storage = ResultStorage(runs: iterations.count, years: years, offset: iterations.lowerBound)
        let drawStorage = settings.keepInputDraws
            ? InputDrawStorage(national: national, uncertainIndices: uncertainIndices, runs: iterations.count,
                               offset: iterations.lowerBound) : nil
        let firstChunk = iterations.lowerBound / settings.chunkSize
        let chunkCount = (runs + settings.chunkSize - 1) / settings.chunkSize - firstChunk
        let completedChunks = Atomic<Int>(0)
        let chunks = TaskClaims(firstChunk..<(firstChunk + chunkCount))
        let finishedIterations = Atomic<Int>(0)
        let randomDraws = Atomic<Int>(0)
        let workers = max(1, min(settings.threads, chunkCount))
        // Post costs and funding renewals draw from separate streams, so two scenarios with the
        // same posts but different funding mixes still share their salary and budget draws.
        let postKey = streamKey("post-level inputs")
        let renewalKey = streamKey("post funding renewals")
        let nationalFundingKey = streamKey("national funding decisions")
        // Distributions and ranges copied out once: reading them through the assumptions in the
        // inner loops would retain and release their strings for every draw.
        let nationalDistributions = national.map(\.bounded)
        let postDraws = PostDraws(plan: plan)
        let kernel = plan.kernel
        let funding = plan.funding

        storage.fill {
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                let scratch = ScenarioKernel.Scratch(kernel: kernel)
                var outcome = ScenarioOutcome(horizonYears: years)
                var values = plan.centralNationalValues
                var inputs = plan.nationalInputs(values)
                let fundingKernels = postDraws.makeFundingKernels()
                // One draw per mix, refilled in place in each iteration.
                var fundingDraws = funding.map { _ in FundingDraw() }
                var draws = 0
                // Every renewal uniform goes through this buffer, so it hands out each chunk's stream in order.
                var renewals = BufferedUniforms()
                // A chunk's draws of each uncertain input, input by input (`dimension × chunkSize + i`).
                let nationalColumns = UnsafeMutableBufferPointer<Double>.allocate(
                    capacity: design == nil ? max(1, uncertainIndices.count * settings.chunkSize) : 1)
                defer { nationalColumns.deallocate() }
                // A chunk's draws depend only on its number, so who runs it changes nothing.
                while let chunk = chunks.claim() {
                    if shouldStop?() == true { break }
                    let first = chunk * settings.chunkSize
                    let last = min(runs, first + settings.chunkSize)
                    // Each uncertain input has a stream of its own, so the chunk's draws of one input
                    // are the same whether taken iteration by iteration or, as here, all at once
                    // before the iterations: one stream at a time, a block of uniforms where the
                    // draws are their quantiles.
                    if design == nil {
                        for (dimension, index) in uncertainIndices.enumerated() {
                            let stream = RandomStream.derived(seed: settings.seed ^ keys[index], chunk: chunk, algorithm: generator)
                            let start = dimension * settings.chunkSize
                            nationalDistributions[index].fill(UnsafeMutableBufferPointer(rebasing: nationalColumns[start..<(start + last - first)]),
                                                              using: stream)
                        }
                        draws += uncertainIndices.count * (last - first)
                    }
                    let postStream = RandomStream.derived(seed: settings.seed ^ postKey, chunk: chunk, algorithm: generator)
                    let renewalStream = RandomStream.derived(seed: settings.seed ^ renewalKey, chunk: chunk, algorithm: generator)
                    renewals.reset(stream: renewalStream)
                    let nationalFundingStream = RandomStream.derived(seed: settings.seed ^ nationalFundingKey, chunk: chunk, algorithm: generator)
                    for iteration in first..<last {
                        for (dimension, index) in uncertainIndices.enumerated() {
                            if let design {
                                values[index] = nationalDistributions[index].quantile(design.value(iteration: iteration, dimension: dimension))
                            } else {
                                values[index] = nationalColumns[dimension * settings.chunkSize + iteration - first]
                            }
                        }
                        inputs.set(ordered: values)
                        values.withUnsafeBufferPointer { buffer in
                            for mix in funding.indices {
                                funding[mix].draw(into: &fundingDraws[mix], buffer, horizonYears: years, uniform: {
                                    draws += 1
                                    return nationalFundingStream.uniform()
                                })
                            }
                        }
                        draws += postDraws.drawCosts(into: scratch, stream: postStream)
                        draws += postDraws.drawFunding(fundingDraws, into: scratch, kernels: fundingKernels, uniforms: &renewals)
                        kernel.evaluate(national: inputs, survival: nil, scratch: scratch, into: &outcome)
                        storage.store(outcome, iteration: iteration)
                        drawStorage?.store(iteration: iteration, nationalValues: values,
                                           valuePerIdentification: model.valuePerIdentification(inputs))
                    }
                    completedChunks.add(1, ordering: .relaxed)
                    let done = finishedIterations.add(last - first, ordering: .relaxed).newValue
                    progress?(iterations.lowerBound + done, runs)
                }
                randomDraws.add(draws, ordering: .relaxed)
            }
        }
        let interrupted = completedChunks.load(ordering: .relaxed) < chunkCount
        var result = storage.result(plan: plan, settings: settings, interrupted: interrupted,
                                    randomDraws: randomDraws.load(ordering: .relaxed))
        result.inputDraws = drawStorage?.draws(kept: storage.keptIterations)
        return result
    }
}

/// Where worker threads put each iteration's outcome: every metric's column, and every yearly
/// metric's iterations × years, written in place in the arrays the result keeps. The arrays are
/// made without a first pass of placeholder values, so each worker touches its own pages first, and
/// a complete run hands them over as they are (an interrupted one keeps the finished iterations);
/// each iteration's slots are written by exactly one worker.
private final class ResultStorage: @unchecked Sendable {
    let runs: Int
    let years: Int
    /// The first iteration stored here (iteration i goes to slot i − offset).
    let offset: Int
    private var metricBuffers: [UnsafeMutableBufferPointer<Double>] = []
    private var yearlyBuffers: [UnsafeMutableBufferPointer<Double>] = []
    private let written: UnsafeMutableBufferPointer<Bool>
    private var metricColumns: [[Double]] = []
    private var yearlyColumns: [[Double]] = []

    init(runs: Int, years: Int, offset: Int) {
        self.runs = runs
        self.years = years
        self.offset = offset
        written = .allocate(capacity: runs)
        written.initialize(repeating: false)
    }

    deinit { written.deallocate() }

    /// Runs `work`, which stores iterations with ``store(_:iteration:)`` (from any thread); slots of
    /// iterations it did not store (an interrupted run) are then set to NaN, so every element of
    /// the columns is written before they are handed out.
    func fill(_ work: () -> Void) {
        let metricCount = Metric.allCases.count
        let lengths = Array(repeating: runs, count: metricCount)
            + Array(repeating: runs * years, count: YearlyMetric.allCases.count)
        let columns = Self.columns(lengths: lengths[...], opened: []) { buffers in
            metricBuffers = Array(buffers[..<metricCount])
            yearlyBuffers = Array(buffers[metricCount...])
            work()
            for iteration in 0..<runs where !written[iteration] {
                for buffer in metricBuffers { buffer[iteration] = .nan }
                for buffer in yearlyBuffers { for t in 0..<years { buffer[iteration * years + t] = .nan } }
            }
            metricBuffers = []
            yearlyBuffers = []
        }
        metricColumns = Array(columns[..<metricCount])
        yearlyColumns = Array(columns[metricCount...])
    }

    /// Makes one array of doubles for each length and calls `fill` with a buffer over each, nested
    /// so that every buffer is used only while its array is being made; `fill` writes every element.
    private static func columns(lengths: ArraySlice<Int>, opened: [UnsafeMutableBufferPointer<Double>],
                                fill: ([UnsafeMutableBufferPointer<Double>]) -> Void) -> [[Double]] {
        guard let length = lengths.first else {
            fill(opened)
            return []
        }
        var rest: [[Double]] = []
        let column = [Double](unsafeUninitializedCapacity: length) { buffer, initialized in
            rest = columns(lengths: lengths.dropFirst(), opened: opened + [UnsafeMutableBufferPointer(rebasing: buffer[..<length])],
                           fill: fill)
            initialized = length
        }
        return [column] + rest
    }

    func store(_ outcome: ScenarioOutcome, iteration globalIteration: Int) {
        let iteration = globalIteration - offset
        for (metric, buffer) in zip(Metric.allCases, metricBuffers) { buffer[iteration] = metric.value(of: outcome) }
        let base = iteration * years
        for (metric, buffer) in zip(YearlyMetric.allCases, yearlyBuffers) {
            switch metric {
            case .cost: for t in 0..<years { buffer[base + t] = outcome.costByYear[t] }
            case .benefit: for t in 0..<years { buffer[base + t] = outcome.benefitByYear[t] }
            case .identifications: for t in 0..<years { buffer[base + t] = outcome.identificationsByYear[t] }
            case .posts: for t in 0..<years { buffer[base + t] = outcome.postsByYear[t] }
            }
        }
        written[iteration] = true
    }

    /// The slots of the iterations that finished (all of them unless the run was interrupted).
    var keptIterations: [Int] { (0..<runs).filter { written[$0] } }

    func result(plan: SimulationPlan, settings: SimulationSettings, interrupted: Bool, randomDraws: Int) -> SimulationResult {
        let kept = keptIterations
        let complete = kept.count == runs
        var metrics: [Metric: [Double]] = [:]
        for (metric, column) in zip(Metric.allCases, metricColumns) {
            metrics[metric] = complete ? column : kept.map { column[$0] }
        }
        var yearly: [YearlyMetric: [Double]] = [:]
        for (metric, column) in zip(YearlyMetric.allCases, yearlyColumns) {
            if complete {
                yearly[metric] = column
            } else {
                var values: [Double] = []
                values.reserveCapacity(kept.count * years)
                for i in kept { values.append(contentsOf: column[(i * years)..<((i + 1) * years)]) }
                yearly[metric] = values
            }
        }
        var used = settings
        used.runs = kept.count
        return SimulationResult(scenarioName: plan.model.name, horizonYears: years, iterations: kept.count,
                                settings: used, metrics: metrics, yearly: yearly, interrupted: interrupted,
                                randomDraws: randomDraws)
    }
}
