import MSCModel

/// The cost of a post written for people (a sourced breakdown) and for scripts (JSON).
public struct CostReport: Report {
    public let breakdown: PostCostBreakdown
    public let fullTimeSalary: Double
    public let fte: Double
    public let taxYear: String
    public let rates: PostCostRates
    public let posts: Int?
    public let solvedFromTarget: Double?
    let assumptions: AssumptionSet
    let userSet: Set<String>
    /// How the salary was brought to the tax year by the pay awards (nil or none when it was not).
    let payAdjustment: PayAdjustment?

    public init(breakdown: PostCostBreakdown, fullTimeSalary: Double, fte: Double, taxYear: String, rates: PostCostRates,
                posts: Int?, solvedFromTarget: Double?, assumptions: AssumptionSet, userSet: Set<String>,
                payAdjustment: PayAdjustment? = nil) {
        self.payAdjustment = payAdjustment
        self.breakdown = breakdown
        self.fullTimeSalary = fullTimeSalary
        self.fte = fte
        self.taxYear = taxYear
        self.rates = rates
        self.posts = posts
        self.solvedFromTarget = solvedFromTarget
        self.assumptions = assumptions
        self.userSet = userSet
    }

    /// Money rounded to the penny, as a finance officer's spreadsheet would hold it.
    static func pennies(_ value: Double) -> Double { (value * 100).rounded() / 100 }

    /// The total for all posts: the per-post total to the penny times the number of posts.
    public var totalForPosts: Double? { posts.map { Double($0) * Self.pennies(breakdown.total) } }

    private func source(of name: AssumptionName) -> String {
        if userSet.contains(name.rawValue) { return "set on the command line" }
        guard let assumption = assumptions[name] else { return "" }
        // For a rate that changes by tax year, the source for the year shown (titles such as
        // "... 2025 to 2026"), else the first.
        let used = assumption.effectivePeriod(for: taxYear) ?? taxYear
        // Titles name a tax year as "2025 to 2026", "2026/27" or "2026-27".
        let yearWords = FinancialYear(used).map { year in
            ["\(year.startYear) to \(year.startYear + 1)", year.description.replacingOccurrences(of: "-", with: "/"), year.description]
        } ?? []
        let chosen = assumption.sources.first { source in yearWords.contains { source.title.contains($0) } }
            ?? assumption.sources.first
        let first = chosen.map { "\($0.publisher) (\($0.date))" } ?? "no source"
        return assumption.evidence == .sourced ? first : "\(first) [\(assumption.evidence.rawValue)]"
    }

    /// Says so when the tax year asked for is later than the latest rates known (they hold until changed).
    private var ratesNote: String {
        guard let used = assumptions[.employerNIRate]?.effectivePeriod(for: taxYear), used != taxYear else { return "" }
        return "; National Insurance at \(used) rates, the latest known"
    }

    public var tables: [ReportTable] { [table] }

