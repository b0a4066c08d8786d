import Foundation

/// Which files a scenario may name (today its `reorganisations:` table; any key added later that
/// takes a file goes through ``resolve(_:expected:)`` too).
///
/// A scenario is data, and data must not choose what the program reads: a scenario file on disk
/// may name only files in its own folder, and a scenario sent to the web server may name only a
/// file the server ships, by its bare name from a fixed list. Nothing a refusal says comes from
/// a file's contents or tells whether some other file exists.
public enum ScenarioFileAccess: Sendable, Equatable {
    /// A scenario read from disk: a relative path that stays inside this folder (symbolic links
    /// followed), e.g. `unitary-2028-reorganisations.csv`.
    case withinFolder(String)
    /// A scenario sent to the server: one of `names`, files of `folder` the server ships.
    case shippedOnly(folder: String, names: [String])

    /// The path to read for the file named at `node`, or an error saying what may be named.
    public func resolve(_ node: YAMLValue, expected what: String) throws -> String {
        let given = try node.string().trimmingCharacters(in: .whitespaces)
        switch self {
        case .shippedOnly(let folder, let names):
            let list = names.isEmpty ? "none is shipped" : "expected one of \(names.joined(separator: ", "))"
            guard names.contains(given) else {
                throw node.error("a scenario sent to the server may name only a file the server ships; \(list) (\(what))")
            }
            return (folder as NSString).appendingPathComponent(given)
        case .withinFolder(let folder):
            let components = given.split(separator: "/", omittingEmptySubsequences: false)
            guard !given.isEmpty, !given.hasPrefix("/"), !given.hasPrefix("~"),
                  !components.contains(where: { $0 == ".." || $0.isEmpty }) else {
                throw node.error("expected the name of \(what) in the scenario's own folder, e.g. changes.csv, "
                                 + "not an absolute path or one that leaves the folder (copy the file beside the scenario)")
            }
            let path = (folder as NSString).appendingPathComponent(given)
            // A link inside the folder may not lead out of it either.
            let realFolder = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath().path
            let realFile = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
            guard realFile.hasPrefix(realFolder.hasSuffix("/") ? realFolder : realFolder + "/") else {
                throw node.error("\"\(given)\" leads out of the scenario's folder; expected \(what) in that folder (copy the file beside the scenario)")
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: realFile, isDirectory: &isDirectory), !isDirectory.boolValue else {
                throw node.error("no file \"\(given)\" beside the scenario; expected \(what) in the scenario's folder")
            }
            return path
        }
    }
}
