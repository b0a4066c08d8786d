// msc-bench: how fast the engine runs on this machine, measured, never asserted in a test.
//
// For each scenario (default: national-rollout, status-quo, county-shared) and each size it prints
// the wall time of the Monte Carlo on one thread held to each CPU in turn and on every CPU, the
// iterations per second, the random draws per iteration the engine counted as it drew them, and
// how the draw rate compares with GSL's bare uniform rate of the engine's generator (taus2)
// measured on each CPU at the start of the same run (the floor: a run can be no faster than drawing
// its numbers). On a virtual machine one CPU can run this work markedly slower than another while
// the host is busy, so one thread is timed on each, and the speed-up of all threads is given
// against the fastest CPU and against their mean. The placements take turns for a few rounds and each
// row shows its fastest round and the median. `msc-bench [--repeat N] [SCENARIO.yaml ...]` from the
// package root.
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
var arguments = Array(CommandLine.arguments.dropFirst())
/// Rounds of each placement (`--repeat N`, default 3).
var repeats = 3
if let flag = arguments.firstIndex(of: "--repeat") {
    guard flag + 1 < arguments.count, let count = Int(arguments[flag + 1]), count > 0 else {
        FileHandle.standardError.write(Data("msc-bench: --repeat: expected a whole number of rounds above 0\n".utf8))
        exit(2)
    }
    repeats = count
    arguments.removeSubrange(flag...(flag + 1))
}
// `--pilot`: time `msc pilot`'s valuation instead (EVSI and ENBS of 5 sizes × 3 durations at
// 10,000 iterations, national-rollout against status-quo, on every CPU).
if let flag = arguments.firstIndex(of: "--pilot") {
    arguments.remove(at: flag)
    do {
        let plans = try ["status-quo", "national-rollout"].map {
            try ScenarioPlan.load(path: root + "/Scenarios/\($0).yaml", assumptionsDirectory: root + "/Assumptions",
                                  authoritiesPath: root + "/Assumptions/authorities.csv")
        }
        let settings = SimulationSettings(runs: 10_000, seed: 20250101, threads: cpuCount, keepInputDraws: true)
        var results: [SimulationResult] = []
        let simulation = try seconds { results = try plans.map { try SimulationEngine.run($0.plan, settings: settings) } }
        let request = PilotValuation.Request(evaluationCostPerYear: try plans[1].assumptions.value("pilotEvaluationCostPerYear"),
                                             seed: 20250101, threads: cpuCount, threshold: 250_000)
        var times: [Double] = []
        for _ in 0..<repeats {
            times.append(try seconds {
                _ = try PilotValuation.value(plan: plans[1], result: results[1], comparator: plans[0], comparatorResult: results[0],
                                             request: request)
            })
        }
        let sorted = times.sorted()
        print(String(format: "pilot valuation, %d designs × 10,000 iterations on %d threads: fastest %.3f s, median %.3f s, slowest %.3f s (%d rounds); the two scenarios' Monte Carlo before it %.3f s",
                     request.councils.count * request.years.count, cpuCount, sorted.first!, sorted[sorted.count / 2], sorted.last!,
                     repeats, simulation))
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("msc-bench: \(error)\n".utf8))
        exit(1)
    }
}
// `--target`: time `msc target`'s use case on national-rollout at 10,000 iterations on every CPU:
// one budget (£5m a year) without the frontier, then the full 20-budget frontier with it.
if let flag = arguments.firstIndex(of: "--target") {
    arguments.remove(at: flag)
    do {
        func request(frontier: Int) -> Targeting.Request {
            Targeting.Request(scenarioPath: root + "/Scenarios/national-rollout.yaml", assumptionsDirectory: root + "/Assumptions",
                              authoritiesPath: root + "/Assumptions/authorities.csv", limit: .budget(5_000_000), runs: 10_000,
                              seed: 20250101, threads: cpuCount, frontierSteps: frontier)
        }
        for frontier in [0, 20] {
            var times: [Double] = []
            var result: Targeting.Result?
            for _ in 0..<repeats { times.append(try seconds { result = try Targeting.run(request(frontier: frontier)) }) }
            let sorted = times.sorted()
            print(String(format: "target, £5m a year, %d candidate posts over %d councils, 10,000 iterations, both indices, %@ on %d threads: fastest %.3f s, median %.3f s, slowest %.3f s (%d rounds)",
                         result?.candidateCount ?? 0, result?.councilCount ?? 0, frontier == 0 ? "one budget" : "with the \(frontier)-budget frontier",
                         cpuCount, sorted.first!, sorted[sorted.count / 2], sorted.last!, repeats))
        }
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("msc-bench: \(error)\n".utf8))
        exit(1)
    }
}
if let unknown = arguments.first(where: { $0.hasPrefix("-") }) {
    FileHandle.standardError.write(Data("msc-bench: \(unknown): unknown option; expected msc-bench [--repeat N] [--pilot] [--target] [SCENARIO.yaml ...]\n".utf8))
    exit(2)
}
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
    // The same stream a block at a time, as the engine draws most of its numbers (shown beside the
    // floor, which stays GSL's one-call-a-draw rate so that figures from different builds compare).
    do {
        let stream = RandomStream(seed: 1, algorithm: SimulationEngine.generator)
        let block = UnsafeMutableBufferPointer<Double>.allocate(capacity: 256)
        defer { block.deallocate() }
        let blocks = 200_000
        var sink = 0.0
        let blockTime = seconds { for _ in 0..<blocks { stream.fillUniform(block); sink += block[255] } }
        if sink < 0 { print(sink) }
        print(String(format: "the same uniforms a block of 256 at a time (RandomStream.fillUniform), million/s on one thread: %.1f",
                     Double(blocks * 256) / blockTime / 1e6))
    }
    print("scenario           iterations threads     CPU    wall s    median  iterations/s  draws/iteration  million draws/s  floor s  wall/floor")
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
            // thread held to each CPU in turn (a one-thread run works on the calling thread). The
            // placements take turns, `repeats` rounds, and each row shows its fastest round: a
            // busy host slows runs at random, never speeds them up.
            let placements: [(threads: Int, cpu: Int?)] = [(cpuCount, nil)] + (0..<cpuCount).map { (1, $0) }
            var times = Array(repeating: [Double](), count: placements.count)
            var draws = Array(repeating: 0.0, count: placements.count)
            for _ in 0..<repeats {
                for (index, placement) in placements.enumerated() {
                    // A row whose thread could not be held to its CPU is left out, not mislabelled.
                    if let cpu = placement.cpu, !holdThread(to: cpu) { continue }
                    defer { holdThread(to: nil) }
                    let settings = SimulationSettings(runs: runs, seed: 20250101, threads: placement.threads)
                    var result: SimulationResult?
                    times[index].append(try seconds { result = try SimulationEngine.run(simulation, settings: settings) })
                    draws[index] = Double(result?.randomDraws ?? 0)
                }
            }
            for (index, placement) in placements.enumerated() {
                guard let time = times[index].min() else { continue }
                let sorted = times[index].sorted(), middle = sorted.count / 2
                let median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
                // The floor: the same draws at the bare rate on every thread used.
                let floor = draws[index] / (bareRate * Double(placement.threads))
                print(String(format: "%-18@ %10d %7d %7@ %9.3f %9.3f %13.0f %16.1f %16.1f %8.3f %11.1f",
                             plan.scenario.name, runs, placement.threads, placement.cpu.map { "\($0)" } ?? "all", time, median,
                             Double(runs) / time, draws[index] / Double(runs), draws[index] / time / 1e6, floor, time / floor))
            }
            let all = times[0], single = times.dropFirst().filter { !$0.isEmpty }
            if let allBest = all.min(), single.count > 1 {
                let best = single.map { $0.min()! }
                print(String(format: "%-18@ %10d  %d threads (fastest rounds): %.2f× one thread on the fastest CPU, %.2f× on the CPUs' mean",
                             plan.scenario.name, runs, cpuCount, best.min()! / allBest,
                             best.reduce(0, +) / Double(best.count) / allBest))
            }
        }
    }
} catch {
    FileHandle.standardError.write(Data("msc-bench: \(error)\n".utf8))
    exit(1)
}
