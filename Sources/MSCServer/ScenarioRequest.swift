import Foundation
import MSCModel
import MSCSimulation

/// One assumption override from a request: its name and its value as JSON text (a number, or an
/// object with `value` and optionally `distribution` and `notes`, as in a scenario file).
public struct AssumptionOverride: Sendable, Equatable {
    public let name: String
    public let json: String
}

/// A scenario file sent by the client: its text, and a name used only to label errors.
public struct ScenarioUpload: Sendable, Equatable {
    public let fileName: String
    public let yaml: String
}

/// The body of `POST /api/run`, `/api/compare`, `/api/share`, `/api/decide` and
/// `/api/evidence-pack`: which scenarios, against which baseline, with which overrides, seed and
/// iterations. Unknown keys are errors, as in the model's files.
public struct ScenarioRequest: Sendable {
    public var scenarios: [String] = []
    public var uploads: [ScenarioUpload] = []
    public var baseline: String?
    public var overrides: [AssumptionOverride] = []
    public var seed: UInt64 = 20250101
    public var iterations: Int = 10_000
    public var sampling: SamplingMethod = .monteCarlo
    /// `run` only: the central case (every input at its central value) instead of a Monte Carlo.
    public var central = false
    /// `compare` only: include the SVG charts.
    public var charts = false
    /// `run` only: include each authority's figures for the map.
    public var map = false
    /// `run` with `central` only: solve each key input's switching value (slower).
    public var switchingValues = false
    /// `compare` only: add the decision analysis (probability worthwhile, value of information).
    public var decision = false
    /// `decide` only: a fixed value of one additional identification (pounds) instead of the model's own.
    public var threshold: Double?
    /// `share` only: the area (county, police force area, region or council) and its kind.
    public var area: String?
    public var areaKind: String?
    /// `map` only: what colours the hexagons (posts, coverage, net-cost-to-council, additional-identifications).
    public var metric: String?

    static let commonKeys = ["scenarios", "uploads", "baseline", "overrides", "seed", "iterations", "sampling"]

    /// Largest seed a request may give: every whole number up to 2^53 is exact in JavaScript,
    /// so the page can show and send back any seed it was given.
    static let maximumSeed: UInt64 = 1 << 53

    /// The body as a JSON object read strictly (a repeated key or a malformed number is refused).
    static func object(_ body: Data) throws -> [(key: String, value: StrictJSON)] {
        let parsed: StrictJSON
        do {
            parsed = try StrictJSON.parse(body)
        } catch let failure as StrictJSON.Failure where failure.isStrictness {
            throw APIError.badRequest("body: \(failure.message)")
        } catch let failure as StrictJSON.Failure {
            throw APIError.badRequest("body: not valid JSON (\(failure.message)); expected an object such as {\"scenarios\": [\"status-quo\"]}")
        }
        guard let members = parsed.members else {
            throw APIError.badRequest("body: expected a JSON object such as {\"scenarios\": [\"status-quo\"]}")
        }
        return members
    }

    /// Parses and checks a JSON body; `extraKeys` are the endpoint's own keys.
    static func parse(_ body: Data, extraKeys: [String] = [], maximumIterations: Int,
                      minimumScenarios: Int = 1) throws -> ScenarioRequest {
        try parse(members: try object(body), extraKeys: extraKeys, maximumIterations: maximumIterations,
                  minimumScenarios: minimumScenarios)
    }

