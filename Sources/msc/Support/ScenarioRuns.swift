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
        try noteUnusedSettings(common, output: .appraisal)
        let plans = try paths.map { try load($0, common: common) }
        try ScenarioPlan.requireDistinctNames(plans)
        return plans
    }

    /// Says on standard error, once, when a `--set` changes a rate that `output` does not read,
    /// and which output it does affect (``CostOutput/unusedSettingNotes(_:)``).
    static func noteUnusedSettings(_ common: CommonOptions, output: CostOutput) throws {
        for note in output.unusedSettingNotes(try common.settings().map(\.name)) {
            FileHandle.standardError.write(Data("note: --set \(note)\n".utf8))
        }
    }

    /// Loads one scenario file into a runnable plan, with the command line's `--set` values.
    static func load(_ path: String, common: CommonOptions) throws -> ScenarioPlan {
        try ScenarioPlan.load(path: path, assumptionsDirectory: common.assumptionsDirectory, authoritiesPath: common.authoritiesPath,
                              settings: try common.settings())
    }

    /// The scenarios to compare and each one's baseline (declared, loaded when not listed, or `--baseline`).
    static func comparisonPlans(_ paths: [String], baseline: String?, common: CommonOptions) throws -> ComparisonPlans {
        try noteUnusedSettings(common, output: .appraisal)
        let resolved: ComparisonPlans
        do {
            resolved = try ComparisonPlans.resolve(paths: paths, override: baseline) { try load($0, common: common) }
        } catch let error as ComparisonPlans.BaselineError {
            throw CommandFailure(message: error.message)
        }
        try ScenarioPlan.requireDistinctNames(resolved.plans)
        return resolved
    }

    /// Runs each plan with the same settings (common random numbers), showing progress on a terminal;
    /// `keepInputDraws` keeps each iteration's inputs for decision analysis.
    /// `keepYearlyIterations`: false when only the fans of the yearly values are reported (a
    /// comparison of several scenarios then holds far less memory).
    static func simulate(_ plans: [ScenarioPlan], options: RunOptions, keepInputDraws: Bool = false,
                         keepYearlyIterations: Bool = true) throws -> [SimulationResult] {
        installInterruptHandler()
        let cancellation = interruptToken
        var results: [SimulationResult] = []
        for plan in plans {
            let bar = ProgressBar(label: plan.scenario.name)
            var progress: (@Sendable (Int, Int) -> Void)?
            if let bar {
                progress = { done, total in bar.update(done: done, total: total) }
            }
            var settings = options.settings
            settings.keepInputDraws = keepInputDraws
            settings.keepYearlyIterations = keepYearlyIterations
            let result = try SimulationEngine.run(plan.plan, settings: settings, progress: progress, cancellation: cancellation)
            bar?.finish()
            if result.interrupted || cancellation.isCancelled {
                throw Interrupted(message: "interrupted after \(result.iterations) iterations; nothing written")
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

    /// Ctrl-C cancels the token of the command's simulation (one command per process).
    private static func installInterruptHandler() {
        signal(SIGINT) { _ in interruptToken.cancel() }
        // A parent may start msc with SIGINT blocked (Foundation's Process does, on Linux); unblock
        // it on this thread so Ctrl-C, or a supervisor's interrupt, always reaches the handler.
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &interrupt, nil)
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
    /// Runs the scenarios, analyses them (``EvidenceAnalysis``) and formats the evidence pack.
    /// With `pilot`, the pack adds what a pilot of the first scenario's posts against its baseline
    /// is worth (``PilotValuation``, the default grid), as `msc pilot` values it.
    static func buildEvidencePack(scenarioPaths: [String], baseline: String?, common: CommonOptions,
                                  options: RunOptions, pilot: Bool = false, target: Double? = nil) throws -> EvidencePack {
        let resolved = try comparisonPlans(scenarioPaths, baseline: baseline, common: common)
        let plans = resolved.plans
        let deciding = DecisionAnalysis.canDecide(sampling: options.sampling, iterations: options.runs)
        let results = try simulate(plans, options: options, keepInputDraws: deciding && plans.count >= 2)
        // The one decision pipeline: the options msc decide would weigh, its baseline rule.
        let analysis: EvidenceAnalysis
        do {
            analysis = try EvidenceAnalysis(plans: plans, results: results,
                                            decision: deciding ? DecisionRequest(baseline: baseline, seed: options.seed, threads: options.threads) : nil,
                                            decisionOptions: DecisionAnalysis.options(of: resolved))
        } catch let error as ComparisonPlans.BaselineError {
            throw CommandFailure(message: "--baseline: \(error.message)")
        }
        let comparison = try ComparisonReport.appraised(resolved, results: results,
                                                        manifest: manifest(plans, options: options, runs: results.first?.iterations ?? 0,
                                                                           command: commandLine),
                                                        centralCases: analysis.scenarios.map(\.centralCase))
        let layout = try HexLayout.load(assumptionsDirectory: common.assumptionsDirectory)
        let authorities = try common.loadAuthorities()
        var pack = try EvidencePack(analysis: analysis, comparison: comparison, maps: (layout, authorities))
        if let target {
            // The first scenario's rules and draws (its seed and iterations), every listed scenario marked on the frontier.
            let request = Targeting.Request(
                scenarioPath: scenarioPaths[0], assumptionsDirectory: common.assumptionsDirectory, authoritiesPath: common.authoritiesPath,
                settings: try common.settings(), limit: .budget(target), runs: options.runs, seed: options.seed,
                threads: options.threads, frontierSteps: 20, markedScenarioPaths: scenarioPaths)
            pack.target = TargetPackSection(result: try Targeting.run(request, cancellation: interruptToken), layout: layout,
                                            authorities: authorities)
        }
        if pilot {
            guard let comparator = resolved.baselineIndex[0] else {
                throw CommandFailure(message: "--pilot: \(plans[0].scenario.file) declares no baseline to pilot against; give --baseline")
            }
            do {
                let request = PilotValuation.Request(evaluationCostPerYear: try plans[0].assumptions.value("pilotEvaluationCostPerYear"),
                                                     seed: options.seed, threads: options.threads)
                let result = try PilotValuation.value(plan: plans[0], result: results[0], comparator: plans[comparator],
                                                      comparatorResult: results[comparator], request: request)
                pack.pilot = PilotReport(result: result, scenarioName: plans[0].scenario.name, comparatorName: plans[comparator].scenario.name)
            } catch let error as DecisionError {
                throw CommandFailure(message: "--pilot: \(error.description)")
            }
        }
        return pack
    }
}

/// The cancellation token Ctrl-C cancels: the command line runs one command per process, so
/// this is that command's token; the engine itself keeps no process-wide state.
let interruptToken = CancellationToken()

/// The user stopped the run (Ctrl-C): exit status 130, as shells report an interrupted command.
struct Interrupted: Error {
    let message: String
}
