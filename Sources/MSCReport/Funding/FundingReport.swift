import MSCModel
import MSCSimulation

/// How likely a scenario's posts are to survive their funding, and what each funder can expect to
/// pay (`msc funding`): exact values beside a Monte Carlo estimate (DESIGN 3.2).
public struct FundingReport: Report {
    /// The scenario whose funding mix is reported.
    public let scenario: Scenario
    /// Posts in the scenario's deployment in its first year.
    public let postCount: Int
    /// Posts in place in each year of the horizon, where councils are reorganised during it.
    public let postsByYear: [Int]
    /// Why the posts change during the horizon (councils replaced), from the scenario's plan.
    public let structureNotes: [String]
    /// Cost of all the scenario's posts in each year while funded, real pounds at the price base year.
    public let allPostsCostByYear: [Double]
    /// The exact expectation over the renewal distributions, when it has a closed form.
    public let analytic: FundingExpectation?
    /// The Monte Carlo estimate.
    public let simulated: FundingSimulationResult

    /// The posts grouped by how they are funded (``ScenarioFunding/groups``); shared posts whose
    /// councils each decide their own part are groups of their own. Empty: one group, as `analytic`.
    public let groups: [ScenarioFunding.Group]
    /// The most councils sharing one post (1 when none is shared).
    public let largestSharedPost: Int
    /// One full-time post as the council pays it and as the appraisal counts it (the funders'
    /// costs here are at full economic cost); nil leaves the reconciliation out.
    public var costBases: ScenarioPlan.PostCostBases?

    /// A report of the average post (`analytic`, `simulated`), with the groups it averages.
    public init(scenario: Scenario, postCount: Int, allPostsCostByYear: [Double], analytic: FundingExpectation?,
                simulated: FundingSimulationResult, groups: [ScenarioFunding.Group] = [], largestSharedPost: Int = 1,
                postsByYear: [Int]? = nil, structureNotes: [String] = []) {
        self.groups = groups
        self.largestSharedPost = largestSharedPost
        self.postsByYear = postsByYear ?? Array(repeating: postCount, count: allPostsCostByYear.count)
        self.structureNotes = structureNotes
        self.scenario = scenario
        self.postCount = postCount
        self.allPostsCostByYear = allPostsCostByYear
        self.analytic = analytic
        self.simulated = simulated
    }

    private var mix: FundingMix { scenario.funding }
    private var horizon: Int { scenario.horizonYears }
    /// One post's cost each year: the year's cost over the posts in place that year.
    private var perPostCostByYear: [Double] {
        zip(allPostsCostByYear, postsByYear).map { cost, posts in posts > 0 ? cost / Double(posts) : 0 }
    }

    private var lastYearPosts: Double { Double(postsByYear.last ?? postCount) }

    /// Funded post-years over the horizon: each year's chance a post is funded times the posts in place.
    private func postYears(_ survival: [Double]) -> Double {
        zip(survival, postsByYear).reduce(0) { $0 + $1.0 * Double($1.1) }
    }

    /// The best estimate: exact where available, else the Monte Carlo one.
    private var best: FundingExpectation { analytic ?? simulated.expectation }

    private var analyticMethod: String? {
        guard let analytic else { return nil }
        return mix.usesProductFormula ? "product" : (analytic.isExact ? "enumeration" : "grid")
    }

    /// The shared posts whose councils each decide their own part of a source.
    private var sharedGroups: [ScenarioFunding.Group] { groups.filter { $0.councils > 1 } }

    /// One row per funder: the sources, the host's absorbed shares, and any tolerated gap.
    private struct FunderLine {
        let label: String
        let kind: String
        let initialShare: Double
        let analyticPerPost: Double?
        let simulatedPerPost: Double
    }

