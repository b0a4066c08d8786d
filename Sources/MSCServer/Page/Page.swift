/// The one page the server serves, as the files in `Resources/`: `index.html` (markup), `app.js`
/// (behaviour) and `app.css` (looks), each its own response so the Content-Security-Policy can
/// forbid every inline script and style. SwiftPM embeds them in the binary at build time
/// (`.embedInCode` in Package.swift, which generates `PackageResources`), so the server never
/// looks for files beside itself. Nothing is fetched from elsewhere: the page works on networks
/// that cannot reach a CDN.
enum Page {
    static let html = text(PackageResources.index_html)
    static let script = text(PackageResources.app_js)
    static let style = text(PackageResources.app_css)
    /// The JSON API described in OpenAPI 3.1 (`openapi.json`), for analysts calling it from Python,
    /// R or any other language; a test holds it to the router's routes, keys and answers.
    static let openAPI = text(PackageResources.openapi_json)

    private static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
}
