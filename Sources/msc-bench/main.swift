// msc-bench: how fast the engine runs on this machine, measured, never asserted in a test.
//
// Runs the national-rollout scenario at 10,000 and 100,000 iterations with 1 and 2 threads and
// prints iterations and random draws per second, with GSL's bare MT19937 draw rate as the floor.
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
let scenarioPath = CommandLine.arguments.dropFirst().first ?? root + "/Scenarios/national-rollout.yaml"
do {
    let plan = try ScenarioPlan.load(path: scenarioPath, assumptionsDirectory: root + "/Assumptions",
                                     authoritiesPath: root + "/Assumptions/authorities.csv")
    let posts = plan.plan.model.posts.count, years = plan.plan.model.horizonYears
    let uncertainNational = plan.plan.nationalAssumptions.filter { $0.distribution.isUncertain }.count
    print("msc-bench: \(plan.scenario.name), \(posts) posts, \(years) years, \(uncertainNational) uncertain national inputs")

    var central = ScenarioOutcome(horizonYears: years)
    let centralTime = seconds { for _ in 0..<100 { central = plan.plan.centralCase() } } / 100
    print(String(format: "deterministic central case: %.3f ms (NPV £%.0f)", centralTime * 1000, central.netPresentValue))

    // The floor: GSL's bare uniform draws on one thread.
    let stream = RandomStream(seed: 1)
    var sink = 0.0
    let bareDraws = 50_000_000
    let bareTime = seconds { for _ in 0..<bareDraws { sink += stream.uniform() } }
    print(String(format: "GSL MT19937 bare uniform draws: %.1f million/s (1 thread)", Double(bareDraws) / bareTime / 1e6))

    for runs in [10_000, 100_000] {
        for threads in [1, 2] {
            let settings = SimulationSettings(runs: runs, seed: 20250101, threads: threads)
            var result: SimulationResult?
            let time = try seconds { result = try SimulationEngine.run(plan.plan, settings: settings) }
            // Per iteration: each uncertain national input once; per post a salary, a budget and
            // at least one uniform per funding renewal point.
            let renewalsPerPost = years / 3
            let draws = Double(runs) * Double(uncertainNational + posts * (2 + renewalsPerPost))
            print(String(format: "%7d iterations, %d thread%@: %6.2f s  %9.0f iterations/s  %6.1f million draws/s  (mean NPV £%.0f)",
                         runs, threads, threads == 1 ? " " : "s", time, Double(runs) / time, draws / time / 1e6,
                         result?.summary(.netPresentValue).mean ?? .nan))
        }
    }
    if sink < 0 { print(sink) }
} catch {
    FileHandle.standardError.write(Data("msc-bench: \(error)\n".utf8))
    exit(1)
}
