import ArgumentParser
import Foundation
import GSLKit
import MSCModel
import MSCReport
import MSCSimulation

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
        let plan = try ScenarioRuns.plans([scenario], common: common)[0]
        if deterministic {
            let report = CentralCaseReport(plan: plan, analysis: try CentralCaseAnalysis(plan: plan.plan))
            let manifest = ScenarioRuns.manifest([plan], options: runOptions, runs: 0, command: ScenarioRuns.commandLine)
            emit(report, format: common.format, manifest: manifest)
            return
        }
        let results = try ScenarioRuns.simulate([plan], options: runOptions)
        let summary = try ComparisonReport.appraised(.uncompared([plan]), results: results,
                                                     manifest: ScenarioRuns.manifest([plan], options: runOptions, runs: results[0].iterations,
                                                                                     command: ScenarioRuns.commandLine))
        emit(ScenarioRunReport(summary: summary), format: common.format)
    }
}
