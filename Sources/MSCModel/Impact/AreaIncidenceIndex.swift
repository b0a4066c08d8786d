import Foundation

/// Which area incidence index scales each council's baseline identifications (scenario key
/// `incidenceIndex`).
public enum IncidenceIndexKind: String, CaseIterable, Sendable, Codable {
    /// Every council has the national rate per resident (index 1): the model's default.
    case uniform
    /// Each council takes its police force area's index (``AreaIncidenceIndex``).
    case policeForceArea = "police-force-area"

    /// A label for tables and charts.
    public var label: String {
        switch self {
        case .uniform: return "uniform (every council 1)"
        case .policeForceArea: return "police force area (NRM referrals made by each force)"
        }
    }
}

/// An incidence index per police force area of England and Wales: how many NRM referrals its
/// force made as first responder per resident, relative to England and Wales, shrunk toward 1 where
/// counts are small (empirical Bayes, Poisson–gamma).
///
/// The rule (Marshall 1991, *Mapping disease and mortality rates using empirical Bayes
/// estimators*, Applied Statistics 40:283–294, its method-of-moments gamma prior):
/// - `y_f`: referrals made by force `f`, summed over the quarters in the file (7: 2022 Q2–2023 Q4);
///   `P_f`: residents of the area (mid-2024, each counted once).
/// - `R = Σy / ΣP`, the England and Wales rate; `E_f = R · P_f`, the count expected at that rate.
/// - The relative rates `r_f = y_f / E_f` have weighted mean `m = Σy / ΣE = 1` and weighted variance
///   `s² = Σ E_f (r_f − m)² / ΣE`; Poisson noise alone would give `m / Ē` with `Ē = ΣE / n`, so the
///   variance between areas is `τ² = max(0, s² − m / Ē)`.
/// - Gamma prior with mean `m` and variance `τ²`: shape `a = m² / τ²`, rate `b = m / τ²`.
/// - Index of force `f`: the posterior mean `(y_f + a) / (E_f + b)`; its uncertainty is the
///   posterior Gamma(shape `y_f + a`, rate `E_f + b`). With no variance between areas (`τ² = 0`)
///   every index is 1.
///
/// Caveat, to be shown wherever the index is used: these are referrals a force *made*, about a
/// quarter of all referrals; they measure police identification activity as much as incidence.
public struct AreaIncidenceIndex: Sendable, Equatable {
    /// The caveat every output using the index carries.
    public static let caveat = "The police-force-area index counts NRM referrals made by each force as first responder "
        + "(about a quarter of all referrals): it measures police identification activity as much as local incidence."

    /// The shipped file, relative to the assumptions folder.
    public static let shippedFileName = "data/nrm_police_first_responder_referrals.csv"

    /// One police force area's figures.
    public struct Area: Sendable, Equatable {
        public let code: String
        public let name: String
        /// Referrals made by the force over all the quarters.
        public let referrals: Double
        /// Residents, mid-2024, each counted once.
        public let residents: Double
        /// Referrals expected at the England and Wales rate, `R · P`.
        public let expected: Double
        /// Referrals a year per 100,000 residents, unshrunk.
        public let ratePer100kPerYear: Double
        /// Unshrunk relative rate `y / E`.
        public let rawIndex: Double
        /// Posterior gamma shape `y + a` and rate `E + b` (infinite when `τ² = 0`).
        public let posteriorShape: Double
        public let posteriorRate: Double
        /// The index: posterior mean `(y + a) / (E + b)`, or 1 when `τ² = 0`.
        public let index: Double
    }

    /// The file the counts came from.
    public let file: String
    /// The quarters pooled, oldest first.
    public let quarters: [String]
    /// The 43 areas, in code order.
    public let areas: [Area]
    /// England and Wales referrals a year per 100,000 residents.
    public let nationalRatePer100kPerYear: Double
    /// The fitted prior: shape `a`, rate `b` (infinite when there is no variance between areas) and `τ²`.
    public let priorShape: Double
    public let priorRate: Double
    public let betweenAreaVariance: Double

    /// The index of the area with ONS code `code` (nil when it is not one of the areas).
    public func index(ofArea code: String) -> Double? { areas.first { $0.code == code }?.index }

    /// Each council's index by code: its police force area's. Councils with no police force area
    /// in the table are an error.
    public func indexByCouncil(_ authorities: AuthorityTable) throws -> [String: Double] {
        var result: [String: Double] = [:]
        let byCode = Dictionary(uniqueKeysWithValues: areas.map { ($0.code, $0.index) })
        for authority in authorities.authorities {
            guard let area = authority.policeForceAreaCode, let index = byCode[area] else {
                throw InputError(file: authorities.file, key: "police_force_area_code",
                                 message: "\(authority.name) (\(authority.code)) has no police force area in \(file); expected one of the 43 areas")
            }
            result[authority.code] = index
        }
        return result
    }

