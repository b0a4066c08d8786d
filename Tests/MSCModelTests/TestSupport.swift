import Foundation
import MSCModel

/// Paths inside the package, found from this test file's location (works in any clone).
enum PackagePaths {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()
    static var assumptions: String { root + "/Assumptions" }
    static var scenarios: String { root + "/Scenarios" }

    static func shippedAssumptions() throws -> AssumptionSet {
        try AssumptionLoader.load(directory: assumptions)
    }
}
