import Foundation
import GSLKit
import HTTPTypes
import Hummingbird
import MSCModel
import MSCReport
import MSCSimulation
import MSCUseCases
import NIOCore

/// A request's context: Hummingbird's, plus the connection it came on, whose closing cancels the
/// request's work.
public struct MSCRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    let channel: any Channel

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}

/// The JSON API and the page. Every answer is computed by the same library calls as `msc`.
public struct API: Sendable {
    public typealias Context = MSCRequestContext
    public let workspace: ModelWorkspace
    public let settings: ServerSettings
    /// Central cases, shares, maps, council cards and upload checks: milliseconds each.
    let quickLane: WorkLane
    /// Monte Carlo runs and everything built on them (decision analysis, charts, the pack).
    let simulationLane: WorkLane
    let board = WorkBoard()

    public init(workspace: ModelWorkspace, settings: ServerSettings) {
        self.workspace = workspace
        self.settings = settings
        quickLane = WorkLane(name: "quick calculations", limit: settings.maximumConcurrentQuickJobs,
                             queueLimit: settings.maximumQueuedQuickJobs, retryAfterSeconds: 1)
        simulationLane = WorkLane(name: "Monte Carlo runs", limit: settings.maximumConcurrentSimulations,
                                  queueLimit: settings.maximumQueuedSimulations, retryAfterSeconds: 5)
    }

    /// The router with every route, the request guard and the error and security middleware.
    public func router() -> Router<Context> {
        let router = Router(context: Context.self)
        let scrub = workspace.scrubPaths
        router.add(middleware: ErrorAndSecurityMiddleware(scrub: scrub))
        router.add(middleware: RequestGuardMiddleware(hosts: HostPolicy(boundHost: settings.host, port: settings.port)))
        router.get("/") { _, _ in JSONResponse.text(Page.html, contentType: "text/html; charset=utf-8") }
        router.get("/app.js") { _, _ in JSONResponse.text(Page.script, contentType: "text/javascript; charset=utf-8") }
        router.get("/app.css") { _, _ in JSONResponse.text(Page.style, contentType: "text/css; charset=utf-8") }
        router.get("/api/openapi.json") { _, _ in JSONResponse.text(Page.openAPI, contentType: "application/json; charset=utf-8") }
        // Browsers ask for an icon; there is none, and an empty answer keeps their console clean.
        router.get("/favicon.ico") { _, _ in Response(status: .noContent) }
        router.get("/api/scenarios") { _, _ in JSONResponse.ok(APITypes.text(scenarioListings)) }
        router.get("/api/assumptions") { _, _ in JSONResponse.ok(JSONText.write(assumptionsJSON)) }
        router.get("/api/authorities") { _, _ in
            JSONResponse.ok(JSONText.write(AuthoritiesReport.json(workspace.authorities.authorities)))
        }
        router.get("/api/progress") { request, _ in progress(client: request.headers[Self.clientHeader]) }
        router.post("/api/scenario") { request, context in try await validateUpload(request, context) }
        router.post("/api/run") { request, context in try await run(request, context) }
        router.post("/api/compare") { request, context in try await compare(request, context) }
        router.post("/api/decide") { request, context in try await decide(request, context) }
        router.post("/api/share") { request, context in try await share(request, context) }
        router.post("/api/map") { request, context in try await map(request, context) }
        router.post("/api/council") { request, context in try await council(request, context) }
        router.post("/api/evidence-pack") { request, context in try await evidencePack(request, context) }
        router.post("/api/target") { request, context in try await target(request, context) }
        router.post("/api/pilot") { request, context in try await pilot(request, context) }
        return router
    }

    /// The header the page sends to name itself, so that its new run cancels its previous one.
    static let clientHeader = HTTPField.Name("X-MSC-Client")!

    /// Stops every request's work (the server is shutting down).
    public func cancelAllWork() { board.cancelAll() }

    /// Requests whose work is in progress (for tests and the shutdown log).
    public var activeWorkCount: Int { board.activeCount }

    // MARK: Reading requests

