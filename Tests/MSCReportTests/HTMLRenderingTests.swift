import Foundation
import Testing
@testable import MSCReport

/// Renders the HTML page in headless Chromium when it is installed (Debian `chromium`); skipped
/// otherwise, so machines without a browser still pass.
@Suite struct HTMLRenderingTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: chromium != nil, "chromium is not installed (apt-get install chromium); rendering check skipped"))
    func theHTMLPageRendersToANonBlankScreenshot() throws {
        let folder = try PackFixture.temporaryFolder()
        // MSC_EXPORT_KEEP=DIR keeps the rendered pack and screenshot there for a person to look at.
        let keep = ProcessInfo.processInfo.environment["MSC_EXPORT_KEEP"]
        defer { if keep == nil { try? FileManager.default.removeItem(at: folder) } }
        let out = keep ?? folder.appendingPathComponent("pack").path
        try EvidencePackWriter.write(try PackFixture.pack(), to: out, formats: Set(ExportFormat.allCases))
        let screenshot = folder.appendingPathComponent("page.png").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.chromium))
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                             "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
                             "--screenshot=\(screenshot)", "--window-size=1200,1600", "file://\(out)/evidence-pack.html"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let png = try #require(FileManager.default.contents(atPath: screenshot), "chromium wrote no screenshot")
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        // A blank 1200×1600 page compresses to a few kilobytes; text, tables and charts take far more.
        #expect(png.count > 40_000, "screenshot is \(png.count) bytes: the page looks blank")
        if let keep { try? FileManager.default.copyItem(atPath: screenshot, toPath: keep + "-page.png") }
    }
}
