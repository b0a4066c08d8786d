import Foundation

/// Where the toolkit's shipped `Assumptions/` folder is, for `msc` and `msc-server` alike.
///
/// The model takes a folder and never looks for one; both executables find it here, the same
/// way. The search itself takes its inputs as arguments, so it can be tested without touching
/// the real environment:
///
/// ```swift
/// let folder = ShippedFiles.assumptionsDirectory(
///     environmentFolder: nil, workingDirectory: "/home/me", executablePath: "/opt/msc/bin/msc")
/// // "/opt/msc/share/msc/Assumptions" when that holds cost.yaml
/// ```
public enum ShippedFiles {
    /// The environment variable that names the assumptions folder, ahead of every other place.
    public static let environmentVariable = "MSC_ASSUMPTIONS"

    /// A file every assumptions folder has: a folder without it is not one.
    static let markerFile = "cost.yaml"

    /// Ancestors of the executable searched for a checkout's `Assumptions/` (from
    /// `.build/<triple>/release/msc` up to the repository root is 4).
    static let ancestorLevels = 5

    /// The folders tried, in order: `./Assumptions` in the working directory; `share/msc/Assumptions`
    /// beside the executable's `bin/` folder (as `make install` lays it out); then an `Assumptions`
    /// folder in each of the executable's ancestors (a checkout, from `.build/release/msc`).
    public static func assumptionsCandidates(workingDirectory: String, executablePath: String) -> [String] {
        let executable = URL(fileURLWithPath: executablePath)
        let binFolder = executable.deletingLastPathComponent()
        var candidates = [
            URL(fileURLWithPath: workingDirectory).appendingPathComponent("Assumptions").path,
            binFolder.deletingLastPathComponent().appendingPathComponent("share/msc/Assumptions").path,
        ]
        var folder = executable
        for _ in 0..<ancestorLevels {
            folder.deleteLastPathComponent()
            candidates.append(folder.appendingPathComponent("Assumptions").path)
        }
        return candidates
    }

    /// The assumptions folder: `environmentFolder` (the value of `MSC_ASSUMPTIONS`) when set, as
    /// given; else the first of ``assumptionsCandidates(workingDirectory:executablePath:)`` that
    /// holds `cost.yaml`; else `Assumptions`, so the error names the folder a user expects.
    public static func assumptionsDirectory(environmentFolder: String?, workingDirectory: String, executablePath: String,
                                            isFile: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }) -> String {
        if let environmentFolder { return environmentFolder }
        return assumptionsCandidates(workingDirectory: workingDirectory, executablePath: executablePath)
            .first { isFile(($0 as NSString).appendingPathComponent(markerFile)) } ?? "Assumptions"
    }

    /// The assumptions folder for the running process: its environment, working directory and
    /// executable (symbolic links followed, so a link in `/usr/local/bin` finds the real install).
    public static func assumptionsDirectory() -> String {
        let process = ProcessInfo.processInfo
        return assumptionsDirectory(environmentFolder: process.environment[environmentVariable],
                                    workingDirectory: FileManager.default.currentDirectoryPath,
                                    executablePath: URL(fileURLWithPath: runningExecutable()).resolvingSymlinksInPath().path)
    }

    /// The running executable's path. On Linux the kernel's own link to it, `/proc/self/exe`:
    /// `Bundle.main` reads every entry of the executable's folder to make the bundle, and a build
    /// folder holds thousands, which took several milliseconds of every command's start.
    static func runningExecutable() -> String {
        #if os(Linux)
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        #endif
        return Bundle.main.executablePath ?? CommandLine.arguments.first ?? ""
    }
}
