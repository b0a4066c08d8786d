// msc-bench: how fast the engine runs on this machine, measured, never asserted in a test.
//
// For each scenario (default: national-rollout, status-quo, county-shared) and each size it prints
// the wall time of the Monte Carlo on one thread held to each CPU in turn and on every CPU, the
// iterations per second, the random draws per iteration the engine counted as it drew them, and
// how the draw rate compares with GSL's bare uniform rate of the engine's generator (taus2)
// measured on each CPU at the start of the same run (the floor: a run can be no faster than drawing
// its numbers). On a virtual machine one CPU can run this work markedly slower than another while
// the host is busy, so one thread is timed on each, and the speed-up of all threads is given
// against the fastest CPU and against their mean. `msc-bench [SCENARIO.yaml ...]` from the package root.
import Dispatch
import Foundation
import GSLKit
import MSCModel
import MSCSimulation
import CBenchSupport

func seconds(_ work: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try work()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

let cpuCount = Int(msc_bench_cpu_count())

/// Holds the calling thread to `cpu` (nil: every CPU); false if the system refuses.
@discardableResult
func holdThread(to cpu: Int?) -> Bool {
    msc_bench_hold_thread_to_cpu(Int32(cpu ?? -1)) == 0
}

let root = FileManager.default.currentDirectoryPath
let arguments = Array(CommandLine.arguments.dropFirst())
let scenarioPaths = arguments.isEmpty
    ? ["national-rollout", "status-quo", "county-shared"].map { root + "/Scenarios/\($0).yaml" }
    : arguments
do {
    // The floor: GSL's bare uniform draws on one thread, on each CPU.
    var bareRates: [Double] = []
    for cpu in 0..<cpuCount {
        if !holdThread(to: cpu) && cpuCount > 1 { print("msc-bench: could not hold a thread to CPU \(cpu)") }
        let stream = RandomStream(seed: 1, algorithm: SimulationEngine.generator)
        var sink = 0.0
        let bareDraws = 50_000_000
        let bareTime = seconds { for _ in 0..<bareDraws { sink += stream.uniform() } }
        bareRates.append(Double(bareDraws) / bareTime)
        if sink < 0 { print(sink) }
    }
    holdThread(to: nil)
    let bareRate = bareRates.reduce(0, +) / Double(bareRates.count)
    print(String(format: "GSL %@ bare uniform draws (the engine's generator), million/s on one thread: %@ (CPU 0, 1, …); floor at their mean, %.1f",
                 "\(SimulationEngine.generator)", bareRates.map { String(format: "%.1f", $0 / 1e6) }.joined(separator: ", "),
                 bareRate / 1e6))
    print("scenario           iterations threads     CPU    wall s  iterations/s  draws/iteration  million draws/s  floor s  wall/floor")
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
            // Every CPU first, so that the worker threads are made free to run anywhere; then one
            // thread held to each CPU in turn (a one-thread run works on the calling thread).
            let placements: [(threads: Int, cpu: Int?)] = [(cpuCount, nil)] + (0..<cpuCount).map { (1, $0) }
            var times: [Double] = []
            for placement in placements {
                // A row whose thread could not be held to its CPU is left out, not mislabelled.
                if let cpu = placement.cpu, !holdThread(to: cpu) { continue }
                defer { holdThread(to: nil) }
                let settings = SimulationSettings(runs: runs, seed: 20250101, threads: placement.threads)
                var result: SimulationResult?
                let time = try seconds { result = try SimulationEngine.run(simulation, settings: settings) }
                times.append(time)
                let draws = Double(result?.randomDraws ?? 0)
                // The floor: the same draws at the bare rate on every thread used.
                let floor = draws / (bareRate * Double(placement.threads))
                print(String(format: "%-18@ %10d %7d %7@ %9.3f %13.0f %16.1f %16.1f %8.3f %11.1f",
                             plan.scenario.name, runs, placement.threads, placement.cpu.map { "\($0)" } ?? "all", time,
                             Double(runs) / time, draws / Double(runs), draws / time / 1e6, floor, time / floor))
            }
            let single = times.dropFirst()
            if let fastest = single.min(), single.count > 1 {
                let mean = single.reduce(0, +) / Double(single.count)
                print(String(format: "%-18@ %10d  %d threads: %.2f× one thread on the fastest CPU, %.2f× on the CPUs' mean",
                             plan.scenario.name, runs, cpuCount, fastest / times[0], mean / times[0]))
            }
        }
    }
} catch {
    FileHandle.standardError.write(Data("msc-bench: \(error)\n".utf8))
    exit(1)
}
