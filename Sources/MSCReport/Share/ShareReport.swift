import MSCModel
import MSCSimulation

/// What each council in an area pays towards a shared coordinator post once every funder has
/// paid its part, what a post of its own would cost it under the same funding, and what each
/// buys in additional identifications (`msc share`), for people and for scripts.
public struct ShareReport: Report {
    /// The scenario the posts come from.
    public let scenario: Scenario
    /// The scenario's posts and coverage.
    public let deployment: Deployment
    /// The area's rows (gross: the council's share of the whole cost of each post).
    public let shares: AreaShares
    /// The tax year of the National Insurance rates used.
    public let taxYear: String
    /// Full-time salary the posts are costed at, pounds a year.
    public let fullTimeSalary: Double
    /// How that salary was brought to the tax year by the pay awards (none when it was not).
    public let salaryAdjustment: PayAdjustment
    /// Operational budget per coordinator of the shared posts, pounds a year.
    public let operationalBudget: Double
    /// Operational budget of a post of its own, pounds a year (the shared post's may carry a hub's travel).
    public let ownPostOperationalBudget: Double
    /// FTE of the post of its own each council is compared with.
    public let ownPostFTE: Double
    /// Adult identifications a year each council makes without a post, by ONS code.
    public let baselineIdentifications: [String: Double]
    /// The central uplift the scenario's model applies: rate ratio at full coverage and displacement.
    public let uplift: ScenarioPlan.CentralUplift
    /// One full-time post at these rates, as the council pays it and as the appraisal counts it.
    public let costBases: ScenarioPlan.PostCostBases

    public init(scenario: Scenario, deployment: Deployment, shares: AreaShares, taxYear: String, fullTimeSalary: Double,
                salaryAdjustment: PayAdjustment? = nil, operationalBudget: Double, ownPostOperationalBudget: Double? = nil, ownPostFTE: Double,
                baselineIdentifications: [String: Double], uplift: ScenarioPlan.CentralUplift,
                costBases: ScenarioPlan.PostCostBases) {
        self.scenario = scenario
        self.deployment = deployment
        self.shares = shares
        self.taxYear = taxYear
        self.fullTimeSalary = fullTimeSalary
        self.salaryAdjustment = salaryAdjustment ?? .none(in: taxYear)
        self.operationalBudget = operationalBudget
        self.ownPostOperationalBudget = ownPostOperationalBudget ?? operationalBudget
        self.ownPostFTE = ownPostFTE
        self.baselineIdentifications = baselineIdentifications
        self.uplift = uplift
        self.costBases = costBases
    }

    static func pennies(_ value: Double) -> Double { (value * 100).rounded() / 100 }

    private typealias Cell = ReportTable.Cell

    private var areaTitle: String {
        shares.area.kind == .authority ? shares.area.name : "\(shares.area.name) (\(shares.area.kind.label))"
    }

    private var postWord: String { shares.posts.count == 1 ? "the post" : "the \(shares.posts.count) posts" }

    // MARK: Who pays

    /// The funders other than the councils' own budgets, with the share of a post's cost each pays at the start.
    public var otherFunders: [(kind: FundingSourceKind, share: Double)] {
        scenario.funding.initialShareByKind.filter { !$0.kind.isCouncilBudget }
    }

    /// The share of a post's cost the councils pay from their own core budgets at the start
    /// (``FundingMix/councilBudgetShare``; the public health grant is a funder of its own).
    public var councilBudgetShare: Double { scenario.funding.councilBudgetShare }

    /// One council's figures: gross share, each funder's part, its own net cost, the same for a
    /// post of its own, and what each buys.
    public struct CouncilLine: Sendable {
        public let code: String
        public let name: String
        public let tier: AuthorityTier
        /// The posts it shares (names), empty when none serves it.
        public let postNames: [String]
        /// Its share of each post's cost (one per post; a council in two posts has two).
        public let costShares: [Double]
        /// Its share of the whole cost of the posts serving it, pounds a year (all funders).
        public let grossAnnualCost: Double
        /// What the council pays from its own budget, pounds a year.
        public let netAnnualCost: Double
        /// The whole cost of a post of its own, pounds a year.
        public let ownPostGrossAnnualCost: Double
        /// What the council would pay for a post of its own under the same funding, pounds a year.
        public let ownPostNetAnnualCost: Double
        /// Coverage shared and with a post of its own.
        public let coverage: Double
        public let ownPostCoverage: Double
        /// Additional identifications a year at full effect, net of displacement, shared and with a
        /// post of its own (``IdentificationUplift/councilAdditionalIdentifications(baselinePerYear:coverage:netUplift:)``).
        public let additionalIdentifications: Double
        public let ownPostAdditionalIdentifications: Double

