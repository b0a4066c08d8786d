import MSCModel
import MSCSimulation

/// The scenarios a request names, loaded, and where a baseline that was not named comes from.
///
/// The command line loads files and finds a declared baseline beside them; the web server loads
/// its shipped scenarios by name (never a file a client names). Either way the comparison is
/// resolved here, by ``ComparisonPlans/resolve(listed:override:source:)``: one baseline rule.
public struct ScenarioSelection {
    /// The scenarios listed, in the order given.
    public var listed: [ScenarioPlan]
    /// The scenario every other one is compared with (a name or file), instead of the baseline each declares.
    public var baseline: String?
    /// Loads a baseline that was declared or asked for but not listed.
    public var baselineSource: ComparisonPlans.BaselineSource

    public init(listed: [ScenarioPlan], baseline: String? = nil, baselineSource: ComparisonPlans.BaselineSource) {
        self.listed = listed
        self.baseline = baseline
        self.baselineSource = baselineSource
    }

    /// Each listed scenario with what it is compared with; baselines not listed are loaded and
    /// added after the listed ones.
    ///
    /// - Throws: ``ComparisonPlans/BaselineError`` for a baseline that matches no scenario;
    ///   ``InputError`` for a scenario that cannot be loaded or two scenarios of one name.
    public func compared() throws -> ComparisonPlans {
        let resolved = try ComparisonPlans.resolve(listed: listed, override: baseline, source: baselineSource)
        try ScenarioPlan.requireDistinctNames(resolved.plans)
        return resolved
    }

    /// The listed scenarios, none compared (`msc run`: each on its own).
    public func uncompared() throws -> ComparisonPlans {
        try ScenarioPlan.requireDistinctNames(listed)
        return .uncompared(listed)
    }
}
