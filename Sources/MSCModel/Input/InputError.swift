/// A problem with a user's input file, reported as one line that names the file, the place, the
/// key and what was expected.
///
/// Every loader in the toolkit throws this, so the command line prints one clear line and exits
/// non-zero instead of crashing. Example: `Assumptions/cost.yaml:12:5: salary.value: expected a
/// non-negative amount of money in pounds, found "abc"`.
public struct InputError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file the problem is in, as the user gave it.
    public let file: String
    /// 1-based line number, when the format gives one.
    public let line: Int?
    /// 1-based column number, when the format gives one.
    public let column: Int?
    /// The dotted path of the key (`salary.distribution.maximum`), or the CSV column name.
    public let key: String?
    /// What was wrong and what was expected instead.
    public let message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, key: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.key = key
        self.message = message
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let line, line > 0, let column { _ = line; place += ":\(column)" }
        let keyPart = key.map { "\($0): " } ?? ""
        return "\(place): \(keyPart)\(message)"
    }
}
