import Foundation

/// An executable of this package built beside the running tests, in the same build and
/// configuration: a test never runs a stale binary left from another configuration. (On Linux
/// the test bundle is an executable in the build folder; on macOS it is
/// `<folder>/X.xctest/Contents/MacOS/X`.)
public enum BuiltExecutable {
    public static func url(named name: String) -> URL {
        let bundle = URL(fileURLWithPath: Bundle.main.executablePath ?? CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = bundle.deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        return bundle.deletingLastPathComponent().appendingPathComponent(name)
    }

    /// Runs `name` with `arguments` in the package root; its exit status and standard output.
    public static func run(_ name: String, _ arguments: [String]) throws -> (status: Int32, stdout: Data, stderr: Data) {
        let process = Process()
        process.executableURL = url(named: name)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: PackageRoot.path)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Standard error is read on another thread so that neither pipe can fill and stall the other.
        let errorData = DataBox()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errorData.set(err.fileHandleForReading.readDataToEndOfFile()) }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return (process.terminationStatus, stdout, errorData.get())
    }

    /// ``run(_:_:)`` on a thread of its own, for async tests: a test that waits for a process on
    /// the shared concurrency pool (two threads on two cores) would starve the server it tests.
    public static func runOffThePool(_ name: String, _ arguments: [String]) async throws -> (status: Int32, stdout: Data, stderr: Data) {
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<(status: Int32, stdout: Data, stderr: Data), any Error>, Never>) in
            Thread { continuation.resume(returning: Result { try run(name, arguments) }) }.start()
        }
        return try result.get()
    }
}

private final class DataBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = Data()
    func set(_ data: Data) { lock.withLock { stored = data } }
    func get() -> Data { lock.withLock { stored } }
}
