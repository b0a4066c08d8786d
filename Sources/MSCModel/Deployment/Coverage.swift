import Foundation

/// How much of a coordinator's effect an authority gets from the FTE serving it (DESIGN 3.3).
///
/// `c = min(1, (FTE serving the authority per 100,000 residents) / benchmark) ^ elasticity`: an
/// authority with at least the benchmark density of coordinator time gets the full effect;
/// sharing a post spreads it thinner. Both parameters are assumptions (`Assumptions/sharing.yaml`).
public struct CoverageParameters: Sendable, Equatable {
    /// FTE per 100,000 residents at which an authority gets the full effect of a coordinator.
    public let benchmarkFTEPer100kResidents: Double
    /// How effect scales below the benchmark (1 = in proportion; below 1, thin coverage still helps).
    public let elasticity: Double

    /// The assumption the benchmark is read from (`Assumptions/sharing.yaml`).
    public static let benchmarkAssumption = AssumptionName.coverageBenchmarkFTEPer100k
    /// The assumption the elasticity is read from (`Assumptions/sharing.yaml`).
    public static let elasticityAssumption = AssumptionName.coverageElasticity

    public init(benchmarkFTEPer100kResidents: Double, elasticity: Double) {
        self.benchmarkFTEPer100kResidents = benchmarkFTEPer100kResidents
        self.elasticity = elasticity
    }

    /// The central values from an assumption set.
    public static func central(from assumptions: AssumptionSet) throws -> CoverageParameters {
        let benchmark = try assumptions.value(benchmarkAssumption)
        guard benchmark > 0 else {
            throw InputError(file: try assumptions.assumption(benchmarkAssumption).origin, key: benchmarkAssumption.rawValue,
                             message: "expected a benchmark above 0 FTE per 100,000 residents")
        }
        return CoverageParameters(benchmarkFTEPer100kResidents: benchmark,
                                  elasticity: try assumptions.value(elasticityAssumption))
    }

    /// The coverage of an authority of `population` residents served by `fte` FTE, in [0, 1].
    @inlinable
    public func coverage(fteServing fte: Double, population: Int) -> Double {
        guard fte > 0, population > 0 else { return 0 }
        return coverage(ftePer100kResidents: fte / Double(population) * 100_000)
    }

    /// The coverage of an authority with `density` coordinator FTE per 100,000 residents, in [0, 1].
    @inlinable
    public func coverage(ftePer100kResidents density: Double) -> Double {
        guard density > 0 else { return 0 }
        return pow(min(1, density / benchmarkFTEPer100kResidents), elasticity)
    }
}
