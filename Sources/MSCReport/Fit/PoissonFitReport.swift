import Foundation
import MSCSimulation

/// A Poisson regression written for people (coefficients with rate ratios) and for scripts (JSON).
public struct PoissonFitReport: Report {
    public let result: PoissonRegressionResult

    public init(result: PoissonRegressionResult) {
        self.result = result
    }

    public var tables: [ReportTable] { [table] }

    /// Coefficients with tests, 95% intervals and rate ratios; fit statistics as notes.
    public var table: ReportTable {
        var table = ReportTable(
            title: "Poisson regression of \(result.outcome) in \(result.file)",
            columns: CoefficientRows.columns(statistic: "z") + [
                .init("Rate ratio", key: "rateRatio"), .init("RR 95% low", key: "rateRatioLower95"),
                .init("RR 95% high", key: "rateRatioUpper95"),
            ])
        for c in result.coefficients {
            table.append(CoefficientRows.cells(c) + [exp(c.estimate), exp(c.lower95), exp(c.upper95)].map {
                .number($0, decimals: Self.decimals(forFourSignificantDigits: $0))
            })
        }
        table.notes = notes
        return table
    }

    private var notes: [String] {
        let offset = result.exposure.map { "log(\($0)) offset, so rate ratios are per unit of \($0)" } ?? "no exposure offset"
        var lines = [
            "\(result.rowCount) rows; log link with \(offset); the intercept row's rate ratio is the base rate.",
            "Deviance \(fixed(result.deviance)) on \(result.residualDegreesOfFreedom) df; null deviance \(fixed(result.nullDeviance)) on \(result.nullDegreesOfFreedom) df; AIC \(fixed(result.aic)).",
            "Pearson chi-squared \(fixed(result.pearsonChiSquared)); dispersion \(fixed(result.dispersion)) (about 1 if the Poisson variance holds).",
        ]
        switch result.dispersionMethod {
        case .fixed:
            lines.append("Standard errors assume dispersion 1; if the dispersion is well above 1, use --dispersion pearson (quasi-Poisson).")
        case .pearson:
            lines.append("Quasi-Poisson standard errors: model standard errors x sqrt(\(fixed(result.dispersion))); z tests and intervals use the normal distribution.")
        case .robust:
            lines.append("Robust (Huber-White sandwich, HC0) standard errors; z tests and intervals use the normal distribution.")
        }
        let references = result.referenceLevels.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" }
        if !references.isEmpty { lines.append("Reference levels: \(references.joined(separator: "; ")).") }
        return lines
    }

    /// Enough decimals to show 4 significant digits (the intercept's base rate can be 0.00000689).
    static func decimals(forFourSignificantDigits value: Double) -> Int {
        guard value.isFinite, value > 0, value < 1 else { return 4 }
        return min(12, max(4, 3 - Int(log10(value).rounded(.down))))
    }

    private func fixed(_ value: Double) -> String { NumberText.fixed(value, decimals: 4) }

    /// The fit as JSON: coefficients (name, estimate, standardError, z, p, interval, rate ratio),
    /// deviance, dispersion and the covariance used for the standard errors.
    public var json: JSONValue {
        .object([
            ("model", .string("poisson")),
            ("file", .string(result.file)),
            ("outcome", .string(result.outcome)),
            ("exposure", result.exposure.map { .string($0) } ?? .null),
            ("rows", .number(Double(result.rowCount))),
            ("dispersionMethod", .string(result.dispersionMethod.rawValue)),
            ("coefficients", .array(result.coefficients.map { c in
                .object(CoefficientRows.json(c, statistic: "z") + [
                    ("rateRatio", .number(exp(c.estimate))),
                    ("rateRatioLower95", .number(exp(c.lower95))),
                    ("rateRatioUpper95", .number(exp(c.upper95))),
                ])
            })),
            ("deviance", .number(result.deviance)),
            ("residualDegreesOfFreedom", .number(Double(result.residualDegreesOfFreedom))),
            ("nullDeviance", .number(result.nullDeviance)),
            ("nullDegreesOfFreedom", .number(Double(result.nullDegreesOfFreedom))),
            ("pearsonChiSquared", .number(result.pearsonChiSquared)),
            ("dispersion", .number(result.dispersion)),
            ("aic", .number(result.aic)),
            ("iterations", .number(Double(result.iterations))),
            ("referenceLevels", .object(result.referenceLevels.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
            ("covariance", CoefficientRows.covariance(result.fittedCoefficients)),
        ])
    }
}
