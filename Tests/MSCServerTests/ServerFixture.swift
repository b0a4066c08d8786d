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
    /// A fresh API (its own work lanes and board) over the shared workspace, so that tests running
    /// side by side do not queue behind each other.
    static func api(_ settings: ServerSettings = settings) -> API { API(workspace: workspace, settings: settings) }

    /// The application production runs (``Server/application(api:logger:onServerRunning:)``).
    static func application(api: API = api()) -> some ApplicationProtocol {
        Server.application(api: api, logger: Logger(label: "msc-server-tests"))
    }

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