    private var funderLines: [FunderLine] {
        let perPost = perPostCostByYear
        let exact = analytic?.costByFunder(postCostByYear: perPost)
        let estimated = simulated.expectation.costByFunder(postCostByYear: perPost)
        var lines: [FunderLine] = []
        for (index, label) in mix.funderLabels.enumerated() {
            let isHost = index == mix.hostAbsorbedIndex
            if isHost, mix.absorbProbability == 0 { continue }
            lines.append(FunderLine(label: label, kind: isHost ? "host-absorbed" : mix.sources[index].kind.rawValue,
                                    initialShare: isHost ? 0 : mix.sources[index].share,
                                    analyticPerPost: exact?[index], simulatedPerPost: estimated[index]))
        }
        let gapCost = analytic?.uncoveredCost(postCostByYear: perPost) ?? simulated.expectation.uncoveredCost(postCostByYear: perPost)
        if mix.gapTolerance > 0, gapCost >= 0.5 {
            lines.append(FunderLine(label: "Unfunded (a gap the post carries)", kind: "uncovered", initialShare: 0,
                                    analyticPerPost: analytic?.uncoveredCost(postCostByYear: perPost),
                                    simulatedPerPost: simulated.expectation.uncoveredCost(postCostByYear: perPost)))
        }
        return lines
    }

    // MARK: Tables

    /// The headline figures: chance of loss, funded post-years and expected posts at the horizon.
    public var summaryTable: ReportTable {
        var table = ReportTable(
            title: "Funding survival under \(scenario.name): \(postCount) post\(postCount == 1 ? "" : "s"), \(horizon) years (year 1 is the first)",
            columns: [.init("Measure", key: "measure"), .init("Analytic", key: "analytic"),
                      .init("Monte Carlo", key: "monteCarlo"), .init("MC std error", key: "standardError")])
        let lostExact = analytic.map { Cell.percent($0.probabilityLost, decimals: 2) } ?? .text("n/a")
        table.append([.text("Probability a post is lost within the horizon"), lostExact,
                      .percent(simulated.expectation.probabilityLost, decimals: 2),
                      .percent(simulated.probabilityLostStandardError, decimals: 2)])
        table.append([.text("Expected funded years per post"),
                      analytic.map { .number($0.expectedPostYears, decimals: 3) } ?? .text("n/a"),
                      .number(simulated.expectation.expectedPostYears, decimals: 3),
                      .number(simulated.expectedPostYearsStandardError, decimals: 3)])
        table.append([.text("Expected funded post-years, all posts"),
                      analytic.map { .number(postYears($0.survival), decimals: 1) } ?? .text("n/a"),
                      .number(postYears(simulated.expectation.survival), decimals: 1),
                      .number(simulated.expectedPostYearsStandardError * Double(postCount), decimals: 1)])
        if let ends = mix.programmeEndProbability(horizonYears: horizon) {
            // One national decision ends every post together: the chance a post is lost is the
            // chance they all are, so an expected count of posts would average all or nothing.
            table.append([.text("Probability the programme as a whole ends within the horizon (one national decision)"),
                          .percent(ends, decimals: 2), .empty, .empty])
            table.append([.text("Posts still funded in the last year, if it does not end"),
                          .integer(postsByYear.last ?? postCount), .empty, .empty])
        } else {
            table.append([.text("Expected posts still funded in the last year"),
                          analytic.map { .number(($0.survival.last ?? 1) * lastYearPosts, decimals: 1) } ?? .text("n/a"),
                          .number((simulated.expectation.survival.last ?? 1) * lastYearPosts, decimals: 1),
                          .number(simulated.probabilityLostStandardError * lastYearPosts, decimals: 1)])
        }
        table.notes = notes
        return table
    }

    /// The survival curve year by year.
    public var survivalTable: ReportTable {
        var table = ReportTable(
            title: "Chance a post is still funded, by year",
            columns: [.init("Year", key: "year"), .init("Analytic", key: "analytic"), .init("Monte Carlo", key: "monteCarlo"),
                      .init("MC std error", key: "standardError"), .init("Expected posts funded", key: "expectedPosts")])
        for year in 0..<horizon {
            table.append([.integer(year + 1), analytic.map { .number($0.survival[year], decimals: 4) } ?? .text("n/a"),
                          .number(simulated.expectation.survival[year], decimals: 4),
                          .number(simulated.survivalStandardError[year], decimals: 4),
                          .number(best.survival[year] * Double(postsByYear[year]), decimals: 1)])
        }
        return table
    }