    static func parse(members: [(key: String, value: StrictJSON)], extraKeys: [String] = [], maximumIterations: Int,
                      minimumScenarios: Int = 1) throws -> ScenarioRequest {
        let object = StrictJSON.object(members)
        let allowed = commonKeys + extraKeys
        if let unknown = members.map(\.key).sorted().first(where: { !allowed.contains($0) }) {
            throw APIError.badRequest("\(unknown): unknown key; expected one of \(allowed.joined(separator: ", "))")
        }
        var request = ScenarioRequest()
        if let value = object["scenarios"] {
            guard case .array(let items) = value else { throw APIError.badRequest("scenarios: expected a list of scenario names") }
            request.scenarios = try items.map {
                guard let name = $0.stringValue else { throw APIError.badRequest("scenarios: expected a list of scenario names") }
                return name
            }
        }
        if let value = object["uploads"] {
            guard case .array(let list) = value, list.count <= 8 else {
                throw APIError.badRequest("uploads: expected a list of at most 8 objects {\"fileName\": …, \"yaml\": …}")
            }
            request.uploads = try list.enumerated().map { try parseUpload($0.element, key: "uploads[\($0.offset)]") }
        }
        if let value = object["baseline"], value != .null {
            guard let name = value.stringValue else { throw APIError.badRequest("baseline: expected a scenario name") }
            request.baseline = name
        }
        if let value = object["overrides"] {
            guard let map = value.members else {
                throw APIError.badRequest("overrides: expected an object of assumption names and values, e.g. {\"salary\": 50000}")
            }
            request.overrides = map.sorted { $0.key < $1.key }.map { AssumptionOverride(name: $0.key, json: $0.value.text) }
        }
        if let value = object["seed"] {
            guard let seed = value.exactUnsigned, seed <= maximumSeed else {
                throw APIError.badRequest("seed: expected a whole number from 0 to 2^53 (9007199254740992), written without a point or exponent")
            }
            request.seed = seed
        }
        if let value = object["iterations"] {
            guard let count = value.wholeNumber, (1...maximumIterations).contains(count) else {
                throw APIError.badRequest("iterations: expected a whole number from 1 to \(maximumIterations)")
            }
            request.iterations = count
        }
        if let value = object["sampling"] {
            guard let text = value.stringValue, let method = SamplingMethod(rawValue: text) else {
                throw APIError.badRequest("sampling: expected mc, lhs or sobol")
            }
            request.sampling = method
        }
        for flag in ["central", "charts", "map", "switchingValues", "decision"] where extraKeys.contains(flag) {
            guard let value = object[flag] else { continue }
            guard let bool = value.boolValue else {
                throw APIError.badRequest("\(flag): expected true or false")
            }
            switch flag {
            case "central": request.central = bool
            case "charts": request.charts = bool
            case "map": request.map = bool
            case "decision": request.decision = bool
            default: request.switchingValues = bool
            }
        }
        if extraKeys.contains("threshold"), let value = object["threshold"], value != .null {
            guard let number = value.doubleValue, (0...1e9).contains(number) else {
                throw APIError.badRequest("threshold: expected an amount in pounds between 0 and 1,000,000,000")
            }
            request.threshold = number
        }
        for key in ["area", "areaKind", "metric"] where extraKeys.contains(key) {
            guard let value = object[key] else { continue }
            guard let text = value.stringValue, !text.trimmingCharacters(in: .whitespaces).isEmpty, text.count <= 200 else {
                throw APIError.badRequest("\(key): expected a name, e.g. \"Kent\"")
            }
            if let hidden = DisplaySafeText.firstHiddenCharacter(in: text) {
                throw APIError.badRequest("\(key): expected a name without control or text-direction characters, found \(hidden)")
            }
            switch key {
            case "area": request.area = text
            case "areaKind": request.areaKind = text
            default: request.metric = text
            }
        }
        let count = request.scenarios.count + request.uploads.count
        guard count >= minimumScenarios else {
            throw APIError.badRequest(minimumScenarios == 1
                ? "scenarios: expected at least one scenario name, e.g. [\"national-rollout\"]"
                : "scenarios: expected at least \(minimumScenarios) scenarios to compare")
        }
        guard count <= 8 else { throw APIError.badRequest("scenarios: expected at most 8 scenarios in one request") }
        return request
    }

    /// An upload: `{"fileName": "mine.yaml", "yaml": "name: …"}`. The name only labels errors.
    static func parseUpload(_ value: StrictJSON, key: String) throws -> ScenarioUpload {
        guard let map = value.members, let yaml = value["yaml"]?.stringValue else {
            throw APIError.badRequest("\(key): expected {\"fileName\": \"mine.yaml\", \"yaml\": \"…\"}")
        }
        if let unknown = map.map(\.key).sorted().first(where: { !["fileName", "yaml"].contains($0) }) {
            throw APIError.badRequest("\(key).\(unknown): unknown key; expected fileName and yaml")
        }
        let given = value["fileName"]
        if let given, given != .null, given.stringValue == nil {
            throw APIError.badRequest("\(key).fileName: expected a file name such as \"mine.yaml\"")
        }
        if let name = given?.stringValue, let hidden = DisplaySafeText.firstHiddenCharacter(in: name) {
            throw APIError.badRequest("\(key).fileName: expected a name without control or text-direction characters, found \(hidden)")
        }
        return ScenarioUpload(fileName: safeFileName(given?.stringValue), yaml: yaml)
    }

    /// A label for error messages made only of safe characters, never a path.
    static func safeFileName(_ name: String?) -> String {
        let last = (name ?? "").split(separator: "/").last.map(String.init) ?? ""
        let kept = String(last.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0) }
            .prefix(60).map(Character.init))
        let trimmed = kept.trimmingCharacters(in: CharacterSet(charactersIn: "."))
        return trimmed.isEmpty ? "uploaded.yaml" : trimmed
    }
}
