/// The kind of council an authority is, by the ONS classification of local government in England
/// and Wales.
///
/// Raw values are the words used in the `tier` column of `Assumptions/authorities.csv`.
///
/// ```swift
/// AuthorityTier(rawValue: "london_borough")?.label   // "London borough"
/// ```
public enum AuthorityTier: String, CaseIterable, Sendable, Codable {
    /// Upper tier of a two-tier area (ONS E10); its residents are also counted in its districts.
    case county
    /// Lower tier of a two-tier area (ONS E07); always has a parent county.
    case district
    /// Single-tier English council outside London and the metropolitan counties (ONS E06),
    /// including the Isles of Scilly.
    case unitary
    /// Single-tier borough of a former metropolitan county (ONS E08).
    case metropolitanBorough = "metropolitan_borough"
    /// Single-tier London borough (ONS E09).
    case londonBorough = "london_borough"
    /// The City of London Corporation (ONS E09000001), sui generis.
    case cityOfLondon = "city_of_london"
    /// Single-tier Welsh county or county borough council (ONS W06).
    case welshPrincipal = "welsh_principal"

    /// A short human label, e.g. "London borough".
    public var label: String {
        switch self {
        case .county: return "County council"
        case .district: return "District council"
        case .unitary: return "Unitary authority"
        case .metropolitanBorough: return "Metropolitan borough"
        case .londonBorough: return "London borough"
        case .cityOfLondon: return "City of London Corporation"
        case .welshPrincipal: return "Welsh principal council"
        }
    }

    /// Whether the tier is part of a two-tier (county and district) area.
    public var isTwoTier: Bool { self == .county || self == .district }

    /// Whether residents are counted here rather than in lower-tier councils: every tier except
    /// county, whose population is the sum of its districts'.
    public var countsResidents: Bool { self != .county }
}
