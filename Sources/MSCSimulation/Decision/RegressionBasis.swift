import GSLKit

/// The design matrix of a smooth regression of net benefit on some inputs, for EVPPI.
///
/// One input: a cubic B-spline basis (GSL `gsl_bspline`) with breakpoints at equally spaced
/// quantiles of the input's draws, so the knots sit where the draws are; the basis sums to one, so
/// it carries the intercept. An input with few distinct values (a discrete input) gets one
/// indicator column per value instead: the fit is then the exact mean of net benefit at each value.
///
/// Several inputs (a group): an intercept, each input's own columns less one (each set sums to one
/// and would repeat the intercept), and the product of every pair of standardised inputs, so the
/// fit can follow a net benefit that is a product of inputs (identifications × value per
/// identification). Interactions beyond pairs are not fitted; a fit that misses structure tends to
/// understate EVPPI, not overstate it.
enum RegressionBasis {
    /// Most breakpoints per input (6 gives 8 cubic B-spline columns).
    static let maximumBreakpoints = 6

    /// Columns (flattened row-major, `rows × columns`) for the given inputs' draws, or nil when
    /// every input is constant (nothing to learn from it).
    static func design(_ inputs: [[Double]]) throws -> (columns: Int, values: [Double])? {
        let n = inputs.first?.count ?? 0
        let varying = inputs.filter { column in column.contains { $0 != column[0] } }
        guard n > 0, !varying.isEmpty else { return nil }
        if varying.count == 1 {
            let block = try columns(for: varying[0])
            return (block.count, flatten(block, rows: n))
        }
        var blocks: [[Double]] = [[Double](repeating: 1, count: n)]
        for column in varying { blocks += try columns(for: column).dropFirst() }
        let standardised = varying.map { column -> [Double] in
            let mean = Statistics.mean(column), sd = Statistics.standardDeviation(column)
            return column.map { ($0 - mean) / sd }
        }
        for a in 0..<standardised.count {
            for b in (a + 1)..<standardised.count {
                blocks.append(zip(standardised[a], standardised[b]).map { $0 * $1 })
            }
        }
        return (blocks.count, flatten(blocks, rows: n))
    }

    /// One input's columns (each an array over rows): B-splines, or indicators when discrete.
    static func columns(for x: [Double]) throws -> [[Double]] {
        let sorted = Statistics.sorted(x)
        // Fewer breakpoints for short runs, so there are plenty of draws per coefficient.
        let breakCount = Swift.max(2, Swift.min(maximumBreakpoints, x.count / 50))
        var distinct: [Double] = []
        for value in sorted where distinct.last != value {
            distinct.append(value)
            if distinct.count > breakCount + 2 { break }
        }
        if distinct.count <= breakCount + 2 {
            return distinct.map { level in x.map { $0 == level ? 1 : 0 } }
        }
        var breakpoints: [Double] = []
        for k in 0..<breakCount {
            let q = Statistics.quantile(sorted: sorted, probability: Double(k) / Double(breakCount - 1))
            if breakpoints.last.map({ q > $0 }) ?? true { breakpoints.append(q) }
        }
        let rows = try BSplineBasis(order: 4, breakpoints: breakpoints).design(x)
        return (0..<(breakpoints.count + 2)).map { j in rows.map { $0[j] } }
    }

    static func flatten(_ columns: [[Double]], rows: Int) -> [Double] {
        var values = [Double](repeating: 0, count: rows * columns.count)
        for (j, column) in columns.enumerated() {
            for i in 0..<rows { values[i * columns.count + j] = column[i] }
        }
        return values
    }
}
