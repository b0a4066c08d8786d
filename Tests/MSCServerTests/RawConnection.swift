import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A plain TCP connection to the test server on 127.0.0.1, for what an HTTP client library will
/// not do: send a request and hang up before the answer, send headers a byte at a time, send a
/// request that is not HTTP.
final class RawConnection: @unchecked Sendable {
    private let socket: Int32

    init(port: Int) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw RawConnectionError.failed("socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(socket)
            throw RawConnectionError.failed("connect")
        }
    }

    deinit { close(socket) }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw RawConnectionError.failed("send") }
            sent += n
        }
    }

    /// Everything the server sends until it closes the connection or `seconds` pass, waited for
    /// on a thread of its own: a blocking wait on the shared concurrency pool (two threads on two
    /// cores) can hold the very threads the server under test needs to answer, while another
    /// suite's long test holds the other.
    func receiveAll(seconds: Double) async -> (text: String, closed: Bool) {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: self.receiveBlocking(seconds: seconds)) }.start()
        }
    }

    private func receiveBlocking(seconds: Double) -> (text: String, closed: Bool) {
        var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let n = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if n == 0 { return (String(decoding: data, as: UTF8.self), true) }
            if n > 0 { data += buffer[0..<n] }
        }
        return (String(decoding: data, as: UTF8.self), false)
    }

    /// Closes our side for writing (the client is done and gone, as far as the server can tell).
    func shutdownWrite() { shutdown(socket, Int32(SHUT_WR)) }
}

enum RawConnectionError: Error { case failed(String) }

/// A JSON POST written by hand. The Host names the server without a port: the live test server
/// listens on a port of its own choosing, not the one its settings name.
func rawPost(_ path: String, body: String, host: String = "localhost") -> String {
    "POST \(path) HTTP/1.1\r\nHost: \(host)\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
}