        /// What sharing saves the council's own budget a year.
        public var netSaving: Double { ownPostNetAnnualCost - netAnnualCost }
        /// Whole cost (all funders) per additional identification, shared and own; nil when none.
        public var costPerAdditionalIdentification: Double? {
            additionalIdentifications > 0 ? grossAnnualCost / additionalIdentifications : nil
        }
        public var ownPostCostPerAdditionalIdentification: Double? {
            ownPostAdditionalIdentifications > 0 ? ownPostGrossAnnualCost / ownPostAdditionalIdentifications : nil
        }
    }

    /// One line per council in the area, in area order.
    public var councils: [CouncilLine] {
        var order: [String] = []
        var rowsByCode: [String: [AreaShares.Row]] = [:]
        for row in shares.rows {
            if rowsByCode[row.code] == nil { order.append(row.code) }
            rowsByCode[row.code, default: []].append(row)
        }
        let local = councilBudgetShare
        return order.map { code in
            let rows = rowsByCode[code]!
            let first = rows[0]
            let gross = rows.reduce(0) { $0 + $1.annualCost }
            let baseline = baselineIdentifications[code] ?? 0
            func extra(_ coverage: Double) -> Double {
                IdentificationUplift.councilAdditionalIdentifications(baselinePerYear: baseline, coverage: coverage,
                                                                      netUplift: uplift.net)
            }
            return CouncilLine(code: code, name: first.name, tier: first.tier, postNames: rows.compactMap(\.postName),
                               costShares: rows.filter { $0.postID != nil }.map(\.costShare), grossAnnualCost: gross,
                               netAnnualCost: gross * local, ownPostGrossAnnualCost: first.ownPostAnnualCost,
                               ownPostNetAnnualCost: first.ownPostAnnualCost * local, coverage: first.coverage,
                               ownPostCoverage: first.ownPostCoverage, additionalIdentifications: extra(first.coverage),
                               ownPostAdditionalIdentifications: extra(first.ownPostCoverage))
        }
    }

    private static func shareText(_ shares: [Double]) -> Cell {
        shares.isEmpty ? .text("no post") : shares.count == 1 ? .percent(shares[0], decimals: 2)
            : .text(shares.map { NumberText.fixed($0 * 100, decimals: 2) + "%" }.joined(separator: " + "))
    }

    /// Who pays: each council's share of the post, each funder's part of it, what the council
    /// pays itself, and the same for a post of its own.
    public var paymentTable: ReportTable {
        var columns: [ReportTable.Column] = [.init("Council", key: "name"), .init("Share of post", key: "costShare"),
                                             .init("Its part of the cost", key: "grossAnnualCost")]
        for funder in otherFunders {
            columns.append(.init("\(funder.kind.label) pays", key: "paidBy-\(funder.kind.rawValue)"))
        }
        columns += [.init("Council pays (net)", key: "netAnnualCost"), .init("Own post's whole cost", key: "ownPostGrossAnnualCost"),
                    .init("Own post: council pays", key: "ownPostNetAnnualCost"), .init("Saving to the council", key: "netSaving")]
        var table = ReportTable(
            title: "\(areaTitle) under \(scenario.name): who pays for \(postWord), council's cash cost in pounds a year (tax year \(taxYear))",
            columns: columns)
        let lines = councils
        for line in lines {
            var row: [Cell] = [.text(line.name), Self.shareText(line.costShares), .pounds(line.grossAnnualCost)]
            for funder in otherFunders { row.append(.pounds(line.grossAnnualCost * funder.share)) }
            row += [.pounds(line.netAnnualCost), .pounds(line.ownPostGrossAnnualCost), .pounds(line.ownPostNetAnnualCost),
                    .pounds(line.netSaving)]
            table.append(row)
        }
        let gross = lines.reduce(0) { $0 + $1.grossAnnualCost }
        var total: [Cell] = [.text(lines.count == 1 ? "1 council" : "All \(lines.count) councils"), .empty, .pounds(gross)]
        for funder in otherFunders { total.append(.pounds(gross * funder.share)) }
        total += [.pounds(lines.reduce(0) { $0 + $1.netAnnualCost }), .pounds(lines.reduce(0) { $0 + $1.ownPostGrossAnnualCost }),
                  .pounds(lines.reduce(0) { $0 + $1.ownPostNetAnnualCost }),
                  .pounds(lines.reduce(0) { $0 + $1.netSaving })]
        table.append(total)
        table.notes = paymentNotes
        return table
    }

