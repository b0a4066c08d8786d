import MSCModel
import MSCSimulation

/// One scenario against its baseline: extra cost, extra benefit and extra NPV (means of the
/// within-iteration differences), and the incremental benefit-cost ratio only where it means
/// something: when the option costs more. An option that saves money is described in words.
public struct IncrementalAnalysis: Sendable, Equatable {
    /// Mean extra present value of costs (negative: the option saves money), pounds.
    public let extraCost: Double
    /// Mean extra present value of benefits (negative: the option gives up benefits), pounds.
    public let extraBenefit: Double
    /// Mean extra net present value, pounds.
    public let extraNPV: Double

    public init(extraCost: Double, extraBenefit: Double, extraNPV: Double) {
        self.extraCost = extraCost
        self.extraBenefit = extraBenefit
        self.extraNPV = extraNPV
    }

    public init(_ result: SimulationResult, against baseline: SimulationResult) {
        func mean(_ values: [Double]) -> Double { values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count) }
        self.init(extraCost: mean(result.difference(.presentValueCosts, minus: baseline)),
                  extraBenefit: mean(result.difference(.presentValueBenefits, minus: baseline)),
                  extraNPV: mean(result.difference(.netPresentValue, minus: baseline)))
    }

    /// Differences smaller than a pound are no difference.
    static let tolerance = 0.5

    /// The kinds of answer.
    public enum Verdict: String, Sendable {
        /// Costs more and gains more: the incremental ratio answers "what does each extra pound buy".
        case ratio
        /// Costs no more and gains at least as much.
        case dominant
        /// Costs at least as much and gains no more.
        case dominated
        /// Costs less and gains less: a saving traded against benefits given up.
        case tradeOff = "trade-off"
    }

    public var verdict: Verdict {
        let costsMore = extraCost > Self.tolerance, costsLess = extraCost < -Self.tolerance
        let gainsMore = extraBenefit > Self.tolerance, gainsLess = extraBenefit < -Self.tolerance
        if costsMore && gainsMore { return .ratio }
        if costsLess && gainsLess { return .tradeOff }
        if !costsMore && !gainsLess { return .dominant }
        return .dominated
    }

    /// Extra benefits over extra costs, only when the option costs more and gains more.
    public var ratio: Double? { verdict == .ratio ? extraBenefit / extraCost : nil }

    /// The answer in words, e.g. "1.52 (£3.1m more benefit for £2.0m more cost)" or "saves £1.2m and gains £38.8m".
    public var text: String {
        let cost = Self.money(abs(extraCost)), benefit = Self.money(abs(extraBenefit))
        switch verdict {
        case .ratio: return "\(NumberText.fixed(extraBenefit / extraCost, decimals: 2)) (\(benefit) more benefit for \(cost) more cost)"
        case .dominant:
            let saving = extraCost < -Self.tolerance ? "saves \(cost)" : "costs the same"
            let gain = extraBenefit > Self.tolerance ? "gains \(benefit)" : "gives the same benefit"
            return "\(saving) and \(gain): better on both"
        case .dominated:
            let more = extraCost > Self.tolerance ? "costs \(cost) more" : "costs the same"
            let loss = extraBenefit < -Self.tolerance ? "gives up \(benefit) of benefit" : "gains nothing"
            return "dominated: \(more) and \(loss)"
        case .tradeOff: return "saves \(cost) and gives up \(benefit) of benefit"
        }
    }

    static func money(_ value: Double) -> String {
        ReportTable.Cell.money(value, decimals: 0).display.compactMoney(value)
    }

    public var json: JSONValue {
        .object([("extraCost", .number(extraCost)), ("extraBenefit", .number(extraBenefit)), ("extraNPV", .number(extraNPV)),
                 ("verdict", .string(verdict.rawValue)), ("ratio", ratio.map { .number($0) } ?? .null), ("text", .string(text))])
    }
}
