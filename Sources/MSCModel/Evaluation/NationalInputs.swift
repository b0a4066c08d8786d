/// The national (scenario-wide) inputs of one evaluation, by name: central values, or one Monte
/// Carlo draw. See ``ModelParameter``.
public struct NationalInputs: Sendable, Equatable {
    /// Values in ``ModelParameter`` order (indexed by the raw value).
    public private(set) var values: [Double]

    /// Inputs with each parameter's value given by `value`.
    public init(_ value: (ModelParameter) throws -> Double) rethrows {
        values = try ModelParameter.allCases.map(value)
    }

    /// Inputs from values in ``ModelParameter`` order (the first `ModelParameter.allCases.count`
    /// entries of `ordered`).
    public init<C: Collection>(ordered: C) where C.Element == Double {
        precondition(ordered.count >= ModelParameter.allCases.count,
                     "NationalInputs needs \(ModelParameter.allCases.count) values, got \(ordered.count)")
        values = Array(ordered.prefix(ModelParameter.allCases.count))
    }

    /// The value of one parameter.
    public subscript(parameter: ModelParameter) -> Double {
        get { values[parameter.rawValue] }
        set { values[parameter.rawValue] = newValue }
    }
}

/// Per-post inputs of one evaluation, in flat arrays indexed by post (and year for `alive`).
public struct PostInputs: Sendable {
    /// Full-time salary in year 0 of each post.
    public var salary: [Double]
    /// Operational budget of each post (each person in it) a year.
    public var operationalBudget: [Double]
    /// Whether (1) or how likely (0...1) each post is funded in each year: index `post × horizon + year`.
    public var alive: [Double]

    public init(postCount: Int, horizonYears: Int) {
        salary = Array(repeating: 0, count: postCount)
        operationalBudget = Array(repeating: 0, count: postCount)
        alive = Array(repeating: 0, count: postCount * horizonYears)
    }
}
