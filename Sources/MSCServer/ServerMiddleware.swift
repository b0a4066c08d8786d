import Foundation
import HTTPTypes
import Hummingbird
import MSCModel
import MSCReport

/// The headers every answer carries, the router's and the connection layer's alike.
enum SecurityHeaders {
    /// Only the page's own script, style and images; nothing from elsewhere, no framing.
    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            + "form-action 'none'; frame-ancestors 'none'; base-uri 'none'"

    static func apply(to headers: inout HTTPFields) {
        headers[.contentSecurityPolicy] = contentSecurityPolicy
        headers[.xContentTypeOptions] = "nosniff"
        headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        headers[HTTPField.Name("Cross-Origin-Resource-Policy")!] = "same-origin"
        if headers[.cacheControl] == nil { headers[.cacheControl] = "no-store" }
    }
}

/// Every answer carries the security headers; every failure is a one-line JSON error with a 4xx
/// status (a 5xx only for a fault of the server's own, never for anything a client sent). No
/// error names a folder of the server's: `scrub` turns its paths into the names users know.
struct ErrorAndSecurityMiddleware<Context: RequestContext>: RouterMiddleware {
    let scrub: @Sendable (String) -> String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            response = Self.response(for: error, scrub: scrub)
        }
        SecurityHeaders.apply(to: &response.headers)
        return response
    }

    static func response(for error: any Error, scrub: (String) -> String = { $0 }) -> Response {
        switch error {
        case let error as APIError:
            var response = JSONResponse.error(scrub(error.message), status: error.status)
            if let seconds = error.retryAfterSeconds { response.headers[.retryAfter] = String(seconds) }
            return response
        case let error as InputError:
            return JSONResponse.error(EchoLimit.clip(scrub(error.description)), status: 400)
        case let error as HTTPError:
            let message: String
            switch error.status.code {
            case 404: message = "no such address; the API is under /api (see the README)"
            case 405: message = "method not allowed for this address"
            case 413: message = "request body too large"
            default: message = EchoLimit.clip(error.body ?? error.status.reasonPhrase)
            }
            return JSONResponse.error(message, status: error.status.code < 500 ? error.status.code : 500)
        default:
            // A fault of the server's own: one line, no stack trace, no internals.
            return JSONResponse.error("the server could not compute this: \(EchoLimit.clip(scrub(String(describing: error))).prefix(200))",
                                      status: 500)
        }
    }
}

/// Refuses what a web page the user happens to have open could send to this server.
///
/// A page on another site can make the browser send requests here (cross-site requests), and a
/// page served from a name its owner points at 127.0.0.1 can even read the answers (DNS
/// rebinding). So: the Host must name this server (see ``HostPolicy``); a request from a page of
/// another origin is refused; and a POST must say it carries JSON, which a plain form or a
/// `no-cors` fetch cannot say without the browser first asking permission, which is never given.
struct RequestGuardMiddleware<Context: RequestContext>: RouterMiddleware {
    let hosts: HostPolicy

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let named = [request.head.authority].compactMap { $0 } + request.headers[values: HTTPField.Name("Host")!]
        guard !named.isEmpty, named.allSatisfy(hosts.allows) else {
            throw APIError(status: 421, "Host: expected this server's own address (\(hosts.expectation)); "
                           + "a request naming another host is refused")
        }
        if let origin = request.headers[.origin], !hosts.allowsOrigin(origin) {
            throw APIError(status: 403, "Origin: requests from other sites are refused; expected a page served by this server")
        }
        if request.headers[HTTPField.Name("Sec-Fetch-Site")!] == "cross-site" {
            throw APIError(status: 403, "Sec-Fetch-Site: requests from other sites are refused; expected a page served by this server")
        }
        if request.method == .post {
            let type = request.headers[.contentType]?.split(separator: ";").first?
                .trimmingCharacters(in: .whitespaces).lowercased()
            guard type == "application/json" else {
                throw APIError(status: 415, "Content-Type: expected application/json")
            }
        }
        return try await next(request, context)
    }
}

/// Which Host names this server answers to.
///
/// Bound to a loopback address: that address and `localhost`. Bound to one other address: that
/// address. Bound to every address (`0.0.0.0`, `::`): any address written as numbers, and
/// `localhost`; never a name, since a name is what DNS rebinding points at this machine. A
/// port, when the Host gives one, must be the server's.
struct HostPolicy: Sendable {
    let boundHost: String
    let port: Int

    var expectation: String {
        switch boundHost {
        case "0.0.0.0", "::": return "an IP address or localhost, port \(port)"
        case "127.0.0.1", "::1", "localhost": return "\(Self.bracketed(boundHost)):\(port) or localhost:\(port)"
        default: return "\(Self.bracketed(boundHost)):\(port)"
        }
    }

    static func bracketed(_ host: String) -> String { host.contains(":") ? "[\(host)]" : host }

    /// Splits `host[:port]` and `[v6][:port]`; nil when malformed.
    static func split(_ authority: String) -> (host: String, port: Int?)? {
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            let host = String(authority[authority.index(after: authority.startIndex)..<close])
            let rest = authority[authority.index(after: close)...]
            if rest.isEmpty { return (host, nil) }
            guard rest.hasPrefix(":"), let port = Int(rest.dropFirst()) else { return nil }
            return (host, port)
        }
        let parts = authority.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= 2, !parts[0].isEmpty else { return nil }
        if parts.count == 1 { return (String(parts[0]), nil) }
        guard let port = Int(parts[1]) else { return nil }
        return (String(parts[0]), port)
    }

    static func isNumericAddress(_ host: String) -> Bool {
        if host.contains(":") { return host.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." } }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in Int(part).map { (0...255).contains($0) } ?? false }
    }

    func allows(_ authority: String) -> Bool {
        guard let (host, givenPort) = Self.split(authority.lowercased()) else { return false }
        if let givenPort, givenPort != port { return false }
        switch boundHost.lowercased() {
        case "0.0.0.0", "::": return host == "localhost" || Self.isNumericAddress(host)
        case "127.0.0.1", "::1", "localhost": return host == "localhost" || host == "127.0.0.1" || host == "::1"
        case let bound: return host == bound
        }
    }

    /// An `Origin` of a page served by this server (`null`, sent by sandboxed and file pages, is not).
    func allowsOrigin(_ origin: String) -> Bool {
        let lowered = origin.lowercased()
        guard lowered.hasPrefix("http://") else { return false }
        let authority = String(lowered.dropFirst("http://".count))
        guard !authority.contains("/"), let (_, givenPort) = Self.split(authority) else { return false }
        // A page's origin omits port 80; any other port must be given, and be ours.
        return (givenPort != nil || port == 80) && allows(authority)
    }
}

/// JSON and other bodies with their content types.
enum JSONResponse {
    static func ok(_ text: String, status: Int = 200) -> Response {
        Response(status: .init(code: status), headers: [.contentType: "application/json; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func errorBody(_ message: String, status: Int) -> String {
        APITypes.text(APITypes.ErrorBody(error: message.split(whereSeparator: \.isNewline).joined(separator: " "), status: status))
    }

    static func error(_ message: String, status: Int) -> Response {
        ok(errorBody(message, status: status), status: status)
    }

    static func bytes(_ data: Data, contentType: String, fileName: String? = nil) -> Response {
        var headers: HTTPFields = [.contentType: contentType]
        if let fileName { headers[.contentDisposition] = "attachment; filename=\"\(fileName)\"" }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func text(_ text: String, contentType: String) -> Response {
        Response(status: .ok, headers: [.contentType: contentType, .cacheControl: "no-cache"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
