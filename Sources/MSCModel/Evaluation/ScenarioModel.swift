import Foundation

/// A scenario compiled into flat numbers: what one evaluation of its horizon needs and nothing else.
///
/// Built once per run from the scenario, its deployment, the funding mixes and the impact
/// assumptions; then evaluated for the central case or for each Monte Carlo iteration. The
/// readable evaluation (``evaluate(national:posts:)``) is the reference the Monte Carlo's fast
/// kernel is checked against.
public struct ScenarioModel: Sendable {
    /// One coordinator post as the evaluation sees it.
    public struct Post: Sendable {
        /// A short label (host authority or area name).
        public let name: String
        /// Full-time equivalent of the post (above 1: several people, each costed in full).
        public let fte: Double
        /// Index of the post's funding group in `fundingGroupNames`: the posts of a group share a
        /// funding mix and, for a mix with sources decided per council, the councils' cost shares.
        public let fundingIndex: Int
        /// Extra training costs a year that the post's councils incur while it is in post (staff
        /// time and delivery beyond what they would spend without it); empty when none. With
        /// `trainingPlaces` this is their cost at the central prices, for reports: an evaluation
        /// prices the places at its own draw (``trainingCost(year:prices:)``).
        public let trainingCostByYear: [Double]
        /// The training places the post adds, priced in each evaluation; nil: `trainingCostByYear` is fixed.
        public let trainingPlaces: TrainingPlaces?
        /// Years of the horizon the post exists in (nil: all of them). A post created later or
        /// ended by a change of authority structure exists in part of the horizon only.
        public let activeYears: Range<Int>?
        /// The year its effect starts ramping up (0: the first year of the horizon). A post that is
        /// already at full effect has a start at least `rampUpYears` earlier, e.g. ``alreadyAtFullEffect``.
        public let rampStartYear: Int

        /// A ramp start for posts that exist before the horizon and are at full effect from year 1.
        public static let alreadyAtFullEffect = -1_000

        public init(name: String, fte: Double, fundingIndex: Int, trainingCostByYear: [Double] = [],
                    activeYears: Range<Int>? = nil, rampStartYear: Int = 0, trainingPlaces: TrainingPlaces? = nil) {
            self.trainingPlaces = trainingPlaces
            self.name = name
            self.fte = fte
            self.fundingIndex = fundingIndex
            self.trainingCostByYear = trainingCostByYear
            self.activeYears = activeYears
            self.rampStartYear = rampStartYear
        }

        /// The years of a horizon of `horizonYears` the post exists in.
        public func years(inHorizon horizonYears: Int) -> Range<Int> {
            guard let activeYears else { return 0..<horizonYears }
            return activeYears.clamped(to: 0..<horizonYears)
        }

        /// Its training cost in year `t` (0 when none), at the central prices.
        public func trainingCost(year t: Int) -> Double {
            t < trainingCostByYear.count ? trainingCostByYear[t] : 0
        }

        /// Its training cost in year `t` in an evaluation whose places cost `prices` (nil: the
        /// scenario prices no places, and the fixed cost applies).
        public func trainingCost(year t: Int, prices: TrainingPlacePrices?) -> Double {
            guard let trainingPlaces, let prices else { return trainingCost(year: t) }
            return trainingPlaces.cost(year: t, prices: prices)
        }
    }

    /// Where an authority sits in a two-tier area, which sets its share of the area's identifications.
    public enum TierRole: Sendable {
        case county, district, singleTier

        /// The role of a council of `tier`: a county or a district shares its residents'
        /// baseline with the other tier; every other council has them whole.
        public init(tier: AuthorityTier) {
            switch tier {
            case .county: self = .county
            case .district: self = .district
            default: self = .singleTier
            }
        }

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
        /// Residents of the authority.
        public let residents: Double
        /// The part of the authority's coordinator time that comes from this post (1 when only one serves it).
        public let shareOfCoordinatorTime: Double
        /// All coordinator FTE serving the authority, per 100,000 residents (for coverage).
        public let ftePer100kResidents: Double
        public let role: TierRole
        /// The authority's area incidence index: its baseline identifications are its residents'
        /// at the national rate times this (1 under the uniform index; ``AreaIncidenceIndex``).
        public let incidenceIndex: Double

