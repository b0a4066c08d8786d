import Foundation

extension AuthorityTable {
    /// Why a typed authority could not be found, with the near matches a reader most likely meant.
    public struct LookupFailure: Error, Sendable, Equatable {
        /// "no authority has that ONS code or name; near matches: Camden (E09000007), …"
        public let message: String
        /// The near matches, nearest first (at most 10).
        public let nearMatches: [Authority]
    }

    /// The authority with ONS code or name `text` (case, accents, "&" and spacing folded).
    ///
    /// When there is none, the failure lists near matches: names within a few typing errors, and
    /// codes with one character wrong, missing or doubled (the same edit distance as every other
    /// "did you mean" in the toolkit, ``NameSuggestion/editDistance(_:_:limit:)``).
    public func resolve(_ text: String) throws(LookupFailure) -> Authority {
        if let found = authority(code: text) ?? authority(named: text) { return found }
        let byName = nearMatches(for: text, kinds: [.authority]).compactMap { label in
            authority(named: label.replacingOccurrences(of: " (authority)", with: ""))
        }
        let key = text.trimmingCharacters(in: .whitespaces).uppercased()
        let byCode = key.count < 6 ? [] : authorities.filter { NameSuggestion.editDistance($0.code, key, limit: 1) <= 1 }
        var seen: Set<String> = []
        let near = Array((byName + byCode).filter { seen.insert($0.code).inserted }.prefix(10))
        let hint = near.isEmpty
            ? "give an ONS code such as E09000007 or a council's name such as Camden"
            : "near matches: " + near.map { "\($0.name) (\($0.code))" }.joined(separator: ", ")
        throw LookupFailure(message: "no authority has that ONS code or name; \(hint)", nearMatches: near)
    }
}
