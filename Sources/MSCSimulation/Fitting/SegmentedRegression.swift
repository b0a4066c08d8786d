import GSLKit
import MSCModel

/// An interrupted time series: did the level or the trend of a series change when a post began?
///
/// Model (ordinary least squares, GSLKit): y_t = b0 + b1·t + b2·D_t + b3·(t − K)·D_t + e_t, with t
/// the periods since the first row, K the intervention period and D_t = 1 from K on. b2 is the
/// step change in level at K, b3 the change in trend per period after it. Standard errors assume
/// independent errors; the Durbin–Watson statistic (about 2 when they are) is reported as a check.
public struct SegmentedRegressionResult: Sendable {
    public let series: TimeSeries
    /// The intervention period as given and its position on the time axis.
    public let interventionLabel: String
    public let interventionPosition: Double
    public let rowsBefore: Int
    public let rowsAfter: Int
    /// `intercept` (level at the first period), `trend` (per period before K), `levelChange`
    /// (step at K), `trendChange` (per period after K), with t tests on the residual degrees of freedom.
    public let coefficients: [CoefficientEstimate]
    /// The change at the last period: levelChange + trendChange · (last − K), with its interval.
    public let effectAtLastPeriod: CoefficientEstimate
    /// The fitted value at the last period without the change (the counterfactual).
    public let counterfactualAtLastPeriod: Double
    public let rSquared: Double
    public let residualStandardDeviation: Double
    public let degreesOfFreedom: Int
    /// Durbin–Watson statistic of the residuals in time order.
    public let durbinWatson: Double
    public let fittedCoefficients: FittedCoefficients
}

public enum SegmentedRegression {
    /// The coefficient names, in design order.
    public static let coefficientNames = ["intercept", "trend", "levelChange", "trendChange"]

    /// Fits the series in `table` with the change at `intervention` (written like the time column).
    ///
    /// - Throws: ``MSCModel/InputError`` for a missing or non-numeric column, rows out of time order, an
    ///   intervention that cannot be read, or fewer than 2 rows before or after the intervention.
    public static func fit(table: CSVTable, time: String, outcome: String, intervention: String,
                           since: String? = nil) throws -> SegmentedRegressionResult {
        let series = try TimeSeries.read(table: table, time: time, outcome: outcome, since: since)
        guard let k = series.axis.position(of: intervention) else {
            throw InputError(file: table.file, line: 1, key: time,
                             message: "--intervention \"\(intervention)\" is not written like the time column (e.g. \(series.axis.labels[0]))")
        }
        let positions = series.axis.positions
        let before = positions.filter { $0 < k }.count
        let after = positions.count - before
        guard before >= 2, after >= 2 else {
            throw InputError(file: table.file, line: 1, key: time,
                             message: "\(before) rows before \(intervention) and \(after) from it on; "
                                 + "expected at least 2 on each side to estimate a level and a trend change")
        }
        guard positions.count >= 5 else {
            throw InputError(file: table.file, line: 1, message: "\(positions.count) data rows for 4 parameters; expected at least 5 rows")
        }
        let origin = positions[0]
        let design = positions.map { p -> [Double] in
            let t = p - origin, step: Double = p >= k ? 1 : 0
            return [1, t, step, (p - k) * step]
        }
        let fit: LinearFit
        do {
            fit = try LeastSquares.ordinary(design: design, response: series.values)
        } catch {
            throw InputError(file: table.file, line: 1, key: outcome, message: "the segmented regression failed (\(error.context))")
        }
        let df = fit.degreesOfFreedom
        let coefficients = coefficientNames.indices.map { j in
            CoefficientEstimate(name: coefficientNames[j], estimate: fit.coefficients[j],
                                standardError: fit.standardErrors[j], degreesOfFreedom: df)
        }
        // Change at the last period = b2 + b3·(last − K); its variance from the covariance.
        let gap = positions[positions.count - 1] - k
        let cov = fit.covariance
        let effect = fit.coefficients[2] + fit.coefficients[3] * gap
        let effectVariance = cov[2][2] + 2 * gap * cov[2][3] + gap * gap * cov[3][3]
        let lastT = positions[positions.count - 1] - origin
        let residuals = fit.residuals
        let squares = residuals.reduce(0) { $0 + $1 * $1 }
        let differences = zip(residuals.dropFirst(), residuals).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        return SegmentedRegressionResult(
            series: series, interventionLabel: intervention, interventionPosition: k,
            rowsBefore: before, rowsAfter: after, coefficients: coefficients,
            effectAtLastPeriod: CoefficientEstimate(name: "effectAtLastPeriod", estimate: effect,
                                                    standardError: effectVariance.squareRoot(), degreesOfFreedom: df),
            counterfactualAtLastPeriod: fit.coefficients[0] + fit.coefficients[1] * lastT,
            rSquared: fit.rSquared, residualStandardDeviation: fit.residualStandardDeviation, degreesOfFreedom: df,
            durbinWatson: squares > 0 ? differences / squares : .nan,
            fittedCoefficients: FittedCoefficients(names: coefficientNames, estimates: fit.coefficients, covariance: cov))
    }
}
