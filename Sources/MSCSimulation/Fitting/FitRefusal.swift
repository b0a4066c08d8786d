import Foundation
import MSCModel

/// The reasons a Poisson fit cannot be estimated, found before and after fitting, each as one
/// ``MSCModel/InputError`` saying why, so `msc fit` never prints an infinite rate ratio or a
/// standard error of a million as if it were an answer.
enum FitRefusal {
    /// The largest standard error of a log rate ratio that still estimates something: e^(±1.96·20)
    /// spans 34 orders of magnitude, far past any interval a reader could use.
    static let largestStandardError = 20.0

    /// Refuses data that cannot identify the model: no events at all, or a 0/1 column (a true/false
    /// predictor or a factor level) whose rows on one side all have a count of 0 (separation: its
    /// maximum-likelihood rate ratio is 0 or infinite).
    static func checkEstimable(_ design: RegressionDesign, outcomeName: String) throws {
        guard design.outcome.contains(where: { $0 > 0 }) else {
            throw InputError(file: design.file, line: 1, key: outcomeName,
                             message: "every count is 0; a rate cannot be estimated without events, expected some counts above 0")
        }
        for (j, name) in design.columnNames.enumerated() where j > 0 {
            let column = design.rows.map { $0[j] }
            guard column.allSatisfy({ $0 == 0 || $0 == 1 }) else { continue }
            for side in [1.0, 0.0] {
                let events = zip(column, design.outcome).reduce(0.0) { $0 + ($1.0 == side ? $1.1 : 0) }
                guard events == 0 else { continue }
                let rows = column.filter { $0 == side }.count
                throw InputError(file: design.file, line: 1, key: design.sourceColumns[j] ?? name,
                                 message: "separation: all \(rows) rows where \(name) is \(Int(side)) have a count of 0, "
                                     + "so its rate ratio would be \(side == 1 ? "0" : "infinite") and cannot be estimated; "
                                     + "merge that level with another, drop the term, or add data with events there")
            }
        }
    }

    /// Refuses a fit whose estimates did not come out finite and bounded (separation by a
    /// continuous predictor, or data too extreme for the model).
    static func checkEstimated(_ design: RegressionDesign, estimates: [Double], standardErrors: [Double],
                               dispersion: Double) throws {
        for (j, name) in design.columnNames.enumerated() {
            let estimate = estimates[j], error = standardErrors[j]
            guard estimate.isFinite, error.isFinite, error <= largestStandardError else {
                throw InputError(file: design.file, line: 1, key: design.sourceColumns[j] ?? name,
                                 message: "the fit cannot estimate \(name): its standard error is \(error.isFinite ? String(format: "%.3g", error) : "not finite") "
                                     + "on the log scale; usually separation (the counts are 0 on one side of a value of \(name)); "
                                     + "drop or regroup the term")
            }
        }
        guard dispersion.isFinite else {
            throw InputError(file: design.file, line: 1,
                             message: "the Pearson dispersion is not finite; expected more rows than parameters and counts that are not all fitted exactly")
        }
    }
}