    /// Expected cost to each funder over the horizon, per post and for all the scenario's posts.
    public var funderTable: ReportTable {
        var table = ReportTable(
            title: "Expected cost to each funder over \(horizon) years, real pounds at \(scenario.priceBaseYear) prices, undiscounted",
            columns: [.init("Funder", key: "funder"), .init("Share at start", key: "initialShare"),
                      .init("Per post, analytic", key: "perPostAnalytic"), .init("Per post, Monte Carlo", key: "perPostMonteCarlo"),
                      .init("All posts, analytic", key: "allPostsAnalytic"), .init("All posts, Monte Carlo", key: "allPostsMonteCarlo")])
        let posts = Double(postCount)
        for line in funderLines {
            table.append([.text(line.label), line.kind == "uncovered" || line.kind == "host-absorbed" ? .empty : .percent(line.initialShare, decimals: 1),
                          line.analyticPerPost.map { .pounds($0) } ?? .text("n/a"), .pounds(line.simulatedPerPost),
                          line.analyticPerPost.map { .pounds($0 * posts) } ?? .text("n/a"), .pounds(line.simulatedPerPost * posts)])
        }
        let paid = funderLines.filter { $0.kind != "uncovered" }
        let exactTotal = analytic == nil ? nil : paid.reduce(0) { $0 + ($1.analyticPerPost ?? 0) }
        let simulatedTotal = paid.reduce(0) { $0 + $1.simulatedPerPost }
        table.append([.text("All funders"), .percent(1, decimals: 1), exactTotal.map { .pounds($0) } ?? .text("n/a"),
                      .pounds(simulatedTotal), exactTotal.map { .pounds($0 * posts) } ?? .text("n/a"), .pounds(simulatedTotal * posts)])
        let fullCost = allPostsCostByYear.reduce(0, +)
        var notes = ["Costs are full economic costs, as the appraisal counts them (before optimism bias). If every post lasted the horizon the posts would cost £\(NumberText.grouped(fullCost, decimals: 0)) (£\(NumberText.grouped(posts > 0 ? fullCost / posts : 0, decimals: 0)) a post over \(horizon) years)."]
        if let costBases {
            notes.append("A full-time post costs £\(NumberText.grouped(costBases.fullEconomic.total, decimals: 0)) a year at full economic cost in \(costBases.taxYear), of which the council's cash cost is £\(NumberText.grouped(costBases.cash.total, decimals: 0)) (the last table reconciles them line by line).")
        }
        table.notes = notes
        return table
    }

    /// Each shared post whose councils decide their own parts: its councils, its decisions and the
    /// chance it is lost, beside the posts of one council (nil when there is none).
    public var sharedPostsTable: ReportTable? {
        let shared = sharedGroups
        guard !shared.isEmpty else { return nil }
        var table = ReportTable(
            title: "Shared posts: each council decides its own part, so a post faces one decision per council",
            columns: [.init("Post", key: "post"), .init("Posts", key: "posts"), .init("Councils paying", key: "councils"),
                      .init("Funding decisions per post", key: "decisions"), .init("Lost within horizon, analytic", key: "probabilityLostAnalytic"),
                      .init("Monte Carlo", key: "probabilityLostMonteCarlo"), .init("MC std error", key: "standardError")])
        for group in groups where group.posts > 0 {
            table.append([.text(group.name), .integer(group.posts), .integer(group.councils), .integer(group.decisions),
                          group.analytic.map { .percent($0.probabilityLost, decimals: 2) } ?? .text("n/a"),
                          .percent(group.simulated.expectation.probabilityLost, decimals: 2),
                          .percent(group.simulated.probabilityLostStandardError, decimals: 2)])
        }
        table.notes = ["Each council's part is the source's share times the council's share of the post's cost. The post is lost once more than \(NumberText.plain(mix.gapTolerance * 100))% of its cost is uncovered, so a council whose part is larger than that ends the post by dropping out, and smaller parts end it only together."]
        return table
    }

