import Foundation
import Testing
@testable import MSCReport

/// How `msc` and `msc-server` find the shipped assumptions, with every input given explicitly.
@Suite struct ShippedFilesTests {
    /// Finds the folder among `existing` (folders holding cost.yaml) for a process run from `/work`.
    static func found(environment: String? = nil, existing: Set<String>,
                      executable: String = "/opt/msc/bin/msc") -> String {
        ShippedFiles.assumptionsDirectory(environmentFolder: environment, workingDirectory: "/work",
                                          executablePath: executable) { path in
            existing.contains { $0 + "/cost.yaml" == path }
        }
    }

    static let everyPlace: Set<String> = ["/mine", "/work/Assumptions", "/opt/msc/share/msc/Assumptions", "/opt/msc/Assumptions"]

    @Test func theEnvironmentVariableComesFirst() {
        #expect(Self.found(environment: "/mine", existing: Self.everyPlace) == "/mine")
        // Taken as given even when it holds no assumptions, so the error names the folder the user set.
        #expect(Self.found(environment: "/nowhere", existing: Self.everyPlace) == "/nowhere")
    }

    @Test func thenTheWorkingFolder() {
        #expect(Self.found(existing: Self.everyPlace) == "/work/Assumptions")
    }

    @Test func thenShareMscBesideTheBinary() {
        #expect(Self.found(existing: ["/opt/msc/share/msc/Assumptions", "/opt/msc/Assumptions"]) == "/opt/msc/share/msc/Assumptions")
    }

    @Test func thenTheCheckoutTheBinaryWasBuiltIn() {
        let built = "/src/msc/.build/x86_64-unknown-linux-gnu/debug/msc"
        #expect(Self.found(existing: ["/src/msc/Assumptions"], executable: built) == "/src/msc/Assumptions")
        #expect(Self.found(existing: ["/opt/msc/Assumptions"]) == "/opt/msc/Assumptions")
    }

    @Test func elseTheFolderNameAUserExpects() {
        #expect(Self.found(existing: []) == "Assumptions")
    }

    @Test func theCandidatesInOrder() {
        #expect(ShippedFiles.assumptionsCandidates(workingDirectory: "/work", executablePath: "/a/b/c/bin/msc") == [
            "/work/Assumptions", "/a/b/c/share/msc/Assumptions",
            "/a/b/c/bin/Assumptions", "/a/b/c/Assumptions", "/a/b/Assumptions", "/a/Assumptions", "/Assumptions",
        ])
    }

    /// The running executable found without making the main bundle is the one the bundle names.
    @Test func theRunningExecutableIsTheBundlesOwn() throws {
        let bundled = try #require(Bundle.main.executablePath)
        func resolved(_ path: String) -> String { URL(fileURLWithPath: path).resolvingSymlinksInPath().path }
        #expect(resolved(ShippedFiles.runningExecutable()) == resolved(bundled))
    }
}
