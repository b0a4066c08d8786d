import MSCSimulation

/// The sentences a reader quotes: the answer of a comparison, or of one scenario on its own, in
/// words that keep their meaning when lifted out whole. Every amount is a size with a direction
/// ("£238.8m less", never "−£238.8m higher"), every range says which way each end lies, and every
/// share is a count of simulations with its percentage, so "0%" can never stand for 44 of 10,000.
/// The evidence pack's summary (``PackSummary``) writes its answers with these.
public enum HeadlineSentences {
    /// How a comparison comes out across the simulations.
    public enum Direction: Equatable, Sendable {
        /// Ahead in the middle 90% of simulations (its 5th percentile above zero).
        case ahead
        /// Behind in the middle 90% (its 95th percentile below zero).
        case behind
        /// The middle 90% runs from behind to ahead: the answer could go either way.
        case mixed
    }

    /// What one comparison of net present value (an option against a comparator, within each
    /// simulation with the same draws) says.
    public struct Comparison: Sendable {
        public let option: String
        public let comparator: String
        /// The option's NPV minus the comparator's, summarised over the simulations (£).
        public let difference: Summary
        /// Simulations in which the option's NPV is above the comparator's, and how many there were.
        public let ahead: Int
        public let simulations: Int

        public init(option: String, comparator: String, difference: Summary, ahead: Int, simulations: Int) {
            self.option = option
            self.comparator = comparator
            self.difference = difference
            self.ahead = ahead
            self.simulations = simulations
        }

        /// A comparison of two runs with the same draws.
        public init(_ option: SimulationResult, against comparator: SimulationResult) {
            let differences = option.difference(.netPresentValue, minus: comparator)
            self.init(option: option.scenarioName, comparator: comparator.scenarioName, difference: Summary(differences),
                      ahead: differences.filter { $0 > 0 }.count, simulations: differences.count)
        }

        public var direction: Direction {
            if difference.p5 > 0 { return .ahead }
            if difference.p95 < 0 { return .behind }
            return .mixed
        }
    }

    /// The answer of one comparison: the direction in words, the average with its range, and the
    /// share of simulations in which the option comes out ahead, e.g. "Against status-quo,
    /// national-rollout has the lower net present value in most simulations: on average £238.8m
    /// less (90% range from £400.1m less to £80.2m less); it comes out ahead in 44 of the 10,000
    /// simulations (0.4%)."
    public static func answer(_ comparison: Comparison) -> String {
        let c = comparison
        let lead: String
        switch c.direction {
        case .ahead: lead = "\(c.option) has the higher net present value in most simulations"
        case .behind: lead = "\(c.option) has the lower net present value in most simulations"
        case .mixed: lead = "\(c.option)'s net present value could be higher or lower"
        }
        return "Against \(c.comparator), \(lead): on average \(amount(c.difference.mean, up: "more", down: "less")) "
            + "(90% range \(range(c.difference, up: "more", down: "less"))); it comes out ahead in \(share(c.ahead, of: c.simulations))."
    }

    /// The answer of one scenario on its own (its NPV against no posts at all).
    public static func answer(scenario: String, npv: Summary, positive: Int, simulations: Int) -> String {
        "\(scenario): net present value on average \(amount(npv.mean, up: "above zero", down: "below zero")) "
            + "(90% range \(range(npv, up: "above zero", down: "below zero"))); above zero in \(share(positive, of: simulations))."
    }

    /// "£238.8m less", "£12.0m more", "no different".
    static func amount(_ value: Double, up: String, down: String) -> String {
        guard value.isFinite else { return "not defined" }
        if IncrementalAnalysis.money(abs(value)) == IncrementalAnalysis.money(0) { return "about £0" }
        return "\(IncrementalAnalysis.money(abs(value))) \(value < 0 ? down : up)"
    }

    /// "from £400.1m less to £80.2m less": each end with its own direction.
    static func range(_ summary: Summary, up: String, down: String) -> String {
        "from \(amount(summary.p5, up: up, down: down)) to \(amount(summary.p95, up: up, down: down))"
    }

    /// "44 of the 10,000 simulations (0.4%)": the count first, so no rounding hides it.
    static func share(_ count: Int, of total: Int) -> String {
        guard total > 0 else { return "none of the simulations (there were none)" }
        let percent = NumberText.fixed(Double(count) / Double(total) * 100, decimals: 1)
        let totalText = NumberText.grouped(Double(total), decimals: 0)
        if count == 0 { return "none of the \(totalText) simulations (0%)" }
        if count == total { return "all \(totalText) simulations (100%)" }
        return "\(NumberText.grouped(Double(count), decimals: 0)) of the \(totalText) simulations (\(percent)%)"
    }
}
