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
}
