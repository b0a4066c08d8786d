import MSCModel

/// What each council in an area pays towards a shared coordinator post and what it saves against
/// a post of its own, with the coverage it gets (`msc share`), for people and for scripts.
public struct ShareReport {
    /// The scenario the posts come from.
    public let scenario: Scenario
    /// The scenario's posts and coverage.
    public let deployment: Deployment
    /// The area's rows.
    public let shares: AreaShares
    /// The tax year of the National Insurance rates used.
    public let taxYear: String
    /// Full-time salary the posts are costed at, pounds a year.
    public let fullTimeSalary: Double
    /// Operational budget per coordinator, pounds a year.
    public let operationalBudget: Double
    /// FTE of the post of its own each council is compared with.
    public let ownPostFTE: Double

    public init(scenario: Scenario, deployment: Deployment, shares: AreaShares, taxYear: String, fullTimeSalary: Double,
                operationalBudget: Double, ownPostFTE: Double) {
        self.scenario = scenario
        self.deployment = deployment
        self.shares = shares
        self.taxYear = taxYear
        self.fullTimeSalary = fullTimeSalary
        self.operationalBudget = operationalBudget
        self.ownPostFTE = ownPostFTE
    }

    static func pennies(_ value: Double) -> Double { (value * 100).rounded() / 100 }

    private var areaTitle: String {
        shares.area.kind == .authority ? shares.area.name : "\(shares.area.name) (\(shares.area.kind.label))"
    }

    private var postWord: String { shares.posts.count == 1 ? "the post" : "the \(shares.posts.count) posts" }

    /// One row per council and post, then a total.
    public var table: ReportTable {
        var table = ReportTable(
            title: "\(areaTitle): each council's share of \(postWord) serving it under \(scenario.name), pounds a year (tax year \(taxYear))",
            columns: [.init("Council", key: "name"), .init("Code", key: "code"), .init("Tier", key: "tier"),
                      .init("Population", key: "population"), .init("Post", key: "post"),
                      .init("Cost share", key: "costShare"), .init("Pays a year", key: "annualCost"),
                      .init("Own post a year", key: "ownPostAnnualCost"), .init("Saving a year", key: "saving"),
                      .init("FTE serving", key: "fteServing"), .init("Coverage", key: "coverage"),
                      .init("Coverage with own post", key: "ownPostCoverage")])
        for row in shares.rows {
            table.append([.text(row.name), .text(row.code), .text(row.tier.label), .integer(row.population),
                          row.postName.map { .text($0) } ?? .text("no post"),
                          .percent(row.costShare, decimals: 2), .pounds(row.annualCost), .pounds(row.ownPostAnnualCost),
                          .pounds(row.saving), .number(row.fteServing, decimals: 3), .percent(row.coverage, decimals: 1),
                          .percent(row.ownPostCoverage, decimals: 1)])
        }
        let paid = shares.rows.reduce(0) { $0 + $1.annualCost }
        let own = Double(Set(shares.rows.map(\.code)).count) * (shares.rows.first?.ownPostAnnualCost ?? 0)
        let councils = Set(shares.rows.map(\.code)).count
        table.append([.text(councils == 1 ? "1 council" : "All \(councils) councils"), .empty, .empty, .empty, .empty, .empty,
                      .pounds(paid), .pounds(own), .pounds(own - paid), .empty, .empty, .empty])
        table.notes = notes
        return table
    }

    /// The lines under the table: the posts, how shares and coverage are worked out, who funds.
    public var notes: [String] {
        var lines: [String] = []
        for post in shares.posts {
            let host = post.members.first { $0.code == post.hostCode }?.name ?? post.hostCode
            lines.append("\(post.name): \(NumberText.grouped(post.fte, decimals: 2)) FTE hosted by \(host), serving \(post.members.count) council\(post.members.count == 1 ? "" : "s") and \(NumberText.grouped(Double(post.residentsServed), decimals: 0)) residents; costs £\(NumberText.grouped(shares.postAnnualCost[post.id] ?? 0, decimals: 0)) a year.")
            let outside = post.members.filter { member in !shares.area.members.contains { $0.code == member.code } }
            if !outside.isEmpty {
                lines.append("  It also serves, outside \(shares.area.name): \(outside.map(\.name).joined(separator: ", ")).")
            }
        }
        if !shares.unservedCodes.isEmpty {
            lines.append("\(shares.unservedCodes.count) council(s) in the area have no post under this scenario.")
        }
        lines.append("Cost: full-time salary £\(NumberText.grouped(fullTimeSalary, decimals: 2)), employer NI and pension for \(taxYear), operational budget £\(NumberText.grouped(operationalBudget, decimals: 0)) a person (msc cost shows the lines). A post of its own is \(NumberText.plain(ownPostFTE)) FTE.")
        lines.append(sharingNote)
        let coverage = deployment.coverageParameters
        lines.append("Coverage = min(1, FTE serving per 100,000 residents / \(NumberText.plain(coverage.benchmarkFTEPer100kResidents)))^\(NumberText.plain(coverage.elasticity)) (Assumptions/sharing.yaml); FTE serving = post FTE x the council's share of the residents the post serves.")
        lines.append(fundingNote)
        return lines
    }

