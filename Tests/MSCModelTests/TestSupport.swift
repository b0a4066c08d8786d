import Foundation
import MSCModel
import MSCTestSupport

/// Paths inside the package, found from this test file's location (works in any clone).
enum PackagePaths {
    static var root: String { PackageRoot.path }
    static var assumptions: String { root + "/Assumptions" }
    static var scenarios: String { root + "/Scenarios" }

    static func shippedAssumptions() throws -> AssumptionSet {
        try AssumptionLoader.load(directory: assumptions)
    }
}
