import ArgumentParser
import Foundation
import MSCModel
import MSCReport
import MSCSimulation

extension DispersionMethod: ExpressibleByArgument {}

/// `msc fit`: regressions on a council's or a researcher's own data (GSL).
struct FitCommand: ParsableCommand {
    /// The kinds of model `msc fit` fits.
    enum Model: String, CaseIterable, ExpressibleByArgument {
        case poisson, segmented, trend
    }

    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Fit a Poisson rate model, an interrupted time series or a log-linear trend to a CSV file.",
        discussion: """
        poisson (default): counts on predictors with a log exposure offset, e.g. \
        `msc fit authorities.csv --outcome referrals --exposure population --predictors hasMSC --factors region \
        --dispersion pearson`; `--effect hasMSC --save-estimate rr.yaml` writes the fitted rate ratio as an \
        assumption file that replaces identificationRateRatio.
        segmented: a council's own series before and after its post began, e.g. \
        `msc fit series.csv --model segmented --time period --outcome value --intervention "2021 Q3"`.
        trend: `msc fit Assumptions/data/nrm_referrals_uk_quarterly.csv --model trend --outcome adult --since "2015 Q1"` \
        projects the Home Office NRM series with 95% prediction intervals.
        """)

    @Argument(help: ArgumentHelp("CSV file with a header row.", valueName: "data.csv"))
    var data: String

    @OptionGroup var common: CommonOptions

    @Option(help: "Model: poisson, segmented or trend.")
    var model: Model = .poisson

    @Option(help: ArgumentHelp("Outcome column (counts for poisson).", valueName: "column"))
    var outcome: String = "referrals"

    @Option(help: ArgumentHelp("Exposure column for the log offset (poisson), or 'none'.", valueName: "column"))
    var exposure: String = "population"

    @Option(help: ArgumentHelp("Numeric predictor columns, comma-separated (true/false counts as 1/0).", valueName: "a,b"))
    var predictors: String = ""

    @Option(help: ArgumentHelp("Categorical columns, comma-separated; each level is compared with the first in sorted order.", valueName: "a,b"))
    var factors: String = ""

    @Option(help: "Standard errors: fixed (dispersion 1), pearson (quasi-Poisson) or robust (sandwich).")
    var dispersion: DispersionMethod = .fixed

    @Option(help: ArgumentHelp("Time column for segmented and trend (numbers or quarters such as 2023 Q1).", valueName: "column"))
    var time: String = "period"

    @Option(help: ArgumentHelp("First period of the post (segmented), written like the time column.", valueName: "period"))
    var intervention: String?

    @Option(help: ArgumentHelp("Use only rows from this period on (segmented, trend).", valueName: "period"))
    var since: String?

    @Option(help: ArgumentHelp("Periods to project past the last row (trend).", valueName: "n"))
    var horizon: Int = 8

    @Option(help: ArgumentHelp("Predictor whose rate ratio --save-estimate writes.", valueName: "term"))
    var effect: String?

    @Option(name: .customLong("save-estimate"), help: ArgumentHelp("Write the --effect rate ratio as an assumption file.", valueName: "file.yaml"))
    var saveEstimate: String?

    @Option(name: .customLong("save-as"), help: ArgumentHelp("Assumption name in the saved file.", valueName: "name"))
    var saveAs: String = "identificationRateRatio"

    @Flag(help: ArgumentHelp("With --save-estimate: write the posterior, the assumptions' lognormal prior of the --save-as assumption updated by the fit (e.g. a pilot's counts with --predictors post --factors council,year)."))
    var prior = false

    func validate() throws {
        if prior, saveEstimate == nil { throw ValidationError("--prior applies with --save-estimate only (it updates the saved assumption's prior)") }
        if model == .segmented, intervention == nil {
            throw ValidationError("--model segmented needs --intervention, the first period of the post (e.g. \"2021 Q3\")")
        }
        if model != .segmented, intervention != nil { throw ValidationError("--intervention applies to --model segmented only") }
        if model != .poisson, !predictors.isEmpty || !factors.isEmpty {
            throw ValidationError("--predictors and --factors apply to --model poisson only")
        }
        if model == .poisson, since != nil { throw ValidationError("--since applies to --model segmented and trend only") }
        if saveEstimate != nil, model != .poisson { throw ValidationError("--save-estimate applies to --model poisson only") }
        if saveEstimate != nil, effect == nil { throw ValidationError("--save-estimate needs --effect, the predictor whose rate ratio to save (e.g. hasMSC)") }
        if !(0...400).contains(horizon) { throw ValidationError("--horizon must be between 0 and 400 periods") }
        try checkNameOption("--save-as", saveAs)
        if saveAs.range(of: "^[a-z][A-Za-z0-9]*$", options: .regularExpression) == nil {
            throw ValidationError("--save-as must be an assumption name in lowerCamelCase, e.g. identificationRateRatio")
        }
    }

    func run() throws {
        if let saveEstimate { try Self.checkEstimateDestination(saveEstimate) }
        let table = try CSVTable.load(path: data)
        switch model {
        case .poisson:
            let result = try PoissonRegression.fit(
                table: table, outcome: outcome, exposure: exposure == "none" ? nil : exposure,
                predictors: Self.list(predictors), factors: Self.list(factors), dispersion: dispersion)
            let report = PoissonFitReport(result: result)
            var estimate: EstimateFile?
            if let effect {
                let start = prior ? try RateRatioUpdate.prior(saveAs, in: common.loadAssumptions()) : nil
                estimate = try EstimateFile(result: result, effect: effect, assumptionName: saveAs, date: Self.today(), prior: start)
            }
            emit(report, format: common.format)
            if let saveEstimate, let estimate { try write(estimate, to: saveEstimate) }
        case .segmented:
            let result = try SegmentedRegression.fit(table: table, time: time, outcome: outcome,
                                                     intervention: intervention ?? "", since: since)
            try FitRefusal.requireResidualVariation(
                residualStandardDeviation: result.residualStandardDeviation, degreesOfFreedom: result.degreesOfFreedom,
                standardErrors: result.coefficients.map(\.standardError), fittedScale: result.series.values.map(abs).max() ?? 0,
                file: table.file, outcome: outcome)
            let report = SegmentedFitReport(result: result)
            emit(report, format: common.format)
        case .trend:
            let result = try LogLinearTrend.fit(table: table, time: time, outcome: outcome, since: since, horizon: horizon)
            // The trend is fitted to the logarithms, so its residuals are on that scale.
            try FitRefusal.requireResidualVariation(
                residualStandardDeviation: result.residualStandardDeviation, degreesOfFreedom: result.degreesOfFreedom,
                standardErrors: result.coefficients.map(\.standardError), fittedScale: result.series.values.map { abs(log($0)) }.max() ?? 0,
                file: table.file, outcome: outcome)
            let report = TrendFitReport(result: result)
            emit(report, format: common.format)
        }
    }

    /// Refuses, before fitting, a --save-estimate path whose folder is missing, or that names a
    /// folder or a file msc fit did not write (an assumption file must never be overwritten by accident).
    static func checkEstimateDestination(_ path: String) throws {
        let fileManager = FileManager.default
        guard !path.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw CommandFailure(message: "--save-estimate: expected a file name such as rr.yaml, found empty text")
        }
        let folder = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CommandFailure(message: "--save-estimate \(path): the folder \(folder) does not exist; create it or choose another path")
        }
        guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        guard !isDirectory.boolValue else {
            throw CommandFailure(message: "--save-estimate \(path): is a folder; expected a file name such as rr.yaml")
        }
        let start = fileManager.contents(atPath: path).map { String(decoding: $0.prefix(64), as: UTF8.self) } ?? ""
        guard start.hasPrefix(EstimateFile.firstLinePrefix) else {
            throw CommandFailure(message: "--save-estimate \(path): the file exists and was not written by msc fit; "
                                 + "choose a new file name (nothing was written)")
        }
    }

    /// Writes the estimate file in one step (a failed write leaves no partial file).
    private func write(_ estimate: EstimateFile, to path: String) throws {
        let text = try estimate.validated()
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CommandFailure(message: "--save-estimate \(path): cannot write the estimate file (\(FileProblem.describe(error))); "
                                 + "choose a file in an existing folder you can write to")
        }
        let rateRatio = NumberText.fixed(exp(estimate.logMean), decimals: 4)
        let kind = estimate.update == nil ? "rate ratio" : "posterior median rate ratio"
        FileHandle.standardError.write(Data("msc: wrote \(path): \(estimate.assumptionName) = \(rateRatio) (\(kind) of \(estimate.effect.name))\n".utf8))
    }

    static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func today() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }
}
