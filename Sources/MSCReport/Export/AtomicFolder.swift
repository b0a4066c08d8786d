import Foundation

/// A failure to write an evidence pack, with a message for the user.
public struct ExportError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Writes a folder all at once: files go into a hidden temporary sibling folder, which is renamed
/// into place only when every file was written, so a failed export leaves the destination as it was.
///
/// An existing destination is replaced only if it is empty or an earlier evidence pack (it holds
/// the marker file), never an unrelated folder such as a home directory.
public enum AtomicFolder {
    /// The file that marks a folder as an evidence pack this toolkit may replace.
    public static let markerFileName = ".msc-evidence-pack"

    /// Throws unless `destination` can take a pack: its parent is a folder and it is absent,
    /// empty or an earlier pack. Returns whether it exists. Cheap: call it before a long run.
    @discardableResult
    public static func checkDestination(_ destination: String) throws -> Bool {
        let fileManager = FileManager.default
        let target = URL(fileURLWithPath: destination).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: parent.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ExportError("cannot write \(destination): \(parent.path) is not an existing folder")
        }
        guard fileManager.fileExists(atPath: target.path, isDirectory: &isDirectory) else { return false }
        guard isDirectory.boolValue else { throw ExportError("cannot write \(destination): it is a file, expected a folder") }
        let contents = (try? fileManager.contentsOfDirectory(atPath: target.path)) ?? []
        guard contents.isEmpty || contents.contains(markerFileName) else {
            throw ExportError("\(destination) already holds files that are not an evidence pack; choose a new or empty folder")
        }
        return true
    }

    /// Calls `fill` with a fresh temporary folder, then moves that folder to `destination`.
    public static func write(to destination: String, fill: (URL) throws -> Void) throws {
        let fileManager = FileManager.default
        let target = URL(fileURLWithPath: destination).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let exists = try checkDestination(destination)
        let token = UUID().uuidString.prefix(8)
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).partial-\(token)")
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
            try fill(staging)
            try Data("msc evidence pack\n".utf8).write(to: staging.appendingPathComponent(markerFileName))
        } catch {
            try? fileManager.removeItem(at: staging)
            if let exportError = error as? ExportError { throw exportError }
            throw ExportError("cannot write \(destination): \(error.localizedDescription)")
        }
        if !exists {
            do { try fileManager.moveItem(at: staging, to: target) } catch {
                try? fileManager.removeItem(at: staging)
                throw ExportError("cannot move the pack into \(destination): \(error.localizedDescription)")
            }
            return
        }
        // Swap by two renames; if the second fails, the first is undone.
        let previous = parent.appendingPathComponent(".\(target.lastPathComponent).previous-\(token)")
        do { try fileManager.moveItem(at: target, to: previous) } catch {
            try? fileManager.removeItem(at: staging)
            throw ExportError("cannot replace \(destination): \(error.localizedDescription)")
        }
        do { try fileManager.moveItem(at: staging, to: target) } catch {
            try? fileManager.moveItem(at: previous, to: target)
            try? fileManager.removeItem(at: staging)
            throw ExportError("cannot replace \(destination): \(error.localizedDescription)")
        }
        try? fileManager.removeItem(at: previous)
    }
}
