import MSCModel
import Testing
@testable import MSCSimulation

@Suite("Switching values")
struct SwitchingValueTests {
    /// NPV of a toy appraisal: benefits rise with the rate ratio and harm share, costs with optimism bias.
    func npv(_ name: String, _ value: Double) -> Double {
        var rateRatio = 2.33, harmShare = 0.2, optimismBias = 0.1
        switch name {
        case "rateRatio": rateRatio = value
        case "harmShare": harmShare = value
        case "optimismBias": optimismBias = value
        default: break
        }
        let benefits = 2 * (rateRatio - 1) * (431_289 * harmShare - 8_000)
        return benefits - 57_533 * (1 + optimismBias)
    }

    @Test("each input's switching value makes NPV zero, with the way it breaks")
    func solves() throws {
        let values = try SwitchingValues.solve(inputs: [
            SwitchingInput(name: "rateRatio", central: 2.33, searchRange: 0.5...10),
            SwitchingInput(name: "harmShare", central: 0.2, searchRange: 0...1),
            SwitchingInput(name: "optimismBias", central: 0.1, searchRange: 0...10),
        ], npv: npv)
        #expect(values.map(\.name) == ["rateRatio", "harmShare", "optimismBias"])
        for value in values {
            let root = try #require(value.switchingValue)
            #expect(abs(npv(value.name, root)) < 1e-6)
            #expect(value.npvAtCentral > 0)
        }
        // Benefits: 2 (RR - 1)(86,257.8 - 8,000) = 57,533 x 1.1 at RR = 1 + 63,286.3 / 156,515.6.
        let rateRatioSwitch = 1 + 57_533 * 1.1 / (2 * (431_289 * 0.2 - 8_000))
        #expect(abs(values[0].switchingValue! - rateRatioSwitch) < 1e-9)
        #expect(values[0].direction == .falls)
        #expect(values[0].statement == "NPV falls below zero if rateRatio falls below \(SwitchingValues.shown(rateRatioSwitch))")
        #expect(values[1].direction == .falls)
        #expect(values[2].direction == .rises)
        #expect(values[2].statement.hasPrefix("NPV falls below zero if optimismBias rises above"))
    }

    @Test("a negative NPV says what makes it rise above zero")
    func negativeCentral() throws {
        let value = try #require(try SwitchingValues.solve(inputs: [
            SwitchingInput(name: "rateRatio", central: 1.2, searchRange: 0.5...10),
        ], npv: npv).first)
        #expect(value.npvAtCentral < 0)
        #expect(value.direction == .rises)
        #expect(value.statement.hasPrefix("NPV rises above zero if rateRatio rises above"))
    }

    @Test("no switch in the range searched gives a note, not an error")
    func noSwitch() throws {
        let value = try #require(try SwitchingValues.solve(inputs: [
            SwitchingInput(name: "optimismBias", central: 0.1, searchRange: 0...0.41),
        ], npv: npv).first)
        #expect(value.switchingValue == nil)
        #expect(value.direction == nil)
        #expect(value.note == "no switching value in the range searched")
        #expect(value.statement == "NPV stays above zero for optimismBias from 0 to 0.41")
    }

    @Test("with a sign change on both sides, the nearer one is reported")
    func nearest() throws {
        // NPV = 1 - (x - 3)^2: positive between 2 and 4; central 3.4 is nearer 4.
        let value = try #require(try SwitchingValues.solve(inputs: [
            SwitchingInput(name: "x", central: 3.4, searchRange: 0...10),
        ]) { _, x in 1 - (x - 3) * (x - 3) }.first)
        #expect(abs(value.switchingValue! - 4) < 1e-9)
        #expect(value.direction == .rises)
    }

    struct PipelineFailure: Error {}

    @Test("an error from the NPV function is passed on")
    func errorsPropagate() {
        #expect(throws: PipelineFailure.self) {
            try SwitchingValues.solve(inputs: [SwitchingInput(name: "x", central: 1, searchRange: 0...2)]) { _, x in
                if x > 1.5 { throw PipelineFailure() }
                return x - 1.7
            }
        }
    }
}

@Suite("Switching inputs from assumptions")
struct SwitchingInputTests {
    @Test("search ranges follow the unit and reach ten times the distribution's top")
    func ranges() {
        func assumption(_ unit: Unit, _ value: Double, _ distribution: Distribution) -> Assumption {
            Assumption(name: "x", description: "x", unit: unit, value: value, distribution: distribution, sources: [],
                       evidence: .illustrative, notes: "test", origin: "test")
        }
        func range(_ unit: Unit, _ value: Double, _ distribution: Distribution) -> ClosedRange<Double> {
            SwitchingInput(assumption: assumption(unit, value, distribution)).searchRange
        }
        // A fraction: all of [0, 1], whatever its central value.
        #expect(range(.fraction, 0.2, .fixed(0.2)) == 0...1)
        // Unbounded above (lognormal): ten times the central value, 10 × 2.33.
        #expect(range(.ratio, 2.33, .lognormal(logMean: 0.85, logStandardDeviation: 0.35)) == 0...23.3)
        // A triangle's top, 20,000, is above the central 8,000: 10 × 20,000.
        #expect(range(.gbpPerPerson, 8_000, .triangular(minimum: 2_000, mode: 8_000, maximum: 20_000)) == 0...200_000)
        // Fixed money: ten times itself.
        #expect(range(.gbpPerYear, 30_000, .fixed(30_000)) == 0...300_000)
        // A small value still reaches 1 (10 × 0.05 = 0.5 < 1).
        #expect(range(.ratio, 0.05, .fixed(0.05)) == 0...1)
        // A rate a year may be negative: from −1, and up to 1 (10 × 0.035 < 1).
        #expect(range(.ratePerYear, 0.035, .fixed(0.035)) == -1...1)
        // A range given explicitly wins.
        #expect(SwitchingInput(assumption: assumption(.ratio, 2.33, .fixed(2.33)), searchRange: 1...3).searchRange == 1...3)
    }
}

/// Inputs shared among threads give the same switching values, in the same order, as solved in turn,
/// and an error from the NPV function still reaches the caller.
@Test func switchingValuesDoNotDependOnTheThreadCount() throws {
    // NPV = a·(x − root) for input i: the root is 1.5 + i and the sign of a sets the direction.
    let inputs = (0..<7).map { SwitchingInput(name: "input\($0)", central: Double($0), searchRange: -10...20) }
    let npv: @Sendable (String, Double) throws -> Double = { name, x in
        let i = Double(name.dropFirst(5))!
        return (i.truncatingRemainder(dividingBy: 2) == 0 ? 1 : -1) * (x - (1.5 + i))
    }
    let serial = try SwitchingValues.solve(inputs: inputs, npv: npv)
    for threads in [1, 2, 3, 8] {
        #expect(try SwitchingValues.solve(inputs: inputs, threads: threads, npv: npv) == serial)
    }
    for (index, value) in serial.enumerated() { #expect(abs(value.switchingValue! - (1.5 + Double(index))) < 1e-9) }
    struct Refused: Error {}
    #expect(throws: Refused.self) {
        try SwitchingValues.solve(inputs: inputs, threads: 2) { name, x in
            if name == "input4" { throw Refused() }
            return x
        }
    }
}
