import Foundation

/// One change of local government structure: councils replaced by a successor from a financial
/// year on (vesting day is 1 April, the start of that year).
///
/// Rows of `Assumptions/reorganisations.csv` (confirmed changes) or of a scenario's
/// `reorganisations:` file (illustrative ones). A county split between several successors is a
/// predecessor of each; its residents are those of its districts, so a successor's population is
/// the sum of its predecessors that count residents (every tier but county).
public struct Reorganisation: Sendable, Equatable {
    /// The first financial year the successor exists in (e.g. 2027-28 for vesting on 1 April 2027).
    public let effective: FinancialYear
    public let successorCode: String
    /// True when ONS had not assigned the code: the toolkit's own placeholder (E069…).
    public let codeIsProvisional: Bool
    public let successorName: String
    public let officialName: String
    public let region: String
    public let policeForceAreaCode: String
    public let policeForceArea: String
    /// ONS codes of the councils it replaces.
    public let predecessorCodes: [String]
    /// `confirmed` (decided by government) or `illustrative` (a what-if).
    public let status: String
    /// Where the change was read (file and line), for notes.
    public let origin: String

    public init(effective: FinancialYear, successorCode: String, codeIsProvisional: Bool, successorName: String,
                officialName: String, region: String, policeForceAreaCode: String, policeForceArea: String,
                predecessorCodes: [String], status: String, origin: String) {
        self.effective = effective
        self.successorCode = successorCode
        self.codeIsProvisional = codeIsProvisional
        self.successorName = successorName
        self.officialName = officialName
        self.region = region
        self.policeForceAreaCode = policeForceAreaCode
        self.policeForceArea = policeForceArea
        self.predecessorCodes = predecessorCodes
        self.status = status
        self.origin = origin
    }

    public static let columns = ["effective_year", "successor_code", "code_status", "successor_name", "official_name",
                                 "region", "police_force_area_code", "police_force_area", "predecessor_codes", "status"]

    /// Reads a reorganisations CSV; each problem names the file, line and column.
    public static func load(path: String) throws -> [Reorganisation] {
        let table = try CSVTable.load(path: path)
        try table.checkColumns(required: columns)
        return try table.rows.map { row in
            let label = try table.text("effective_year", in: row)
            guard let effective = FinancialYear(label) else {
                throw table.error("expected a financial year such as 2027-28, found \(CSVTable.shown(label))", column: "effective_year", in: row)
            }
            let codeStatus = try table.text("code_status", in: row)
            guard codeStatus == "provisional" || codeStatus == "ons" else {
                throw table.error("expected provisional (the toolkit's placeholder) or ons (assigned by ONS), found \(CSVTable.shown(codeStatus))",
                                  column: "code_status", in: row)
            }
            let status = try table.text("status", in: row)
            guard status == "confirmed" || status == "illustrative" else {
                throw table.error("expected confirmed or illustrative, found \(CSVTable.shown(status))", column: "status", in: row)
            }
            let predecessors = try table.text("predecessor_codes", in: row).split(separator: ";")
                .map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
            guard !predecessors.isEmpty else {
                throw table.error("expected the ONS codes of the councils replaced, separated by ;", column: "predecessor_codes", in: row)
            }
            return Reorganisation(effective: effective, successorCode: try table.text("successor_code", in: row).uppercased(),
                                  codeIsProvisional: codeStatus == "provisional",
                                  successorName: try table.text("successor_name", in: row),
                                  officialName: try table.text("official_name", in: row),
                                  region: try table.text("region", in: row),
                                  policeForceAreaCode: try table.text("police_force_area_code", in: row).uppercased(),
                                  policeForceArea: try table.text("police_force_area", in: row),
                                  predecessorCodes: predecessors, status: status, origin: "\(table.file):\(row.line)")
        }
    }
}

/// The councils of England and Wales as they stand in each financial year: the base table with
/// every reorganisation in force by then applied.
///
/// ```swift
/// let structure = try AuthorityStructure.load(assumptionsDirectory: "Assumptions")
/// try structure.table(in: FinancialYear("2027-28")!).authorities.count   // 329
/// ```
public struct AuthorityStructure: Sendable {
    /// The table as published (339 councils in 2025-26 and 2026-27).
    public let base: AuthorityTable
    /// Every change, oldest first.
    public let reorganisations: [Reorganisation]