    /// The breakdown as a table with a basis and a source for every line.
    public var table: ReportTable {
        var table = ReportTable(
            title: "Employer cost of one Modern Slavery Coordinator post, per year (tax year \(taxYear)\(ratesNote))",
            columns: [.init("Line", key: "line"), .init("Pounds a year", key: "pounds"),
                      .init("Basis", key: "basis"), .init("Source", key: "source")])
        let fteText = fte == 1 ? "" : " x \(NumberText.plain(fte)) FTE"
        let budgetNote = rates.operationalBudget > 0
            ? " including a £\(NumberText.grouped(rates.operationalBudget, decimals: 0)) operational budget" : ""
        let salaryBasis = solvedFromTarget.map { "solved for a total of £\(NumberText.grouped($0, decimals: 2))\(budgetNote)" }
            ?? "full-time £\(NumberText.grouped(fullTimeSalary, decimals: 2))\(fteText)"
                + (payAdjustment?.sentence.map { ", \($0)" } ?? ", \(taxYear) pay")
        table.append([.text("Salary"), .pence(breakdown.salary), .text(salaryBasis), .text(source(of: .salary))])
        table.append([.text("Employer National Insurance"), .pence(breakdown.employerNI),
                      .text("\(NumberText.plain(rates.employerNIRate * 100))% above £\(NumberText.grouped(rates.niSecondaryThreshold, decimals: 0)); no Employment Allowance (councils cannot claim it)"),
                      .text(source(of: .employerNIRate))])
        table.append([.text("Employer pension (LGPS)"), .pence(breakdown.pension),
                      .text("\(NumberText.plain(rates.pensionRate * 100))% of salary"), .text(source(of: .pensionRate))])
        table.append([.text("Apprenticeship levy"), .pence(breakdown.apprenticeshipLevy),
                      .text(rates.apprenticeshipLevyRate == 0 ? "left out, as in the report" : "\(NumberText.plain(rates.apprenticeshipLevyRate * 100))% of salary"),
                      .text(source(of: .apprenticeshipLevyRate))])
        table.append([.text("Overheads"), .pence(breakdown.overheads),
                      .text(rates.overheadRate == 0 ? "left out, as in the report" : "\(NumberText.plain(rates.overheadRate * 100))% of salary"),
                      .text(source(of: .overheadRate))])
        table.append([.text("Employment cost"), .pence(breakdown.employmentCost), .text("the five lines above"), .empty])
        table.append([.text("Operational budget"), .pence(breakdown.operationalBudget),
                      .text("report's range £0 to £10,000"), .text(source(of: .operationalBudget))])
        table.append([.text("Total per post"), .pence(breakdown.total), .text("to the penny: £\(NumberText.grouped(Self.pennies(breakdown.total), decimals: 2))"), .empty])
        if let posts, let all = totalForPosts {
            table.append([.text("Total for \(NumberText.grouped(Double(posts), decimals: 0)) posts"), .pounds(all),
                          .text("\(posts) x total per post"), .empty])
        }
        table.notes = [
            "Acting Local (Human Trafficking Foundation, Jan 2025) gives £57,533 a post: salary £44,490.84, 2025-26 NI, 16% pension, no overheads or budget.",
            "Reproduce it with: msc cost --operational-budget 0. Full citations: msc assumptions.",
        ] + (appraisalBasisNote.map { [$0] } ?? [])

        return table
    }

    /// That this is the report's basis, not the appraisal's, with the rates the appraisal adds.
    var appraisalBasisNote: String? {
        guard let levy = assumptions[.appraisalApprenticeshipLevyRate],
              let overhead = assumptions[.appraisalOverheadRate] else { return nil }
        func percent(_ value: Double) -> String { NumberText.plain((value * 1000).rounded() / 10) + "%" }
        return "This is the report's basis, not the appraisal's: `msc run`, `compare` and `export` cost a post at full economic cost, adding the apprenticeship levy (\(percent(levy.value)) of salary, \(levy.evidence.rawValue)) and overheads (\(percent(overhead.value)) of salary, \(overhead.evidence.rawValue)) to the operational budget and the lines above, then optimism bias."
    }

    /// The breakdown as a JSON object (pounds per post per year, to the penny).
    public var json: JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("taxYear", .string(taxYear)),
            ("fte", .number(fte)),
            ("fullTimeSalary", .number(Self.pennies(fullTimeSalary))),
            ("salary", .number(Self.pennies(breakdown.salary))),
            ("employerNI", .number(Self.pennies(breakdown.employerNI))),
            ("pension", .number(Self.pennies(breakdown.pension))),
            ("apprenticeshipLevy", .number(Self.pennies(breakdown.apprenticeshipLevy))),
            ("overheads", .number(Self.pennies(breakdown.overheads))),
            ("employmentCost", .number(Self.pennies(breakdown.employmentCost))),
            ("operationalBudget", .number(Self.pennies(breakdown.operationalBudget))),
            ("total", .number(Self.pennies(breakdown.total))),
            // Each rate under the name of the assumption it is read from.
            ("rates", .object([
                (AssumptionName.employerNIRate.rawValue, .number(rates.employerNIRate)),
                (AssumptionName.niSecondaryThreshold.rawValue, .number(rates.niSecondaryThreshold)),
                (AssumptionName.pensionRate.rawValue, .number(rates.pensionRate)),
                (AssumptionName.apprenticeshipLevyRate.rawValue, .number(rates.apprenticeshipLevyRate)),
                (AssumptionName.overheadRate.rawValue, .number(rates.overheadRate)),
            ])),
        ]
        if let solvedFromTarget { pairs.append(("target", .number(solvedFromTarget))) }
        if let posts, let all = totalForPosts {
            pairs.append(("posts", .number(Double(posts))))
            pairs.append(("totalForPosts", .number(Self.pennies(all))))
        }
        pairs.append(("sources", .object(PostCostRates.assumptionNames.map { name in
            (name.rawValue, .string(userSet.contains(name.rawValue) ? "command line" : (assumptions[name]?.sources.first?.citation ?? "")))
        })))
        return .object(pairs)
    }
}
