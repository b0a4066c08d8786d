import Foundation
import MSCModel
import MSCSimulation

/// An assumption file holding a rate ratio fitted by `msc fit`, to use in place of a default.
///
/// The rate ratio of one predictor becomes a lognormal assumption (logMean = the estimate,
/// logStandardDeviation = its standard error), evidence `derived`, with the fit summarised in its
/// notes, e.g. `identificationRateRatio` from a fit with `--effect hasMSC`.
public struct EstimateFile {
    public let result: PoissonRegressionResult
    public let effect: CoefficientEstimate
    /// The assumption the file defines (default `identificationRateRatio`).
    public let assumptionName: String
    /// The date written as the source's date, e.g. `2025-07-01`.
    public let date: String
    /// The prior the fit updated (`msc fit --prior`), or nil for the fit alone.
    public let update: RateRatioUpdate?

    /// The file for `effect` (a coefficient name) of `result`, or an error listing the terms.
    public init(result: PoissonRegressionResult, effect: String, assumptionName: String, date: String,
                prior: (logMean: Double, logStandardDeviation: Double)? = nil) throws {
        guard let coefficient = result.coefficient(named: effect), coefficient.name != "intercept" else {
            let terms = result.coefficients.map(\.name).filter { $0 != "intercept" }
            throw InputError(file: result.file, key: effect,
                             message: "--effect must name a fitted term; expected one of: \(terms.isEmpty ? "(no predictors)" : terms.joined(separator: ", "))")
        }
        self.result = result
        self.effect = coefficient
        self.assumptionName = assumptionName
        self.date = date
        self.update = prior.map {
            RateRatioUpdate(priorLogMean: $0.logMean, priorLogStandardDeviation: $0.logStandardDeviation,
                            dataLogEstimate: coefficient.estimate, dataLogStandardError: coefficient.standardError)
        }
    }

    /// The log-scale mean and standard deviation written: the posterior with a prior, else the fit's.
    public var logMean: Double { update?.posteriorLogMean ?? effect.estimate }
    public var logStandardDeviation: Double { update?.posteriorLogStandardDeviation ?? effect.standardError }

    /// How every estimate file begins, so a later `--save-estimate` may replace it (and nothing else).
    public static let firstLinePrefix = "# Fitted by msc fit from "

    /// The YAML text; ``validated()`` checks it loads as an assumption.
    public var text: String {
        // The file name goes into comments too: on one line, so it cannot start a YAML key.
        let source = result.file.split(whereSeparator: \.isNewline).joined(separator: " ")
        let rr = exp(logMean)
        let others = result.coefficients.map(\.name).filter { $0 != "intercept" && $0 != effect.name }
        let exposure = result.exposure.map { "with a log(\($0)) offset" } ?? "without an exposure offset"
        let errors: String
        switch result.dispersionMethod {
        case .fixed: errors = "Poisson (dispersion fixed at 1)"
        case .pearson: errors = "quasi-Poisson (Pearson dispersion \(plain(result.dispersion)))"
        case .robust: errors = "robust (sandwich)"
        }
        var notes = "Poisson regression of \(result.outcome) \(exposure) on \(([effect.name] + others).joined(separator: ", ")), "
            + "\(result.rowCount) rows of \(result.file) (msc fit). Rate ratio of \(effect.name) \(plain(exp(effect.estimate))) "
            + "(95% interval \(plain(exp(effect.lower95))) to \(plain(exp(effect.upper95)))); log rate ratio \(plain(effect.estimate)), "
            + "\(errors) standard error \(plain(effect.standardError)), p = \(plain(effect.pValue)). "
            + "Deviance \(plain(result.deviance)) on \(result.residualDegreesOfFreedom) df. "
            + "An association in observational data: it is the post's effect only as far as the other terms control for the differences between authorities."
        if let update {
            notes += " Posterior: the prior \(assumptionName) lognormal(logMean \(plain(update.priorLogMean)), logStandardDeviation "
                + "\(plain(update.priorLogStandardDeviation))) from the assumptions the fit was run with, updated by the fit's likelihood "
                + "approximated as normal on the log scale (estimate \(plain(update.dataLogEstimate)), standard error \(plain(update.dataLogStandardError))): "
                + "posterior logMean \(plain(update.posteriorLogMean)), logStandardDeviation \(plain(update.posteriorLogStandardDeviation)), "
                + "95% interval \(plain(update.interval95.lowerBound)) to \(plain(update.interval95.upperBound)). "
                + "The pilot's rate ratio is read as the full-effect rate ratio (coverage 1, past ramp-up); pilot years within the ramp-up understate it."
        }
        return """
        \(Self.firstLinePrefix)\(source) on \(date). Replaces the default \(assumptionName)
        # (Assumptions/impact.yaml) in either of two ways:
        # - a copy of the Assumptions folder, with that entry deleted and this file added, run with --assumptions DIR;
        # - a scenario's overrides:
        #     overrides:
        #       \(assumptionName):
        #         value: \(plain(rr))
        #         distribution: {kind: lognormal, logMean: \(plain(logMean)), logStandardDeviation: \(plain(logStandardDeviation))}
        #         notes: Fitted by msc fit from \(source) on \(date).

        \(assumptionName):
          description: \(quoted(update == nil ? "Rate ratio of \(effect.name) fitted to \(result.file) (exp of its Poisson regression coefficient)."
                                : "Rate ratio of \(effect.name): the prior updated by a Poisson regression on \(result.file) (posterior)."))
          unit: ratio
          value: \(plain(rr))
          distribution:
            kind: lognormal
            logMean: \(plain(logMean))
            logStandardDeviation: \(plain(logStandardDeviation))
          evidence: derived
          source:
            title: \(quoted("Poisson regression of \(result.outcome) on \(effect.name) (msc fit)"))
            publisher: \(quoted("data in \(result.file)"))
            date: \(quoted(date))
          notes: \(quoted(notes))

        """
    }

    /// The text after checking that it reads back as an assumption with the same value.
    public func validated() throws -> String {
        let parsed = try AssumptionLoader.parse(text: text, fileName: "estimate")
        guard parsed.count == 1, parsed[0].name == assumptionName else {
            throw InputError(file: "estimate", message: "internal check failed: the estimate file does not define \(assumptionName)")
        }
        return text
    }

    private func plain(_ value: Double) -> String {
        guard value.isFinite else { return "nan" }
        return String(format: "%.10g", value)
    }

    private func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: " ") + "\""
    }
}
