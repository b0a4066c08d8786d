import Foundation
import Testing
import MSCTestSupport
@testable import MSCModel

/// The shipped authority table read with a few lines of plain CSV splitting, independent of the
/// toolkit's reader, so the derived assumptions are checked against the file itself.
private func shippedRows() throws -> [[String: String]] {
    let text = try String(contentsOfFile: PackagePaths.assumptions + "/authorities.csv", encoding: .utf8)
    func fields(_ line: Substring) -> [String] {
        var result: [String] = [], current = "", quoted = false
        for character in line {
            if character == "\"" { quoted.toggle() } else if character == ",", !quoted { result.append(current); current = "" } else { current.append(character) }
        }
        return result + [current]
    }
    let lines = text.split(separator: "\n")
    let header = fields(lines[0])
    return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, fields($0))) }
}

@Suite("Assumptions derived from the authority table's populations")
struct PopulationDerivationTests {
    @Test func derivedValuesMatchTheCSV() throws {
        let rows = try shippedRows()
        #expect(rows.count == 339)
        let population = { (row: [String: String]) in Double(row["population_mid2024"]!)! }
        let counting = rows.filter { $0["tier"] != "county" }.map(population).sorted()
        let residents = counting.reduce(0, +)
        #expect(residents == 61_806_682)   // ONS mid-2024 England and Wales total
        let assumptions = try PackagePaths.shippedAssumptions()

        let rate = try assumptions.assumption("baselineIdentificationRate")
        let growth = try assumptions.value("laIdentificationGrowthSince2023")
        #expect(abs(rate.value - (277 + 211) * growth / residents * 100_000) < 1e-12)
        #expect(rate.derivation == .adultIdentificationsPer100kResidents)
        // The projection's range carried into the rate: (1, 1.2688, 1.4076) x the 2023 rate.
        let rate2023 = 488 / residents * 100_000
        guard case .triangular(let lo, let mode, let hi) = rate.distribution else {
            Issue.record("baselineIdentificationRate should carry the growth's triangular range")
            return
        }
        #expect(abs(lo - rate2023) < 1e-12 && abs(mode - rate2023 * 1.2688) < 1e-12 && abs(hi - rate2023 * 1.4076) < 1e-12)

        let median = (counting[158] + counting[159]) / 2
        let benchmark = try assumptions.assumption("coverageBenchmarkFTEPer100k")
        #expect(abs(benchmark.value - 100_000 / median) < 1e-12)
        #expect(benchmark.distribution == .triangular(minimum: 0.4, mode: benchmark.value, maximum: 1.0))

        // The host-population adjustment of the rate ratio is no longer a single ratio here: the
        // rate-ratio derivation computes it from status-quo's placement (ImpactTests).
        #expect(assumptions.byName["coordinatorHostPopulationRatio"] == nil)
    }

    @Test("the referral projection's central value and range follow from the Home Office totals")
    func referralProjection() throws {
        let set = try PackagePaths.shippedAssumptions()
        func national(_ name: String, _ year: String) throws -> Double { try set.value(name, period: year) }
        // Home Office: NRM 16,990 (2023, revised), 19,125 (2024), 23,411 (2025); DtN 4,929, 5,598, 7,130.
        #expect(try national("nrmReferralsUK", "2023") == 16_990 && national("nrmReferralsUK", "2025") == 23_411)
        #expect(try national("dutyToNotifyReportsUK", "2024") == 5_598)
        let nrm = try ["2023", "2024", "2025"].map { try national("nrmReferralsUK", $0) }
        let dtn = try ["2023", "2024", "2025"].map { try national("dutyToNotifyReportsUK", $0) }
        let referrals = try set.value("laAdultNRMReferrals2023"), reports = try set.value("laDutyToNotifyReports2023")
        // Central: the 2024 national rise in full, half of the 2025 rise.
        let central = (referrals * nrm[1] / nrm[0] * (1 + (nrm[2] / nrm[1] - 1) / 2)
                       + reports * dtn[1] / dtn[0] * (1 + (dtn[2] / dtn[1] - 1) / 2)) / (referrals + reports)
        let high = (referrals * nrm[2] / nrm[0] + reports * dtn[2] / dtn[0]) / (referrals + reports)
        let growth = try set.assumption("laIdentificationGrowthSince2023")
        #expect(abs(growth.value - central) < 5e-5)
        #expect(growth.distribution == .triangular(minimum: 1, mode: growth.value, maximum: 1.4076))
        #expect(abs(high - 1.4076) < 5e-5)
        #expect(growth.notes?.contains("not extrapolated") == true)
    }

    @Test func aDerivedValueTakesNoValueOrMode() {
        let withValue = """
        x:
          description: d
          unit: ratio
          derivedFrom: oneFTEPerMedianCouncil
          value: 2
          evidence: derived
          source: {title: t, publisher: p, date: "2025"}
          notes: n
        """
        #expect(inputErrorMessage { _ = try AssumptionLoader.parse(text: withValue, fileName: "a.yaml") }?
            .contains("a value derived from the authority table (derivedFrom) is computed when loaded; remove value") == true)
        let withMode = withValue.replacingOccurrences(of: "  value: 2\n", with: "  distribution: {kind: triangular, minimum: 0, mode: 1, maximum: 2}\n")
        #expect(inputErrorMessage { _ = try AssumptionLoader.parse(text: withMode, fileName: "a.yaml") }?
            .contains("the mode of a derived value is the value computed from the authority table; remove mode") == true)
        let alone = withValue.replacingOccurrences(of: "  value: 2\n", with: "")
        #expect(inputErrorMessage { _ = try AssumptionLoader.parse(text: alone, fileName: "a.yaml") }?
            .contains("x.derivedFrom: a value computed from the authority table is read only from an assumptions folder") == true)
    }

    @Test func aDerivedValueOutsideItsRangeIsAnError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("derive-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(atPath: PackagePaths.assumptions + "/authorities.csv",
                                         toPath: folder.appendingPathComponent("authorities.csv").path)
        try """
        benchmark:
          description: d
          unit: FTE_per_100k_residents
          derivedFrom: oneFTEPerMedianCouncil
          distribution: {kind: triangular, minimum: 0.8, maximum: 1.0}
          evidence: derived
          source: {title: t, publisher: p, date: "2025"}
          notes: n
        """.write(to: folder.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        let message = inputErrorMessage { _ = try AssumptionLoader.load(directory: folder.path) }
        #expect(message?.contains("benchmark.distribution: the value derived from the authority table, 0.6696, lies outside the range 0.8...1.0") == true)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("authorities.csv"))
        #expect(inputErrorMessage { _ = try AssumptionLoader.load(directory: folder.path) }?.contains("authorities.csv") == true)
    }
}
