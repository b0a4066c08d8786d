import ArgumentParser
import Foundation
import GSLKit
import MSCReport
import MSCSimulation

/// `msc sensitivity SCENARIO`: which assumptions the NPV hangs on.
struct SensitivityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensitivity",
        abstract: "Which assumptions the answer hangs on: tornado (one-way) and Sobol indices (variance-based) of NPV.")

    @Argument(help: "Scenario file, e.g. Scenarios/national-rollout.yaml.")
    var scenario: String

    @Option(help: "Base samples for the Sobol indices (the NPV is evaluated samples × (inputs + 2) times).")
    var samples: Int = 2000

    @Option(help: "Random seed.")
    var seed: UInt64 = 20250101

    @Option(parsing: .unconditional, help: "Worker threads (default: the number of cores; the results do not depend on it).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var common: CommonOptions

    func validate() throws {
        guard (100...200_000).contains(samples) else { throw ValidationError("--samples must be between 100 and 200,000") }
        guard (1...256).contains(threads) else { throw ValidationError("--threads must be from 1 to 256, found \(threads)") }
    }

    func run() throws {
        let plan = try ScenarioRuns.plans([scenario], common: common)[0]
        let report = SensitivityReport(scenarioName: plan.scenario.name,
                                       analysis: SensitivityAnalysis(plan: plan.plan, baseSamples: samples, seed: seed,
                                                                     threads: threads))
        let manifest = RunManifest(seed: seed, runs: samples, method: .monteCarlo, gslVersion: GSLLibrary.version,
                                   filePaths: plan.inputFiles, command: ScenarioRuns.commandLine)
        emit(report, format: common.format, manifest: manifest)
    }
}