    /// Builds the index from per-area referrals and residents by the rule above.
    /// - Parameters:
    ///   - counts: referrals `y` and residents `P` by area code, with a name for each.
    ///   - years: the length of the pooled period in years (quarters / 4), for the rate a year.
    public init(file: String, quarters: [String], counts: [(code: String, name: String, referrals: Double, residents: Double)]) throws {
        guard !counts.isEmpty, !quarters.isEmpty else {
            throw InputError(file: file, message: "no police force areas with referrals; expected rows for the 43 forces of England and Wales")
        }
        for area in counts where !(area.residents > 0) || !(area.referrals >= 0) || !area.referrals.isFinite {
            throw InputError(file: file, key: area.name,
                             message: "referrals \(area.referrals), residents \(area.residents); expected a count of at least 0 and residents above 0")
        }
        let totalReferrals = counts.reduce(0) { $0 + $1.referrals }
        let totalResidents = counts.reduce(0) { $0 + $1.residents }
        guard totalReferrals > 0 else {
            throw InputError(file: file, message: "no referrals in any police force area; expected a positive total")
        }
        let years = Double(quarters.count) / 4
        let rate = totalReferrals / totalResidents
        let expected = counts.map { rate * $0.residents }
        let totalExpected = expected.reduce(0, +)
        let mean = totalReferrals / totalExpected
        var spread = 0.0
        for (area, e) in zip(counts, expected) { spread += e * (area.referrals / e - mean) * (area.referrals / e - mean) }
        let weightedVariance = spread / totalExpected
        let tau2 = max(0, weightedVariance - mean / (totalExpected / Double(counts.count)))
        let a = tau2 > 0 ? mean * mean / tau2 : .infinity
        let b = tau2 > 0 ? mean / tau2 : .infinity
        self.file = file
        self.quarters = quarters
        self.nationalRatePer100kPerYear = rate * 100_000 / years
        self.priorShape = a
        self.priorRate = b
        self.betweenAreaVariance = tau2
        self.areas = zip(counts, expected).map { area, e in
            Area(code: area.code, name: area.name, referrals: area.referrals, residents: area.residents, expected: e,
                 ratePer100kPerYear: area.referrals / area.residents * 100_000 / years, rawIndex: area.referrals / e,
                 posteriorShape: area.referrals + a, posteriorRate: e + b,
                 index: tau2 > 0 ? (area.referrals + a) / (e + b) : 1)
        }.sorted { $0.code < $1.code }
    }

    /// Reads the per-force referrals file (columns `quarter`, `police_force_area_code`,
    /// `nrm_referrals_made`; rows with no area code, such as BTP, the ROCUs, Scotland, Northern
    /// Ireland and the total, are left out) and takes each area's residents from `authorities`
    /// (every council but the county councils, whose residents are their districts').
    public static func load(path: String, authorities: AuthorityTable, displayName: String? = nil) throws -> AreaIncidenceIndex {
        let table = try CSVTable.load(path: path, displayName: displayName)
        try table.checkColumns(required: ["quarter", "first_responder", "responder_kind", "police_force_area_code", "nrm_referrals_made"],
                               optional: ["adult", "child", "age_unknown", "source_url"])
        var residents: [String: Double] = [:]
        var names: [String: String] = [:]
        for authority in authorities.authorities where authority.tier != .county {
            guard let code = authority.policeForceAreaCode else { continue }
            residents[code, default: 0] += Double(authority.population)
            names[code] = authority.policeForceArea ?? code
        }
        var referrals: [String: Double] = [:]
        var quarters = Set<String>()
        for row in table.rows {
            let quarter = try table.text("quarter", in: row)
            quarters.insert(quarter)
            guard let code = try table.optionalText("police_force_area_code", in: row) else { continue }
            guard residents[code] != nil else {
                throw table.error("no council of \(authorities.file) is in police force area \(code); expected an area code of the authority table",
                                  column: "police_force_area_code", in: row)
            }
            referrals[code, default: 0] += try table.number("nrm_referrals_made", in: row, expected: "a count of at least 0") {
                $0 >= 0 && $0 == $0.rounded() && $0 < 1e7
            }
        }
        // An area with councils but no row in any quarter made no referrals.
        let counts = residents.keys.sorted().map { code in
            (code: code, name: names[code] ?? code, referrals: referrals[code] ?? 0, residents: residents[code]!)
        }
        return try AreaIncidenceIndex(file: table.file, quarters: quarters.sorted(), counts: counts)
    }

    /// The shipped index for the councils of `authorities`.
    public static func load(assumptionsDirectory directory: String, authorities: AuthorityTable) throws -> AreaIncidenceIndex {
        try load(path: (directory as NSString).appendingPathComponent(shippedFileName), authorities: authorities)
    }
}
