import MSCModel
import MSCSimulation

/// One council under a scenario, as the web page's map shows it on a click: its post (own or
/// shared, with whom), what it and each funder pay, its own-post alternative, coverage, extra
/// identifications and the chance its post survives.
public struct CouncilCard {
    public let row: ScenarioPlan.AuthorityRow
    public let share: ShareReport
    public let funding: FundingMix

    /// The card of the council with ONS code `code`; an ``InputError`` (key `code`) if there is none.
    public init(plan: ScenarioPlan, code: String, authorities: AuthorityTable) throws {
        guard let row = plan.authorityRows.first(where: { $0.authority.code == code }) else {
            throw InputError(file: "authorities", key: "code",
                             message: "no authority has the code \"\(code)\"; expected an ONS code such as E06000001")
        }
        self.row = row
        funding = plan.scenario.funding
        share = try ShareReport(plan: plan, authorities: authorities, area: row.authority.name, kind: .authority)
    }

    /// What the council pays from its own money a year (its share of the post times the councils' share of funding).
    public var councilNetCost: Double { Self.councilNetCost(row, funding: funding) }

    /// The same figure for any row: the map colours every council by it.
    public static func councilNetCost(_ row: ScenarioPlan.AuthorityRow, funding: FundingMix) -> Double {
        row.annualCost * funding.councilBudgetShare
    }

    /// One object per authority for the map: post, whether shared, coverage, net cost, extra identifications.
    public static func mapJSON(_ plan: ScenarioPlan) -> JSONValue {
        let sharedPosts = Set(plan.deployment.posts.filter(\.isShared).map(\.name))
        return .array(plan.authorityRows.map { row in
            .object([
                ("code", .string(row.authority.code)),
                ("post", row.postName.map { .string($0) } ?? .null),
                ("shared", .bool(row.postName.map(sharedPosts.contains) ?? false)),
                ("coverage", .number(row.coverage)),
                ("councilNetCost", .number(ShareReport.pennies(councilNetCost(row, funding: plan.scenario.funding)))),
                ("additionalIdentificationsPerYear", .number(row.additionalIdentificationsPerYear)),
            ])
        })
    }

    public var json: JSONValue {
        let authority = row.authority
        return .object([
            ("code", .string(authority.code)), ("name", .string(authority.name)), ("tier", .string(authority.tier.label)),
            ("population", .number(Double(authority.population))), ("hasCoordinatorToday", .bool(authority.hasMSC)),
            ("scenario", .string(share.scenario.name)),
            ("post", row.postName.map { .string($0) } ?? .null),
            ("costShare", .number(row.costShare)),
            ("annualCost", .number(ShareReport.pennies(row.annualCost))),
            ("funders", .array(funding.sources.map { source in
                .object([("label", .string(source.label)), ("kind", .string(source.kind.rawValue)),
                         ("share", .number(source.share)), ("councilBudget", .bool(source.kind.isCouncilBudget)),
                         ("pays", .number(ShareReport.pennies(row.annualCost * source.share)))])
            })),
            ("councilNetCost", .number(ShareReport.pennies(councilNetCost))),
            ("coverage", .number(row.coverage)),
            ("baselineIdentificationsPerYear", .number(row.baselineIdentifications)),
            ("additionalIdentificationsPerYear", .number(row.additionalIdentificationsPerYear)),
            ("survivalAtHorizon", .number(row.survivalAtHorizon)),
            ("horizonYears", .number(Double(share.scenario.horizonYears))),
            ("share", share.json),
        ])
    }
}
