import Foundation
import HTTPTypes
import Hummingbird
import Logging
import HummingbirdTesting
import MSCServer
import MSCTestSupport

/// One application over the shipped folders, shared by the route tests.
enum ServerFixture {
    static let settings = ServerSettings(assumptionsDirectory: PackageRoot.file("Assumptions"),
                                         scenariosDirectory: PackageRoot.file("Scenarios"),
                                         maximumBodyBytes: 64 * 1024, maximumIterations: 100_000, simulationThreads: 2)
    static let workspace: ModelWorkspace = {
        do { return try ModelWorkspace(assumptionsDirectory: settings.assumptionsDirectory, scenariosDirectory: settings.scenariosDirectory) }
        catch { fatalError("the shipped folders do not load: \(error)") }
    }()
    /// The server production runs (``Server/buildApplication(settings:workspace:logger:onServerRunning:)``),
    /// with a fresh API (its own work lanes and board) over the shared workspace, so that tests
    /// running side by side do not queue behind each other.
    static func built(_ settings: ServerSettings = settings) -> ServerApplication {
        do { return try Server.buildApplication(settings: settings, workspace: workspace, logger: Logger(label: "msc-server-tests")) }
        catch { fatalError("the server could not be built: \(error)") }
    }

    /// The application of a fresh ``built(_:)`` server.
    static func application(_ settings: ServerSettings = settings) -> some ApplicationProtocol { built(settings).application }

    /// A response's body as text and as parsed JSON (nil when it is not JSON).
    static func text(_ response: TestResponse) -> String { String(buffer: response.body) }

    static func json(_ response: TestResponse) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8))) as? [String: Any]
    }

    static func body(_ object: Any) -> ByteBuffer {
        ByteBuffer(bytes: try! JSONSerialization.data(withJSONObject: object))
    }

    static let jsonHeaders: HTTPFields = [.contentType: "application/json"]
}
