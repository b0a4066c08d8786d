import Foundation

/// Runs the built `msc` executable as a user would and checks what it prints
/// (``BuiltExecutable``: the `msc` built beside these tests, in the same configuration).
public enum MSCBinary {
    public static let root = URL(fileURLWithPath: PackageRoot.path)

    public static var executable: URL { BuiltExecutable.url(named: "msc") }

    public struct Output {
        public let status: Int32
        public let stdout: String
        public let stderr: String
    }

    public static func run(_ arguments: [String]) throws -> Output {
        let (status, stdout, stderr) = try BuiltExecutable.run("msc", arguments)
        return Output(status: status, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }
}
