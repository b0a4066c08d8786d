import Foundation
import Testing
import MSCTestSupport
@testable import MSCModel

@Suite("Hexagon layout of the councils")
struct HexLayoutTests {
    @Test func shippedLayoutPlacesEveryCouncil() throws {
        let layout = try HexLayout.load(assumptionsDirectory: PackagePaths.assumptions)
        let table = try AuthorityTable.load(path: PackagePaths.assumptions + "/authorities.csv")
        #expect(layout.hexesByCode.count == 361)   // UK districts: 318 in England and Wales, 43 elsewhere
        try layout.checkCovers(table)
        #expect(layout.hex(code: "E06000001") == HexLayout.Hex(code: "E06000001", name: "Hartlepool", q: 8, r: 18))
        #expect(layout.hex(code: "E10000016") == nil)   // counties have no hexagon of their own
        let kent = try #require(table.authority(named: "Kent"))
        #expect(Set(layout.hexes(for: kent, in: table).map(\.code)) == Set(table.filtered(tier: .district, county: "Kent").map(\.code)))
        #expect(layout.licenceText.contains("Copyright (c) 2017- Open Innovations"))
        #expect(layout.licenceText.contains("Permission is hereby granted"))
    }

    @Test func badLayoutsAreClearErrors() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hex-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let map = folder.appendingPathComponent("m.hexjson").path, licence = folder.appendingPathComponent("L").path
        try "MIT License\nCopyright (c) 2017- Open Innovations\n".write(toFile: licence, atomically: true, encoding: .utf8)
        func message(_ json: String) throws -> String? {
            try json.write(toFile: map, atomically: true, encoding: .utf8)
            return inputErrorMessage { _ = try HexLayout.load(path: map, licencePath: licence) }
        }
        #expect(try message(#"{"layout":"odd-q","hexes":{}}"#)?.contains("layout: expected \"odd-r\"") == true)
        #expect(try message(#"{"layout":"odd-r","hexes":{"E1":{"n":"A","q":1.5,"r":0}}}"#)?.contains("hexes.E1.q: expected a whole number") == true)
        #expect(try message(#"{"layout":"odd-r","hexes":{"E1":{"n":"A","q":1,"r":0},"E2":{"n":"B","q":1,"r":0}}}"#)?
            .contains("shares column 1, row 0 with E1") == true)
        try "MIT License\n".write(toFile: licence, atomically: true, encoding: .utf8)
        #expect(try message(#"{"layout":"odd-r","hexes":{}}"#)?.contains("must carry \"Copyright (c) 2017- Open Innovations\"") == true)
    }
}
