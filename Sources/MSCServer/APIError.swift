import MSCModel

/// A request the API refuses: an HTTP status and one line saying what was wrong and what was expected.
public struct APIError: Error, Sendable, Equatable {
    public let status: Int
    public let message: String
    /// Seconds the client should wait before asking again (`Retry-After`), for a 429 or a 503.
    public let retryAfterSeconds: Int?

    public init(status: Int, _ message: String, retryAfterSeconds: Int? = nil) {
        self.status = status
        self.message = EchoLimit.clip(message.split(whereSeparator: \.isNewline).joined(separator: " "))
        self.retryAfterSeconds = retryAfterSeconds
    }

    /// 400: the body names something that does not exist or is out of range.
    static func badRequest(_ message: String) -> APIError { APIError(status: 400, message) }

    /// A model input error, as the command line prints it (file, line, key, what was expected).
    static func input(_ error: InputError) -> APIError { APIError(status: 400, error.description) }
}

/// How much of what a client sent an error may repeat back. An error names the key and what was
/// expected; it quotes the offending value only as far as needed to recognise it, so a request
/// cannot make the server send its own megabytes back (or a page's script) inside an error.
enum EchoLimit {
    /// Longest quoted value an error repeats.
    static let quotedCharacters = 200
    /// Longest error line.
    static let lineCharacters = 1_000

    /// `message` with every quoted run cut to ``quotedCharacters`` and the whole to ``lineCharacters``.
    static func clip(_ message: String) -> String {
        var out = ""
        var quoted = 0
        var inQuote = false
        for character in message {
            if character == "\"" {
                if inQuote, quoted > quotedCharacters { out += "…" }
                inQuote.toggle()
                quoted = 0
                out.append(character)
                continue
            }
            if inQuote {
                quoted += 1
                if quoted > quotedCharacters { continue }
            }
            out.append(character)
        }
        if inQuote, quoted > quotedCharacters { out += "…" }
        return out.count > lineCharacters ? String(out.prefix(lineCharacters)) + "…" : out
    }
}
