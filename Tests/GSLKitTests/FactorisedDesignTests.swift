import Foundation
import Testing
@testable import GSLKit

/// A design factorised once fits each response as GSL's SVD least squares does, the covariance
/// included; the straight line is checked against its textbook closed form.
@Suite struct FactorisedDesignTests {
    /// A design with an intercept, two predictors and their product, `n` rows, row-major.
    static func design(rows n: Int) -> [Double] {
        let stream = RandomStream(seed: 11)
        var values: [Double] = []
        for _ in 0..<n {
            let a = stream.standardNormal(), b = 3 + 2 * stream.standardNormal()
            values += [1, a, b, a * b]
        }
        return values
    }

    @Test func eachResponseIsFittedAsOrdinaryLeastSquaresFitsIt() throws {
        let n = 500, p = 4
        let values = Self.design(rows: n)
        let rows = (0..<n).map { Array(values[($0 * p)..<(($0 + 1) * p)]) }
        let stream = RandomStream(seed: 12)
        let responses = [rows.map { 2 + 0.5 * $0[1] - $0[2] + 0.1 * $0[3] + stream.standardNormal() },
                         rows.map { -1 + 4 * $0[3] + 3 * stream.standardNormal() }]
        let design = try FactorisedDesign(rowMajor: values, columns: p)
        for response in responses {
            let fit = try design.fit(response)
            let reference = try LeastSquares.ordinary(design: rows, response: response)
            func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(b)) }
            #expect(zip(fit.coefficients, reference.coefficients).allSatisfy(close))
            #expect(close(fit.residualSumOfSquares, reference.residualSumOfSquares))
            #expect(zip(fit.fittedValues, reference.fittedValues).allSatisfy(close))
            for i in 0..<p { #expect(zip(fit.covariance[i], reference.covariance[i]).allSatisfy(close)) }
        }
    }

    @Test func aStraightLineHasTheTextbookSlopeAndStandardError() throws {
        let x = (0..<50).map { Double($0) / 7 }
        let y = x.map { 1.5 - 0.25 * $0 + 0.3 * sin(3 * $0) }
        let n = Double(x.count)
        let design = try FactorisedDesign(rowMajor: x.flatMap { [1, $0] }, columns: 2)
        let fit = try design.fit(y)
        // slope = Sxy / Sxx, intercept = ȳ − slope x̄, var(slope) = s² / Sxx with s² = RSS / (n − 2).
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        let sxx = x.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }
        let sxy = zip(x, y).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
        let slope = sxy / sxx, intercept = my - slope * mx
        let rss = zip(x, y).reduce(0) { $0 + pow($1.1 - intercept - slope * $1.0, 2) }
        #expect(abs(fit.coefficients[1] - slope) < 1e-12)
        #expect(abs(fit.coefficients[0] - intercept) < 1e-12)
        #expect(abs(fit.residualSumOfSquares - rss) < 1e-10 * rss)
        #expect(abs(fit.covariance[1][1] - rss / (n - 2) / sxx) < 1e-10 * fit.covariance[1][1])
    }

    @Test func aSingularOrShortDesignIsRefused() {
        // The second column repeats the first.
        let repeated = (0..<20).flatMap { i in [1.0, 1.0, Double(i)] }
        #expect(throws: GSLError.self) { try FactorisedDesign(rowMajor: repeated, columns: 3) }
        #expect(throws: GSLError.self) { try FactorisedDesign(rowMajor: [1, 2, 3, 4], columns: 4) }
        #expect(throws: GSLError.self) { try FactorisedDesign(rowMajor: [1, .nan, 1, 2, 1, 3], columns: 2) }
    }

    @Test func manyCoefficientVectorsPredictAsEachAlone() {
        let n = 200, p = 4, count = 7
        let values = Self.design(rows: n)
        let stream = RandomStream(seed: 13)
        let vectors = (0..<count).map { _ in (0..<p).map { _ in stream.standardNormal() } }
        var columnwise = [Double](repeating: 0, count: p * count)
        for (s, vector) in vectors.enumerated() { for j in 0..<p { columnwise[j * count + s] = vector[j] } }
        let together = FactorisedDesign.predictions(design: values, columns: p, columnwise: columnwise, count: count)
        for (s, vector) in vectors.enumerated() {
            let alone = (0..<n).map { i in (0..<p).reduce(0.0) { $0 + values[i * p + $1] * vector[$1] } }
            #expect((0..<n).allSatisfy { together[$0 * count + s] == alone[$0] })
        }
    }
}
