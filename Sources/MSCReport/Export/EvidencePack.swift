import MSCModel
import MSCSimulation

/// The file formats an evidence pack can be written in.
public enum ExportFormat: String, CaseIterable, Sendable {
    /// One self-contained HTML page (inline CSS and SVG) that prints on A4.
    case html
    /// One RFC 4180 CSV file per table, UTF-8 with a byte-order mark.
    case csv
    /// One Markdown file with every table, linking the SVG charts.
    case md
    /// One JSON file with the same content for scripts.
    case json
    /// One workbook with a sheet per table.
    case xlsx
}

/// One input's bar in a tornado chart: net present value with the input low and high.
public struct TornadoBarData: Sendable, Equatable {
    public let name: String
    /// The input's value at its low percentile (in the input's own unit).
    public let lowValue: Double
    /// The input's value at its high percentile (in the input's own unit).
    public let highValue: Double
    /// NPV (£) with the input low and every other input central.
    public let npvAtLow: Double
    /// NPV (£) with the input high and every other input central.
    public let npvAtHigh: Double

    /// What the input is, in words for a reader (the assumption's description), when known.
    public var label: String?
    /// The input's unit, so its values are written as £, % or plain numbers, when known.
    public var unit: MSCModel.Unit?

    public init(name: String, lowValue: Double, highValue: Double, npvAtLow: Double, npvAtHigh: Double) {
        self.name = name
        self.lowValue = lowValue
        self.highValue = highValue
        self.npvAtLow = npvAtLow
        self.npvAtHigh = npvAtHigh
    }

    public init(_ bar: Tornado.Bar) {
        self.init(name: bar.name, lowValue: bar.lowValue, highValue: bar.highValue,
                  npvAtLow: bar.npvAtLow, npvAtHigh: bar.npvAtHigh)
    }
}

/// What the charts of one scenario are drawn from.
public struct ScenarioEvidence: Sendable {
    public var name: String
    /// Net present value (£) of each iteration, for the histogram.
    public var npvSamples: [Double]
    /// Cost per year (£, real, undiscounted) summarised across iterations, year 1 first.
    public var costFan: [Summary]
    /// Benefit per year (£, real, undiscounted) summarised across iterations, year 1 first.
    public var benefitFan: [Summary]
    /// Expected share of posts still funded in each year (0–1), year 1 first.
    public var survival: [Double]
    /// One-way sensitivity bars, largest swing first.
    public var tornado: [TornadoBarData]
    /// NPV of the central case (£), the line the tornado's bars swing about; nil when unknown.
    public var centralNPV: Double?
    /// Cost per additional identification as `msc run` reports it (``SimulationResult/costEffectiveness``):
    /// expected cost over expected identifications, the share of draws with no gain and the percentiles.
    public var costPerIdentification: CostEffectiveness?
    /// The scenario's question and caveats, and when a national decision falls (nil when unknown).
    public var brief: ScenarioBrief?

    public init(name: String, npvSamples: [Double], costFan: [Summary], benefitFan: [Summary],
                survival: [Double], tornado: [TornadoBarData], centralNPV: Double? = nil) {
        self.centralNPV = centralNPV
        self.name = name
        self.npvSamples = npvSamples
        self.costFan = costFan
        self.benefitFan = benefitFan
        self.survival = survival
        self.tornado = tornado
    }

    /// The chart inputs of a simulated scenario.
    public init(result: SimulationResult, tornado: [Tornado.Bar], survival: [Double], centralNPV: Double? = nil) {
        self.init(name: result.scenarioName, npvSamples: result.metrics[.netPresentValue] ?? [],
                  costFan: result.fan(.cost), benefitFan: result.fan(.benefit), survival: survival,
                  tornado: tornado.map(TornadoBarData.init), centralNPV: centralNPV)
        costPerIdentification = result.costEffectiveness
    }
}

/// Everything an evidence pack holds: the headline comparison, the per-authority and funding
/// tables, the assumptions annex, the charts' data and the run manifest.
public struct EvidencePack {
    public var title: String
    /// Scenarios compared (the headline table and its JSON).
    public var comparison: ComparisonReport
    /// One row per local authority.
    public var authorityTable: ReportTable
    /// Expected cost per funder and survival of posts.
    public var fundingTable: ReportTable
    /// What the training reaches, when a scenario includes training.
    public var trainingTable: ReportTable?
    /// Every assumption the run used (the annex).
    public var assumptions: [Assumption]
    /// Chart inputs, one per scenario in the order of the comparison.
    public var scenarios: [ScenarioEvidence]
    /// Decision analysis of the scenarios (curves, EVPI, EVPPI), when there are two or more.
    public var decision: DecisionReport?
    /// What a pilot of the first compared scenario's posts is worth (`msc export --pilot`), when valued.
    public var pilot: PilotReport?
    /// Which posts a budget should fund first (`msc export --target AMOUNT`), when asked.
    public var target: TargetPackSection?
    /// Hexagon maps of the scenarios (``HexMaps``), drawn after the other charts.
    public var maps: [Chart] = []
    /// The hexagon layout's licence text, written beside the maps (MIT: it travels with the layout).
    public var mapLicence: String?
    /// Version, seed, runs and input file hashes.
    public var manifest: RunManifest { comparison.manifest }

