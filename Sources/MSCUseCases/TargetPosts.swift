import MSCModel
import MSCSimulation

/// Where the first posts go within a budget (or a number of posts), under the uniform and the
/// area-need index, with the frontier of budgets: `msc target`, the page's where-first and
/// `msc export --target` (``Targeting``'s choice on plans the front end has loaded).
public enum TargetPosts {
    public struct Request {
        /// The scenario whose rules (salary, FTE, sharing, assumptions) and draws are used.
        public var scenario: ScenarioPlan
        /// Scenarios whose first-year posts are placed on the frontier's chart as labelled points.
        public var marked: [ScenarioPlan]
        /// The published authority table the area-need index is built on.
        public var published: AuthorityTable
        /// The folder of the area-need index's files.
        public var assumptionsDirectory: String
        public var limit: Targeting.Limit
        public var objective: Targeting.Objective
        public var runs: Int
        public var seed: UInt64
        public var threads: Int
        /// Budgets on the frontier (0: none).
        public var frontierSteps: Int

        public init(scenario: ScenarioPlan, marked: [ScenarioPlan] = [], published: AuthorityTable, assumptionsDirectory: String,
                    limit: Targeting.Limit, objective: Targeting.Objective = .identifications, runs: Int, seed: UInt64, threads: Int,
                    frontierSteps: Int) {
            self.scenario = scenario
            self.marked = marked
            self.published = published
            self.assumptionsDirectory = assumptionsDirectory
            self.limit = limit
            self.objective = objective
            self.runs = runs
            self.seed = seed
            self.threads = threads
            self.frontierSteps = frontierSteps
        }
    }

    /// - Throws: ``UseCaseError/stopped(afterIterations:)`` when `control` stops it.
    public static func run(_ request: Request, control: WorkControl = WorkControl()) throws -> Targeting.Result {
        // Only the limit, objective, runs, seed, threads, frontier and the index's folder are read
        // from this: the plans are already built.
        let targeting = Targeting.Request(
            scenarioPath: request.scenario.scenario.file, assumptionsDirectory: request.assumptionsDirectory, authoritiesPath: "",
            limit: request.limit, objective: request.objective, runs: request.runs, seed: request.seed, threads: request.threads,
            frontierSteps: request.frontierSteps)
        do {
            return try Targeting.run(request.scenario, marking: request.marked, published: request.published, request: targeting,
                                     cancellation: control.cancellation, shouldStop: control.shouldStop)
        } catch is Targeting.Stopped {
            throw UseCaseError.stopped(afterIterations: 0)
        }
    }
}
