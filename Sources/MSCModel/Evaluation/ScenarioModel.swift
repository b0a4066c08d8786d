import Foundation

/// A scenario compiled into flat numbers: what one evaluation of its horizon needs and nothing else.
///
/// Built once per run from the scenario, its deployment, the funding mixes and the impact
/// assumptions; then evaluated once for the central case or once per Monte Carlo iteration.
public struct ScenarioModel: Sendable {
    /// One coordinator post as the evaluation sees it.
    public struct Post: Sendable {
        /// A short label (host authority or area name).
        public let name: String
        /// Full-time equivalent of the post (above 1: several people, each costed in full).
        public let fte: Double
        /// Index of the post's funding mix in `fundingMixNames`.
        public let fundingIndex: Int
        /// Extra training costs a year that the post's councils incur while it is in post (staff
        /// time and delivery beyond what they would spend without it); empty when none.
        public let trainingCostByYear: [Double]

        public init(name: String, fte: Double, fundingIndex: Int, trainingCostByYear: [Double] = []) {
            self.name = name
            self.fte = fte
            self.fundingIndex = fundingIndex
            self.trainingCostByYear = trainingCostByYear
        }
    }

    /// Where an authority sits in a two-tier area, which sets its share of the area's identifications.
    public enum TierRole: Sendable {
        case county, district, singleTier

        /// Share of the residents' baseline identifications credited to this authority, given the
        /// share credited to county councils in two-tier areas.
        @inlinable
        public func weight(countyShare: Double) -> Double {
            switch self {
            case .county: return countyShare
            case .district: return 1 - countyShare
            case .singleTier: return 1
            }
        }
    }

    /// One authority served by one post: the link through which the post's effect is counted.
    public struct Member: Sendable {
        /// Index of the post in `posts`.
        public let post: Int
        /// Residents of the authority, in hundreds of thousands.
        public let residentsPer100k: Double
        /// The part of the authority's coordinator time that comes from this post (1 when only one serves it).
        public let shareOfCoordinatorTime: Double
        /// All coordinator FTE serving the authority, per 100,000 residents (for coverage).
        public let ftePer100kResidents: Double
        public let role: TierRole
        /// `log(ftePer100kResidents)`, kept so each draw's coverage costs one `exp`, not a `pow`.
        @usableFromInline let logFTEPer100k: Double

        public init(post: Int, residents: Double, shareOfCoordinatorTime: Double, fteServing: Double, role: TierRole) {
            self.post = post
            self.residentsPer100k = residents / 100_000
            self.shareOfCoordinatorTime = shareOfCoordinatorTime
            self.ftePer100kResidents = residents > 0 ? fteServing / residents * 100_000 : 0
            self.role = role
            self.logFTEPer100k = ftePer100kResidents > 0 ? Foundation.log(ftePer100kResidents) : -Double.infinity
        }
    }

    public let name: String
    /// Years evaluated: year 0 is the first year of the posts.
    public let horizonYears: Int
    public let posts: [Post]
    public let members: [Member]
    /// Names of the funding mixes the posts use (for labelling per-funder costs).
    public let fundingMixNames: [String]
    /// Employer NI rate and threshold for the price base year (fixed: set by law, not uncertain).
    public let employerNIRate: Double
    public let niSecondaryThreshold: Double
    /// Green Book discount factor for each year of the horizon.
    public let discountFactors: [Double]

    /// The posts' people and training costs as flat arrays: the evaluation loop reads these rather
    /// than the ``Post`` values, so it touches no strings (and no reference counts) per post.
    /// A post of `fte` is `floor(fte)` full-time people and one part-time person for the rest.
    @usableFromInline let postFullTimePeople: [Double]
    @usableFromInline let postPartTimeFraction: [Double]
    /// Training cost of each post in each year, `post × horizon + year` (zeros without training).
    @usableFromInline let postTrainingCost: [Double]

    public init(name: String, horizonYears: Int, posts: [Post], members: [Member], fundingMixNames: [String],
                employerNIRate: Double, niSecondaryThreshold: Double, discountFactors: [Double]) {
        self.name = name
        self.horizonYears = horizonYears
        self.posts = posts
        self.members = members
        self.fundingMixNames = fundingMixNames
        self.employerNIRate = employerNIRate
        self.niSecondaryThreshold = niSecondaryThreshold
        self.discountFactors = discountFactors
        self.postFullTimePeople = posts.map { Swift.max(0, $0.fte.rounded(.down)) }
        self.postPartTimeFraction = posts.map { post in
            let part = post.fte - post.fte.rounded(.down)
            return post.fte > 0 && part > 1e-9 ? part : 0
        }
        self.postTrainingCost = posts.flatMap { post in
            (0..<horizonYears).map { t in t < post.trainingCostByYear.count ? post.trainingCostByYear[t] : 0 }
        }
    }
}
