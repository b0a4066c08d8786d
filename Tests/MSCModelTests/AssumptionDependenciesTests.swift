import Foundation
import Testing
@testable import MSCModel

/// Derived assumptions form one dependency graph: an input changed in a scenario file, by `--set`
/// or on the web page re-derives what depends on it, the same way on every path.
@Suite struct AssumptionDependenciesTests {
    static let assumptions = Result { try PackagePaths.shippedAssumptions() }
    static let authorities = Result { try AuthorityTable.load(path: PackagePaths.assumptions + "/authorities.csv") }

    static func scenario(overrides: String, settings: [String] = []) throws -> LoadedScenario {
        let text = try String(contentsOfFile: PackagePaths.scenarios + "/national-rollout.yaml", encoding: .utf8)
            + "\noverrides:\n" + overrides
        let set = try assumptions.get().applying(try settings.map(AssumptionSetting.init(parsing:)), authorities: try authorities.get())
        return try Scenario.parse(text: text, fileName: PackagePaths.scenarios + "/national-rollout.yaml", assumptions: set,
                                  authorities: try authorities.get(), files: .withinFolder(PackagePaths.scenarios))
    }

    static func shippedRateRatio() throws -> Double {
        try RateRatioDerivation.completing(try assumptions.get(), authorities: try authorities.get()).value("identificationRateRatio")
    }

    /// A scenario's `causalShare` override moves the rate ratio exactly as `--set causalShare`
    /// does, and as deriving it afresh with that causal share gives.
    @Test func aCausalShareOverrideReDerivesTheRateRatio() throws {
        let byOverride = try Self.scenario(overrides: "  causalShare: 0.8\n").assumptions.value("identificationRateRatio")
        let bySetting = try Self.assumptions.get()
            .applying([try AssumptionSetting(parsing: "causalShare=0.8")], authorities: try Self.authorities.get())
            .value("identificationRateRatio")
        var fresh = try Self.assumptions.get()
        fresh.replace(try fresh.assumption("causalShare").overridden(value: 0.8, distribution: .fixed(0.8), by: "test"))
        let derived = try RateRatioDerivation.derive(assumptions: fresh, authorities: try Self.authorities.get()).centralRateRatio
        #expect(byOverride == bySetting)
        #expect(abs(byOverride - derived) < 1e-12)
        #expect(abs(byOverride - (try Self.shippedRateRatio())) > 0.05, "a higher causal share gives a larger ratio")
    }

    /// `laIdentificationGrowthSince2023` scales the baseline identification rate it is derived
    /// from: rate = (277 + 211) / residents × 100,000 × growth, so the rate moves by the growth's ratio.
    @Test func theGrowthOverrideReDerivesTheBaselineRate() throws {
        let shipped = try Self.assumptions.get()
        let growth = try shipped.value("laIdentificationGrowthSince2023")
        let rate = try shipped.value("baselineIdentificationRate")
        let byOverride = try Self.scenario(overrides: "  laIdentificationGrowthSince2023: 1.1\n").assumptions
        #expect(abs(try byOverride.value("baselineIdentificationRate") - rate * 1.1 / growth) < 1e-12)
        let bySetting = try shipped.applying([try AssumptionSetting(parsing: "laIdentificationGrowthSince2023=1.1")],
                                             authorities: try Self.authorities.get())
        #expect(try bySetting.value("baselineIdentificationRate") == byOverride.value("baselineIdentificationRate"))
    }

    /// A derived value set directly is kept, says that its inputs no longer apply, and is not
    /// derived again when one of its inputs changes too.
    @Test func aDerivedValueSetDirectlyIsKeptAndSaysSo() throws {
        let loaded = try Self.scenario(overrides: "  identificationRateRatio: 2\n  causalShare: 0.8\n")
        let ratio = try loaded.assumptions.assumption("identificationRateRatio")
        #expect(ratio.value == 2)
        #expect(ratio.notes?.contains("those inputs no longer apply") == true, "\(ratio.notes ?? "")")
        #expect(ratio.notes?.contains("causalShare") == true)
        // --set wins over the scenario, and its derived value over the scenario's input.
        let pinned = try Self.scenario(overrides: "  causalShare: 0.8\n", settings: ["identificationRateRatio=1.5"])
        #expect(try pinned.assumptions.value("identificationRateRatio") == 1.5)
    }

    /// A rate one output does not read says which output does.
    @Test func aRateTheOutputDoesNotReadSaysWhichDoes() {
        let appraisal = CostOutput.appraisal.unusedSettingNotes(["overheadRate", "pensionRate"])
        #expect(appraisal.count == 1 && appraisal[0].contains("appraisalOverheadRate"))
        let cash = CostOutput.cashCost.unusedSettingNotes(["appraisalOverheadRate"])
        #expect(cash.count == 1 && cash[0].contains("overheadRate"))
        #expect(CostOutput.cashCost.unusedSettingNotes(["overheadRate"]).isEmpty)
    }
}
