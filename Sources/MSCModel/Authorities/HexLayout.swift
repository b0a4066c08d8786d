import Foundation

/// Where each council sits on a hexagon map of England and Wales: data, like its population.
///
/// The shipped layout is Open Innovations' `uk-local-authority-districts-2023.hexjson`
/// (`Assumptions/hexmap_lad_2023.hexjson`; MIT licence, "Copyright (c) 2017- Open Innovations",
/// see `hexmap_lad_2023.LICENSE`): one hexagon per lower-tier or single-tier council, keyed by ONS
/// code, in an `odd-r` offset layout (odd rows shifted half a hexagon right; `r` grows northwards).
/// County councils have no hexagon of their own: a county is drawn through its districts.
///
/// ```swift
/// let layout = try HexLayout.load(assumptionsDirectory: "Assumptions")
/// layout.hex(code: "E06000001")?.name          // "Hartlepool"
/// layout.hexes(for: kent, in: table).count      // 12: Kent's districts
/// ```
public struct HexLayout: Sendable {
    /// One hexagon: the council it stands for and its column and row.
    public struct Hex: Sendable, Equatable {
        public let code: String
        public let name: String
        public let q: Int
        public let r: Int
    }

    /// The copyright notice the MIT licence requires wherever the layout is shipped.
    public static let copyrightNotice = "Copyright (c) 2017- Open Innovations"
    /// File names inside an assumptions folder.
    public static let shippedFileName = "hexmap_lad_2023.hexjson"
    public static let licenceFileName = "hexmap_lad_2023.LICENSE"

    /// Where the layout was read from, for errors.
    public let file: String
    /// The layout's hexagons by ONS code (England and Wales, Scotland and Northern Ireland alike).
    public let hexesByCode: [String: Hex]
    /// The full licence text shipped beside the layout (MIT), to copy wherever the layout goes.
    public let licenceText: String

    public init(file: String, hexes: [Hex], licenceText: String) throws {
        var byCode: [String: Hex] = [:]
        var byPosition: [String: String] = [:]
        for hex in hexes {
            if byCode.updateValue(hex, forKey: hex.code) != nil {
                throw InputError(file: file, key: "hexes.\(hex.code)", message: "duplicate code")
            }
            if let other = byPosition.updateValue(hex.code, forKey: "\(hex.q),\(hex.r)") {
                throw InputError(file: file, key: "hexes.\(hex.code)", message: "shares column \(hex.q), row \(hex.r) with \(other); expected one hexagon per position")
            }
        }
        guard licenceText.contains(Self.copyrightNotice) else {
            throw InputError(file: file, key: "licence", message: "the licence text must carry \"\(Self.copyrightNotice)\" (MIT licence of the layout)")
        }
        self.file = file
        self.hexesByCode = byCode
        self.licenceText = licenceText
    }

    /// Reads a HexJSON file (`{"layout": "odd-r", "hexes": {CODE: {"n": name, "q": column, "r": row}}}`)
    /// and the licence file beside it.
    public static func load(path: String, licencePath: String) throws -> HexLayout {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: path, message: "cannot read the file (missing or unreadable); expected a HexJSON layout")
        }
        guard let licence = FileManager.default.contents(atPath: licencePath).flatMap({ String(data: $0, encoding: .utf8) }) else {
            throw InputError(file: licencePath, message: "cannot read the layout's licence; expected the MIT licence text shipped with \(shippedFileName)")
        }
        let root: Any
        do { root = try JSONSerialization.jsonObject(with: data) } catch {
            throw InputError(file: path, message: "not valid JSON; expected a HexJSON layout")
        }
        guard let object = root as? [String: Any] else {
            throw InputError(file: path, message: "expected a JSON object with layout and hexes")
        }
        guard let layout = object["layout"] as? String, layout == "odd-r" else {
            throw InputError(file: path, key: "layout", message: "expected \"odd-r\" (the only layout drawn), found \(object["layout"].map { "\($0)" } ?? "nothing")")
        }
        guard let entries = object["hexes"] as? [String: Any] else {
            throw InputError(file: path, key: "hexes", message: "expected an object of hexagons keyed by ONS code")
        }
        var hexes: [Hex] = []
        for (code, value) in entries.sorted(by: { $0.key < $1.key }) {
            guard let hex = value as? [String: Any] else {
                throw InputError(file: path, key: "hexes.\(code)", message: "expected an object with n, q and r")
            }
            func integer(_ key: String) throws -> Int {
                guard let number = hex[key] as? NSNumber, let whole = Int(exactly: number.doubleValue) else {
                    throw InputError(file: path, key: "hexes.\(code).\(key)", message: "expected a whole number")
                }
                return whole
            }
            guard let name = hex["n"] as? String, !name.isEmpty else {
                throw InputError(file: path, key: "hexes.\(code).n", message: "expected the council's name")
            }
            hexes.append(Hex(code: code, name: name, q: try integer("q"), r: try integer("r")))
        }
        return try HexLayout(file: path, hexes: hexes, licenceText: licence)
    }

    /// The layout shipped in an assumptions folder, with its licence.
    public static func load(assumptionsDirectory directory: String) throws -> HexLayout {
        let folder = directory as NSString
        return try load(path: folder.appendingPathComponent(shippedFileName),
                        licencePath: folder.appendingPathComponent(licenceFileName))
    }

    /// The hexagon of a lower-tier or single-tier council, or nil.
    public func hex(code: String) -> Hex? { hexesByCode[code] }

    /// The hexagons that draw `authority`: its own; a county's districts' (a county has none of
    /// its own); empty when the layout lacks them.
    public func hexes(for authority: Authority, in table: AuthorityTable) -> [Hex] {
        if let own = hexesByCode[authority.code] { return [own] }
        guard authority.tier == .county else { return [] }
        return table.authorities
            .filter { $0.tier == .district && $0.countyCode == authority.code }
            .compactMap { hexesByCode[$0.code] }
    }

    /// Throws unless every council of `table` that counts residents (every tier but county) has a
    /// hexagon: a map with a hole would hide a council.
    public func checkCovers(_ table: AuthorityTable) throws {
        let missing = table.authorities.filter { $0.tier.countsResidents && hexesByCode[$0.code] == nil }
        if let first = missing.first {
            throw InputError(file: file, key: "hexes.\(first.code)",
                             message: "no hexagon for \(first.name) (\(missing.count) council\(missing.count == 1 ? "" : "s") missing); expected one per lower-tier or single-tier council of \(table.file)")
        }
    }
}