    /// The lines under the summary: the rule, the method, the sources of the renewal chances.
    public var notes: [String] {
        var lines: [String] = []
        let sources = mix.sources.map { source in
            "\(source.label) \(NumberText.plain((source.share * 1000).rounded() / 10))%, renewed every \(source.termYears) year\(source.termYears == 1 ? "" : "s") with probability \(source.renewal.distribution.summary == "fixed" ? NumberText.plain(source.renewal.value) : source.renewal.distribution.summary) (mean \(NumberText.fixed(source.renewal.distribution.mean, decimals: 3)); \(source.renewal.name.contains(".") ? "given in the scenario" : source.renewal.name), \(source.renewal.evidence.rawValue))"
        }
        lines.append("Funding: " + sources.joined(separator: "; ") + ".")
        lines.append("Who decides: " + mix.sources.map { "\($0.label): \($0.decision.phrase(for: $0.kind))" }.joined(separator: "; ") + ".")
        lines += structureNotes
        if Set(postsByYear).count > 1 {
            lines.append("Posts in place change during the horizon (\(postsByYear.map(String.init).joined(separator: ", ")) by year): yearly figures use each year's posts; the per-post funder costs divide each year's cost by that year's posts, and the all-posts funder totals multiply them by the first year's \(postCount).")
        }
        if mix.usesProductFormula {
            lines.append("Any lapse ends the post (nothing absorbed, no gap tolerated): S(t) = product over decisions of E[q^floor(t/T)] (one factor for each council's part of a source decided per council), exact.")
        } else {
            lines.append("A lapsed external share is taken over by the host with probability \(NumberText.plain(mix.absorbProbability)); the post is lost when more than \(NumberText.plain(mix.gapTolerance * 100))% of its cost is unfunded. A post whose funding lapses at the end of a term stops costing and delivering from the next year and is not re-created within the horizon.")
            if let analytic {
                lines.append("Analytic: a lapse is permanent, so a post is alive in year t exactly when the share uncovered by then is within the gap; each decision is then renewed (E[q^k]), lapsed and absorbed, or lapsed and uncovered, independently, and the chance is summed over every combination of uncovered shares"
                             + (analytic.isExact ? "; exact."
                                : "; exact for posts with up to \(NumberText.plain(Double(UncoveredSharesGrid.exactParts))) decisions smaller than the gap, and for larger ones with the shares rounded up to 1/\(NumberText.plain(Double(UncoveredSharesGrid.steps))) of the gap, which can only understate survival."))
            }
        }
        if analytic == nil {
            lines.append("Analytic: not available (a renewal distribution without closed-form moments); Monte Carlo only.")
        }
        for source in mix.sources where source.decidedNationally {
            lines.append("\(source.label) is decided nationally: one decision every \(source.termYears) year\(source.termYears == 1 ? "" : "s") renews or ends it for all \(postCount) posts together, so the chance a post is lost is the chance that they all are, not the share of posts lost.")
        }
        if let note = mix.sharedPostDecisionNote(largestSharedPost: largestSharedPost) {
            lines.append(note + (sharedGroups.isEmpty ? "" : " The shared posts table gives each one's chance of being lost."))
        }
        lines.append("Monte Carlo: \(NumberText.grouped(Double(simulated.runs), decimals: 0)) simulated posts\(groups.count > 1 ? " of each group" : ""), each decision drawing its own renewal probability from its distribution; seed \(simulated.seed).")
        if !sharedGroups.isEmpty {
            lines.append("Here each council's renewal probability is its own draw. In run, compare and export the uncertainty is about councils' budgets in general, so one draw of each renewal probability per iteration serves every council, and the councils sharing a post are more alike there: the appraisal's Monte Carlo mean can differ from these figures by more than their Monte Carlo error.")
        }
        return lines
    }

    private typealias Cell = ReportTable.Cell

    /// The tables in order, for text, Markdown and CSV output.
    public var tables: [ReportTable] {
        [summaryTable, sharedPostsTable, survivalTable, funderTable, costBases.map(PostCostReconciliation.table)].compactMap { $0 }
    }

    // MARK: JSON

