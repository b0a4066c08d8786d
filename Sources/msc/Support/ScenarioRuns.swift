import ArgumentParser
import Foundation
import GSLKit
import MSCModel
import MSCReport
import MSCSimulation
import MSCUseCases

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

    /// The scenario files given, loaded, with `--baseline` and the rule for finding a baseline
    /// that was not given: the scenario file beside them (``ComparisonPlans/BaselineSource/files(besides:load:)``).
    static func selection(_ paths: [String], baseline: String?, common: CommonOptions) throws -> ScenarioSelection {
        try noteUnusedSettings(common, output: .appraisal)
        let load = { (path: String) in try Self.load(path, common: common) }
        return ScenarioSelection(listed: try paths.map(load), baseline: baseline, baselineSource: .files(besides: paths, load: load))
    }

    /// How a command's runs are watched and stopped: Ctrl-C, a progress bar on a terminal, and a
    /// note when a `--target-mcse` was not reached.
    static func control(_ options: RunOptions) -> WorkControl {
        installInterruptHandler()
        let bars = ProgressBars()
        let target = options.targetMCSE
        return WorkControl(
            cancellation: interruptToken,
            progress: { bars.update($0) },
            finished: { plan, result in
                bars.finish()
                guard let target else { return }
                let reached = result.summary(.netPresentValue).monteCarloStandardError
                if reached > target {
                    let note = "msc: note: \(plan.scenario.name): NPV standard error £\(NumberText.grouped(reached, decimals: 0)) is above the target £\(NumberText.grouped(target, decimals: 0)) at the cap of \(NumberText.grouped(Double(result.iterations), decimals: 0)) iterations\n"
                    FileHandle.standardError.write(Data(note.utf8))
                }
            })
    }

    /// Calls a use case, saying "interrupted" (exit status 130) when Ctrl-C stopped it.
    static func call<T>(_ useCase: () throws -> T) throws -> T {
        do {
            return try useCase()
        } catch UseCaseError.stopped(let iterations) {
            ProgressBars().finish()   // the interrupted run's bar, cleared before the message
            throw Interrupted(message: "interrupted after \(iterations) iterations; nothing written")
        } catch let error as ComparisonPlans.BaselineError {
            throw CommandFailure(message: error.message)
        } catch let error as DecisionError {
            throw CommandFailure(message: error.description)
        }
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
    static func installInterruptHandler() {
        signal(SIGINT) { _ in interruptToken.cancel() }
        // A parent may start msc with SIGINT blocked (Foundation's Process does, on Linux); unblock
        // it on this thread so Ctrl-C, or a supervisor's interrupt, always reaches the handler.
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &interrupt, nil)
    }
}

/// A progress bar with time left on stderr for the scenario being run, only when stderr is a
/// terminal; a new scenario starts a new bar.
final class ProgressBars: @unchecked Sendable {
    private let onTerminal = isatty(STDERR_FILENO) == 1
    private let lock = NSLock()
    private var scenario = -1
    private var start = Date()
    private var lastDrawn = Date.distantPast

    func update(_ progress: RunProgress) {
        guard onTerminal else { return }
        let (scenario, done, total) = (progress.index, progress.done, progress.total)
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        if scenario != self.scenario {
            self.scenario = scenario
            start = now
            lastDrawn = .distantPast
        }
        guard now.timeIntervalSince(lastDrawn) > 0.1 || done == total else { return }
        lastDrawn = now
        let fraction = Double(done) / Double(max(total, 1))
        let width = 30
        let filled = Int(fraction * Double(width))
        let elapsed = now.timeIntervalSince(start)
        let left = fraction > 0 ? elapsed * (1 - fraction) / fraction : 0
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let text = "\r\(progress.name) [\(bar)] \(Int(fraction * 100))%  \(done)/\(total)  about \(Int(left.rounded(.up)))s left "
        FileHandle.standardError.write(Data(text.utf8))
    }

    func finish() {
        guard onTerminal else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}

/// The cancellation token Ctrl-C cancels: the command line runs one command per process, so
/// this is that command's token; the engine itself keeps no process-wide state.
let interruptToken = CancellationToken()

/// The user stopped the run (Ctrl-C): exit status 130, as shells report an interrupted command.
struct Interrupted: Error {
    let message: String
}
