import Foundation

/// The package's root folder, found from this file's location, so tests read the shipped
/// `Assumptions/` and `Scenarios/` in any clone, whatever the working directory.
public enum PackageRoot {
    public static let path: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
        }
        return FileManager.default.currentDirectoryPath
    }()

    /// A path inside the package, e.g. `file("Assumptions/authorities.csv")`.
    public static func file(_ relative: String) -> String { path + "/" + relative }
}
