/// How many people each tier of training must reach in one authority.
///
/// The national workforce is shared out by residents, weighted by what each kind of council does:
/// single-tier councils weight 1, county councils `1 − s` and district councils `s`
/// (`trainingDistrictWorkforceShare`). A county's population is the sum of its districts', so the
/// weights over England and Wales add up to the resident population and the shares add up to the
/// national workforce exactly.
public enum TrainingWorkforce {
    /// Staff per resident of `tier` relative to a single-tier council (1 for single-tier councils).
    public static func staffingWeight(of tier: AuthorityTier, districtWorkforceShare: Double) -> Double {
        switch tier {
        case .county: return 1 - districtWorkforceShare
        case .district: return districtWorkforceShare
        case .unitary, .metropolitanBorough, .londonBorough, .cityOfLondon, .welshPrincipal: return 1
        }
    }

    /// People employed by `authority` (headcount): its weighted share of the national workforce.
    public static func staff(of authority: Authority, assumptions: TrainingAssumptions) -> Double {
        let weight = staffingWeight(of: authority.tier, districtWorkforceShare: assumptions.districtWorkforceShare)
        return assumptions.workforce * weight * Double(authority.population) / assumptions.residentPopulation
    }

    /// Councillors of `authority`: its nation's councillors shared equally among its councils.
    public static func councillors(of authority: Authority, assumptions: TrainingAssumptions) -> Double {
        authority.nation == "Wales" ? assumptions.councillorsPerWelshCouncil : assumptions.councillorsPerEnglishCouncil
    }

    /// The people each tier must reach in `authority`: all staff (Tier 1), frontline staff and
    /// councillors (Tier 2), specialists (Tier 3).
    public static func audience(of authority: Authority, assumptions: TrainingAssumptions) -> TierValues<TrainingAudience> {
        let staff = staff(of: authority, assumptions: assumptions)
        return TierValues(
            awareness: TrainingAudience(staff: staff, councillors: 0),
            frontline: TrainingAudience(staff: staff * assumptions.frontlineShare,
                                        councillors: councillors(of: authority, assumptions: assumptions)),
            specialist: TrainingAudience(staff: staff * assumptions.specialistShare, councillors: 0))
    }
}

/// The people one tier of training must reach: staff, and for Tier 2 councillors too.
public struct TrainingAudience: Sendable, Equatable {
    /// Employees in the tier (headcount, fractional as apportioned).
    public var staff: Double
    /// Councillors in the tier (Tier 2 only).
    public var councillors: Double

    public init(staff: Double, councillors: Double) {
        self.staff = staff
        self.councillors = councillors
    }

    /// Everyone the tier must reach.
    public var total: Double { staff + councillors }

    /// Share of the audience who are employees, whose time the council pays for (1 when empty).
    public var staffShare: Double { total > 0 ? staff / total : 1 }
}
