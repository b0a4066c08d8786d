import Foundation
import MSCModel

/// A failure to write an evidence pack, with a message for the user.
public struct ExportError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Writes a folder all at once: files go into a hidden temporary sibling folder, which is renamed
/// into place only when every file was written, so a failed export leaves the destination as it was.
///
/// The folder keeps a manifest (``markerFileName``) of the files it wrote with their SHA-256. An
/// existing destination is replaced only if it is empty, or if every file in it is listed in its
/// manifest and unchanged since: a file the user added or edited makes the write refuse, naming
/// that file, and no file the toolkit did not write is ever deleted.
public enum AtomicFolder {
    /// The manifest that marks a folder as written by this toolkit: a first line
    /// ``manifestHeading``, then one line per file, `sha256  relative/path`.
    public static let markerFileName = ".msc-evidence-pack"
    static let manifestHeading = "msc evidence pack: files written (sha256, path); msc export replaces only these"

    /// Throws unless `destination` can take a pack: its parent is a folder and it is absent,
    /// empty, or holds only the unchanged files of an earlier pack. Returns whether it exists.
    /// Cheap: call it before a long run.
    @discardableResult
    public static func checkDestination(_ destination: String) throws -> Bool {
        guard !destination.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ExportError("the folder to write to is empty text; expected a folder path such as pack/")
        }
        let fileManager = FileManager.default
        let target = URL(fileURLWithPath: destination).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: parent.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ExportError("cannot write \(destination): the folder \(parent.path) does not exist; create it first or choose another folder")
        }
        // A trial folder beside the destination: the staging folder goes there, so a folder that
        // cannot take it (read-only, /proc, no permission) is refused now, not after the run.
        let probe = parent.appendingPathComponent(".\(target.lastPathComponent).probe-\(UUID().uuidString.prefix(8))")
        do {
            try fileManager.createDirectory(at: probe, withIntermediateDirectories: false)
            try fileManager.removeItem(at: probe)
        } catch {
            throw ExportError("cannot write \(destination): \(FileProblem.describe(error)) in \(parent.path); choose a folder you can write to")
        }
        if (try? fileManager.destinationOfSymbolicLink(atPath: target.path)) != nil {
            throw ExportError("cannot write \(destination): it is a symbolic link; give the folder itself")
        }
        guard fileManager.fileExists(atPath: target.path, isDirectory: &isDirectory) else { return false }
        guard isDirectory.boolValue else { throw ExportError("cannot write \(destination): it is a file; expected a folder") }
        let files = try filesBelow(target, destination: destination)
        guard !files.isEmpty else { return true }
        let manifest = readManifest(in: target)
        for file in files where file != markerFileName {
            guard let recorded = manifest[file] else {
                throw ExportError("\((destination as NSString).appendingPathComponent(file)) was not written by msc export; "
                                  + "move it out of \(destination) or choose a new folder (nothing was written)")
            }
            guard hash(of: target.appendingPathComponent(file)) == recorded else {
                throw ExportError("\((destination as NSString).appendingPathComponent(file)) was changed after msc export wrote it; "
                                  + "move it out of \(destination) or choose a new folder (nothing was written)")
            }
        }
        return true
    }

    /// The files an earlier pack in `destination` holds, by its manifest (empty when there is none),
    /// so a narrower export can say what it removes.
    public static func earlierPackFiles(in destination: String) -> [String] {
        readManifest(in: URL(fileURLWithPath: destination).standardizedFileURL).keys.sorted()
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
            let written = try filesBelow(staging, destination: destination)
            let lines = written.map { "\(hash(of: staging.appendingPathComponent($0)) ?? "")  \($0)" }
            try Data(([manifestHeading] + lines).joined(separator: "\n").appending("\n").utf8)
                .write(to: staging.appendingPathComponent(markerFileName))
        } catch {
            try? fileManager.removeItem(at: staging)
            if let exportError = error as? ExportError { throw exportError }
            throw ExportError("cannot write \(destination): \(FileProblem.describe(error)); choose a folder you can write to")
        }
        if !exists {
            do { try fileManager.moveItem(at: staging, to: target) } catch {
                try? fileManager.removeItem(at: staging)
                throw ExportError("cannot move the pack into \(destination): \(FileProblem.describe(error))")
            }
            return
        }
        // Swap by two renames; if the second fails, the first is undone.
        let previous = parent.appendingPathComponent(".\(target.lastPathComponent).previous-\(token)")
        do { try fileManager.moveItem(at: target, to: previous) } catch {
            try? fileManager.removeItem(at: staging)
            throw ExportError("cannot replace \(destination): \(FileProblem.describe(error))")
        }
        do { try fileManager.moveItem(at: staging, to: target) } catch {
            try? fileManager.moveItem(at: previous, to: target)
            try? fileManager.removeItem(at: staging)
            throw ExportError("cannot replace \(destination): \(FileProblem.describe(error))")
        }
        removeWrittenFiles(in: previous)
    }

    /// Deletes from an earlier pack only the files its manifest lists (unchanged), then its empty
    /// folders. Anything else (a file added while the new pack was being written) stays.
    static func removeWrittenFiles(in folder: URL) {
        let fileManager = FileManager.default
        let manifest = readManifest(in: folder)
        for (file, recorded) in manifest where hash(of: folder.appendingPathComponent(file)) == recorded {
            try? fileManager.removeItem(at: folder.appendingPathComponent(file))
        }
        try? fileManager.removeItem(at: folder.appendingPathComponent(markerFileName))
        // Folders deepest first; rmdir removes only empty ones, so a folder that still holds something stays.
        let folders = ((try? fileManager.subpathsOfDirectory(atPath: folder.path)) ?? []).sorted { $0.count > $1.count }
        for sub in folders { _ = rmdir(folder.appendingPathComponent(sub).path) }
        _ = rmdir(folder.path)
    }

    /// The files (not folders) below `folder`, as paths relative to it, sorted; symbolic links count as files.
    static func filesBelow(_ folder: URL, destination: String) throws -> [String] {
        let fileManager = FileManager.default
        var files: [String] = []
        func walk(_ relative: String) throws {
            let path = relative.isEmpty ? folder.path : folder.appendingPathComponent(relative).path
            let names: [String]
            do { names = try fileManager.contentsOfDirectory(atPath: path) } catch {
                throw ExportError("cannot read \(relative.isEmpty ? destination : (destination as NSString).appendingPathComponent(relative)): "
                                  + "\(FileProblem.describe(error)); choose another folder")
            }
            for name in names.sorted() {
                let child = relative.isEmpty ? name : relative + "/" + name
                let attributes = try? fileManager.attributesOfItem(atPath: folder.appendingPathComponent(child).path)
                if attributes?[.type] as? FileAttributeType == .typeDirectory {
                    try walk(child)
                } else {
                    files.append(child)
                }
            }
        }
        try walk("")
        return files
    }

    /// The manifest of `folder`: relative path → SHA-256; empty when there is none.
    static func readManifest(in folder: URL) -> [String: String] {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(markerFileName).path),
              let text = String(data: data, encoding: .utf8) else { return [:] }
        var entries: [String: String] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
            guard parts.count == 2, parts[0].count == 64 else { continue }
            let path = String(parts[1])
            // A manifest names files inside its folder only.
            guard !path.hasPrefix("/"), !path.split(separator: "/").contains("..") else { continue }
            entries[path] = String(parts[0])
        }
        return entries
    }

    /// The SHA-256 of a regular file, or nil when it cannot be read.
    static func hash(of url: URL) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
              attributes[.type] as? FileAttributeType == .typeRegular,
              let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return SHA256.hex(data)
    }
}

/// Foundation's file errors in words a user can act on ("Permission denied", "No such file or
/// directory") rather than "The operation could not be completed".
public enum FileProblem {
    public static func describe(_ error: Error) -> String {
        let nsError = error as NSError
        var current: NSError? = nsError
        while let candidate = current {
            if candidate.domain == NSPOSIXErrorDomain, let message = strerror(Int32(candidate.code)) {
                let text = String(cString: message)
                return text.lowercased()
            }
            current = candidate.userInfo[NSUnderlyingErrorKey] as? NSError
        }
        switch nsError.code {
        case NSFileNoSuchFileError, NSFileReadNoSuchFileError: return "no such file or folder"
        case NSFileWriteNoPermissionError, NSFileReadNoPermissionError: return "permission denied"
        case NSFileWriteOutOfSpaceError: return "no space left on the disk"
        case NSFileWriteVolumeReadOnlyError: return "the disk is read-only"
        case NSFileWriteFileExistsError: return "a file of that name already exists"
        default: return "the system refused (\(nsError.domain) \(nsError.code))"
        }
    }
}
