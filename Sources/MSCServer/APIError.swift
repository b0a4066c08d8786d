import MSCModel

/// A request the API refuses: an HTTP status and one line saying what was wrong and what was expected.
public struct APIError: Error, Sendable, Equatable {
    public let status: Int
    public let message: String

    public init(status: Int, _ message: String) {
        self.status = status
        self.message = message.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// 400: the body names something that does not exist or is out of range.
    static func badRequest(_ message: String) -> APIError { APIError(status: 400, message) }

    /// A model input error, as the command line prints it (file, line, key, what was expected).
    static func input(_ error: InputError) -> APIError { APIError(status: 400, error.description) }
}