    /// The body, refused with a 413 when larger than the limit and a 408 when it does not arrive
    /// in time (a client sending a byte a second holds nothing for long).
    func body(of request: Request, _ context: Context) async throws -> Data {
        let limit = settings.maximumBodyBytes
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit {
            throw APIError(status: 413, "body: \(declared) bytes is more than the limit of \(limit) bytes")
        }
        let seconds = settings.bodyTimeoutSeconds
        let outcome = try await withThrowingTaskGroup(of: Data?.self) { group in
            group.addTask {
                var request = request
                do {
                    return Data(try await request.collectBody(upTo: limit).readableBytesView)
                } catch is CancellationError {
                    return nil
                } catch {
                    throw APIError(status: 413, "body: more than the limit of \(limit) bytes")
                }
            }
            group.addTask {
                try? await Task.sleep(for: .seconds(seconds))
                return nil
            }
            let first = try await group.next() ?? nil
            group.cancelAll()
            return first
        }
        guard let data = outcome else {
            context.channel.close(promise: nil)
            throw APIError(status: 408, "body: not received within \(seconds) s")
        }
        return data
    }

    func scenarioRequest(_ request: Request, _ context: Context, extraKeys: [String] = [],
                         minimumScenarios: Int = 1) async throws -> ScenarioRequest {
        try ScenarioRequest.parse(try await body(of: request, context), extraKeys: extraKeys,
                                  maximumIterations: settings.maximumIterations, minimumScenarios: minimumScenarios)
    }

    /// Runs `work` with a ticket that is cancelled when the client's connection closes (and, with
    /// `client`, when the same page starts a newer run), in `lane` once it admits the request.
    func withWork<T: Sendable>(_ lane: WorkLane, _ context: Context, client: String? = nil,
                               _ work: @escaping @Sendable (WorkTicket) throws -> T) async throws -> T {
        let ticket = board.begin(client: client)
        defer { board.end(ticket) }
        context.channel.closeFuture.whenComplete { _ in ticket.cancel(.clientGone) }
        let result = try await lane.run(ticket) { try work(ticket) }
        try ticket.checkNotCancelled()
        return result
    }

    /// Quick model work (loading, central cases) within the quick lane's limits.
    func quick<T: Sendable>(_ context: Context, _ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withWork(quickLane, context) { _ in try work() }
    }

    /// A Monte Carlo request: refused at once beyond the work budget, then run in the simulation lane.
    func simulation<T: Sendable>(_ parsed: ScenarioRequest, _ request: Request, _ context: Context, analysis: WorkBudget.Analysis,
                                 _ work: @escaping @Sendable (WorkTicket) throws -> T) async throws -> T {
        try settings.workBudget.check(scenarios: workspace.mostScenariosRun(for: parsed),
                                      iterations: parsed.iterations, analysis: analysis)
        return try await withWork(simulationLane, context, client: request.headers[Self.clientHeader], work)
    }

    static func timed(_ start: ContinuousClock.Instant, _ response: Response) -> Response {
        var response = response
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        response.headers[HTTPField.Name("Server-Timing")!] = "compute;dur=\(String(format: "%.2f", milliseconds))"
        return response
    }

    // MARK: Fixed data

    var scenarioListings: [APITypes.ScenarioListing] {
        workspace.scenarios.map { APITypes.ScenarioListing(name: $0.name, question: $0.question, horizonYears: $0.horizonYears,
                                                           baseline: $0.declaredBaseline) }
    }

    /// The assumptions grouped by topic (the file each comes from), each with its valid range.
    var assumptionsJSON: JSONValue {
        let all = workspace.assumptions.all
        let entries = AssumptionsReport.json(all)
        guard case .array(let objects) = entries else { return entries }
        var grouped: [String: [JSONValue]] = [:]
        let basis = workspace.salaryBasis
        for (shipped, object) in zip(all, objects) {
            guard case .object(var pairs) = object else { continue }
            var assumption = shipped
            // A salary is shown in the pounds the model uses it in (the price base year) and typed
            // back in them, with the figure as quoted beside it.
            if CostBasis.salaryAssumptionNames.contains(shipped.name), basis.shippedPayAdjustment.factor != 1,
               let used = try? basis.salaryAssumption(shipped.name, in: workspace.assumptions),
               case .array(let usedObjects) = AssumptionsReport.json([used]), case .object(let usedPairs)? = usedObjects.first {
                assumption = used
                pairs = usedPairs
                pairs.append(("valueYear", .string(basis.taxYear)))
                pairs.append(("quoted", .object([("value", .number(shipped.value)),
                                                 ("year", .string(basis.shippedPayAdjustment.from)),
                                                 ("adjustment", .string(basis.shippedPayAdjustment.sentence ?? ""))])))
            }
            let range = assumption.admissibleRange
            pairs.append(("range", .object([("minimum", range.lowerBound.isFinite ? .number(range.lowerBound) : .null),
                                             ("maximum", range.upperBound.isFinite ? .number(range.upperBound) : .null)])))
            pairs.append(("unitLabel", .string(assumption.unit.expectation)))
            grouped[AssumptionGroups.group(of: shipped), default: []].append(.object(pairs))
        }
        return .object([("groups", .array(AssumptionGroups.order(grouped.keys).map { id in
            .object([("id", .string(id)), ("title", .string(AssumptionGroups.title(id))), ("assumptions", .array(grouped[id] ?? []))])
        }))])
    }