    /// A pack whose chart inputs come from the comparison's results, the tornado bars and the
    /// survival curves (expected share of posts funded per year), both keyed by scenario name.
    public init(title: String, comparison: ComparisonReport, authorityTable: ReportTable, fundingTable: ReportTable,
                assumptions: [Assumption], tornado: [String: [Tornado.Bar]], survivalByScenario: [String: [Double]],
                centralNPVByScenario: [String: Double] = [:], briefs: [String: ScenarioBrief] = [:]) {
        self.init(title: title, comparison: comparison, authorityTable: authorityTable, fundingTable: fundingTable,
                  assumptions: assumptions,
                  scenarios: comparison.results.map { result in
                      var evidence = ScenarioEvidence(result: result, tornado: tornado[result.scenarioName] ?? [],
                                                      survival: survivalByScenario[result.scenarioName] ?? [],
                                                      centralNPV: centralNPVByScenario[result.scenarioName])
                      evidence.brief = briefs[result.scenarioName]
                      return evidence
                  })
    }

    /// A pack with chart inputs given directly.
    public init(title: String, comparison: ComparisonReport, authorityTable: ReportTable, fundingTable: ReportTable,
                assumptions: [Assumption], scenarios: [ScenarioEvidence]) {
        self.title = title
        self.comparison = comparison
        self.authorityTable = authorityTable
        self.fundingTable = fundingTable
        self.assumptions = assumptions
        self.scenarios = scenarios
    }

    /// The headline table (metrics compared, mean and 90% interval).
    public var headlineTable: ReportTable { comparison.table }

    /// The assumptions annex.
    public var assumptionsTable: ReportTable {
        AssumptionsReport.table(assumptions, title: "Assumptions annex: every assumption used, its value, unit, distribution and source")
    }

    /// The manifest as a table: one row per setting, then one row per input file with its hash.
    public var manifestTable: ReportTable {
        var table = ReportTable(title: "Run manifest", columns: [.init("Item", key: "item"), .init("Value", key: "value")])
        table.append([.text("Toolkit version"), .text(manifest.toolkitVersion)])
        table.append([.text("GSL version"), .text(manifest.gslVersion)])
        table.append([.text("Seed"), .text(String(manifest.seed))])
        table.append([.text("Iterations"), .integer(manifest.runs)])
        table.append([.text("Sampling"), .text(manifest.method.rawValue)])
        table.append([.text("Command"), .text(manifest.command)])
        for file in manifest.files {
            table.append([.text("SHA-256 of \(file.path)"), .text(file.sha256)])
        }
        table.notes = [reproduceSentence]
        return table
    }

    /// How to reproduce the figures, in one sentence.
    public var reproduceSentence: String {
        "To reproduce every figure, run `\(manifest.command)` with msc \(manifest.toolkitVersion) and GSL \(manifest.gslVersion) on input files whose SHA-256 hashes match those listed; the seed (\(manifest.seed)) fixes every random draw, so the output is identical digit for digit."
    }

    /// The first sheet of the workbook and `headline.csv`: the headline figures, then what a
    /// reader given only that file must not lose: the summary in words (the answer, what it rests
    /// on, what is illustrative), each scenario's caveats and every illustrative input with the
    /// value used.
    public var headlineSheet: ReportTable {
        var table = comparison.peopleTable
        let summary = PackSummary.paragraphs(self).map { "\($0.heading): \($0.text)" }
        let caveats = scenarios.compactMap(\.brief).flatMap { brief in brief.caveats.map { "Caveat (\(brief.name)): \($0)" } }
        let illustrative = assumptions.filter { $0.evidence == .illustrative }.map { assumption in
            "Illustrative input (no published source; the Assumptions sheet gives the reasoning): \(assumption.description.withoutFinalStop) "
                + "(\(assumption.name)) = \(NumberText.inUnit(assumption.value, unit: assumption.unit))"
        }
        table.notes = summary + caveats + illustrative + table.notes
        return table
    }

    /// Each scenario's Green Book reviewer's checklist and switching values against evidence grades.
    public var greenBookTables: [ReportTable] { comparison.appraisals.flatMap(\.tables) }

    /// The tables in the order they appear, each with a file-name stem and a sheet name.
    public var namedTables: [(stem: String, sheet: String, table: ReportTable)] {
        [("headline", "Headline", headlineSheet),
         ("authorities", "Authorities", authorityTable),
         ("funding", "Funding", fundingTable)] + (trainingTable.map { [("training", "Training", $0)] } ?? [])
        + comparison.appraisals.flatMap { checklist in
            let name = checklist.plan.scenario.name
            // A scenario's name is the user's text: file names take its safe stem, as charts do.
            let stem = Charts.fileStem(name)
            let tables = checklist.tables
            return [("green-book-\(stem)", String("Green Book \(name)".prefix(31)), tables[0]),
                    ("switching-values-\(stem)", String("Switching \(name)".prefix(31)), tables[1])]
        } + [
         ("assumptions", "Assumptions", assumptionsTable)] + (decision?.namedTables ?? []) + (pilot?.namedTables ?? []) + (target?.namedTables ?? []) + [
         ("manifest", "Manifest", manifestTable)]
    }
}
