import Foundation
import MSCSimulation
import Testing
@testable import MSCReport

/// The sentences a journalist quotes, on results built by hand: an option clearly behind, clearly
/// ahead, and one that could go either way. Each must read right when lifted out whole: a size with
/// its direction (never "−£… higher"), each end of the range with its own direction, and the share
/// of simulations as a count (never "0%" for 4 of 1,000).
@Suite struct HeadlineSentenceTests {
    /// 1,000 differences evenly spread from `low` to `high` (£), then the first `flip` made `flipTo`.
    static func differences(low: Double, high: Double, flip: Int = 0, flipTo: Double = 0) -> [Double] {
        var values = (0..<1000).map { low + (high - low) * Double($0) / 999 }
        for index in 0..<flip { values[index] = flipTo }
        return values
    }

    static func comparison(_ values: [Double]) -> HeadlineSentences.Comparison {
        HeadlineSentences.Comparison(option: "national-rollout", comparator: "status-quo", difference: Summary(values),
                                     ahead: values.filter { $0 > 0 }.count, simulations: values.count)
    }

    /// "£238.8m" as a reader sees it, worked out here from the values, not by the program.
    static func millions(_ value: Double) -> String { String(format: "£%.1fm", abs(value) / 1e6) }

    @Test func aNegativeResultSaysLessAndCountsTheFewSimulationsAhead() {
        // From −£400m to −£80m, 4 of the 1,000 simulations made +£5m.
        let values = Self.differences(low: -400e6, high: -80e6, flip: 4, flipTo: 5e6)
        let mean = values.reduce(0, +) / 1000
        let comparison = Self.comparison(values)
        #expect(comparison.direction == .behind)
        let sentence = HeadlineSentences.answer(comparison)
        #expect(sentence.hasPrefix("Against status-quo, national-rollout has the lower net present value in most simulations: "))
        #expect(sentence.contains("on average \(Self.millions(mean)) less"))
        #expect(sentence.contains("less to £") && sentence.hasSuffix("it comes out ahead in 4 of the 1,000 simulations (0.4%)."))
        #expect(!sentence.contains("−") && !sentence.contains("-£") && !sentence.contains("higher on average"))
        #expect(!sentence.contains(" 0%"), "a count of 4 must never read as 0%")
    }

    @Test func aPositiveResultSaysMore() {
        let values = Self.differences(low: 20e6, high: 300e6)
        let mean = values.reduce(0, +) / 1000
        let comparison = Self.comparison(values)
        #expect(comparison.direction == .ahead)
        let sentence = HeadlineSentences.answer(comparison)
        #expect(sentence.contains("national-rollout has the higher net present value in most simulations"))
        #expect(sentence.contains("on average \(Self.millions(mean)) more"))
        #expect(sentence.contains("(90% range from £") && sentence.contains("more to £") && !sentence.contains("less"))
        #expect(sentence.hasSuffix("it comes out ahead in all 1,000 simulations (100%)."))
    }

    @Test func aMixedResultSaysItCouldGoEitherWayWithEachEndItsOwnDirection() {
        // From −£100m to +£150m: 400 of the 1,000 differences are negative or zero.
        let values = Self.differences(low: -100e6, high: 150e6)
        let ahead = values.filter { $0 > 0 }.count
        let comparison = Self.comparison(values)
        #expect(comparison.direction == .mixed)
        let sentence = HeadlineSentences.answer(comparison)
        #expect(sentence.contains("national-rollout's net present value could be higher or lower"))
        #expect(sentence.contains("on average £25.0m more"))
        #expect(sentence.contains("(90% range from £") && sentence.contains("m less to £") && sentence.contains("m more)"))
        #expect(sentence.contains("\(ahead) of the 1,000 simulations (\(String(format: "%.1f", Double(ahead) / 10))%)"))
    }

    @Test func aScenarioOnItsOwnSaysAboveOrBelowZero() {
        let values = Self.differences(low: -50e6, high: -10e6)
        let sentence = HeadlineSentences.answer(scenario: "status-quo", npv: Summary(values), positive: 0, simulations: 1000)
        #expect(sentence.hasPrefix("status-quo: net present value on average £30.0m below zero"))
        #expect(sentence.hasSuffix("above zero in none of the 1,000 simulations (0%)."))
    }

    /// The pack's summary leads with the same sentence for a comparison of two simulated scenarios.
    @Test func thePackSummaryUsesTheGenerator() throws {
        let pack = try PackFixture.pack()
        let answer = try #require(PackSummary.paragraphs(pack).first { $0.heading == "The answer" }?.text)
        let results = pack.comparison.results
        #expect(answer.hasPrefix(HeadlineSentences.answer(HeadlineSentences.Comparison(results[1], against: results[0]))))
        #expect(!answer.contains("higher on average"))
    }
}