    /// What sharing buys: coverage, additional identifications a year and the cost of each, shared and own.
    public var benefitTable: ReportTable {
        var table = ReportTable(
            title: "\(areaTitle) under \(scenario.name): what sharing buys against a post of its own, a year at full effect, net of displacement",
            columns: [.init("Council", key: "name"), .init("Coverage shared", key: "coverage"),
                      .init("Coverage own post", key: "ownPostCoverage"),
                      .init("Extra identifications shared", key: "additionalIdentifications"),
                      .init("Extra identifications own post", key: "ownPostAdditionalIdentifications"),
                      .init("Cost per extra identification shared", key: "costPerAdditionalIdentification"),
                      .init("Cost per extra identification own post", key: "ownPostCostPerAdditionalIdentification")])
        let lines = councils
        for line in lines {
            table.append([.text(line.name), .percent(line.coverage, decimals: 1), .percent(line.ownPostCoverage, decimals: 1),
                          .number(line.additionalIdentifications, decimals: 2), .number(line.ownPostAdditionalIdentifications, decimals: 2),
                          line.costPerAdditionalIdentification.map { .pounds($0) } ?? .text("none"),
                          line.ownPostCostPerAdditionalIdentification.map { .pounds($0) } ?? .text("none")])
        }
        let extra = lines.reduce(0) { $0 + $1.additionalIdentifications }
        let ownExtra = lines.reduce(0) { $0 + $1.ownPostAdditionalIdentifications }
        let gross = lines.reduce(0) { $0 + $1.grossAnnualCost }
        let ownGross = lines.reduce(0) { $0 + $1.ownPostGrossAnnualCost }
        table.append([.text(lines.count == 1 ? "1 council" : "All \(lines.count) councils"), .empty, .empty,
                      .number(extra, decimals: 2), .number(ownExtra, decimals: 2),
                      extra > 0 ? .pounds(gross / extra) : .text("none"), ownExtra > 0 ? .pounds(ownGross / ownExtra) : .text("none")])
        table.notes = [
            "Extra identifications = adult identifications a year without a post x (rate ratio at full coverage \(NumberText.fixed(uplift.fullCoverageRateRatio, decimals: 2)) - 1) x (1 - displacement \(NumberText.plain((uplift.displacementShare * 1000).rounded() / 10))%) x coverage, at full effect (after the ramp-up), with the post funded: referrals other first responders would have made anyway are not counted. The ratio is the one measured in today's host councils scaled up by their coverage. These are additional NRM referrals and Duty to Notify reports, not confirmed victims. The same figure is in the pack's authority table and the web page's council card.",
            "Cost per extra identification = the whole cost of the council's part of the post (all funders) / its extra identifications; for a post of its own, the whole cost of that post.",
            "Coverage = min(1, FTE serving per 100,000 residents / \(NumberText.fixed(deployment.coverageParameters.benchmarkFTEPer100kResidents, decimals: 3)))^\(NumberText.plain(deployment.coverageParameters.elasticity)) (Assumptions/sharing.yaml); FTE serving = post FTE x the council's share of the residents the post serves.",
        ]
        return table
    }

    /// The tables in order, for text, Markdown and CSV output.
    public var tables: [ReportTable] { [paymentTable, benefitTable, PostCostReconciliation.table(costBases)] }

    /// The single table earlier versions printed: who pays (kept for callers that want one table).
    public var table: ReportTable { paymentTable }

