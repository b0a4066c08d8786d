import Foundation
import MSCModel

/// The scenarios of a comparison and what each is compared with: its declared `baseline` (loaded
/// from beside it when it was not listed), or the one named by `--baseline`.
public struct ComparisonPlans: Sendable {
    /// The scenarios listed, then any baselines loaded because they were declared but not listed.
    public let plans: [ScenarioPlan]
    /// For each plan, the index of the plan it is compared with, or nil when it is not compared.
    public let baselineIndex: [Int?]
    /// Sentences saying how baselines were chosen, for the report's notes.
    public let notes: [String]

    /// A comparison that failed to resolve its baseline (a name that matches no scenario).
    public struct BaselineError: Error, CustomStringConvertible, Sendable {
        public let message: String
        public var description: String { message }
    }

    /// Resolves baselines for the scenarios at `paths`, loading each with `load`.
    ///
    /// - Without `override`, each scenario is compared with the baseline it declares; a declared
    ///   baseline that was not listed is loaded from the scenario's folder and added at the end,
    ///   and a note says so. A scenario that declares none is not compared.
    /// - With `override` (a scenario's name or file), every other scenario is compared with it; it
    ///   is loaded if it was not listed.
    public static func resolve(paths: [String], override: String? = nil,
                               load: (String) throws -> ScenarioPlan) throws -> ComparisonPlans {
        var plans = try paths.map(load)
        var notes: [String] = []
        func index(named name: String) -> Int? { plans.firstIndex { $0.scenario.name == name } }

        if let override {
            let stem = Self.stem(override)
            let found: Int
            if let listed = index(named: stem) ?? plans.firstIndex(where: { $0.scenario.file == override }) {
                found = listed
                notes.append("Every scenario is compared with \(plans[found].scenario.name) (--baseline), whatever baseline it declares.")
            } else {
                let path = override.hasSuffix(".yaml") ? override : Self.path(of: stem, besides: paths[0])
                guard FileManager.default.fileExists(atPath: path) else {
                    let known = plans.map(\.scenario.name) + Self.scenarioNames(besides: paths[0])
                    throw BaselineError(message: "--baseline \(override): no scenario of that name among those given and no file \(path)\(NameSuggestion.hint(for: stem, among: Array(Set(known)).sorted()))")
                }
                plans.append(try load(path))
                found = plans.count - 1
                notes.append("Every scenario is compared with \(plans[found].scenario.name) (--baseline), loaded from \(path) because it was not listed.")
            }
            return ComparisonPlans(plans: plans, baselineIndex: plans.indices.map { $0 == found ? nil : found }, notes: notes)
        }

        let listedCount = plans.count
        var baselineIndex: [Int?] = Array(repeating: nil, count: listedCount)
        for position in 0..<listedCount {
            let scenario = plans[position].scenario
            guard let declared = scenario.baseline else { continue }
            if let found = index(named: declared.name) {
                baselineIndex[position] = found
                if found >= listedCount {
                    notes.append("\(scenario.name) is compared with \(declared.name), the baseline it declares, loaded from \(declared.path).")
                }
                continue
            }
            guard FileManager.default.fileExists(atPath: declared.path) else {
                throw InputError(file: scenario.file, line: declared.line, key: "baseline",
                                 message: "no scenario file \(declared.path); expected the name of a scenario in the same folder\(NameSuggestion.hint(for: declared.name, among: Self.scenarioNames(besides: scenario.file)))")
            }
            plans.append(try load(declared.path))
            baselineIndex.append(nil)
            baselineIndex[position] = plans.count - 1
            notes.append("\(scenario.name) is compared with \(declared.name), the baseline it declares, loaded from \(declared.path) because it was not listed.")
        }
        let uncompared = (0..<listedCount).filter { baselineIndex[$0] == nil && !baselineIndex.contains($0) }
        if !uncompared.isEmpty, baselineIndex.contains(where: { $0 != nil }) {
            let names = uncompared.map { plans[$0].scenario.name }.joined(separator: ", ")
            notes.append("\(names) declare\(uncompared.count == 1 ? "s" : "") no baseline and \(uncompared.count == 1 ? "is" : "are") shown without a difference (use --baseline NAME to compare everything with one scenario).")
        }
        return ComparisonPlans(plans: plans, baselineIndex: baselineIndex, notes: notes)
    }

    static func stem(_ name: String) -> String {
        let file = (name as NSString).lastPathComponent
        return file.hasSuffix(".yaml") ? String(file.dropLast(5)) : file
    }

    static func path(of stem: String, besides file: String) -> String {
        let folder = (file as NSString).deletingLastPathComponent
        return folder.isEmpty ? "\(stem).yaml" : (folder as NSString).appendingPathComponent("\(stem).yaml")
    }

    /// The scenario names (file stems) in the folder of `file`, for "did you mean".
    static func scenarioNames(besides file: String) -> [String] {
        let folder = (file as NSString).deletingLastPathComponent
        let listing = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
        return listing.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }
}
