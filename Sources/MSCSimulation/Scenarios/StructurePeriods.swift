import Foundation
import MSCModel

/// A scenario's horizon cut where the authority structure changes (DESIGN 3.7: Surrey from
/// April 2027), each part with the councils in force and the deployment rule applied to them.
///
/// A post whose councils are unchanged runs on through later parts as one post (one funding
/// path, one ramp-up). A post serving a council that is replaced ends the day before vesting and
/// passes to the successor's post: that post starts at vesting at the effect its predecessors'
/// posts had reached (the coordinators transfer to the new council), and the successor takes over
/// the funding on the scenario's funding mix, its renewals falling on its predecessors' schedule,
/// counted from the programme's first year, not afresh from vesting day (a new council renews the
/// agreements it inherits as they fall due): the successor's posts are in the same funding group as
/// the posts that run on, with the same chance of being funded each year.
struct StructurePeriods {
    struct Period {
        /// Horizon years the part covers.
        let years: Range<Int>
        let financialYear: FinancialYear
        let authorities: AuthorityTable
        let deployment: Deployment
    }

    /// One post of the model: where it first appears, the years it exists and whose effect it continues.
    struct Opening {
        let period: Int
        let post: Int
        var years: Range<Int>
        /// Model indices of the earlier posts it takes over (empty for a new post).
        let continues: [Int]
    }

    let periods: [Period]
    /// For each part, the model post index of each of its deployment's posts.
    let modelPostIndices: [[Int]]
    let openings: [Opening]
    /// One sentence per change in the horizon, saying what happens to the posts.
    let notes: [String]

    init(structure: AuthorityStructure, firstYear: FinancialYear, horizonYears years: Int, scenario: Scenario,
         assumptions: AssumptionSet) throws {
        let starts = [0] + Set(structure.reorganisations.map { $0.effective.startYear - firstYear.startYear })
            .filter { $0 > 0 && $0 < years }.sorted()
        var periods: [Period] = []
        for (index, start) in starts.enumerated() {
            let end = index + 1 < starts.count ? starts[index + 1] : years
            let year = firstYear.advanced(by: start)
            let table = try structure.table(in: year)
            // Councils named by code (today's posts) are carried to their successors.
            var rule = scenario.deployment
            switch rule {
            case .existing(let codes, let placement, let fte):
                rule = .existing(codes: structure.codesInForce(codes, in: year), placement: placement, fte: fte)
            case .explicit(let codes, let areas, let fte):
                rule = .explicit(authorityCodes: structure.codesInForce(codes, in: year), areas: areas, fte: fte)
            default: break
            }
            periods.append(Period(years: start..<end, financialYear: year, authorities: table,
                                  deployment: try Deployment.build(rule: rule, sharing: scenario.sharing, authorities: table,
                                                                   assumptions: assumptions)))
        }
        var indices: [[Int]] = []
        var openings: [Opening] = []
        var notes: [String] = []
        for (k, period) in periods.enumerated() {
            let changes = structure.changes(in: period.financialYear)
            let previousKeys = k > 0 ? Dictionary(periods[k - 1].deployment.posts.enumerated().map { (Self.key($0.element), indices[k - 1][$0.offset]) },
                                                  uniquingKeysWith: { first, _ in first }) : [:]
            var row: [Int] = []
            for (i, post) in period.deployment.posts.enumerated() {
                if let continuing = previousKeys[Self.key(post)] {
                    openings[continuing].years = openings[continuing].years.lowerBound..<period.years.upperBound
                    row.append(continuing)
                    continue
                }
                var continues: [Int] = []
                if k > 0 {
                    // The councils it serves, traced back through this year's changes.
                    let traced = Set(post.members.flatMap { member in
                        changes.first { $0.successorCode == member.code }?.predecessorCodes ?? [member.code]
                    })
                    continues = periods[k - 1].deployment.posts.indices.filter { j in
                        periods[k - 1].deployment.posts[j].members.contains { traced.contains($0.code) }
                    }.map { indices[k - 1][$0] }
                }
                openings.append(Opening(period: k, post: i, years: period.years, continues: continues))
                row.append(openings.count - 1)
            }
            indices.append(row)
            if k > 0 {
                let before = periods[k - 1].deployment.posts.count, after = period.deployment.posts.count
                let replaced = Set(changes.flatMap(\.predecessorCodes)).count
                let named = changes.prefix(3).map { "\($0.successorName) (\($0.status))" }
                let names = named.joined(separator: ", ") + (changes.count > 3 ? " and \(changes.count - 3) more" : "")
                notes.append("\(before) posts in \(periods[k - 1].financialYear), \(after) from \(period.financialYear): on 1 April \(period.financialYear.startYear) \(replaced) councils are replaced by \(names), and the \(scenario.deployment.kind.rawValue) rule is applied to the councils in force. Each replaced council's post passes to its successor's post, which keeps the effect already reached and takes over the funding on the scenario's funding mix, its renewals falling on its predecessors' schedule (counted from the programme's first year, not afresh from vesting day).")
            }
        }
        self.periods = periods
        self.modelPostIndices = indices
        self.openings = openings
        self.notes = notes
    }

    /// Whether post `post` of part `period` opens a model post (its members are added once).
    func opens(period: Int, post: Int) -> Bool {
        let index = modelPostIndices[period][post]
        return openings[index].period == period && openings[index].post == post
    }

    /// The model's posts with their active years and ramp starts; `training` holds each part's
    /// posts' training costs, and `trainingPlaces` their places, parts in order. A post today's councils already have is at full
    /// effect from the start; a successor's post continues the earliest ramp of the posts it takes over.
    /// `fundingGroup` gives each post's funding group (``ScenarioModel/Post/fundingIndex``).
    func modelPosts(existingHosts: Set<String>, training: [[Double]], trainingPlaces: [TrainingPlaces?],
                    fundingGroup: (Post) -> Int) -> [ScenarioModel.Post] {
        var offsets: [Int] = []
        var total = 0
        for period in periods { offsets.append(total); total += period.deployment.posts.count }
        var result: [ScenarioModel.Post] = []
        for opening in openings {
            let post = periods[opening.period].deployment.posts[opening.post]
            let ramp: Int
            if opening.period == 0 {
                let existing = !post.members.isEmpty && post.members.allSatisfy { existingHosts.contains($0.code) }
                ramp = existing ? ScenarioModel.Post.alreadyAtFullEffect : 0
            } else {
                ramp = opening.continues.map { result[$0].rampStartYear }.min() ?? opening.years.lowerBound
            }
            result.append(ScenarioModel.Post(name: post.name, fte: post.fte, fundingIndex: fundingGroup(post),
                                             trainingCostByYear: training[offsets[opening.period] + opening.post],
                                             activeYears: opening.years, rampStartYear: ramp,
                                             trainingPlaces: trainingPlaces[offsets[opening.period] + opening.post]))
        }
        return result
    }

    /// A post's identity across parts: its councils and FTE.
    static func key(_ post: Post) -> String {
        post.members.map(\.code).sorted().joined(separator: ",") + "@\(post.fte)"
    }
}
