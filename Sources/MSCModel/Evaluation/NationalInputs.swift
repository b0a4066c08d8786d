/// The national (scenario-wide) inputs of one evaluation, by name: central values, or one Monte
/// Carlo draw. See ``ModelParameter``. Package-wide, not public: how the engine hands inputs to the
/// model is not an interface for users of the libraries, who run a ``ScenarioModel`` through MSCSimulation.
package struct NationalInputs: Sendable, Equatable {
    /// Values in ``ModelParameter`` order (indexed by the raw value).
    package private(set) var values: [Double]

    /// Inputs with each parameter's value given by `value`.
    package init(_ value: (ModelParameter) throws -> Double) rethrows {
        values = try ModelParameter.allCases.map(value)
    }

    /// Inputs from values in ``ModelParameter`` order (the first `ModelParameter.allCases.count`
    /// entries of `ordered`).
    package init<C: Collection>(ordered: C) where C.Element == Double {
        precondition(ordered.count >= ModelParameter.allCases.count,
                     "NationalInputs needs \(ModelParameter.allCases.count) values, got \(ordered.count)")
        values = Array(ordered.prefix(ModelParameter.allCases.count))
    }

    /// Every parameter set from values in ``ModelParameter`` order (the first
    /// `ModelParameter.allCases.count` entries of `ordered`), in place: the Monte Carlo and the
    /// central cases refill one set of inputs rather than make one per evaluation.
    package mutating func set(ordered: [Double]) {
        precondition(ordered.count >= values.count, "NationalInputs needs \(values.count) values, got \(ordered.count)")
        for index in values.indices { values[index] = ordered[index] }
    }

    /// The value of one parameter.
    package subscript(parameter: ModelParameter) -> Double {
        get { values[parameter.rawValue] }
        set { values[parameter.rawValue] = newValue }
    }
}

/// Per-post inputs of one evaluation, in flat arrays indexed by post (and year for `alive`).
package struct PostInputs: Sendable {
    /// Full-time salary in year 0 of each post.
    package var salary: [Double]
    /// Operational budget of each post (each person in it) a year.
    package var operationalBudget: [Double]
    /// Whether (1) or how likely (0...1) each post is funded in each year: index `post × horizon + year`.
    package var alive: [Double]

    package init(postCount: Int, horizonYears: Int) {
        salary = Array(repeating: 0, count: postCount)
        operationalBudget = Array(repeating: 0, count: postCount)
        alive = Array(repeating: 0, count: postCount * horizonYears)
    }
}
