import GSLKit
import MSCModel
import MSCReport
import MSCSimulation

/// Scenarios resolved into a comparison and run: every plan with the same settings and seed, so
/// iteration i of each draws every input they share alike (common random numbers).
public struct SimulatedScenarios {
    public let resolved: ComparisonPlans
    /// One result per plan of ``resolved``, in its order.
    public let results: [SimulationResult]
    public let settings: SimulationSettings

    public var plans: [ScenarioPlan] { resolved.plans }
    /// Iterations each scenario ran (all ran the same number, unless a standard error target let them differ).
    public var iterations: Int { results.first?.iterations ?? 0 }

    /// Runs each plan of `resolved` in turn with `settings` (its threads within each run).
    ///
    /// - Throws: ``UseCaseError/stopped(afterIterations:)`` when `control` stops the work.
    public static func run(_ resolved: ComparisonPlans, settings: SimulationSettings, control: WorkControl) throws -> SimulatedScenarios {
        var results: [SimulationResult] = []
        for (index, plan) in resolved.plans.enumerated() {
            try control.checkNotStopped()
            var progress: (@Sendable (Int, Int) -> Void)?
            if let report = control.progress {
                let name = plan.scenario.name
                let count = resolved.plans.count
                progress = { done, total in report(RunProgress(index: index, scenarios: count, name: name, done: done, total: total)) }
            }
            let result = try SimulationEngine.run(plan.plan, settings: settings, progress: progress, shouldStop: control.shouldStop)
            if result.interrupted { throw UseCaseError.stopped(afterIterations: result.iterations) }
            control.finished?(plan, result)
            results.append(result)
        }
        try control.checkNotStopped(afterIterations: results.last?.iterations ?? 0)
        return SimulatedScenarios(resolved: resolved, results: results, settings: settings)
    }

    /// How to reproduce these runs: seed, iterations, sampling, GSL's version, every input file,
    /// and `command` (the command line as typed, or the request as sent).
    public func manifest(command: String) -> RunManifest {
        RunManifest.of(plans, settings: settings, runs: iterations, command: command)
    }
}

extension RunManifest {
    /// The manifest of `plans` run `runs` times with `settings` (0 runs: a central case).
    public static func of(_ plans: [ScenarioPlan], settings: SimulationSettings, runs: Int, command: String) -> RunManifest {
        RunManifest(seed: settings.seed, runs: runs, method: settings.method, gslVersion: GSLLibrary.version,
                    filePaths: plans.flatMap(\.inputFiles), command: command)
    }
}
