import Synchronization
import Testing
import MSCTestSupport
@testable import MSCSimulation

/// Cancelling one run leaves later runs in the same process untouched: the token is the run's own.
@Suite struct CancellationTests {
    @Test func aCancelledTokenStopsItsRunOnly() throws {
        let plan = makePlan()
        let settings = SimulationSettings(runs: 1000, seed: 5, threads: 1)
        let stopped = CancellationToken()
        stopped.cancel()
        let interrupted = try SimulationEngine.run(plan, settings: settings, cancellation: stopped)
        #expect(interrupted.interrupted)
        #expect(interrupted.iterations < 1000)
        // A later run with a fresh token (or none) runs in full.
        let later = try SimulationEngine.run(plan, settings: settings, cancellation: CancellationToken())
        #expect(!later.interrupted)
        #expect(later.iterations == 1000)
        #expect(!(try SimulationEngine.run(plan, settings: settings)).interrupted)
    }

    /// A run stopped after some chunks keeps exactly the iterations those chunks finished, each
    /// with the values the full run gives it, and nothing of the chunks it never ran.
    @Test func aRunStoppedPartWayKeepsWhatItFinished() throws {
        let plan = makePlan()
        for threads in [1, 2] {
            let settings = SimulationSettings(runs: 2000, seed: 5, threads: threads, chunkSize: 100)
            let full = try SimulationEngine.run(plan, settings: settings)
            let asked = Atomic<Int>(0)
            // Each worker asks before each chunk it takes: seven chunks run, then every worker stops.
            let part = try SimulationEngine.run(plan, settings: settings,
                                                shouldStop: { asked.add(1, ordering: .relaxed).newValue > 7 })
            #expect(part.interrupted)
            #expect(part.iterations == 700)
            let npv = try #require(part.metrics[.netPresentValue]), fullNPV = try #require(full.metrics[.netPresentValue])
            #expect(npv.allSatisfy { $0.isFinite })
            #expect(part.yearly[.cost]?.count == 700 * plan.model.horizonYears)
            #expect(part.yearly[.cost]?.allSatisfy { $0.isFinite } == true)
            if threads == 1 {
                // One worker runs chunks 0 to 6 in order: the full run's first 700 iterations.
                #expect(npv == Array(fullNPV.prefix(700)))
                #expect(part.yearly[.cost]! == Array(full.yearly[.cost]!.prefix(700 * plan.model.horizonYears)))
            } else {
                // Two workers may finish any seven chunks; each kept value is one the full run has.
                let known = Set(fullNPV)
                #expect(npv.allSatisfy { known.contains($0) })
            }
        }
    }
}
