import Foundation

/// The councils of England and Wales, with lookups by code, name and area.
///
/// Load the shipped table (339 authorities, `Assumptions/authorities.csv`) with ``load(path:)``:
///
/// ```swift
/// let table = try AuthorityTable.load(path: "Assumptions/authorities.csv")
/// table.filtered(county: "Kent").count      // 13: the county and its 12 districts
/// table.totalPopulation                     // residents of England and Wales (mid-2024)
/// ```
public struct AuthorityTable: Sendable {
    /// Where the table came from, as named in errors.
    public let file: String
    /// The authorities in file order.
    public let authorities: [Authority]

    private let byCode: [String: Int]
    private let byName: [String: Int]

    /// A table from authorities built in code. Codes and names must be unique and every district
    /// must name a county council in the table; `file` names the table in errors.
    public init(authorities: [Authority], file: String = "authorities") throws {
        var byCode: [String: Int] = [:]
        var byName: [String: Int] = [:]
        for (position, authority) in authorities.enumerated() {
            if byCode.updateValue(position, forKey: authority.code) != nil {
                throw InputError(file: file, key: "code", message: "duplicate code \(authority.code)")
            }
            if byName.updateValue(position, forKey: Self.nameKey(authority.name)) != nil {
                throw InputError(file: file, key: "name", message: "duplicate name \"\(authority.name)\"")
            }
        }
        // One estimate year for every row: a share computed across years would mean nothing.
        if let first = authorities.first, let other = authorities.first(where: { $0.populationYear != first.populationYear }) {
            throw InputError(file: file, key: "population_year",
                             message: "\(first.name) has a mid-\(first.populationYear) population and \(other.name) mid-\(other.populationYear); expected one year for every authority")
        }
        for authority in authorities where authority.tier == .district {
            guard let countyCode = authority.countyCode, let index = byCode[countyCode],
                  authorities[index].tier == .county else {
                throw InputError(file: file, key: "county_code",
                                 message: "district \(authority.name) needs the code of a county council in the table")
            }
        }
        self.file = file
        self.authorities = authorities
        self.byCode = byCode
        self.byName = byName
    }

    // MARK: Lookups

    /// The authority with ONS code `code` (exact, e.g. `E07000110`), or nil.
    public func authority(code: String) -> Authority? {
        byCode[code.trimmingCharacters(in: .whitespaces).uppercased()].map { authorities[$0] }
    }

    /// The authority called `name` (case-insensitive; "&" matches "and"), or nil. The official
    /// name ("Maidstone Borough Council") is accepted too.
    public func authority(named name: String) -> Authority? {
        let key = Self.nameKey(name)
        if let index = byName[key] { return authorities[index] }
        return authorities.first { Self.nameKey($0.officialName) == key }
    }

    /// Residents of England and Wales in the table, each counted once: the sum over every
    /// authority except county councils (whose residents are counted in their districts).
    public var totalPopulation: Int { Authority.residentPopulation(of: authorities) }

    /// The mid-year of every population in the table (one year for all rows).
    public var populationYear: Int { authorities.first?.populationYear ?? 0 }

    // MARK: Filters

    /// The authorities matching every filter given, in file order.
    ///
    /// Names match case-insensitively ("&" as "and"); codes are accepted for `county` and
    /// `policeForceArea`. The `county` filter returns the county council itself and its districts.
    ///
    /// ```swift
    /// table.filtered(tier: .district, county: "kent").count   // 12
    /// ```
    public func filtered(tier: AuthorityTier? = nil, region: String? = nil, county: String? = nil,
                         policeForceArea: String? = nil) -> [Authority] {
        let regionKey = region.map(Self.nameKey)
        let countyKey = county.map(Self.nameKey)
        let forceKey = policeForceArea.map(Self.nameKey)
        return authorities.filter { authority in
            if let tier, authority.tier != tier { return false }
            if let regionKey, Self.nameKey(authority.region) != regionKey { return false }
            if let countyKey {
                let own = authority.tier == .county ? [authority.name, authority.code] : []
                let parent = [authority.county, authority.countyCode].compactMap { $0 }
                guard (own + parent).contains(where: { Self.nameKey($0) == countyKey }) else { return false }
            }
            if let forceKey {
                let force = [authority.policeForceArea, authority.policeForceAreaCode].compactMap { $0 }
                guard force.contains(where: { Self.nameKey($0) == forceKey }) else { return false }
            }
            return true
        }
    }

    /// A name as compared: case and accents folded, "&" read as "and", spaces collapsed.
    static func nameKey(_ name: String) -> String {
        // Most names are plain ASCII, where folding is lower-casing and the words can be found
        // byte by byte; the table asks for about a thousand keys as it loads, and Foundation's
        // folding and replacing, and splitting into Characters, cost more than the rest of loading.
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return asciiNameKey(name) }
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        let spelled = folded.contains("&") ? folded.replacingOccurrences(of: "&", with: " and ") : folded
        return spelled.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// ``nameKey(_:)`` of an ASCII name: lower case, "&" read as the word "and", words separated by
    /// single spaces (ASCII white space is tab to carriage return and the space).
    private static func asciiNameKey(_ name: String) -> String {
        var key: [UInt8] = []
        key.reserveCapacity(name.utf8.count + 8)
        var wordEnded = false
        func append(_ byte: UInt8) {
            if wordEnded && !key.isEmpty { key.append(UInt8(ascii: " ")) }
            wordEnded = false
            key.append(byte)
        }
        for byte in name.utf8 {
            switch byte {
            case 0x09...0x0D, UInt8(ascii: " "):
                wordEnded = true
            case UInt8(ascii: "&"):
                wordEnded = true
                for letter in "and".utf8 { append(letter) }
                wordEnded = true
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                append(byte + 32)
            default:
                append(byte)
            }
        }
        return String(decoding: key, as: UTF8.self)
    }
}
