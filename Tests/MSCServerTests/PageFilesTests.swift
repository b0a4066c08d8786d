import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MSCServer
import Testing

/// The page's files (Sources/MSCServer/Page/Resources, embedded in the binary at build time) as
/// the server serves them: each present, the markup holding every element the script looks up,
/// nothing left over from the Swift string literals they once were, and no inline script or style
/// for the Content-Security-Policy to refuse.
@Suite struct PageFilesTests {
    typealias F = ServerFixture

    /// The page's three files: address, and the content type each is served with.
    static let files = [("/", "text/html; charset=utf-8"), ("/app.js", "text/javascript; charset=utf-8"),
                        ("/app.css", "text/css; charset=utf-8")]

    /// Each file's body as served, by address.
    static func served() async throws -> [String: String] {
        try await F.application().test(.router) { client in
            var bodies: [String: String] = [:]
            for (uri, _) in files {
                bodies[uri] = try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok)
                    return F.text(response)
                }
            }
            return bodies
        }
    }

    /// Every capture of `pattern`'s first group in `text`.
    static func captures(_ pattern: String, in text: String) throws -> Set<String> {
        let expression = try NSRegularExpression(pattern: pattern)
        let whole = NSRange(text.startIndex..., in: text)
        return Set(expression.matches(in: text, range: whole).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        })
    }

    @Test func eachFileIsServedNonEmptyWithItsContentType() async throws {
        try await F.application().test(.router) { client in
            for (uri, type) in Self.files {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(uri)")
                    #expect(response.headers[.contentType] == type, "\(uri)")
                    // Larger than any error line: the file itself, not a fallback.
                    #expect(response.body.readableBytes > 2_000, "\(uri): \(response.body.readableBytes) bytes")
                }
            }
        }
    }

    @Test func everyIdTheScriptLooksUpIsInThePage() async throws {
        let bodies = try await Self.served()
        let html = try #require(bodies["/"]), script = try #require(bodies["/app.js"])
        let ids = try Self.captures(#"\sid="([^"]+)""#, in: html)
        // $("#name") and getElementById("name") with a fixed name; a name built at run time
        // ($("#scenario-" + name)) belongs to an element the script makes itself.
        let wanted = try Self.captures(##"\$\("#([A-Za-z0-9_-]+)"\)"##, in: script)
            .union(try Self.captures(#"getElementById\("([A-Za-z0-9_-]+)"\)"#, in: script))
        #expect(wanted.count > 40)
        #expect(wanted.subtracting(ids).sorted() == [])
        // The markup names the files it loads, and the script is loaded from its file only.
        #expect(html.contains(#"<link rel="stylesheet" href="/app.css">"#))
        #expect(html.contains(#"<script src="/app.js" defer></script>"#))
    }

    @Test func noSwiftStringLiteralIsLeftInAnyFile() async throws {
        for (uri, text) in try await Self.served() {
            for residue in ["\\(", "\\#(", "#\"\"\"", "\"\"\"#"] {
                #expect(!text.contains(residue), "\(uri) contains \(residue)")
            }
        }
    }

    /// The Content-Security-Policy allows no inline script or style: none may be written in.
    @Test func theMarkupHasNoInlineScriptOrStyle() async throws {
        let html = try #require(try await Self.served()["/"])
        #expect(!html.contains("<style"))
        #expect(try Self.captures(#"<[^>]*\s(style|on[a-z]+)="#, in: html).isEmpty)
        let scripts = try Self.captures(#"<script([^>]*)>"#, in: html)
        #expect(scripts == [#" src="/app.js" defer"#])
    }
}
