import ArgumentParser
import Foundation
import GSLKit
import MSCModel
import MSCReport
import MSCSimulation

extension SamplingMethod: ExpressibleByArgument {}

/// Options of every command that runs the Monte Carlo engine.
struct RunOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Iterations (Monte Carlo runs).")
    var runs: Int = 10_000

    @Option(help: "Random seed: the same seed gives the same output to the last digit, whatever the thread count.")
    var seed: UInt64 = 20250101

    @Option(help: "Sampling of national inputs: mc (Monte Carlo), lhs (Latin hypercube) or sobol.")
    var sampling: SamplingMethod = .monteCarlo

    @Option(parsing: .unconditional, help: "Worker threads (default: the number of cores).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .customLong("target-mcse"), parsing: .unconditional, help: ArgumentHelp("Keep running until the NPV's Monte Carlo standard error is below this many pounds (at most 1,000,000 iterations).", valueName: "pounds"))
    var targetMCSE: Double?

    func validate() throws {
        guard InputBounds.runs.contains(runs) else {
            throw ValidationError("--runs must be \(InputBounds.describe(Double(InputBounds.runs.lowerBound)...Double(InputBounds.runs.upperBound)))")
        }
        guard InputBounds.threads.contains(threads) else {
            throw ValidationError("--threads must be \(InputBounds.describe(Double(InputBounds.threads.lowerBound)...Double(InputBounds.threads.upperBound)))")
        }
        let money = MSCModel.Unit.gbp.plausibleRange
        if let targetMCSE, !(targetMCSE > 0 && money.contains(targetMCSE)) {
            throw ValidationError("--target-mcse must be an amount in pounds above 0 and at most \(InputBounds.shown(money.upperBound)), found \(targetMCSE)")
        }
    }

    var settings: SimulationSettings {
        SimulationSettings(runs: runs, seed: seed, method: sampling, threads: threads, targetNPVStandardError: targetMCSE)
    }
}

/// Loading scenarios and running them, shared by run, compare, sensitivity and export.
enum ScenarioRuns {
    /// Loads each scenario file into a runnable plan.
    static func plans(_ paths: [String], common: CommonOptions) throws -> [ScenarioPlan] {
        let plans = try paths.map {
            try ScenarioPlan.load(path: $0, assumptionsDirectory: common.assumptionsDirectory, authoritiesPath: common.authoritiesPath)
        }
        try ScenarioPlan.requireDistinctNames(plans)
        return plans
    }

    /// Runs each plan with the same settings (common random numbers), showing progress on a terminal;
    /// `keepInputDraws` keeps each iteration's inputs for decision analysis.
    static func simulate(_ plans: [ScenarioPlan], options: RunOptions, keepInputDraws: Bool = false) throws -> [SimulationResult] {
        installInterruptHandler()
        var results: [SimulationResult] = []
        for plan in plans {
            let bar = ProgressBar(label: plan.scenario.name)
            var progress: (@Sendable (Int, Int) -> Void)?
            if let bar {
                progress = { done, total in bar.update(done: done, total: total) }
            }
            var settings = options.settings
            settings.keepInputDraws = keepInputDraws
            let result = try SimulationEngine.run(plan.plan, settings: settings, progress: progress)
            bar?.finish()
            if result.interrupted || SimulationEngine.isCancelled {
                throw CommandFailure(message: "interrupted after \(result.iterations) iterations; nothing written")
            }
            if let target = options.targetMCSE {
                let reached = result.summary(.netPresentValue).monteCarloStandardError
                if reached > target {
                    let note = "msc: note: \(plan.scenario.name): NPV standard error £\(NumberText.grouped(reached, decimals: 0)) is above the target £\(NumberText.grouped(target, decimals: 0)) at the cap of \(NumberText.grouped(Double(result.iterations), decimals: 0)) iterations\n"
                    FileHandle.standardError.write(Data(note.utf8))
                }
            }
            results.append(result)
        }
        return results
    }

