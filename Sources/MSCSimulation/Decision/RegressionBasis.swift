import GSLKit

/// The candidate designs of a regression of net benefit on some inputs, for EVPPI, from the
/// simplest to the most flexible; ``PartialValueOfInformation`` keeps the one with the lowest BIC.
///
/// One input: a constant (the input tells nothing), a straight line, then cubic B-splines (GSL
/// `gsl_bspline`) with 4 and with 6 breakpoints at equally spaced quantiles of the draws, so the
/// knots sit where the draws are. The B-spline columns sum to one, so they carry the intercept. An
/// input with few distinct values (a discrete input) gets one indicator column per value instead
/// of splines: that fit is the exact mean of net benefit at each value.
///
/// Several inputs (a group): a constant; an intercept and each input's straight line; the same
/// plus the product of every pair of standardised inputs (net benefit is largely a product:
/// identifications × value per identification); then each input's 6-breakpoint splines less one
/// column (each set sums to one and would repeat the intercept) with the pairwise products.
/// Interactions beyond pairs are not fitted; a fit that misses structure tends to understate
/// EVPPI, not overstate it.
///
/// Why a choice of designs: an unpenalised 8-column spline fitted to an input that does not matter
/// still wiggles with the noise, and near a tie between options the wiggles look like information
/// (an upward bias of about one standard error). Choosing the design by BIC, `n ln(RSS/n) + p ln n`,
/// keeps the constant unless the input explains more than noise would, much as the smoothing
/// penalty of the generalised additive models in Strong, Oakley and Brennan (2014) does.
enum RegressionBasis {
    /// A design: `columns` columns, flattened row-major (`rows × columns`).
    struct Design {
        let columns: Int
        let values: [Double]
    }

    /// The candidate designs for the given inputs' draws, simplest first; just the constant when
    /// every input is constant.
    static func candidates(_ inputs: [[Double]]) throws -> [Design] {
        let n = inputs.first?.count ?? 0
        let ones = [Double](repeating: 1, count: n)
        let constant = Design(columns: 1, values: ones)
        let varying = inputs.filter { column in column.contains { $0 != column[0] } }
        guard n > 0, !varying.isEmpty else { return [constant] }
        let standardised = varying.map { column -> [Double] in
            let mean = Statistics.mean(column), sd = Statistics.standardDeviation(column)
            return column.map { ($0 - mean) / sd }
        }
        let linear = [ones] + standardised
        if varying.count == 1 {
            var designs = [constant, flatten(linear)]
            for breakCount in [4, 6] {
                let block = try columns(for: varying[0], breakpoints: breakCount)
                if block.count > (designs.last?.columns ?? 0) { designs.append(flatten(block)) }
            }
            return designs
        }
        var products: [[Double]] = []
        for a in 0..<standardised.count {
            for b in (a + 1)..<standardised.count { products.append(zip(standardised[a], standardised[b]).map { $0 * $1 }) }
        }
        var smooth: [[Double]] = [ones]
        for column in varying { smooth += try columns(for: column, breakpoints: 6).dropFirst() }
        return [constant, flatten(linear), flatten(linear + products), flatten(smooth + products)]
    }

    /// One input's columns (each an array over rows): cubic B-splines with up to `breakpoints`
    /// breakpoints, or indicators when the input has few distinct values.
    static func columns(for x: [Double], breakpoints wanted: Int) throws -> [[Double]] {
        let sorted = Statistics.sorted(x)
        // Fewer breakpoints for short runs, so there are plenty of draws per coefficient.
        let breakCount = Swift.max(2, Swift.min(wanted, x.count / 50))
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

    static func flatten(_ columns: [[Double]]) -> Design {
        let rows = columns.first?.count ?? 0
        var values = [Double](repeating: 0, count: rows * columns.count)
        for (j, column) in columns.enumerated() {
            for i in 0..<rows { values[i * columns.count + j] = column[i] }
        }
        return Design(columns: columns.count, values: values)
    }
}
