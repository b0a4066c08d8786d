import GSLKit
import MSCModel
import MSCReport
import MSCSimulation

/// How likely a scenario's posts are to survive their funding, year by year, worked out exactly
/// and by simulation, with the cost of every post on both bases: `msc funding`.
public enum FundingOutlook {
    public struct Request {
        public var plan: ScenarioPlan
        /// Simulated funding histories (the exact expectation needs none).
        public var runs: Int
        public var seed: UInt64
        public var command: String

        public init(plan: ScenarioPlan, runs: Int, seed: UInt64, command: String) {
            self.plan = plan
            self.runs = runs
            self.seed = seed
            self.command = command
        }
    }

    public struct Result {
        public let report: FundingReport
        public let manifest: RunManifest
    }

    /// The posts in place each year under the deployment rule, costed at full economic cost, as
    /// run, compare and the pack cost them.
    public static func run(_ request: Request) -> Result {
        let plan = request.plan
        let postsByYear = plan.postsInPlaceByYear
        let funding = ScenarioFunding.analyse(plan, runs: request.runs, seed: request.seed)
        var report = FundingReport(scenario: plan.scenario, postCount: postsByYear.first ?? 0,
                                   allPostsCostByYear: plan.fullyFundedPostCostByYear,
                                   analytic: funding.analytic, simulated: funding.simulated, groups: funding.groups,
                                   largestSharedPost: plan.deployment.posts.map(\.members.count).max() ?? 1,
                                   postsByYear: postsByYear, structureNotes: plan.structureNotes)
        report.costBases = plan.postCostBases()
        let manifest = RunManifest(seed: request.seed, runs: request.runs, method: .monteCarlo, gslVersion: GSLLibrary.version,
                                   filePaths: plan.inputFiles, command: request.command)
        return Result(report: report, manifest: manifest)
    }
}
