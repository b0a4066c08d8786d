import MSCModel

/// One option of a decision (a scenario), as its Monte Carlo iterations left it: what net benefit
/// is made of in each iteration, so it can be recomputed at any value of an identification.
public struct DecisionOption: Sendable, Equatable {
    public let name: String
    /// Net present value each iteration, with the model's own (uncertain) value of an identification (£).
    public let netPresentValue: [Double]
    /// Present value of costs each iteration, optimism bias included (£).
    public let presentValueCosts: [Double]
    /// Present value of benefits per pound of value per identification each iteration: the
    /// discounted additional identifications, so net benefit at value λ is `λ × this − costs`.
    public let discountedIdentifications: [Double]
    /// Cost over the horizon each iteration, undiscounted and before optimism bias (£), the
    /// numerator of the cost per additional identification the summaries lead with.
    public let undiscountedCost: [Double]
    /// Additional identifications over the horizon each iteration, undiscounted.
    public let identifications: [Double]

    public init(name: String, netPresentValue: [Double], presentValueCosts: [Double], discountedIdentifications: [Double],
                undiscountedCost: [Double], identifications: [Double]) {
        self.name = name
        self.netPresentValue = netPresentValue
        self.presentValueCosts = presentValueCosts
        self.discountedIdentifications = discountedIdentifications
        self.undiscountedCost = undiscountedCost
        self.identifications = identifications
    }

    public var iterations: Int { netPresentValue.count }

    /// Net benefit each iteration when one identification is worth `value` pounds, or with the
    /// model's own value when `value` is nil.
    public func netBenefit(valuePerIdentification value: Double?) -> [Double] {
        guard let value else { return netPresentValue }
        return zip(discountedIdentifications, presentValueCosts).map { value * $0 - $1 }
    }
}

/// One uncertain input: its name and its draw in each iteration (shared by every option).
public struct DecisionInput: Sendable, Equatable {
    public let name: String
    public let draws: [Double]

    public init(name: String, draws: [Double]) {
        self.name = name
        self.draws = draws
    }
}

/// A named group of inputs whose joint value of information is reported (e.g. "costs").
public struct InputGroup: Sendable, Equatable {
    public let name: String
    /// Input names in the group (those not among the problem's inputs are ignored).
    public let members: [String]

    public init(name: String, members: [String]) {
        self.name = name
        self.members = members
    }
}

/// A choice among options under uncertainty, on common iterations: iteration i of every option
/// used the same draw of every input they share.
public struct DecisionProblem: Sendable {
    public let options: [DecisionOption]
    /// The option the others are measured against (the "do less" choice).
    public let baselineIndex: Int
    public let inputs: [DecisionInput]
    public let groups: [InputGroup]
    /// Years of the appraisal horizon.
    public let horizonYears: Int
    /// Sum of the horizon's discount factors: a present value divided by it is the equivalent
    /// amount a year.
    public let annuityFactor: Double
    /// The model's central value of one additional identification (£).
    public let centralValuePerIdentification: Double

    public init(options: [DecisionOption], baselineIndex: Int, inputs: [DecisionInput], groups: [InputGroup],
                horizonYears: Int, annuityFactor: Double, centralValuePerIdentification: Double) {
        self.options = options
        self.baselineIndex = baselineIndex
        self.inputs = inputs
        self.groups = groups
        self.horizonYears = horizonYears
        self.annuityFactor = annuityFactor
        self.centralValuePerIdentification = centralValuePerIdentification
    }

    public var iterations: Int { options.first?.iterations ?? 0 }

    /// Option `index`'s `quantity` less the baseline's, iteration by iteration (common draws).
    public func incremental(_ quantity: KeyPath<DecisionOption, [Double]>, of index: Int) -> [Double] {
        zip(options[index][keyPath: quantity], options[baselineIndex][keyPath: quantity]).map { $0 - $1 }
    }

    /// Every option's net benefit per iteration at `value` per identification (nil: the model's own).
    public func netBenefits(valuePerIdentification value: Double?) -> [[Double]] {
        options.map { $0.netBenefit(valuePerIdentification: value) }
    }
}