    func progress(client: String?) -> Response {
        guard let client, let ticket = board.ticket(client: client) else {
            return JSONResponse.ok(APITypes.text(APITypes.Progress(running: false, done: 0, total: 0)))
        }
        let running = !ticket.finished.load(ordering: .relaxed) && !ticket.isCancelled
        return JSONResponse.ok(APITypes.text(APITypes.Progress(running: running, done: ticket.done.load(ordering: .relaxed),
                                                               total: ticket.total.load(ordering: .relaxed))))
    }

    // MARK: Endpoints

    func validateUpload(_ request: Request, _ context: Context) async throws -> Response {
        let members = try ScenarioRequest.object(try await body(of: request, context))
        let upload = try ScenarioRequest.parseUpload(.object(members), key: "body")
        let workspace = workspace
        let check = try await quick(context) { () throws -> APITypes.UploadCheck in
            let scenario = try workspace.validate(upload: upload).scenario
            return APITypes.UploadCheck(name: scenario.name, question: scenario.question, horizonYears: scenario.horizonYears,
                                        fileName: upload.fileName)
        }
        return JSONResponse.ok(APITypes.text(check))
    }

    /// `msc run`: the central case of each scenario (`"central": true`, with the map's figures when
    /// `"map": true`), or each scenario's Monte Carlo.
    func run(_ request: Request, _ context: Context) async throws -> Response {
        let start = ContinuousClock.now
        let parsed = try await scenarioRequest(request, context, extraKeys: ["central", "map", "switchingValues"])
        let api = self
        if !parsed.central {
            let json = try await simulation(parsed, request, context, analysis: .monteCarlo) { ticket -> JSONValue in
                try api.answer(ticket) {
                    try RunScenario.monteCarlo(RunScenario.Request(selection: try api.workspace.selection(for: parsed),
                                                                   settings: api.simulationSettings(parsed), command: api.command(parsed, "run")),
                                               control: api.control(ticket, parsed)).json
                }
            }
            return Self.timed(start, JSONResponse.ok(JSONText.write(json)))
        }
        let workspace = workspace
        let json: JSONValue = try await quick(context) { () throws -> JSONValue in
            let plans = try workspace.plans(for: parsed)
            let reports = try RunScenario.centralCases(plans, solvingSwitchingValues: parsed.switchingValues)
            return .object([
                ("scenarios", .array(zip(plans, reports).map { plan, report in
                    guard case .object(var pairs) = report.json else { return .null }
                    pairs.insert(("question", .string(plan.scenario.question)), at: 1)
                    Self.addNotes(Self.overrideNotes(plan, parsed), to: &pairs)
                    // The caveats that change how its figures read (where today's posts are placed, ...), as the pack gives them.
                    pairs.append(("caveats", .array(ScenarioBrief(plan: plan).caveats.map { .string($0) })))
                    if parsed.map { pairs.append(("authorities", CouncilCard.mapJSON(plan))) }
                    return .object(pairs)
                })),
            ])
        }
        return Self.timed(start, JSONResponse.ok(JSONText.write(json)))
    }