    /// The lines under the payment table: the posts, how shares are worked out, who funds, how the own post is costed.
    public var paymentNotes: [String] {
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
        lines.append(fundingNote)
        if let note = scenario.funding.sharedPostDecisionNote(largestSharedPost: shares.posts.map(\.members.count).max() ?? 1) {
            lines.append("Renewal: \(note) msc funding gives the chance each shared post is lost.")
        }
        lines.append(sharingNote)
        let budget = "operational budget £\(NumberText.grouped(operationalBudget, decimals: 0)) a person"
        let own = ownPostOperationalBudget == operationalBudget ? ""
            : " A post of its own is costed with the operational budget of £\(NumberText.grouped(ownPostOperationalBudget, decimals: 0)) a council post has, not the shared post's £\(NumberText.grouped(operationalBudget, decimals: 0)) (the scenario's override for a post covering a wide area)."
        let pay = salaryAdjustment.sentence.map { ", \($0)," } ?? " (\(taxYear) pay),"
        lines.append("Cost: full-time salary £\(NumberText.grouped(fullTimeSalary, decimals: 2))\(pay) employer NI and pension for \(taxYear), \(budget) (msc cost shows the lines). These are the council's cash costs (£\(NumberText.grouped(costBases.cash.total, decimals: 0)) a full-time post); the appraisal counts the full economic cost, £\(NumberText.grouped(costBases.fullEconomic.total, decimals: 0)), reconciled in the last table. A post of its own is \(NumberText.plain(ownPostFTE)) FTE under the same funding mix.\(own)")
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
        let local = councilBudgetShare
        let others = otherFunders.map { "\($0.kind.label) \(NumberText.plain(($0.share * 1000).rounded() / 10))%" }
        if local == 0 {
            return "Funding: " + others.joined(separator: ", ") + " of each post, so the councils pay nothing from their own budgets while that funding lasts (msc funding shows the renewal risk)."
        }
        if others.isEmpty { return "Funding: each council pays its whole share from its own budget." }
        let publicHealth = otherFunders.contains { $0.kind == .publicHealth }
            ? " The public health grant is the Department of Health and Social Care's ring-fenced grant to upper-tier councils: in a two-tier area the county council's grant pays that part for its districts, which pay only their core-budget part."
            : ""
        return "Funding at the start: councils' own core budgets \(NumberText.plain((local * 1000).rounded() / 10))%, " + others.joined(separator: ", ")
            + "; each funder pays that share of every council's part (msc funding shows the renewal risk and who picks up a lapsed share)." + publicHealth
    }

    /// The report as JSON: the area, the posts, one line per council, totals and notes.
    public var json: JSONValue {
        let rows: [JSONValue] = councils.map { line in
            .object([
                ("code", .string(line.code)), ("name", .string(line.name)), ("tier", .string(line.tier.rawValue)),
                ("posts", .array(line.postNames.map { .string($0) })),
                ("costShares", .numbers(line.costShares)),
                ("grossAnnualCost", .number(Self.pennies(line.grossAnnualCost))),
                ("paidBy", .object(otherFunders.map { ($0.kind.rawValue, .number(Self.pennies(line.grossAnnualCost * $0.share))) })),
                ("netAnnualCost", .number(Self.pennies(line.netAnnualCost))),
                ("ownPostGrossAnnualCost", .number(Self.pennies(line.ownPostGrossAnnualCost))),
                ("ownPostNetAnnualCost", .number(Self.pennies(line.ownPostNetAnnualCost))),
                ("netSaving", .number(Self.pennies(line.netSaving))),
                ("coverage", .number(line.coverage)), ("ownPostCoverage", .number(line.ownPostCoverage)),
                ("additionalIdentificationsPerYear", .number(line.additionalIdentifications)),
                ("ownPostAdditionalIdentificationsPerYear", .number(line.ownPostAdditionalIdentifications)),
                ("costPerAdditionalIdentification", line.costPerAdditionalIdentification.map { .number(Self.pennies($0)) } ?? .null),
                ("ownPostCostPerAdditionalIdentification", line.ownPostCostPerAdditionalIdentification.map { .number(Self.pennies($0)) } ?? .null),
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
            ("councilBudgetShare", .number(councilBudgetShare)),
            ("costBasis", .string("council's cash cost")),
            ("postCostBases", PostCostReconciliation.json(costBases)),
            ("posts", .array(posts)),
            ("councils", .array(rows)),
            // One row per council and post, gross, as earlier versions gave it (the web page reads these).
            ("rows", .array(shares.rows.map { row in
                .object([
                    ("code", .string(row.code)), ("name", .string(row.name)), ("tier", .string(row.tier.rawValue)),
                    ("population", .number(Double(row.population))),
                    ("postId", row.postID.map { .string($0) } ?? .null), ("post", row.postName.map { .string($0) } ?? .null),
                    ("costShare", .number(row.costShare)), ("annualCost", .number(Self.pennies(row.annualCost))),
                    ("ownPostAnnualCost", .number(Self.pennies(row.ownPostAnnualCost))), ("saving", .number(Self.pennies(row.saving))),
                    ("fteServing", .number(row.fteServing)), ("coverage", .number(row.coverage)),
                    ("ownPostCoverage", .number(row.ownPostCoverage)),
                ])
            })),
            ("notes", .array((paymentNotes + benefitTable.notes + PostCostReconciliation.table(costBases).notes).map { .string($0) })),
        ])
    }
}
