import MSCModel

extension Targeting {
    /// What turns a post's identifications a year and its cost a year into a net present value
    /// over the horizon, draw by draw: each year the same flows (the post at full effect and funded
    /// throughout), discounted as the appraisal discounts them
    /// (``ScenarioOutcome/appraise(optimismBias:discountFactors:startingOptimismBias:benefitDiscountFactors:)``):
    /// benefits at the benefit factors (health effects at the health rate), triggered costs at the
    /// standard factors, the post's cost at the standard factors with optimism bias.
    struct PresentValueFactors: Sendable {
        /// Per draw: present value of one identification a year held over the horizon, its value
        /// less the public costs it triggers, pounds.
        let perIdentificationPerYear: [Double]
        /// Mean over draws of the present value of £1 a year of the programme's cost, with optimism bias.
        let perPoundOfCostPerYear: Double

        /// The expected net present value of each column of `identifications` (draw × post, a year)
        /// at `costs` (pounds a year, one per column).
        func netPresentValues(_ identifications: DrawTable, costs: [Double]) -> [Double] {
            let draws = perIdentificationPerYear.count
            return costs.indices.map { u in
                var benefit = 0.0
                for i in 0..<draws { benefit += identifications[i, u] * perIdentificationPerYear[i] }
                return benefit / Double(max(1, draws)) - costs[u] * perPoundOfCostPerYear
            }
        }
    }

    /// The factors of `model`'s horizon under each of `nationals`.
    static func presentValueFactors(model: ScenarioModel, nationals: [NationalInputs]) -> PresentValueFactors {
        let everyYear = [Double](repeating: 1, count: model.horizonYears)
        let standard = Appraisal.presentValue(flows: everyYear, discountFactors: model.discountFactors)
        let perIdentification = nationals.map { national in
            model.valuePerIdentification(national) * Appraisal.presentValue(flows: everyYear, discountFactors: model.benefitDiscountFactors(national))
                - model.triggeredCosts(national).perIdentification * standard
        }
        let costFactor = nationals.reduce(0) { $0 + Appraisal.withOptimismBias(standard, optimismBias: $1[.optimismBias]) }
            / Double(max(1, nationals.count))
        return PresentValueFactors(perIdentificationPerYear: perIdentification, perPoundOfCostPerYear: costFactor)
    }
}
