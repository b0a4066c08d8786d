// msc-bench: how fast the engine runs on this machine, measured, never asserted in a test.
//
// For each scenario (default: national-rollout, status-quo, county-shared) and each size and
// thread count it prints the wall time of the Monte Carlo, iterations per second, the random draws
// per iteration the engine counted as it drew them, and how the draw rate compares with GSL's bare
// uniform rate of the engine's generator (taus2) measured at the start of the same run (the floor: a run can be no faster
// than drawing its numbers). `msc-bench [SCENARIO.yaml ...]` from the package root.
import Dispatch
import Foundation
import GSLKit
import MSCModel
import MSCSimulation

func seconds(_ work: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try work()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

let root = FileManager.default.currentDirectoryPath
let arguments = Array(CommandLine.arguments.dropFirst())
let scenarioPaths = arguments.isEmpty
    ? ["national-rollout", "status-quo", "county-shared"].map { root + "/Scenarios/\($0).yaml" }
    : arguments
do {
    // The floor: GSL's bare uniform draws on one thread.
    let stream = RandomStream(seed: 1, algorithm: SimulationEngine.generator)
    var sink = 0.0
    let bareDraws = 50_000_000
    let bareTime = seconds { for _ in 0..<bareDraws { sink += stream.uniform() } }
    let bareRate = Double(bareDraws) / bareTime
    print(String(format: "GSL %@ bare uniform draws (the engine's generator): %.1f million/s on 1 thread",
                 "\(SimulationEngine.generator)", bareRate / 1e6))
    print("scenario           iterations threads    wall s  iterations/s  draws/iteration  million draws/s  floor s  wall/floor")
    for path in scenarioPaths {
        let plan = try ScenarioPlan.load(path: path, assumptionsDirectory: root + "/Assumptions",
                                         authoritiesPath: root + "/Assumptions/authorities.csv")
        let simulation = plan.plan
        var central = ScenarioOutcome(horizonYears: simulation.model.horizonYears)
        let centralTime = seconds { for _ in 0..<100 { central = simulation.centralCase() } } / 100
        let uncertain = simulation.nationalAssumptions.filter { $0.distribution.isUncertain }.count
        print(String(format: "%@: %d posts, %d years, %d uncertain national inputs; central case %.3f ms (NPV £%.0f)",
                     plan.scenario.name, simulation.model.posts.count, simulation.model.horizonYears, uncertain,
                     centralTime * 1000, central.netPresentValue))
        for runs in [10_000, 100_000] {
            for threads in [1, 2] {
                let settings = SimulationSettings(runs: runs, seed: 20250101, threads: threads)
                var result: SimulationResult?
                let time = try seconds { result = try SimulationEngine.run(simulation, settings: settings) }
                let draws = Double(result?.randomDraws ?? 0)
                // The floor: the same draws at the bare rate on every thread used.
                let floor = draws / (bareRate * Double(threads))
                print(String(format: "%-18@ %10d %7d %9.3f %13.0f %16.1f %16.1f %8.3f %11.1f",
                             plan.scenario.name, runs, threads, time, Double(runs) / time, draws / Double(runs),
                             draws / time / 1e6, floor, time / floor))
            }
        }
    }
    if sink < 0 { print(sink) }
} catch {
    FileHandle.standardError.write(Data("msc-bench: \(error)\n".utf8))
    exit(1)
}