    /// For each plan, the index of its baseline among `plans` (the declared baseline when loaded,
    /// otherwise the first scenario), or nil for the reference itself.
    ///
    /// A declared baseline whose file does not exist is a typo, and an error here.
    static func baselineIndices(_ plans: [ScenarioPlan]) throws -> [Int?] {
        try plans.enumerated().map { index, plan in
            if let declared = plan.scenario.baseline {
                if let found = plans.firstIndex(where: { $0.scenario.name == declared.name }), found != index {
                    return found
                }
                if !FileManager.default.fileExists(atPath: declared.path) {
                    throw InputError(file: plan.scenario.file, line: declared.line, key: "baseline",
                                     message: "no scenario file \(declared.path); expected the name of a scenario in the same folder, e.g. status-quo")
                }
            }
            return index == 0 ? nil : 0
        }
    }

    static func manifest(_ plans: [ScenarioPlan], options: RunOptions, runs: Int, command: String) -> RunManifest {
        RunManifest(seed: options.seed, runs: runs, method: options.sampling, gslVersion: GSLLibrary.version,
                    filePaths: plans.flatMap(\.inputFiles), command: command)
    }

    /// The command line as typed, for "how to reproduce", less `--threads N` (which changes no
    /// result, so leaving it out keeps outputs identical whatever the thread count).
    static var commandLine: String {
        var arguments = Array(CommandLine.arguments.dropFirst())
        while let at = arguments.firstIndex(where: { $0 == "--threads" || $0.hasPrefix("--threads=") }) {
            let count = arguments[at] == "--threads" && at + 1 < arguments.count ? 2 : 1
            arguments.removeSubrange(at..<(at + count))
        }
        return (["msc"] + arguments).map { $0.contains(" ") ? "\"\($0)\"" : $0 }.joined(separator: " ")
    }

    private static func installInterruptHandler() {
        signal(SIGINT) { _ in SimulationEngine.requestCancel() }
    }
}

/// A progress bar with time left on stderr, only when stderr is a terminal.
final class ProgressBar: @unchecked Sendable {
    private let label: String
    private let start = Date()
    private let lock = NSLock()
    private var lastDrawn = Date.distantPast

    init?(label: String) {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        self.label = label
    }

    func update(done: Int, total: Int) {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(lastDrawn) > 0.1 || done == total else { return }
        lastDrawn = now
        let fraction = Double(done) / Double(max(total, 1))
        let width = 30
        let filled = Int(fraction * Double(width))
        let elapsed = now.timeIntervalSince(start)
        let left = fraction > 0 ? elapsed * (1 - fraction) / fraction : 0
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let text = "\r\(label) [\(bar)] \(Int(fraction * 100))%  \(done)/\(total)  about \(Int(left.rounded(.up)))s left "
        FileHandle.standardError.write(Data(text.utf8))
    }

    func finish() {
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}

extension ScenarioRuns {
    /// Runs the scenarios and gathers everything an evidence pack shows: the comparison, the
    /// per-authority and funding tables, the assumptions used, tornado bars and survival curves.
    static func buildEvidencePack(scenarioPaths: [String], common: CommonOptions, options: RunOptions) throws -> EvidencePack {
        let plans = try plans(scenarioPaths, common: common)
        let results = try simulate(plans, options: options, keepInputDraws: plans.count >= 2)
        let comparison = ComparisonReport(results: results, baselineIndex: try baselineIndices(plans),
                                          manifest: manifest(plans, options: options, runs: results.first?.iterations ?? 0,
                                                             command: commandLine))
        let layout = try HexLayout.load(assumptionsDirectory: common.assumptionsDirectory)
        return try EvidencePack(plans: plans, comparison: comparison, decisionSeed: options.seed, threads: options.threads,
                                maps: (layout, try common.loadAuthorities()))
    }
}
