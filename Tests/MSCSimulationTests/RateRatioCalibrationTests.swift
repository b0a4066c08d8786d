import Foundation
import MSCModel
import Testing
import MSCTestSupport
@testable import MSCSimulation

/// The rate ratio is measured in the councils with a post today, at their coverage; the model
/// applies it at full coverage, so it must be scaled so that the model, run on those hosts with
/// their own coverage, gives back the share of referrals it was derived from (DESIGN 3.3, 3.4).
@Suite struct RateRatioCalibrationTests {
    /// The derivation's per-resident reading against the other councils with adult social care
    /// duties (every resident counted once), NRM + DtN, taking the whole association as the post's
    /// (causal share 1): the hosts' identifications per resident over everyone else's.
    static func hostRatio(_ plan: ScenarioPlan) throws -> Double {
        let derivation = try RateRatioDerivation.derive(assumptions: plan.assumptions,
                                                        authorities: try AuthorityTable.load(path: PackageRoot.file("Assumptions/authorities.csv")))
        let reading = try #require(derivation.readings.first {
            $0.comparison == .adultSocialCareOthers && $0.basis == .perResident && $0.outcome == .nrmAndDutyToNotify
        })
        return reading.rateRatio(causalShare: 1)
    }

    @Test func theModelRunOnTheHostsGivesBackTheEighteenPerCentShare() throws {
        // status-quo: the 9 posts of today, on the councils the ratio was derived from, at full effect.
        let plan = try PackageRoot.shippedPlan("status-quo")
        let model = plan.model
        var values = plan.plan.centralNationalValues
        func set(_ parameter: ModelParameter, _ value: Double) {
            values[plan.plan.nationalAssumptions.firstIndex { $0.name == parameter.assumptionName }!] = value
        }
        set(.identificationRateRatio, try Self.hostRatio(plan))
        set(.displacementShare, 0)
        let national = plan.plan.nationalInputs(values)
        let rate = national[.baselineIdentificationRate]
        // Hosts' baseline and their extra identifications at their own coverage (effect base is
        // Σ baseline × coverage), and everyone else's baseline: residents counted once.
        let hostRows = plan.authorityRows.filter { plan.existingHostCodes.contains($0.authority.code) }
        #expect(hostRows.count == 9)
        let hostResidents = hostRows.reduce(0.0) { $0 + Double($1.authority.population) }
        let allResidents = plan.authorityRows.filter { $0.authority.tier != .county }.reduce(0.0) { $0 + Double($1.authority.population) }
        let hostBase = hostResidents * rate / 100_000
        let othersBase = (allResidents - hostResidents) * rate / 100_000
        let extra = model.effectBase(national).reduce(0, +) * (model.fullCoverageRateRatio(national) - 1)
        let share = (hostBase + extra) / (hostBase + extra + othersBase)
        #expect(abs(share - 0.18) < 1e-9, "hosts' share \(share)")
        // The hosts' coverage is well below 1: a single post in a large council is spread thin.
        let coverage = model.hostCoverage(national)
        #expect(coverage > 0.1 && coverage < 0.6, "\(coverage)")
    }

    @Test func theFullCoverageRatioScalesTheHostRatioByTheHostsCoverage() {
        // By hand: hosts at a third of a post's effect measured 1.2 → 1 + 0.2 / (1/3) = 1.6.
        #expect(abs(IdentificationUplift.fullCoverageRateRatio(hostRateRatio: 1.2, hostCoverage: 1.0 / 3) - 1.6) < 1e-12)
        #expect(IdentificationUplift.fullCoverageRateRatio(hostRateRatio: 1.5, hostCoverage: 1) == 1.5)
    }

    /// No mechanism by which a post reduces identifications is offered: a draw below 1 is a post
    /// that adds nothing, and the chance of that is stated.
    @Test func aPostNeverReducesIdentifications() throws {
        #expect(IdentificationUplift.fullCoverageRateRatio(hostRateRatio: 0.7, hostCoverage: 0.3) == 1)
        #expect(IdentificationUplift.fullCoverageRateRatio(hostRateRatio: 1, hostCoverage: 0.3) == 1)
        let plan = try PackageRoot.shippedPlan("national-rollout")
        let result = try SimulationEngine.run(plan.plan, settings: SimulationSettings(runs: 2000, seed: 7))
        let identifications = try #require(result.metrics[.additionalIdentifications])
        #expect(identifications.allSatisfy { $0 >= 0 })
        // The share of runs with no gain is the lognormal's mass at or below 1, Φ(−μ/σ), within
        // Monte Carlo error.
        let assumption = try plan.assumptions.assumption("identificationRateRatio")
        guard case .lognormal(let mu, let sigma) = assumption.distribution else { Issue.record("not lognormal"); return }
        let expected = 0.5 * erfc(mu / sigma / 2.0.squareRoot())
        let noGain = Double(identifications.filter { $0 == 0 }.count) / Double(identifications.count)
        #expect(abs(noGain - expected) < 4 * (expected * (1 - expected) / 2000).squareRoot(), "\(noGain) vs \(expected)")
        let notes = try #require(assumption.notes)
        #expect(notes.contains("adds nothing") && notes.contains(String(format: "%.1f%%", 100 * expected)), "\(notes)")
    }
}
