/// What a use case itself refuses or reports; front ends word it as their own (an option on the
/// command line, a key and a status on the web). Errors of the inputs (``MSCModel/InputError``),
/// of a baseline (``MSCSimulation/ComparisonPlans/BaselineError``) and of a decision
/// (``MSCSimulation/DecisionError``) pass through unchanged.
public enum UseCaseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The work was stopped (Ctrl-C, or the client went) before it finished; nothing is reported.
    case stopped(afterIterations: Int)
    /// The scenario to pilot declares no baseline and none was given.
    case noComparator(scenario: String)
    /// A pilot needs a comparator other than the scenario piloted.
    case comparatorIsPiloted(scenario: String)

    public var description: String {
        switch self {
        case .stopped(let iterations): "stopped after \(iterations) iterations; nothing reported"
        case .noComparator(let scenario): "\(scenario) declares no baseline to pilot against"
        case .comparatorIsPiloted(let scenario): "\(scenario) cannot be its own comparator; expected another scenario"
        }
    }
}
