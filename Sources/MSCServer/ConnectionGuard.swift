import HTTPTypes
import Hummingbird
import NIOCore
import NIOHTTPTypes

/// A handler on each connection, between the HTTP codec and the router.
///
/// - A client that closes its side of the connection is gone: the connection is closed, which
///   cancels the work its request started (``API`` watches each connection's close). The server
///   allows half-closed connections, so without this a request whose client had left ran to the end.
/// - Answers the HTTP layer writes itself (a malformed request gets a bare 400 before any route
///   sees it) carry the same security headers as every other answer, and a one-line JSON error.
final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// The body owed after a bare HTTP-layer error head, written before its end.
    private var pendingBody: ByteBuffer?

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case ChannelEvent.inputClosed = event {
            context.close(promise: nil)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(var head) where head.headerFields[.contentSecurityPolicy] == nil:
            // Only the HTTP layer writes a head without the router's headers.
            if head.status.code >= 400, head.headerFields[.contentLength] == "0" {
                let message = head.status.code == 400 ? "malformed HTTP request; expected HTTP/1.1 with valid headers"
                                                       : head.status.reasonPhrase
                let body = ByteBuffer(string: JSONResponse.errorBody(message, status: head.status.code))
                head.headerFields[.contentType] = "application/json; charset=utf-8"
                head.headerFields[.contentLength] = String(body.readableBytes)
                pendingBody = body
            }
            SecurityHeaders.apply(to: &head.headerFields)
            context.write(wrapOutboundOut(.head(head)), promise: promise)
        case .end(let trailers) where pendingBody != nil:
            let body = pendingBody!
            pendingBody = nil
            context.write(wrapOutboundOut(.body(body)), promise: nil)
            context.write(wrapOutboundOut(.end(trailers)), promise: promise)
        default:
            context.write(data, promise: promise)
        }
    }
}
