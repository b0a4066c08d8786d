import MSCModel

/// One-way sensitivity: each uncertain input at its 10th and 90th percentile, the others central.
public enum Tornado {
    /// One bar: the NPV with the input low and high, and the swing between them.
    public struct Bar: Sendable {
        public let name: String
        public let lowValue: Double
        public let highValue: Double
        public let npvAtLow: Double
        public let npvAtHigh: Double
        /// |NPV(high) − NPV(low)|: how much the answer hangs on this input.
        public var swing: Double { abs(npvAtHigh - npvAtLow) }
    }

    /// The bars for every uncertain national input plus the per-post salary and operational
    /// budget (all posts moved together), sorted by swing, largest first.
    public static func bars(for plan: SimulationPlan, lowProbability: Double = 0.1, highProbability: Double = 0.9) -> [Bar] {
        let central = plan.centralNationalValues
        var bars: [Bar] = []
        for (index, assumption) in plan.nationalAssumptions.enumerated() where assumption.distribution.isUncertain {
            let low = assumption.quantile(lowProbability), high = assumption.quantile(highProbability)
            var values = central
            values[index] = low
            let npvLow = plan.centralCase(nationalValues: values).netPresentValue
            values[index] = high
            let npvHigh = plan.centralCase(nationalValues: values).netPresentValue
            bars.append(Bar(name: assumption.name, lowValue: low, highValue: high, npvAtLow: npvLow, npvAtHigh: npvHigh))
        }
        for assumption in [plan.salary, plan.operationalBudget] where assumption.distribution.isUncertain {
            let low = assumption.quantile(lowProbability), high = assumption.quantile(highProbability)
            let isSalary = assumption.name == plan.salary.name
            let npvLow = plan.centralCase(nationalValues: central, salaryValue: isSalary ? low : nil,
                                          operationalBudgetValue: isSalary ? nil : low).netPresentValue
            let npvHigh = plan.centralCase(nationalValues: central, salaryValue: isSalary ? high : nil,
                                           operationalBudgetValue: isSalary ? nil : high).netPresentValue
            bars.append(Bar(name: assumption.name, lowValue: low, highValue: high, npvAtLow: npvLow, npvAtHigh: npvHigh))
        }
        return bars.sorted { $0.swing > $1.swing }
    }
}
