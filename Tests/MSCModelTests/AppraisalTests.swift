import Foundation
import Testing
@testable import MSCModel

@Suite("Green Book appraisal")
struct AppraisalTests {
    let greenBook: GreenBook

    init() throws {
        greenBook = try GreenBook(assumptions: try PackagePaths.shippedAssumptions())
    }

    @Test("discount factors equal the Green Book's: 3.5% to year 30, then 3.0%")
    func discountFactors() {
        #expect(greenBook.discountFactor(year: 0) == 1)
        #expect(abs(greenBook.discountFactor(year: 1) - 1 / 1.035) < 1e-15)
        #expect(abs(greenBook.discountFactor(year: 10) - 0.7089188) < 5e-8)
        #expect(abs(greenBook.discountFactor(year: 30) - 0.3562784) < 5e-8)
        #expect(abs(greenBook.discountFactor(year: 31) - greenBook.discountFactor(year: 30) / 1.03) < 1e-15)
        #expect(abs(greenBook.discountFactor(year: 75) - pow(1.035, -30) * pow(1.03, -45)) < 1e-15)
        #expect(abs(greenBook.discountFactor(year: 76) - greenBook.discountFactor(year: 75) / 1.025) < 1e-15)
    }

    @Test("the band-at-a-time factor equals the year-by-year product")
    func factorsAgree() {
        let sequence = greenBook.discountFactors(count: 400)
        for year in [0, 1, 29, 30, 31, 75, 76, 125, 126, 200, 201, 300, 301, 399] {
            #expect(abs(sequence[year] - greenBook.discountFactor(year: year)) <= 1e-12 * sequence[year])
        }
    }

    @Test("present value is the sum of each year's flow times its factor")
    func presentValue() {
        let flows = (0..<40).map { 1_000 + 37.5 * Double($0) }
        let expected = flows.indices.reduce(0) { $0 + flows[$1] * greenBook.discountFactor(year: $1) }
        #expect(abs(greenBook.presentValue(flows: flows) - expected) < 1e-9)
        #expect(abs(greenBook.presentValue(flows: [100, 100, 100]) - (100 + 100 / 1.035 + 100 / (1.035 * 1.035))) < 1e-12)
        #expect(greenBook.presentValue(flows: []) == 0)
    }

    @Test("summary applies optimism bias to costs only, then NPV and BCR")
    func summary() {
        let costs = [57_533.0, 57_533, 57_533]
        let benefits = [20_000.0, 150_000, 200_000]
        let summary = Appraisal.summary(costs: costs, benefits: benefits, optimismBias: 0.1, discounting: greenBook)
        let pvCosts = greenBook.presentValue(flows: costs)
        let pvBenefits = greenBook.presentValue(flows: benefits)
        #expect(abs(summary.pvCostsBeforeOptimismBias - pvCosts) < 1e-9)
        #expect(abs(summary.pvCosts - pvCosts * 1.1) < 1e-9)
        #expect(abs(summary.pvBenefits - pvBenefits) < 1e-9)
        #expect(abs(summary.npv - (pvBenefits - pvCosts * 1.1)) < 1e-9)
        #expect(abs(summary.bcr! - pvBenefits / (pvCosts * 1.1)) < 1e-12)
        #expect(Appraisal.summary(costs: [0], benefits: [5], optimismBias: 0.1, discounting: greenBook).bcr == nil)
    }

    @Test("the shipped optimism bias is the outsourcing opex upper bound, 41%, fixed; its floor the lower bound, 0%")
    func optimismBias() throws {
        let set = try PackagePaths.shippedAssumptions()
        let assumption = try set.assumption("optimismBias")
        #expect(assumption.value == 0.41)
        #expect(assumption.distribution == .fixed(0.41))
        #expect(assumption.evidence == .sourced)
        #expect(try set.value("optimismBiasLowerBound") == 0)
    }

    @Test("GDP deflator uprates the Home Office unit cost from 2016-17 to 2024-25")
    func deflator() throws {
        let deflator = try GDPDeflator.load(assumptionsDirectory: PackagePaths.assumptions)
        #expect(deflator.firstYear.description == "2000-01")
        #expect(deflator.latestYear.description == "2024-25")
        let uprated = try deflator.uprate(amount: 328_720, from: "2016-17", to: "2024-25")
        #expect(abs(uprated - 328_720 * 112.375 / 85.65) < 1e-9)
        #expect(abs(uprated - 431_289.08) < 0.01)
        #expect(try deflator.uprate(amount: 100, from: "2024-25", to: "2024-25") == 100)
    }

    @Test("an unknown or malformed year is one clear error line")
    func deflatorErrors() throws {
        let deflator = try GDPDeflator.load(assumptionsDirectory: PackagePaths.assumptions)
        do {
            _ = try deflator.uprate(amount: 1, from: "2016-17", to: "2031-32")
            Issue.record("expected an error")
        } catch let error as InputError {
            #expect(error.description.hasSuffix("2031-32: no GDP deflator for 2031-32; the series covers 2000-01 to 2024-25"))
            #expect(!error.description.contains("\n"))
        }
        #expect(throws: InputError.self) { try deflator.uprate(amount: 1, from: "2016", to: "2024-25") }
        #expect(throws: InputError.self) { try deflator.uprate(amount: 1, from: "2016-18", to: "2024-25") }
    }

    @Test("the deflator extends past its data at a stated growth, marked projected")
    func deflatorExtension() throws {
        let deflator = try GDPDeflator.load(assumptionsDirectory: PackagePaths.assumptions)
        let extended = try deflator.extended(through: FinancialYear("2026-27")!, growthPerYear: 0.025)
        #expect(extended.latestYear.description == "2026-27")
        #expect(extended.latestObservedYear.description == "2024-25")
        #expect(abs(try extended.index(for: "2026-27") - 112.375 * 1.025 * 1.025) < 1e-9)
        #expect(try extended.entry(for: FinancialYear("2025-26")!).projected)
    }

    @Test("a deflator file with a gap or a bad year names the problem")
    func deflatorFileErrors() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("deflator-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let gap = directory.appendingPathComponent("gap.csv").path
        try "financial_year,gdp_deflator_index_2022_100\n2020-21,95\n2022-23,102\n".write(toFile: gap, atomically: true, encoding: .utf8)
        #expect(throws: InputError.self) { try GDPDeflator.load(path: gap) }
        let bad = directory.appendingPathComponent("bad.csv").path
        try "financial_year,gdp_deflator_index_2022_100\n2020,95\n".write(toFile: bad, atomically: true, encoding: .utf8)
        do {
            _ = try GDPDeflator.load(path: bad)
            Issue.record("expected an error")
        } catch let error as InputError {
            #expect(error.line == 2)
            #expect(error.key == "financial_year")
        }
    }

    @Test("financial year labels")
    func financialYears() {
        #expect(FinancialYear("2016-17")?.startYear == 2016)
        #expect(FinancialYear("2016/17")?.description == "2016-17")
        #expect(FinancialYear("1999-00")?.startYear == 1999)
        #expect(FinancialYear("2016-18") == nil)
        #expect(FinancialYear("16-17") == nil)
        #expect(FinancialYear(startYear: 2008).description == "2008-09")
    }
}
