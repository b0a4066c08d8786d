import Foundation

/// Runs the built `msc` executable as a user would and checks what it prints.
public enum MSCBinary {
    public static let root = URL(fileURLWithPath: PackageRoot.path)

    /// The `msc` built beside these tests, in the same build and configuration: a test never runs
    /// a stale binary left from another configuration. (On Linux the test bundle is an executable
    /// in the build folder; on macOS it is `<folder>/X.xctest/Contents/MacOS/X`.)
    public static var executable: URL {
        let bundle = URL(fileURLWithPath: Bundle.main.executablePath ?? CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = bundle.deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("msc")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        return bundle.deletingLastPathComponent().appendingPathComponent("msc")
    }

    public struct Output {
        public let status: Int32
        public let stdout: String
        public let stderr: String
    }

    public static func run(_ arguments: [String]) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = root
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }
}
