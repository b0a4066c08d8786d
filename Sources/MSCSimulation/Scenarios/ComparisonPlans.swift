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
    /// How many of ``plans`` were listed (the rest are baselines loaded beside them).
    public let listedCount: Int

    /// A comparison that failed to resolve its baseline (a name that matches no scenario).
    public struct BaselineError: Error, CustomStringConvertible, Sendable {
        public let message: String
        public var description: String { message }
    }

    /// Where a baseline that was not listed comes from: the command line reads the scenario file
    /// beside the others; the web server takes one of its shipped scenarios by name (never a file
    /// a client names).
    public struct BaselineSource {
        /// Loads the scenario called `name`, declared as its baseline by `declaredBy` (nil for a
        /// baseline the user named), with where it was loaded from for the notes.
        public let load: (_ name: String, _ declaredBy: Scenario?) throws -> (plan: ScenarioPlan, origin: String)

        public init(load: @escaping (_ name: String, _ declaredBy: Scenario?) throws -> (plan: ScenarioPlan, origin: String)) {
            self.load = load
        }

        /// Scenario files on disk, found beside `paths[0]` or at a declared baseline's own path.
        public static func files(besides paths: [String], load: @escaping (String) throws -> ScenarioPlan) -> BaselineSource {
            BaselineSource { name, declaredBy in
                if let declaredBy, let declared = declaredBy.baseline {
                    guard FileManager.default.fileExists(atPath: declared.path) else {
                        throw InputError(file: declaredBy.file, line: declared.line, key: "baseline",
                                         message: "no scenario file \(declared.path); expected the name of a scenario in the same folder\(NameSuggestion.hint(for: declared.name, among: ComparisonPlans.scenarioNames(besides: declaredBy.file)))")
                    }
                    return (try load(declared.path), declared.path)
                }
                let stem = ComparisonPlans.stem(name)
                let path = name.hasSuffix(".yaml") ? name : ComparisonPlans.path(of: stem, besides: paths[0])
                guard FileManager.default.fileExists(atPath: path) else {
                    throw BaselineError(message: "--baseline \(name): no scenario of that name among those given and no file \(path)\(NameSuggestion.hint(for: stem, among: ComparisonPlans.scenarioNames(besides: paths[0])))")
                }
                return (try load(path), path)
            }
        }
    }

    /// The scenarios as they are, none compared (`msc run`: each on its own).
    public static func uncompared(_ plans: [ScenarioPlan]) -> ComparisonPlans {
        ComparisonPlans(plans: plans, baselineIndex: plans.map { _ in nil }, notes: [], listedCount: plans.count)
    }

    /// The one baseline rule of every front end (command line, web page, evidence pack).
    ///
    /// - Without `override`, each scenario is compared with the baseline it declares; a declared
    ///   baseline that was not listed is loaded from `source` and added at the end, and a note
    ///   says so. A scenario that declares none is not compared.
    /// - With `override` (a scenario's name or file), every other scenario is compared with it; it
    ///   is loaded from `source` if it was not listed.
    public static func resolve(listed: [ScenarioPlan], override: String? = nil, source: BaselineSource) throws -> ComparisonPlans {
        var plans = listed
        var notes: [String] = []
        func index(named name: String) -> Int? { plans.firstIndex { $0.scenario.name == name } }

        if let override {
            let found: Int
            if let listed = index(named: Self.stem(override)) ?? plans.firstIndex(where: { $0.scenario.file == override }) {
                found = listed
                notes.append("Every scenario is compared with \(plans[found].scenario.name) (the baseline asked for), whatever baseline it declares.")
            } else {
                let (plan, origin) = try source.load(override, nil)
                plans.append(plan)
                found = plans.count - 1
                notes.append("Every scenario is compared with \(plans[found].scenario.name) (the baseline asked for), loaded from \(origin) because it was not listed.")
            }
            return ComparisonPlans(plans: plans, baselineIndex: plans.indices.map { $0 == found ? nil : found }, notes: notes,
                                   listedCount: listed.count)
        }

        let listedCount = plans.count
        var baselineIndex: [Int?] = Array(repeating: nil, count: listedCount)
        for position in 0..<listedCount {
            let scenario = plans[position].scenario
            guard let declared = scenario.baseline else { continue }
            if let found = index(named: declared.name) {
                baselineIndex[position] = found
                continue
            }
            let (plan, origin) = try source.load(declared.name, scenario)
            plans.append(plan)
            baselineIndex.append(nil)
            baselineIndex[position] = plans.count - 1
            notes.append("\(scenario.name) is compared with \(declared.name), the baseline it declares, loaded from \(origin) because it was not listed.")
        }
        let uncompared = (0..<listedCount).filter { baselineIndex[$0] == nil && !baselineIndex.contains($0) }
        if !uncompared.isEmpty, baselineIndex.contains(where: { $0 != nil }) {
            let names = uncompared.map { plans[$0].scenario.name }.joined(separator: ", ")
            notes.append("\(names) declare\(uncompared.count == 1 ? "s" : "") no baseline and \(uncompared.count == 1 ? "is" : "are") shown without a difference (name a baseline to compare everything with one scenario).")
        }
        return ComparisonPlans(plans: plans, baselineIndex: baselineIndex, notes: notes, listedCount: listedCount)
    }

    /// The option a decision among `plans` is measured against, the same on every front end: the
    /// scenario named `requested` (by name or file), else the baseline the first scenario declares
    /// when it is among them, else the first scenario that another declares as its baseline, else
    /// the first. Nil `requested` never fails.
    public static func decisionBaseline(_ plans: [ScenarioPlan], requested: String? = nil) throws -> Int {
        if let requested {
            if let found = plans.firstIndex(where: { $0.scenario.name == requested || $0.scenario.file == requested
                || $0.scenario.name == stem(requested) }) { return found }
            throw BaselineError(message: "\(requested) is not one of the scenarios given; expected one of \(plans.map(\.scenario.name).joined(separator: ", "))")
        }
        let names = plans.map(\.scenario.name)
        if let declared = plans.first?.scenario.baseline?.name, let found = names.firstIndex(of: declared) { return found }
        let declaredBaselines = Set(plans.compactMap { $0.scenario.baseline?.name })
        return names.firstIndex { declaredBaselines.contains($0) } ?? 0
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
