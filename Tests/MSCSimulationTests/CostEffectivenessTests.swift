import Testing
@testable import MSCSimulation

/// Cost per additional identification as cost-effectiveness practice reports it (a ratio of
/// means), with the draws that gain nothing counted, not dropped.
@Suite struct CostEffectivenessTests {
    @Test func expectedCostOverExpectedIdentificationsCountsTheDrawsWithNoGain() {
        // Four draws by hand: costs 100, 100, 100, 100; identifications 2, 1, 0, 1.
        // Ratio of means: 100 / 1 = 100 (the mean of the finite ratios, 50, 100, 100, would be 83.3).
        let value = CostEffectiveness(costs: [100, 100, 100, 100], identifications: [2, 1, 0, 1])
        #expect(value.expectedCostPerIdentification == 100)
        #expect(value.noGainShare == 0.25)
        // Sorted ratios 50, 100, 100, no gain: the median lies between 100 and 100; the 95th
        // percentile (position 2.85) reaches the draw with no gain.
        #expect(value.p50 == 100)
        #expect(value.p95 == nil)
        #expect(value.p5 == 50 + 0.15 * 50)
        let none = CostEffectiveness(costs: [10, 10], identifications: [0, 0])
        #expect(none.expectedCostPerIdentification == .infinity && none.noGainShare == 1 && none.p50 == nil)
    }
}
