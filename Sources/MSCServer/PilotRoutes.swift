import Foundation
import Hummingbird
import MSCModel
import MSCReport
import MSCSimulation
import MSCUseCases

/// `POST /api/pilot`: what a pilot of one scenario's posts is worth against its comparator, the
/// same use case as `msc pilot` (`ValuePilot.run`, MSCUseCases),
/// answered with the same JSON as `msc pilot --format json` plus the page's table, caveats and chart.
///
/// Body: the common keys (one scenario; `baseline` names the comparator, by default the
/// scenario's declared baseline), and `sizes`, `years`, `comparisonPerPilot`, `beforeYears`,
/// `councils`, `threshold` as `msc pilot`'s options of the same names.
extension API {
    /// The pilot's own keys, beside the common ones.
    static let pilotKeys = ["sizes", "years", "comparisonPerPilot", "beforeYears", "councils", "threshold"]

    /// The grid and the pilot's design as the request gives them, each checked as `msc pilot` checks its option.
    struct PilotOptions: Sendable {
        var sizes = [5, 10, 20, 40, 80]
        var years = [1, 2, 3]
        var comparisonPerPilot = 1
        var beforeYears = 2
        var councils: [String] = []

        /// A web page asks for a bounded grid: at most this many sizes and durations.
        static let maximumSizes = 8, maximumDurations = 5

        static func parse(_ object: StrictJSON) throws -> PilotOptions {
            var options = PilotOptions()
            if let value = object["sizes"] { options.sizes = try wholeNumbers(value, key: "sizes", range: 1...400, most: maximumSizes) }
            if let value = object["years"] { options.years = try wholeNumbers(value, key: "years", range: 1...20, most: maximumDurations) }
            if let value = object["comparisonPerPilot"] { options.comparisonPerPilot = try wholeNumber(value, key: "comparisonPerPilot", range: 1...10) }
            if let value = object["beforeYears"] { options.beforeYears = try wholeNumber(value, key: "beforeYears", range: 1...10) }
            if let value = object["councils"] {
                guard case .array(let items) = value, items.count <= 400 else {
                    throw APIError.badRequest("councils: expected a list of at most 400 authority codes, e.g. [\"E06000001\"]")
                }
                options.councils = try items.map { item in
                    guard let code = item.stringValue, (1...12).contains(code.count), code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
                        throw APIError.badRequest("councils: expected a list of authority codes, e.g. [\"E06000001\"]")
                    }
                    return code
                }
            }
            return options
        }

        static func wholeNumber(_ value: StrictJSON, key: String, range: ClosedRange<Int>) throws -> Int {
            guard let number = value.wholeNumber, range.contains(number) else {
                throw APIError.badRequest("\(key): expected a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return number
        }

        static func wholeNumbers(_ value: StrictJSON, key: String, range: ClosedRange<Int>, most: Int) throws -> [Int] {
            let refusal = APIError.badRequest("\(key): expected a list of 1 to \(most) whole numbers from \(range.lowerBound) to \(range.upperBound)")
            guard case .array(let items) = value, (1...most).contains(items.count) else { throw refusal }
            let numbers = items.compactMap(\.wholeNumber)
            guard numbers.count == items.count, numbers.allSatisfy(range.contains) else { throw refusal }
            return numbers
        }
    }

    func pilot(_ request: Request, _ context: Context) async throws -> Response {
        let start = ContinuousClock.now
        let members = try ScenarioRequest.object(try await body(of: request, context))
        let parsed = try ScenarioRequest.parse(members: members, extraKeys: Self.pilotKeys, maximumIterations: settings.maximumIterations)
        let options = try PilotOptions.parse(.object(members))
        guard parsed.scenarios.count + parsed.uploads.count == 1 else { throw APIError.badRequest("scenarios: expected exactly one scenario to pilot") }
        try Self.checkDecidable(parsed)
        if let threshold = parsed.threshold, !MSCModel.Unit.gbpPerPerson.plausibleRange.contains(threshold) {
            throw APIError.badRequest("threshold: expected an amount in pounds per identification \(InputBounds.describe(MSCModel.Unit.gbpPerPerson.plausibleRange))")
        }
        // The comparator is checked before the run (a shipped scenario other than the one piloted);
        // the work budget counts both runs.
        var piloting = parsed
        piloting.baseline = try pilotComparator(parsed)
        var both = piloting
        both.scenarios = [piloting.baseline!] + parsed.scenarios
        let design = ValuePilot.Design(sizes: options.sizes, years: options.years, comparisonPerPilot: options.comparisonPerPilot,
                                       beforeYears: options.beforeYears, councils: options.councils, threshold: parsed.threshold)
        let api = self
        let asked = piloting, runs = both
        let json = try await simulation(both, request, context, analysis: .decision) { ticket -> JSONValue in
            let result = try api.answer(ticket) {
                do {
                    return try ValuePilot.run(ValuePilot.Request(selection: try api.workspace.selection(for: asked),
                                                                 settings: api.simulationSettings(asked), design: design,
                                                                 analysisThreads: api.settings.simulationThreads,
                                                                 command: api.command(asked, "pilot")),
                                              control: api.control(ticket, runs))
                } catch let error as DecisionError {
                    throw APIError.badRequest("pilot: " + error.description.replacingOccurrences(of: "--councils", with: "councils"))
                }
            }
            let report = result.report
            guard case .object(var pairs) = result.manifest.attached(to: report.json) else { throw APIError(status: 500, "pilot could not be written") }
            let chart = PilotChart.chart(report, id: "page-pilot-enbs")
            pairs.append(("table", Self.tableJSON(report.gridTable)))
            pairs.append(("caveats", .array(report.caveats.map { .string($0) })))
            pairs.append(("chart", Self.chartJSON(chart)))
            return .object(pairs)
        }
        return Self.timed(start, JSONResponse.ok(JSONText.write(json)))
    }

    /// The request's `baseline`, or the scenario's declared baseline; never the scenario itself.
    func pilotComparator(_ parsed: ScenarioRequest) throws -> String {
        let piloted: (name: String, declared: String?)
        if let name = parsed.scenarios.first {
            let shipped = try workspace.shipped(name)
            piloted = (shipped.name, shipped.declaredBaseline)
        } else {
            let loaded = try workspace.validate(upload: parsed.uploads[0])
            piloted = (loaded.scenario.name, loaded.scenario.baseline?.name)
        }
        guard let comparator = parsed.baseline ?? piloted.declared else {
            throw APIError.badRequest("baseline: \(piloted.name) declares no baseline; give one to compare with, e.g. \"status-quo\"")
        }
        guard comparator != piloted.name else { throw APIError.badRequest("baseline: expected a scenario other than the one piloted") }
        _ = try workspace.shipped(comparator)
        return comparator
    }
}