    private func block(_ expectation: FundingExpectation, standardErrors: FundingSimulationResult?) -> JSONValue {
        let perPost = perPostCostByYear
        let costs = expectation.costByFunder(postCostByYear: perPost)
        var funders: [JSONValue] = []
        for (index, label) in mix.funderLabels.enumerated() {
            let isHost = index == mix.hostAbsorbedIndex
            funders.append(.object([
                ("funder", .string(label)),
                ("kind", .string(isHost ? "host-absorbed" : mix.sources[index].kind.rawValue)),
                ("initialShare", .number(isHost ? 0 : mix.sources[index].share)),
                ("perPost", .number(ShareReport.pennies(costs[index]))),
                ("allPosts", .number(ShareReport.pennies(costs[index] * Double(postCount)))),
            ]))
        }
        let uncovered = expectation.uncoveredCost(postCostByYear: perPost)
        funders.append(.object([
            ("funder", .string("Unfunded (a gap the post carries)")), ("kind", .string("uncovered")),
            ("initialShare", .number(0)), ("perPost", .number(ShareReport.pennies(uncovered))),
            ("allPosts", .number(ShareReport.pennies(uncovered * Double(postCount)))),
        ]))
        var pairs: [(String, JSONValue)] = [
            ("survival", .numbers(expectation.survival)),
            ("probabilityLost", .number(expectation.probabilityLost)),
            ("expectedPostYears", .number(expectation.expectedPostYears)),
            ("expectedPostYearsAllPosts", .number(expectation.expectedPostYears * Double(postCount))),
            ("costByFunder", .array(funders)),
        ]
        if let standardErrors {
            pairs.append(("survivalStandardError", .numbers(standardErrors.survivalStandardError)))
            pairs.append(("expectedPostYearsStandardError", .number(standardErrors.expectedPostYearsStandardError)))
            pairs.append(("runs", .number(Double(standardErrors.runs))))
            pairs.append(("seed", .number(Double(standardErrors.seed))))
        }
        return .object(pairs)
    }

    /// The report as JSON: the best estimate at the top level (exact where available, else Monte
    /// Carlo; `estimate` says which), then both methods in full.
    public var json: JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("scenario", .string(scenario.name)),
            ("horizonYears", .number(Double(horizon))),
            ("posts", .number(Double(postCount))),
            ("priceBaseYear", .string(scenario.priceBaseYear)),
            ("estimate", .string(analytic == nil ? "monte-carlo" : "analytic")),
            ("programmeEndProbability", mix.programmeEndProbability(horizonYears: horizon).map { .number($0) } ?? .null),
        ]
        if case .object(let bestPairs) = block(best, standardErrors: nil) { pairs += bestPairs }
        pairs.append(("analyticMethod", analyticMethod.map { .string($0) } ?? .null))
        pairs.append(("analytic", analytic.map { block($0, standardErrors: nil) } ?? .null))
        pairs.append(("monteCarlo", block(simulated.expectation, standardErrors: simulated)))
        pairs.append(("allPostsCostByYear", .numbers(allPostsCostByYear.map(ShareReport.pennies))))
        pairs.append(("costBasis", .string("full economic cost")))
        if let costBases {
            pairs.append(("postCostBases", PostCostReconciliation.json(costBases)))
        }
        pairs.append(("decisions", .array(mix.sources.map { .object([("funder", .string($0.label)), ("decided", .string($0.decision.rawValue))]) })))
        pairs.append(("groups", .array(groups.map { group in
            .object([("post", .string(group.name)), ("posts", .number(Double(group.posts))), ("councils", .number(Double(group.councils))),
                     ("decisionsPerPost", .number(Double(group.decisions))),
                     ("probabilityLostAnalytic", group.analytic.map { .number($0.probabilityLost) } ?? .null),
                     ("probabilityLostMonteCarlo", .number(group.simulated.expectation.probabilityLost)),
                     ("probabilityLostStandardError", .number(group.simulated.probabilityLostStandardError))])
        })))
        pairs.append(("notes", .array(notes.map { .string($0) })))
        return .object(pairs)
    }
}
