import Foundation
import GSLKit
import MSCModel

/// A log-linear trend fitted to a positive series, projected forward with prediction intervals.
///
/// Model (ordinary least squares on the log scale, GSLKit): ln y_t = a + b·t + e_t, t the periods
/// since the first row. A projection h periods past the last row is exp(a + b·t) (the median on
/// the original scale), with a 95% prediction interval exp(ln ŷ ± t_{0.975, n−2} · sqrt(s² + x'Vx)),
/// where V is the coefficients' covariance. Used to project the baseline of identifications
/// from the Home Office quarterly NRM series.
public struct LogLinearTrendResult: Sendable {
    /// One projected period.
    public struct Projection: Sendable, Equatable {
        public let label: String
        /// Periods after the last row (1, 2, ...).
        public let stepsAhead: Int
        /// Median projection, exp(a + b·t), in the outcome's units.
        public let median: Double
        public let lower95: Double
        public let upper95: Double
    }

    public let series: TimeSeries
    /// `intercept` (log level at the first period) and `trend` (log change per period).
    public let coefficients: [CoefficientEstimate]
    /// exp(trend) − 1: growth per period.
    public let growthPerPeriod: Double
    /// exp(periodsPerYear · trend) − 1 for quarterly data; nil for plain-number time.
    public let growthPerYear: Double?
    public let rSquared: Double
    /// Residual standard deviation on the log scale.
    public let residualStandardDeviation: Double
    public let degreesOfFreedom: Int
    public let projections: [Projection]
    public let fittedCoefficients: FittedCoefficients
}

public enum LogLinearTrend {
    public static let coefficientNames = ["intercept", "trend"]

    /// Fits `outcome` against `time` (rows from `since` on) and projects `horizon` periods ahead.
    ///
    /// - Throws: ``MSCModel/InputError`` for a missing or non-numeric column, a value that is not above 0
    ///   (its logarithm is undefined), rows out of time order, or fewer than 3 rows.
    public static func fit(table: CSVTable, time: String, outcome: String, since: String? = nil,
                           horizon: Int) throws -> LogLinearTrendResult {
        let series = try TimeSeries.read(table: table, time: time, outcome: outcome, since: since,
                                         expected: "a number above 0 (a log-linear trend needs positive values)") { $0 > 0 }
        let positions = series.axis.positions
        guard positions.count >= 3 else {
            throw InputError(file: table.file, line: 1, message: "\(positions.count) data rows for 2 parameters; expected at least 3 rows")
        }
        let origin = positions[0]
        let design = positions.map { [1, $0 - origin] }
        let fit: LinearFit
        do {
            fit = try LeastSquares.ordinary(design: design, response: series.values.map { log($0) })
        } catch {
            throw InputError(file: table.file, line: 1, key: outcome, message: "the trend fit failed (\(error.context))")
        }
        let df = fit.degreesOfFreedom
        let coefficients = coefficientNames.indices.map { j in
            CoefficientEstimate(name: coefficientNames[j], estimate: fit.coefficients[j],
                                standardError: fit.standardErrors[j], degreesOfFreedom: df)
        }
        let multiplier = CumulativeDistribution.studentTQuantile(0.975, degreesOfFreedom: Double(df))
        let variance = fit.residualStandardDeviation * fit.residualStandardDeviation
        let step = series.axis.step
        let last = positions[positions.count - 1]
        let projections = (0..<max(0, horizon)).map { index -> LogLinearTrendResult.Projection in
            let ahead = index + 1
            let position = last + Double(ahead) * step
            let x = [1, position - origin]
            let logMedian = fit.predict(x)
            var spread = variance
            for i in 0..<2 { for j in 0..<2 { spread += x[i] * fit.covariance[i][j] * x[j] } }
            let halfWidth = multiplier * spread.squareRoot()
            return .init(label: series.axis.label(at: position), stepsAhead: ahead, median: exp(logMedian),
                         lower95: exp(logMedian - halfWidth), upper95: exp(logMedian + halfWidth))
        }
        let slope = fit.coefficients[1]
        return LogLinearTrendResult(
            series: series, coefficients: coefficients, growthPerPeriod: exp(slope) - 1,
            growthPerYear: series.axis.periodsPerYear.map { exp(Double($0) * slope) - 1 },
            rSquared: fit.rSquared, residualStandardDeviation: fit.residualStandardDeviation, degreesOfFreedom: df,
            projections: projections,
            fittedCoefficients: FittedCoefficients(names: coefficientNames, estimates: fit.coefficients,
                                                   covariance: fit.covariance))
    }
}
