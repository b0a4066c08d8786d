import Foundation

/// The JSON API's own small answers as `Codable` types, so that a client in Swift can decode them
/// with the same definitions, and the OpenAPI document describes exactly these fields. The
/// analyses' answers are the reports' JSON, the same bytes `msc … --format json` prints.
public enum APITypes {
    /// Every failure: one line saying what was wrong and what was expected, and the status.
    public struct ErrorBody: Codable, Equatable, Sendable {
        public let error: String
        public let status: Int
    }

    /// One shipped scenario the page offers (`GET /api/scenarios`).
    public struct ScenarioListing: Codable, Equatable, Sendable {
        public let name: String
        public let question: String
        public let horizonYears: Int
        /// The scenario it declares as its baseline; null when none.
        public let baseline: String?

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(question, forKey: .question)
            try container.encode(horizonYears, forKey: .horizonYears)
            try container.encode(baseline, forKey: .baseline)   // null, not absent: the page reads it
        }
    }

    /// How far a page's Monte Carlo has gone (`GET /api/progress`).
    public struct Progress: Codable, Equatable, Sendable {
        public let running: Bool
        public let done: Int
        public let total: Int
    }

    /// An uploaded scenario that loads (`POST /api/scenario`).
    public struct UploadCheck: Codable, Equatable, Sendable {
        public let name: String
        public let question: String
        public let horizonYears: Int
        public let fileName: String
    }

    /// `value` as one line of JSON and a newline, keys in a fixed order.
    static func text<Value: Encodable>(_ value: Value) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // These types hold only text, whole numbers and flags: encoding cannot fail.
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        // As every other answer (`JSONText.quote`): markup in a name never reaches the page raw,
        // even inside JSON. Outside strings JSON has no "<", so this touches strings only.
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c") + "\n"
    }
}
