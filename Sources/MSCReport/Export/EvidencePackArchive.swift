import Foundation
import ZIPFoundation

extension EvidencePackWriter {
    /// The whole pack (every format and the charts) as the bytes of one zip file, for a download:
    /// written to a private temporary folder, zipped, read back and removed.
    public static func zipped(_ pack: EvidencePack, folderName: String = "evidence-pack") throws -> Data {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("msc-pack-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let folder = scratch.appendingPathComponent(folderName)
        try write(pack, to: folder.path, formats: Set(ExportFormat.allCases))
        let zipURL = scratch.appendingPathComponent("\(folderName).zip")
        try FileManager.default.zipItem(at: folder, to: zipURL, shouldKeepParent: true)
        return try Data(contentsOf: zipURL)
    }
}
