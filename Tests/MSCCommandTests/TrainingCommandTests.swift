import Foundation
import MSCTestSupport
import Testing

/// `msc training` with a scenario uses the coordinator time the scenario's own training costs use.
@Suite struct TrainingCommandTests {
    /// county-shared gives each county area one full-time post hosted by the county council, and a
    /// county council stands for all its districts' residents (`msc share` says so), so the whole
    /// post serves Kent County Council: 1 FTE, as `ScenarioPlan.trainingCosts` counts it, not the
    /// 0.5 of its cost share that the command once used.
    @Test func aCountyCouncilInASharedCountyPostIsServedByTheWholePost() throws {
        let output = try MSCBinary.run(["training", "Scenarios/county-shared.yaml", "--authority", "Kent", "--format", "json"])
        #expect(output.status == 0, "\(output.stderr)")
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(parsed["coordinatorFTE"] as? Double == 1.0)
    }
}
