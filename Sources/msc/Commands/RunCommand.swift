import ArgumentParser
import Foundation
import GSLKit
import MSCModel
import MSCReport
import MSCSimulation
import MSCUseCases

/// `msc run SCENARIO`: one scenario's Monte Carlo, or its deterministic central case.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run one scenario: cost, identifications, NPV and BCR with uncertainty, or the central case.")

    @Argument(help: "Scenario file, e.g. Scenarios/national-rollout.yaml.")
    var scenario: String

    @Flag(help: "The central case only: every input at its central value, posts weighted by expected survival; adds switching values.")
    var deterministic = false

    @OptionGroup var common: CommonOptions
    @OptionGroup var runOptions: RunOptions

    func run() throws {
        let selection = try ScenarioRuns.selection([scenario], baseline: nil, common: common)
        if deterministic {
            let report = try RunScenario.centralCases(selection.listed)[0]
            emit(report, format: common.format,
                 manifest: .of(selection.listed, settings: runOptions.settings, runs: 0, command: ScenarioRuns.commandLine))
            return
        }
        let request = RunScenario.Request(selection: selection, settings: runOptions.settings, command: ScenarioRuns.commandLine)
        let summary = try ScenarioRuns.call { try RunScenario.monteCarlo(request, control: ScenarioRuns.control(runOptions)) }
        emit(ScenarioRunReport(summary: summary), format: common.format)
    }
}