    /// `msc compare`: every scenario's Monte Carlo with common random numbers, differences against
    /// the baseline, and (with `"charts": true`) the evidence pack's SVG charts.
    func compare(_ request: Request, _ context: Context) async throws -> Response {
        let start = ContinuousClock.now
        let parsed = try await scenarioRequest(request, context, extraKeys: ["charts", "decision"])
        let deciding = parsed.decision && parsed.scenarios.count + parsed.uploads.count >= 2
        if deciding { try Self.checkDecidable(parsed) }
        let api = self
        let json = try await simulation(parsed, request, context, analysis: deciding ? .decision : .monteCarlo) { ticket -> JSONValue in
            let result = try api.answer(ticket) {
                try Compare.run(Compare.Request(selection: try api.workspace.selection(for: parsed), settings: api.simulationSettings(parsed),
                                                command: api.command(parsed, "compare"), decision: deciding, analysisThreads: 1,
                                                charts: parsed.charts),
                                control: api.control(ticket, parsed))
            }
            let plans = result.plans
            guard case .object(var pairs) = result.comparison.json else { throw APIError(status: 500, "comparison could not be written") }
            pairs.append(("table", Self.tableJSON(result.comparison.table)))
            if let report = result.decision {
                pairs.append(("decision", report.json))
                // The page shows the options, EVPI and information tables; the curves are in the charts.
                pairs.append(("decisionTables", .array([report.optionsTable, report.evpiTable, report.informationTable].map(Self.tableJSON))))
            }
            if parsed.charts {
                pairs.append(("charts", .array(result.charts.map(Self.chartJSON))))
            }
            Self.addNotes(plans.flatMap { Self.overrideNotes($0, parsed) }, to: &pairs)
            return .object(pairs)
        }
        return Self.timed(start, JSONResponse.ok(JSONText.write(json)))
    }

    /// `msc decide`: how likely each scenario is worthwhile against the baseline, by value of an
    /// identification, and which inputs are worth resolving first (EVPI, EVPPI).
    func decide(_ request: Request, _ context: Context) async throws -> Response {
        let start = ContinuousClock.now
        let parsed = try await scenarioRequest(request, context, extraKeys: ["threshold", "charts"], minimumScenarios: 2)
        try Self.checkDecidable(parsed)
        let api = self
        let json = try await simulation(parsed, request, context, analysis: .decision) { ticket -> JSONValue in
            let report = try api.answer(ticket) {
                try Decide.run(Decide.Request(selection: try api.workspace.selection(for: parsed), settings: api.simulationSettings(parsed),
                                              threshold: parsed.threshold, analysisThreads: 1, command: api.command(parsed, "decide")),
                               control: api.control(ticket, parsed))
            }
            guard case .object(var pairs) = report.json else { throw APIError(status: 500, "decision could not be written") }
            pairs.append(("tables", .array(report.tables.map(Self.tableJSON))))
            if parsed.charts {
                pairs.append(("charts", .array(DecisionCharts.all(report).map(Self.chartJSON))))
            }
            return .object(pairs)
        }
        return Self.timed(start, JSONResponse.ok(JSONText.write(json)))
    }

    /// The regressions behind decision analysis need every shared input drawn alike in each
    /// scenario (not so under Sobol) and enough iterations.
    static func checkDecidable(_ parsed: ScenarioRequest) throws {
        if parsed.sampling == .sobol { throw APIError.badRequest("sampling: sobol is not available for decision analysis; expected mc or lhs") }
        if parsed.iterations < 100 { throw APIError.badRequest("iterations: decision analysis needs at least 100") }
    }

    /// `msc share`: what each council in an area pays for one scenario's posts.
    func share(_ request: Request, _ context: Context) async throws -> Response {
        let parsed = try await scenarioRequest(request, context, extraKeys: ["area", "areaKind"])
        guard parsed.scenarios.count + parsed.uploads.count == 1 else { throw APIError.badRequest("scenarios: expected exactly one scenario") }
        guard let area = parsed.area else { throw APIError.badRequest("area: expected a county, police force area, region or council, e.g. \"Kent\"") }
        let kind = parsed.areaKind.map(AreaKind.init(scenarioWord:))
        if kind == .some(nil) { throw APIError.badRequest("areaKind: expected county-area, police-force-area, region or authority") }
        let workspace = workspace
        let json = try await quick(context) {
            let plan = try workspace.plans(for: parsed)[0]
            do {
                return AreaViewJSON.json(try ShareAcrossArea.run(ShareAcrossArea.Request(plan: plan, authorities: workspace.authorities,
                                                                                         area: area, kind: kind ?? nil)), plan: plan)
            } catch let error as InputError where error.key == "area" {
                throw APIError.badRequest("area: \(error.message)")
            }
        }
        return JSONResponse.ok(JSONText.write(json))
    }

