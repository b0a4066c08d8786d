/// "Did you mean …?" for a name typed by hand: the known names within a few typing errors.
///
/// ```swift
/// NameSuggestion.closest(to: "salery", among: ["salary", "fte"])   // ["salary"]
/// NameSuggestion.hint(for: "salery", among: ["salary", "fte"])      // "; did you mean salary?"
/// ```
public enum NameSuggestion {
    /// Known names within `limit` edits of `name` (case ignored), nearest first, at most `count`.
    public static func closest(to name: String, among names: [String], limit: Int = 3, count: Int = 3) -> [String] {
        let key = name.lowercased()
        let scored = names.compactMap { candidate -> (String, Int)? in
            let distance = editDistance(key, candidate.lowercased(), limit: limit)
            return distance <= limit ? (candidate, distance) : nil
        }
        return scored.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.prefix(count).map(\.0)
    }

    /// "; did you mean salary?" (or "…salary or salaryYear?"), or "" when nothing is close.
    public static func hint(for name: String, among names: [String]) -> String {
        let near = closest(to: name, among: names)
        guard !near.isEmpty else { return "" }
        return "; did you mean \(near.joined(separator: " or "))?"
    }

    /// Levenshtein distance between `a` and `b`, giving up (returning `limit + 1`) once it exceeds `limit`.
    public static func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
        let a = Array(a), b = Array(b)
        if abs(a.count - b.count) > limit { return limit + 1 }
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1,
                                       previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            if current.min()! > limit { return limit + 1 }
            previous = current
        }
        return previous[b.count]
    }
}