    private var sharingNote: String {
        switch deployment.sharing {
        case .equal: return "Shared posts are split equally among the councils they serve."
        case .population:
            return "Shared posts are split by population; a county council stands for all its districts' residents, so in a county area it pays half and the districts share the other half."
        case .referrals:
            return "Shared posts are split by adult NRM referrals; no per-council referral counts are published, so expected referrals (population x the national LA rate) are used, which gives the population split."
        }
    }

    private var fundingNote: String {
        let mix = scenario.funding.initialShareByKind
        let local = mix.filter { $0.kind == .laCoreBudget }.reduce(0) { $0 + $1.share }
        let others = mix.filter { $0.kind != .laCoreBudget }
            .map { "\($0.kind.label) \(NumberText.plain(($0.share * 1000).rounded() / 10))%" }
        if local == 0 {
            return "The amounts are each council's share of the whole cost; under the scenario's funding mix it is all paid by " + others.joined(separator: ", ") + ", so councils pay none of it themselves (msc funding shows the renewal risk)."
        }
        if others.isEmpty { return "The amounts are each council's share of the whole cost; the scenario funds posts entirely from council budgets." }
        return "The amounts are each council's share of the whole cost. Under the scenario's funding mix \(NumberText.plain((local * 1000).rounded() / 10))% comes from council budgets and the rest from " + others.joined(separator: ", ") + " (msc funding shows the renewal risk)."
    }

    /// The report as JSON: the area, the posts, one row per council and post, totals and notes.
    public var json: JSONValue {
        let rows: [JSONValue] = shares.rows.map { row in
            .object([
                ("code", .string(row.code)), ("name", .string(row.name)), ("tier", .string(row.tier.rawValue)),
                ("population", .number(Double(row.population))),
                ("postId", row.postID.map { .string($0) } ?? .null), ("post", row.postName.map { .string($0) } ?? .null),
                ("costShare", .number(row.costShare)), ("annualCost", .number(Self.pennies(row.annualCost))),
                ("ownPostAnnualCost", .number(Self.pennies(row.ownPostAnnualCost))), ("saving", .number(Self.pennies(row.saving))),
                ("fteServing", .number(row.fteServing)), ("coverage", .number(row.coverage)),
                ("ownPostCoverage", .number(row.ownPostCoverage)),
            ])
        }
        let posts: [JSONValue] = shares.posts.map { post in
            .object([
                ("id", .string(post.id)), ("name", .string(post.name)), ("hostCode", .string(post.hostCode)),
                ("fte", .number(post.fte)), ("residentsServed", .number(Double(post.residentsServed))),
                ("annualCost", .number(Self.pennies(shares.postAnnualCost[post.id] ?? 0))),
                ("members", .array(post.members.map { member in
                    .object([("code", .string(member.code)), ("name", .string(member.name)),
                             ("costShare", .number(member.costShare))])
                })),
            ])
        }
        return .object([
            ("scenario", .string(scenario.name)),
            ("area", .object([("name", .string(shares.area.name)), ("kind", .string(shares.area.kind.scenarioWord)),
                              ("code", shares.area.code.map { .string($0) } ?? .null)])),
            ("sharing", .string(deployment.sharing.rawValue)),
            ("taxYear", .string(taxYear)),
            ("posts", .array(posts)),
            ("rows", .array(rows)),
            ("notes", .array(notes.map { .string($0) })),
        ])
    }
}
