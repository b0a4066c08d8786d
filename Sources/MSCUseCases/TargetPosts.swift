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
        /// The limit, objective, runs, seed, threads, frontier and the area-need index's folder
        /// (its paths are where the plans came from; the plans above are used, not read again).
        public var targeting: Targeting.Request

        public init(scenario: ScenarioPlan, marked: [ScenarioPlan] = [], published: AuthorityTable, targeting: Targeting.Request) {
            self.scenario = scenario
            self.marked = marked
            self.published = published
            self.targeting = targeting
        }
    }

    /// - Throws: ``UseCaseError/stopped(afterIterations:)`` when `control` stops it.
    public static func run(_ request: Request, control: WorkControl = WorkControl()) throws -> Targeting.Result {
        do {
            return try Targeting.run(request.scenario, marking: request.marked, published: request.published, request: request.targeting,
                                     cancellation: control.cancellation, shouldStop: control.shouldStop)
        } catch is Targeting.Stopped {
            throw UseCaseError.stopped(afterIterations: 0)
        }
    }
}