    public static let fileName = "reorganisations.csv"

    public init(base: AuthorityTable, reorganisations: [Reorganisation]) throws {
        self.base = base
        self.reorganisations = reorganisations.sorted { $0.effective < $1.effective }
        // Check every change against the structure it applies to, so a bad row fails at load.
        for year in Set(self.reorganisations.map(\.effective)) { _ = try table(in: year) }
    }

    /// The shipped table and its confirmed reorganisations (none when the file is absent).
    public static func load(assumptionsDirectory directory: String) throws -> AuthorityStructure {
        let folder = directory as NSString
        let base = try AuthorityTable.load(path: folder.appendingPathComponent("authorities.csv"))
        let path = folder.appendingPathComponent(fileName)
        let changes = FileManager.default.fileExists(atPath: path) ? try Reorganisation.load(path: path) : []
        return try AuthorityStructure(base: base, reorganisations: changes)
    }

    /// The same structure with further (e.g. a scenario's illustrative) reorganisations.
    public func adding(_ more: [Reorganisation]) throws -> AuthorityStructure {
        try AuthorityStructure(base: base, reorganisations: reorganisations + more)
    }

    /// The reorganisations that take effect in `year`.
    public func changes(in year: FinancialYear) -> [Reorganisation] {
        reorganisations.filter { $0.effective == year }
    }

    /// The councils in force in `year`: predecessors removed, successors added as unitary
    /// councils (population the sum of their predecessors' residents; a coordinator if any
    /// predecessor had one).
    public func table(in year: FinancialYear) throws -> AuthorityTable {
        var current = base.authorities
        for change in reorganisations where change.effective <= year {
            let byCode = Dictionary(uniqueKeysWithValues: current.map { ($0.code, $0) })
            var predecessors: [Authority] = []
            for code in change.predecessorCodes {
                if let predecessor = byCode[code] {
                    predecessors.append(predecessor)
                } else if !reorganisations.contains(where: { $0 != change && $0.effective == change.effective && $0.predecessorCodes.contains(code) }) {
                    // (A county split between successors is removed by the first of them.)
                    throw InputError(file: change.origin, key: "predecessor_codes",
                                     message: "\(code) is not a council in \(change.effective) before this change; expected codes of councils it replaces")
                }
            }
            // A county's residents are its districts', which are predecessors in their own right.
            let residents = Authority.residentPopulation(of: predecessors)
            let template = predecessors.first ?? base.authorities[0]
            let successor = Authority(
                code: change.successorCode, name: change.successorName, officialName: change.officialName, tier: .unitary,
                nation: template.nation, region: change.region, policeForceAreaCode: change.policeForceAreaCode,
                policeForceArea: change.policeForceArea, population: residents, populationYear: base.populationYear,
                hasMSC: predecessors.contains(where: \.hasMSC),
                populationStatus: "sum_of_predecessors_mid\(base.populationYear)" + (change.codeIsProvisional ? "_provisional_code" : ""))
            let removed = Set(change.predecessorCodes)
            current = current.filter { !removed.contains($0.code) } + [successor]
        }
        return try AuthorityTable(authorities: current.sorted { $0.code < $1.code }, file: base.file + " (in force \(year))")
    }

    /// `codes` of councils as published, each replaced council changed to its successors in force
    /// in `year` (a split county to each of them), without repeats, in order.
    public func codesInForce(_ codes: [String], in year: FinancialYear) -> [String] {
        var current = codes
        for change in reorganisations where change.effective <= year {
            current = current.flatMap { change.predecessorCodes.contains($0) ? [change.successorCode] : [$0] }
        }
        var seen: Set<String> = []
        return current.filter { seen.insert($0).inserted }
    }

    /// The successor of each council a change in `year` replaces (a split county has several).
    public func successors(in year: FinancialYear) -> [String: [Reorganisation]] {
        var result: [String: [Reorganisation]] = [:]
        for change in changes(in: year) {
            for code in change.predecessorCodes { result[code, default: []].append(change) }
        }
        return result
    }
}
