import Foundation
import GSLKit
import MSCModel

/// A design matrix built from a CSV table, remembering which CSV column each design column came
/// from so that problems can name it.
///
/// Columns: an intercept, then each numeric predictor as written (`true`/`false` and `yes`/`no`
/// count as 1/0), then each categorical factor coded as 0/1 indicators for every level but the
/// first in sorted order (the reference level), named `factor[level]`.
public struct RegressionDesign: Sendable {
    /// The file the data came from, for errors.
    public let file: String
    /// Design column names: `intercept`, predictors, then `factor[level]` indicators.
    public let columnNames: [String]
    /// The CSV column behind each design column (nil for the intercept).
    public let sourceColumns: [String?]
    /// The design rows, one per data row.
    public let rows: [[Double]]
    /// The outcome, one per data row.
    public let outcome: [Double]
    /// log(exposure) per row, or nil when there is no exposure column.
    public let logExposure: [Double]?
    /// The reference level of each factor, by factor name.
    public let referenceLevels: [String: String]

    /// The design of a Poisson regression of a count `outcome` with a log `exposure` offset.
    ///
    /// - Throws: ``MSCModel/InputError`` naming the file, row and column for a missing column, a
    ///   non-numeric or empty cell, a count that is negative or not whole, an exposure that is not
    ///   above 0, a predictor or factor that does not vary, a column named twice, or fewer rows
    ///   than parameters.
    public static func poisson(table: CSVTable, outcome: String, exposure: String?, predictors: [String],
                               factors: [String]) throws -> RegressionDesign {
        try checkNames(table: table, outcome: outcome, exposure: exposure, predictors: predictors, factors: factors)
        let counts = try table.rows.map { row in
            try table.number(outcome, in: row, expected: "a count (a whole number, 0 or more)") { $0 >= 0 && $0 == $0.rounded() }
        }
        let logExposure = try exposure.map { column in
            try table.rows.map { row in
                log(try table.number(column, in: row, expected: "a positive exposure (e.g. residents), above 0") { $0 > 0 })
            }
        }
        return try build(table: table, outcome: counts, logExposure: logExposure, predictors: predictors, factors: factors)
    }

    /// Intercept, predictors and factor indicators for `outcome` (already read and checked).
    static func build(table: CSVTable, outcome: [Double], logExposure: [Double]?, predictors: [String],
                      factors: [String]) throws -> RegressionDesign {
        var names = ["intercept"]
        var sources: [String?] = [nil]
        var columns: [[Double]] = [[Double](repeating: 1, count: table.rows.count)]
        for predictor in predictors {
            let values = try table.rows.map { try numericPredictor(predictor, in: $0, of: table) }
            try requireVariation(values, column: predictor, table: table)
            names.append(predictor)
            sources.append(predictor)
            columns.append(values)
        }
        var references: [String: String] = [:]
        for factor in factors {
            let levels = try table.rows.map { try table.text(factor, in: $0) }
            try requireVariation(levels, column: factor, table: table)
            let sortedLevels = Set(levels).sorted()
            references[factor] = sortedLevels[0]
            for level in sortedLevels.dropFirst() {
                names.append("\(factor)[\(level)]")
                sources.append(factor)
                columns.append(levels.map { $0 == level ? 1 : 0 })
            }
        }
        let rowCount = table.rows.count
        // As many rows as parameters fits every row exactly: no residual degrees of freedom, so
        // no deviance, dispersion or standard error can be trusted.
        guard rowCount > names.count else {
            throw InputError(file: table.file, line: 1, message: "\(rowCount) data rows for \(names.count) parameters "
                                 + "(\(names.joined(separator: ", "))) leave no residual degrees of freedom; expected more rows than parameters")
        }
        let rows = (0..<rowCount).map { i in columns.map { $0[i] } }
        return RegressionDesign(file: table.file, columnNames: names, sourceColumns: sources, rows: rows,
                                outcome: outcome, logExposure: logExposure, referenceLevels: references)
    }

    /// Finds the first design column that makes the design singular and says so in one line.
    ///
    /// Adds columns one at a time and asks GSL's least squares whether the design so far still has
    /// full rank; the column whose addition breaks it duplicates the intercept or earlier columns.
    public func singularColumnError() -> InputError {
        let zeros = [Double](repeating: 0, count: rows.count)
        for count in 2...max(2, columnNames.count) where count <= columnNames.count {
            let prefix = rows.map { Array($0.prefix(count)) }
            do {
                _ = try LeastSquares.ordinary(design: prefix, response: zeros)
            } catch let error where error.code == GSLError.singular {
                let culprit = columnNames[count - 1]
                let earlier = columnNames.prefix(count - 1).joined(separator: ", ")
                return InputError(file: file, key: sourceColumns[count - 1] ?? culprit,
                                  message: "\(culprit) is a combination of \(earlier), so the design matrix is singular "
                                      + "and its effect cannot be estimated; remove it or one of those")
            } catch {
                break
            }
        }
        return InputError(file: file, message: "the design matrix is singular; a predictor or factor level is a combination of others")
    }

    private static func checkNames(table: CSVTable, outcome: String, exposure: String?, predictors: [String],
                                   factors: [String]) throws {
        var seen: Set<String> = []
        for name in [outcome] + (exposure.map { [$0] } ?? []) + predictors + factors {
            _ = try table.column(name)
            guard seen.insert(name).inserted else {
                throw InputError(file: table.file, line: 1, key: name,
                                 message: "column used twice (as outcome, exposure, predictor or factor); use each column once")
            }
        }
    }

    private static func numericPredictor(_ column: String, in row: CSVRow, of table: CSVTable) throws -> Double {
        if let value = try? table.number(column, in: row) { return value }
        if let flag = try? table.bool(column, in: row), !(try table.rawText(column, in: row)).isEmpty { return flag ? 1 : 0 }
        let raw = try table.rawText(column, in: row)
        throw table.error("expected a number (or true/false), found \(raw.isEmpty ? "an empty field" : "\"\(raw)\""); "
                              + "list categorical columns with --factors", column: column, in: row)
    }

    private static func requireVariation<T: Hashable>(_ values: [T], column: String, table: CSVTable) throws {
        guard let first = values.first, values.allSatisfy({ $0 == first }) else { return }
        throw InputError(file: table.file, line: 1, key: column,
                         message: "has the same value in every row, so its effect cannot be told apart from the intercept "
                             + "(the design matrix would be singular); remove it or use data where it varies")
    }
}

