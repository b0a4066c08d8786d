// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "MSCToolkit",
    platforms: [.macOS(.v14)],
    products: [
        // MARK: Public API
        .executable(name: "msc", targets: ["msc"]),
        // The web page and JSON API (`msc serve` hands over to it). A product of its own, so that
        // `make run` (which builds `msc` only) never compiles Hummingbird and SwiftNIO.
        .executable(name: "msc-server", targets: ["msc-server"]),
        .library(name: "MSCServer", targets: ["MSCServer"]),
        .library(name: "MSCModel", targets: ["MSCModel"]),
        .library(name: "MSCSimulation", targets: ["MSCSimulation"]),
        .library(name: "MSCReport", targets: ["MSCReport"]),
        .library(name: "MSCUseCases", targets: ["MSCUseCases"]),
        .library(name: "GSLKit", targets: ["GSLKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        // Tests only: property checks of the Monte Carlo kernel against the readable model.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        // No default traits: the server needs neither swift-configuration nor full Foundation's form coding.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // The server's graceful shutdown on SIGTERM and Ctrl-C, and its per-connection handler.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
    ],
    targets: [
        // MARK: Implementation details
        // The C shim over the system GSL (Debian `libgsl-dev`), found with pkg-config.
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev", "pkg-config"])]
        ),

        // The Monte Carlo's per-post draw in C, where the loop can take several posts at once.
        // No errno from sqrt (its argument is never negative) and no fused multiply-adds, so each
        // value is the one the Swift formula gives (a test compares them bit for bit).
        .target(name: "CKernels", cSettings: [.unsafeFlags(["-O3", "-fno-math-errno", "-ffp-contract=off"])]),

        // MARK: Libraries
        // Safe Swift over the parts of GSL the model uses.
        .target(name: "GSLKit", dependencies: ["CGSL", "CKernels"]),
        // The domain: formulas, types, assumption and scenario loading. No randomness, no printing.
        .target(name: "MSCModel", dependencies: [.product(name: "Yams", package: "Yams")]),
        // Uncertainty: Monte Carlo, sampling designs, regression fits, sensitivity. Uses GSLKit.
        .target(name: "MSCSimulation", dependencies: ["GSLKit", "MSCModel", "CKernels"]),
        // Tables, charts and evidence packs.
        .target(name: "MSCReport", dependencies: [
            "MSCModel", "MSCSimulation",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),

        // The use cases: each question as a typed request and a typed result. The command line,
        // the web server and the evidence pack call these and nothing below them.
        .target(name: "MSCUseCases", dependencies: ["MSCModel", "MSCSimulation", "MSCReport", "GSLKit"]),

        // The web server: routes, JSON API and the page, over the same use cases as the CLI.
        .target(name: "MSCServer", dependencies: [
            "MSCModel", "MSCSimulation", "MSCReport", "MSCUseCases",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
        ], resources: [
            // The page's files, compiled into the binary (`PackageResources.index_html`, ...), so
            // that no resources folder has to travel with it.
            .embedInCode("Page/Resources/index.html"),
            .embedInCode("Page/Resources/app.js"),
            .embedInCode("Page/Resources/app.css"),
            // The JSON API described in OpenAPI 3.1, served at GET /api/openapi.json.
            .embedInCode("Page/Resources/openapi.json"),
        ]),

        // MARK: Executables
        .executableTarget(name: "msc", dependencies: [
            "MSCModel", "MSCSimulation", "MSCReport", "MSCUseCases", "GSLKit",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "msc-server", dependencies: [
            "MSCServer", "MSCModel", "MSCReport", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .target(name: "CBenchSupport"),
        .executableTarget(name: "msc-bench", dependencies: ["MSCModel", "MSCSimulation", "GSLKit", "CBenchSupport"]),

        // MARK: Tests
        // Helpers the test targets share: the package root, a synthetic plan, error messages.
        .target(name: "MSCTestSupport", dependencies: ["MSCSimulation", "MSCModel", "GSLKit"], path: "Tests/MSCTestSupport"),
        .testTarget(name: "GSLKitTests", dependencies: ["GSLKit"]),
        .testTarget(name: "MSCModelTests", dependencies: ["MSCModel", "MSCTestSupport"]),
        .testTarget(name: "MSCSimulationTests", dependencies: [
            "MSCSimulation", "MSCModel", "GSLKit", "MSCTestSupport",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "MSCReportTests", dependencies: ["MSCReport", "MSCSimulation", "MSCModel", "GSLKit", "MSCTestSupport"]),
        .testTarget(name: "MSCServerTests", dependencies: [
            // msc: the cross-front-end tests ask the command line and the server the same question.
            "MSCServer", "MSCTestSupport", "MSCModel", "MSCSimulation", "msc",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ]),
        .testTarget(name: "MSCCommandTests", dependencies: [
            "msc", "MSCTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
