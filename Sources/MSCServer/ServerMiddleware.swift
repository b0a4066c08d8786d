import Foundation
import HTTPTypes
import Hummingbird
import MSCModel
import MSCReport

/// Every answer carries the security headers; every failure is a one-line JSON error with a 4xx
/// status (a 5xx only for a fault of the server's own, never for anything a client sent).
struct ErrorAndSecurityMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Only the page's own script, style and images; nothing from elsewhere, no framing.
    static var contentSecurityPolicy: String {
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            + "form-action 'none'; frame-ancestors 'none'; base-uri 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            response = Self.response(for: error)
        }
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }

    static func response(for error: any Error) -> Response {
        switch error {
        case let error as APIError:
            return JSONResponse.error(error.message, status: error.status)
        case let error as InputError:
            return JSONResponse.error(error.description, status: 400)
        case let error as HTTPError:
            let message: String
            switch error.status.code {
            case 404: message = "no such address; the API is under /api (see the README)"
            case 405: message = "method not allowed for this address"
            case 413: message = "request body too large"
            default: message = error.body ?? error.status.reasonPhrase
            }
            return JSONResponse.error(message, status: error.status.code < 500 ? error.status.code : 500)
        default:
            // A fault of the server's own: one line, no stack trace, no internals.
            return JSONResponse.error("the server could not compute this: \(String(describing: error).prefix(200))", status: 500)
        }
    }
}

/// JSON and other bodies with their content types.
enum JSONResponse {
    static func ok(_ text: String, status: Int = 200) -> Response {
        Response(status: .init(code: status), headers: [.contentType: "application/json; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func error(_ message: String, status: Int) -> Response {
        let line = message.split(whereSeparator: \.isNewline).joined(separator: " ")
        let body = "{\"error\": \(JSONText.quote(line)), \"status\": \(status)}\n"
        return ok(body, status: status)
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