    /// One scenario's hexagon map coloured by `metric` (the evidence pack's map code), with each
    /// council's value for the page's hover.
    func map(_ request: Request, _ context: Context) async throws -> Response {
        let start = ContinuousClock.now
        let parsed = try await scenarioRequest(request, context, extraKeys: ["metric"])
        guard parsed.scenarios.count + parsed.uploads.count == 1 else { throw APIError.badRequest("scenarios: expected exactly one scenario") }
        let word = parsed.metric ?? HexMapMetric.posts.rawValue
        guard let metric = HexMapMetric(rawValue: word) else {
            throw APIError.badRequest("metric: expected one of \(HexMapMetric.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let workspace = workspace
        let json = try await quick(context) { () throws -> JSONValue in
            let plan = try workspace.plans(for: parsed)[0]
            let cells = HexMaps.cells(plan: plan, metric: metric, layout: workspace.hexLayout, authorities: workspace.authorities)
            return .object([
                ("scenario", .string(plan.scenario.name)), ("metric", .string(metric.rawValue)), ("label", .string(metric.label)),
                ("svg", .string(HexMaps.svg(plan: plan, metric: metric, layout: workspace.hexLayout,
                                            authorities: workspace.authorities, id: "page-map"))),
                ("cells", .array(cells.map { cell in
                    .object([("code", .string(cell.code)), ("council", .string(cell.council)), ("councilCode", .string(cell.unit)),
                             ("value", cell.value.map { .number($0) } ?? .null),
                             ("shown", .string(cell.value.map(metric.format) ?? "no value"))])
                })),
                ("licence", .string("Hexagon layout: Open Innovations, \(HexLayout.copyrightNotice), MIT licence.")),
            ])
        }
        return Self.timed(start, JSONResponse.ok(JSONText.write(json)))
    }

    /// One council's card under one scenario (the map's click).
    func council(_ request: Request, _ context: Context) async throws -> Response {
        let members = try ScenarioRequest.object(try await body(of: request, context))
        guard let code = members.first(where: { $0.key == "code" })?.value.stringValue, code.count <= 12 else {
            throw APIError.badRequest("code: expected a council's ONS code, e.g. \"E06000001\"")
        }
        let parsed = try ScenarioRequest.parse(members: members.filter { $0.key != "code" },
                                               maximumIterations: settings.maximumIterations)
        guard parsed.scenarios.count + parsed.uploads.count == 1 else { throw APIError.badRequest("scenarios: expected exactly one scenario") }
        let workspace = workspace
        let json = try await quick(context) {
            let plan = try workspace.plans(for: parsed)[0]
            do {
                return try CouncilCardLookup.run(plan: plan, code: code, authorities: workspace.authorities).json
            } catch let error as InputError where error.key == "code" {
                throw APIError.badRequest("code: \(error.message)")
            }
        }
        return JSONResponse.ok(JSONText.write(json))
    }

    /// The evidence pack of the request's comparison, every format in one zip file.
    func evidencePack(_ request: Request, _ context: Context) async throws -> Response {
        let parsed = try await scenarioRequest(request, context)
        let api = self
        let workspace = workspace
        let settings = simulationSettings(parsed)
        // As msc export: a decision whenever the runs allow one (a lone scenario is weighed
        // against the baseline it declares).
        let deciding = Decide.refusal(settings) == nil
        let data = try await simulation(parsed, request, context, analysis: deciding ? .decision : .monteCarlo) { ticket -> Data in
            let pack = try api.answer(ticket) {
                try BuildEvidencePack.run(BuildEvidencePack.Request(selection: try workspace.selection(for: parsed), settings: settings,
                                                                    command: api.command(parsed, "evidence-pack"), analysisThreads: 1,
                                                                    maps: (workspace.hexLayout, workspace.authorities)),
                                          control: api.control(ticket, parsed))
            }
            return try EvidencePackWriter.zipped(pack)
        }
        return JSONResponse.bytes(data, contentType: "application/zip", fileName: "evidence-pack.zip")
    }

    // MARK: Calling the use cases

    /// The Monte Carlo settings of a request: its iterations, seed and sampling, on the server's threads.
    func simulationSettings(_ parsed: ScenarioRequest) -> SimulationSettings {
        SimulationSettings(runs: parsed.iterations, seed: parsed.seed, method: parsed.sampling, threads: settings.simulationThreads)
    }

    /// How a request's work is watched and stopped: its ticket (cancelled when the client goes, or
    /// starts a newer run) and the progress the page polls, over every scenario the request runs.
    func control(_ ticket: WorkTicket, _ parsed: ScenarioRequest) -> WorkControl {
        // The most it could run until the first progress says how many scenarios it does run.
        ticket.total.store(parsed.iterations * workspace.mostScenariosRun(for: parsed), ordering: .relaxed)
        return WorkControl(shouldStop: { ticket.isCancelled },
                           progress: { progress in
                               ticket.total.store(progress.total * progress.scenarios, ordering: .relaxed)
                               ticket.done.store(progress.index * progress.total + progress.done, ordering: .relaxed)
                           })
    }

    /// Calls a use case in the simulation lane, wording what it refuses as the API does: a key
    /// and a status.
    func answer<T>(_ ticket: WorkTicket, _ useCase: () throws -> T) throws -> T {
        let result: T
        do {
            result = try useCase()
        } catch UseCaseError.stopped {
            // Why it stopped (the client went, a newer run, the server shutting down) has its own answer.
            try ticket.checkNotCancelled()
            throw APIError(status: 409, "cancelled: the run was stopped before it finished")
        } catch let error as UseCaseError {
            throw APIError.badRequest("baseline: \(error.description)")
        } catch let error as ComparisonPlans.BaselineError {
            throw APIError.badRequest("baseline: \(error.message)")
        } catch let error as DecisionError {
            throw APIError.badRequest("decision: \(error.description)")
        } catch let error as InputError {
            throw APIError.input(error)
        }
        try ticket.checkNotCancelled()
        return result
    }

    /// The request as sent, for the manifest's "how to reproduce".
    func command(_ parsed: ScenarioRequest, _ endpoint: String) -> String {
        let overrides = parsed.overrides.map { "\"\($0.name)\": \($0.json)" }.joined(separator: ", ")
        var body = "{\"scenarios\": [\(parsed.scenarios.map { "\"\($0)\"" }.joined(separator: ", "))]"
        if !parsed.uploads.isEmpty { body += ", \"uploads\": [\(parsed.uploads.count) uploaded]" }
        if let baseline = parsed.baseline { body += ", \"baseline\": \"\(baseline)\"" }
        if !overrides.isEmpty { body += ", \"overrides\": {\(overrides)}" }
        body += ", \"seed\": \(parsed.seed), \"iterations\": \(parsed.iterations)}"
        return "POST /api/\(endpoint) \(body)"
    }

    /// A chart as the page shows it.
    static func chartJSON(_ chart: Chart) -> JSONValue {
        .object([("fileName", .string(chart.fileName)), ("caption", .string(chart.caption)), ("svg", .string(chart.svg))])
    }

    /// A table as shown to people: title, column headers, the cells as displayed, notes.
    static func tableJSON(_ table: ReportTable) -> JSONValue {
        .object([("title", .string(table.title)), ("columns", .array(table.columns.map { .string($0.header) })),
                 ("rows", .array(table.rows.map { .array($0.map { .string($0.display) }) })),
                 ("notes", .array(table.notes.map { .string($0) }))])
    }

    /// Adds `notes` to an answer's `notes` (one key: a client's JSON parser keeps only one of two).
    static func addNotes(_ notes: [String], to pairs: inout [(String, JSONValue)]) {
        let added = notes.map { JSONValue.string($0) }
        if let at = pairs.firstIndex(where: { $0.0 == "notes" }), case .array(let existing) = pairs[at].1 {
            pairs[at].1 = .array(existing + added)
        } else {
            pairs.append(("notes", .array(added)))
        }
    }

    /// Says where a scenario's own override of an assumption takes precedence over the page's.
    static func overrideNotes(_ plan: ScenarioPlan, _ parsed: ScenarioRequest) -> [String] {
        let asked = Set(parsed.overrides.map(\.name))
        return plan.scenario.overriddenAssumptions.filter(asked.contains).map {
            "\(plan.scenario.name) sets \($0) itself, so your override of \($0) does not apply to it."
        }
    }
}
