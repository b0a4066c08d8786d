import Foundation
import MSCModel
import Testing
import MSCTestSupport
@testable import MSCSimulation

/// The central case and its switching values, and the sensitivity analysis, computed by the
/// library entry points the reports are given.
@Suite struct CentralCaseAnalysisTests {
    /// NPV of `plan`'s central case with the input `name` alone set to `value`.
    static func npv(_ plan: SimulationPlan, _ name: String, _ value: Double) -> Double {
        if name == plan.salary.name { return plan.centralCase(nationalValues: plan.centralNationalValues, salaryValue: value).netPresentValue }
        if name == plan.operationalBudget.name {
            return plan.centralCase(nationalValues: plan.centralNationalValues, operationalBudgetValue: value).netPresentValue
        }
        var values = plan.centralNationalValues
        values[plan.nationalAssumptions.firstIndex { $0.name == name }!] = value
        return plan.centralCase(nationalValues: values).netPresentValue
    }

    @Test func eachSwitchingValueMakesTheNPVZeroWithinItsSearchRange() throws {
        let plan = makePlan()
        let analysis = try CentralCaseAnalysis(plan: plan)
        #expect(analysis.outcome == plan.centralCase())
        let inputs = (plan.nationalAssumptions + [plan.salary, plan.operationalBudget]).filter(\.distribution.isUncertain)
        #expect(analysis.switchingValues.map(\.name) == inputs.map(\.name))
        #expect(analysis.switchingValues.contains { $0.switchingValue != nil })
        let scale = max(abs(analysis.outcome.netPresentValue), 1)
        for (value, assumption) in zip(analysis.switchingValues, inputs) {
            #expect(value.central == assumption.value)
            guard let at = value.switchingValue else { continue }
            #expect(SwitchingInput.searchRange(for: assumption).contains(at), "\(value.name)")
            #expect(abs(Self.npv(plan, value.name, at)) < 1e-6 * scale, "\(value.name) at \(at)")
        }
    }

    @Test func theQuickCentralCaseSolvesNothing() throws {
        let analysis = try CentralCaseAnalysis(plan: makePlan(), solvingSwitchingValues: false)
        #expect(analysis.switchingValues.isEmpty)
    }

    @Test func sensitivityBarsAreTheNPVAtEachInputsDeciles() {
        let plan = makePlan()
        let analysis = SensitivityAnalysis(plan: plan, baseSamples: 128, seed: 7)
        #expect(analysis.centralNPV == plan.centralCase().netPresentValue)
        #expect(!analysis.bars.isEmpty)
        #expect(zip(analysis.bars, analysis.bars.dropFirst()).allSatisfy { $0.swing >= $1.swing })
        for bar in analysis.bars where plan.nationalAssumptions.contains(where: { $0.name == bar.name }) {
            let assumption = plan.nationalAssumptions.first { $0.name == bar.name }!
            #expect(bar.lowValue == assumption.quantile(0.1))
            #expect(abs(bar.npvAtLow - Self.npv(plan, bar.name, bar.lowValue)) <= 1e-9 * abs(bar.npvAtLow))
        }
        let uncertain = (plan.nationalAssumptions + [plan.salary, plan.operationalBudget]).filter(\.distribution.isUncertain)
        #expect(Set(analysis.indices.map(\.name)) == Set(uncertain.map(\.name)))
        // The same seed gives the same indices.
        let again = SensitivityAnalysis(plan: plan, baseSamples: 128, seed: 7)
        #expect(again.indices.map(\.total) == analysis.indices.map(\.total))
    }

    @Test func sobolIndicesAreTheSameWhateverTheThreadCount() {
        let plan = makePlan()
        let one = SensitivityAnalysis(plan: plan, baseSamples: 200, seed: 9, threads: 1)
        for threads in [2, 3] {
            let many = SensitivityAnalysis(plan: plan, baseSamples: 200, seed: 9, threads: threads)
            #expect(many.indices.map(\.firstOrder) == one.indices.map(\.firstOrder))
            #expect(many.indices.map(\.total) == one.indices.map(\.total))
            #expect(many.indices.map(\.totalInterval) == one.indices.map(\.totalInterval))
        }
    }

    /// One evaluator through a sequence of central cases, as a switching-value search uses it: it
    /// keeps the posts' effects while the four inputs they come from stay as they were, and works
    /// them out again when any one moves. Each case equals a fresh evaluator's, to the last bit.
    @Test func anEvaluatorReusedAcrossCasesGivesEachCasesOwnOutcome() throws {
        let plan = try PackageRoot.shippedPlan("national-rollout").plan
        let central = plan.centralNationalValues
        func index(_ parameter: ModelParameter) -> Int { parameter.rawValue }
        var sequence: [[Double]] = [central]
        for parameter in [ModelParameter.coverageElasticity, .coverageBenchmarkFTEPer100k, .baselineIdentificationRate,
                          .countyShareOfTwoTierIdentifications, .pensionRate] {
            var moved = central
            moved[index(parameter)] *= 1.1
            sequence += [moved, moved, central]
        }
        let reused = CentralCaseEvaluator(plan: plan)
        for (step, values) in sequence.enumerated() {
            let fresh = CentralCaseEvaluator(plan: plan).evaluate(nationalValues: values)
            let again = reused.evaluate(nationalValues: values)
            #expect(again.netPresentValue.bitPattern == fresh.netPresentValue.bitPattern, "step \(step)")
            #expect(again.identificationsByYear == fresh.identificationsByYear, "step \(step)")
        }
        // Moving the elasticity does change the effects: the reuse is not hiding a change.
        var moved = central
        moved[index(.coverageElasticity)] *= 1.1
        #expect(reused.evaluate(nationalValues: moved).identificationsByYear != reused.evaluate(nationalValues: central).identificationsByYear)
    }
}

/// The joint switching value: the judged inputs moved together make NPV zero at the step found.
@Suite struct JointSwitchingValueTests {
    @Test func theInputsMovedTogetherMakeNPVZeroAtTheStepFound() throws {
        let plan = try PackageRoot.shippedPlan("national-rollout")
        let names = ["identificationRateRatio", "displacementShare", "harmAvoidedShare", "avoidableHarmShare", "dutyToNotifyRelativeValue"]
        let joint = JointSwitchingValue.solve(plan: plan.plan, names: names)
        #expect(joint.moves.map(\.name).sorted() == names.sorted())
        // Displacement lowers benefits, so its favourable end is its 5th percentile; the others' is the 95th.
        let displacement = try #require(joint.moves.first { $0.name == "displacementShare" })
        #expect(displacement.favourable < displacement.central)
        let ratio = try #require(joint.moves.first { $0.name == "identificationRateRatio" })
        #expect(ratio.favourable > ratio.central)
        let step = try #require(joint.step)
        #expect(step > 0 && step < 1)
        var values = plan.plan.centralNationalValues
        for move in joint.moves {
            let index = plan.plan.nationalAssumptions.firstIndex { $0.name == move.name }!
            #expect(abs(move.atSwitch - (move.central + step * (move.favourable - move.central))) < 1e-9 * max(1, abs(move.central)))
            values[index] = move.atSwitch
        }
        let npv = plan.plan.centralCase(nationalValues: values).netPresentValue
        #expect(abs(npv) < 1e-4 * abs(joint.npvAtCentral), "\(npv)")
    }
}
