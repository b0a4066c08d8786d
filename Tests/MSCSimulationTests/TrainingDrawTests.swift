import Foundation
import MSCModel
import MSCSimulation
import MSCTestSupport
import Testing

/// Training's price is drawn in the Monte Carlo (finding 9): the spread it adds is what its ranges predict.
@Suite("Training costs drawn") struct TrainingDrawTests {
    /// Every post funded throughout and real pay flat, so that training is independent of the
    /// rest of the cost and costs the same in every year of a draw but for discounting.
    static let settings = try! ["centralGrantRenewalProbability=1", "realPayGrowth=0"].map(AssumptionSetting.init(parsing:))

    static func plan(_ name: String) throws -> ScenarioPlan {
        try ScenarioPlan.load(path: PackageRoot.file("Scenarios/\(name).yaml"), assumptionsDirectory: PackageRoot.file("Assumptions"),
                              authoritiesPath: PackageRoot.file("Assumptions/authorities.csv"), settings: settings)
    }

    /// Mean and variance of a triangular(a, c, b).
    static func triangular(_ distribution: Distribution) -> (mean: Double, variance: Double) {
        guard case let .triangular(a, c, b) = distribution else { Issue.record("expected a triangular range"); return (.nan, .nan) }
        return ((a + b + c) / 3, (a * a + b * b + c * c - a * b - a * c - b * c) / 18)
    }

    @Test func theSpreadTrainingAddsIsWhatItsRangesPredict() throws {
        let without = try Self.plan("national-rollout"), with = try Self.plan("national-rollout-with-training")
        let settings = SimulationSettings(runs: 3000, seed: 7, threads: 2)
        let a = try SimulationEngine.run(without.plan, settings: settings), b = try SimulationEngine.run(with.plan, settings: settings)

        // Independent calculation: PV of training = (1 + OB) Σ_tier [D delivery + H hours × hourly(salary)],
        // D = Σ_t d_t places_t and H = Σ_t d_t paid places_t over all posts (the volume, held at
        // its central value); hourly(S) = (S (1 + on-costs + NI) − NI × threshold) / paid hours, cost.yaml's
        // central on-costs, S above the threshold.
        let set = with.assumptions
        let factors = with.discountFactors
        let optimismBias = with.adjustments.optimismBiasApplied
        let rates = with.costBasis.rates
        let ni = rates.employerNIRate, threshold = rates.niSecondaryThreshold
        let onCosts = try set.value("pensionRate") + rates.apprenticeshipLevyRate + rates.overheadRate
        let hours = try set.value("trainingPaidHoursPerYear")
        var variance = 0.0
        for tier in TrainingTier.allCases {
            var d = 0.0, h = 0.0
            for post in with.model.posts {
                let places = try #require(post.trainingPlaces)
                for t in factors.indices where post.years(inHorizon: factors.count).contains(t) {
                    d += factors[t] * places.placesByYear[t][tier]
                    h += factors[t] * places.paidPlacesByYear[t][tier]
                }
            }
            let stem = tier.assumptionStem
            let delivery = Self.triangular(try set.assumption(stem + "DeliveryCost").distribution)
            let length = Self.triangular(try set.assumption(stem + "Hours").distribution)
            // The salary's range as the plan draws it: training.yaml's, in price-base-year pounds.
            let salary = Self.triangular(try #require(with.plan.nationalAssumptions.first { $0.name == stem + "Salary" }).distribution)
            let slope = (1 + onCosts + ni) / hours, intercept = ni * threshold / hours
            let hourlyMean = slope * salary.mean - intercept, hourlyVariance = slope * slope * salary.variance
            // Var(XY) = E[X²] E[Y²] − E[X]² E[Y]² for independent X, Y.
            let timeVariance = (length.variance + length.mean * length.mean) * (hourlyVariance + hourlyMean * hourlyMean)
                - length.mean * length.mean * hourlyMean * hourlyMean
            variance += d * d * delivery.variance + h * h * timeVariance
        }
        let predictedSD = (1 + optimismBias) * variance.squareRoot()
        #expect(predictedSD > 0)

        // Draw by draw the two runs differ by the training alone (the same posts, the same draws).
        let difference = Summary(b.difference(.presentValueCosts, minus: a))
        #expect(abs(difference.standardDeviation / predictedSD - 1) < 0.06,
                "SD of training's PV \(difference.standardDeviation), predicted \(predictedSD)")
        // And the rollout with training is wider than without by that amount, in quadrature.
        let sdWithout = a.summary(.presentValueCosts).standardDeviation, sdWith = b.summary(.presentValueCosts).standardDeviation
        let predictedWith = (sdWithout * sdWithout + predictedSD * predictedSD).squareRoot()
        #expect(sdWith > sdWithout)
        #expect(abs(sdWith / predictedWith - 1) < 0.03, "SD with training \(sdWith), predicted \(predictedWith) from \(sdWithout)")
    }

    @Test func theTrainingInputsAreUncertainInputsOnlyWhereTrainingIsIncluded() throws {
        let without = try PackageRoot.shippedPlan("national-rollout"), with = try PackageRoot.shippedPlan("national-rollout-with-training")
        let names = ModelParameter.allCases.filter(\.isTrainingPlaceInput).map(\.assumptionName)
        #expect(names.count == 9)
        let settings = SimulationSettings(runs: 250, seed: 3, keepInputDraws: true)
        let drawn = try #require(try SimulationEngine.run(with.plan, settings: settings).inputDraws).names
        let notDrawn = try #require(try SimulationEngine.run(without.plan, settings: settings).inputDraws).names
        for name in names {
            #expect(drawn.contains(name), "\(name) is among the inputs EVPPI regresses on")
            #expect(!notDrawn.contains(name), "\(name) is not drawn where there is no training")
        }
    }
}
