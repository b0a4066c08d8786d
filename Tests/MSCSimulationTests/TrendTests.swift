import Foundation
import MSCModel
import Testing
import MSCTestSupport
@testable import MSCSimulation

@Suite("Log-linear trend with prediction intervals")
struct TrendTests {
    @Test("an exact exponential series gives back its growth, projected exactly")
    func exact() throws {
        var lines = ["period,count"]
        for t in 0..<12 { lines.append("\(2020 + t / 4) Q\(t % 4 + 1),\(100 * pow(1.05, Double(t)))") }
        let table = try CSVTable.parse(text: lines.joined(separator: "\n"), fileName: "s.csv")
        let result = try LogLinearTrend.fit(table: table, time: "period", outcome: "count", horizon: 4)
        #expect(abs(result.growthPerPeriod - 0.05) < 1e-12)
        #expect(abs(result.growthPerYear! - (pow(1.05, 4) - 1)) < 1e-12)
        #expect(result.projections.map(\.label) == ["2023 Q1", "2023 Q2", "2023 Q3", "2023 Q4"])
        #expect(abs(result.projections[0].median - 100 * pow(1.05, 12)) < 1e-8)
    }

    @Test("prediction intervals widen with the horizon and follow the t formula")
    func intervals() throws {
        var lines = ["period,count"]
        let wobble = [0.1, -0.05, 0.02, -0.12, 0.07, 0.0, -0.03, 0.09, -0.08, 0.04]
        for t in 0..<10 { lines.append("\(t + 1),\(50 * exp(0.1 * Double(t) + wobble[t]))") }
        let table = try CSVTable.parse(text: lines.joined(separator: "\n"), fileName: "s.csv")
        let result = try LogLinearTrend.fit(table: table, time: "period", outcome: "count", horizon: 3)
        #expect(result.projections.map(\.label) == ["11", "12", "13"])
        #expect(result.growthPerYear == nil)
        let widths = result.projections.map { log($0.upper95) - log($0.lower95) }
        #expect(widths[0] < widths[1] && widths[1] < widths[2])
        for p in result.projections {
            // Symmetric on the log scale around the median.
            #expect(abs((log(p.upper95) - log(p.median)) - (log(p.median) - log(p.lower95))) < 1e-9)
        }
        // By hand for the first step: x = (1, 10), variance s^2 + x'Vx, t(0.975, 8) = 2.306004135.
        let s = result.residualStandardDeviation, v = result.fittedCoefficients.covariance
        let variance = s * s + v[0][0] + 20 * v[0][1] + 100 * v[1][1]
        #expect(abs((log(result.projections[0].upper95) - log(result.projections[0].median)) - 2.306004135 * variance.squareRoot()) < 1e-8)
    }

    @Test("the shipped Home Office NRM series fits and projects the adult baseline")
    func shippedSeries() throws {
        let table = try CSVTable.load(path: FitFixturePaths.root + "/Assumptions/data/nrm_referrals_uk_quarterly.csv")
        #expect(table.rows.count == 59)
        let adults2023 = try table.rows.suffix(4).map { try table.number("adult", in: $0) }.reduce(0, +)
        #expect(adults2023 == 8_622)
        let result = try LogLinearTrend.fit(table: table, time: "period", outcome: "adult", since: "2015 Q1", horizon: 8)
        #expect(result.series.values.count == 36)
        #expect(result.growthPerYear! > 0)
        #expect(result.projections.first?.label == "2024 Q1")
        #expect(result.projections.allSatisfy { $0.lower95 < $0.median && $0.median < $0.upper95 })
    }

    @Test("a zero value names its row: a log-linear trend needs positive values")
    func zeroValue() throws {
        let table = try CSVTable.parse(text: "period,count\n1,5\n2,0\n3,7\n4,9\n", fileName: "s.csv")
        do {
            _ = try LogLinearTrend.fit(table: table, time: "period", outcome: "count", horizon: 2)
            Issue.record("expected an error")
        } catch let error as InputError {
            #expect(error.line == 3)
            #expect(error.key == "count")
            #expect(error.message.contains("above 0"))
        }
    }

    @Test("--since past the end of the data is refused")
    func sinceTooLate() throws {
        let table = try CSVTable.parse(text: "period,count\n2020 Q1,5\n2020 Q2,6\n2020 Q3,7\n", fileName: "s.csv")
        #expect(throws: InputError.self) {
            try LogLinearTrend.fit(table: table, time: "period", outcome: "count", since: "2024 Q1", horizon: 2)
        }
    }
}

/// Paths inside the package, found from this test file's location.
enum FitFixturePaths {
    static var root: String { PackageRoot.path }
}