        public init(post: Int, residents: Double, shareOfCoordinatorTime: Double, fteServing: Double, role: TierRole,
                    incidenceIndex: Double = 1) {
            self.post = post
            self.residents = residents
            self.incidenceIndex = incidenceIndex
            self.shareOfCoordinatorTime = shareOfCoordinatorTime
            self.ftePer100kResidents = residents > 0 ? fteServing / residents * 100_000 : 0
            self.role = role
        }
    }

    public let name: String
    /// Years evaluated: year 0 is the first year of the posts.
    public let horizonYears: Int
    public let posts: [Post]
    public let members: [Member]
    /// Names of the funding groups the posts belong to (one per mix, and one per shared post
    /// whose councils each decide their own part of a source).
    public let fundingGroupNames: [String]
    /// Employer NI rate and threshold for the price base year (fixed: set by law, not uncertain).
    public let employerNIRate: Double
    public let niSecondaryThreshold: Double
    /// Green Book discount factor for each year of the horizon.
    public let discountFactors: [Double]
    /// The same at the Green Book's health discount rate, for the health effects among the
    /// benefits (``ModelParameter/healthShareOfAvoidableHarm``); the standard factors when not given.
    public let healthDiscountFactors: [Double]
    /// How the unit cost per victim moves with the deflator's projected growth (no years when the
    /// price base year is inside the published series, or the unit cost was given in its prices).
    public let unitCostDeflatorProjection: DeflatorProjection
    /// NRM referrals' share of identifications (the rest are DtN reports): 277 / (277 + 211) from
    /// impact.yaml's facts; it weights the value and the triggered costs of an identification.
    public let nrmShare: Double
    /// The councils the rate ratio was measured in, with their coverage (``HostCalibration``):
    /// `identificationRateRatio` is the ratio at their coverage, turned into the full-coverage
    /// ratio in each evaluation (``fullCoverageRateRatio(_:)``). ``HostCalibration/none`` takes it
    /// as measured at full coverage.
    public let hostCalibration: HostCalibration
    /// The optimism bias before mitigation (the Green Book starting value), for the unmitigated
    /// result shown beside every summary; nil: the value applied.
    public let startingOptimismBias: Double?
    /// The central value of the pending pay award already in the salaries (0 when none), which
    /// each draw of ``ModelParameter/pendingPayAward`` replaces.
    public let pendingPayAwardCentral: Double
    /// How trainees' time is costed when posts carry ``Post/trainingPlaces`` (nil: no places priced).
    public let traineeCosting: TraineeCosting?
    /// Child NRM referrals by councils per adult identification (NRM adult referrals plus DtN
    /// reports), 2023: the child base a post's uplift may reach (``ChildIdentifications``); 0: none.
    public let childReferralsPerAdultIdentification: Double

    public init(name: String, horizonYears: Int, posts: [Post], members: [Member], fundingGroupNames: [String],
                employerNIRate: Double, niSecondaryThreshold: Double, discountFactors: [Double],
                unitCostDeflatorProjection: DeflatorProjection = .none, nrmShare: Double = 1,
                hostCalibration: HostCalibration = .none, startingOptimismBias: Double? = nil,
                pendingPayAwardCentral: Double = 0, healthDiscountFactors: [Double]? = nil,
                traineeCosting: TraineeCosting? = nil, childReferralsPerAdultIdentification: Double = 0) {
        self.traineeCosting = traineeCosting
        self.childReferralsPerAdultIdentification = childReferralsPerAdultIdentification
        self.healthDiscountFactors = healthDiscountFactors ?? discountFactors
        self.hostCalibration = hostCalibration
        self.pendingPayAwardCentral = pendingPayAwardCentral
        self.startingOptimismBias = startingOptimismBias
        self.name = name
        self.horizonYears = horizonYears
        self.posts = posts
        self.members = members
        self.fundingGroupNames = fundingGroupNames
        self.employerNIRate = employerNIRate
        self.niSecondaryThreshold = niSecondaryThreshold
        self.discountFactors = discountFactors
        self.unitCostDeflatorProjection = unitCostDeflatorProjection
        self.nrmShare = nrmShare
    }
}
