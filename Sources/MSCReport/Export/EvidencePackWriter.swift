import Foundation
import MSCModel

/// Writes an evidence pack to a folder in the chosen formats, all or nothing.
///
/// Layout: `evidence-pack.html`, `evidence-pack.md`, `evidence-pack.json`, `evidence-pack.xlsx`,
/// one CSV per table (`headline.csv`, `authorities.csv`, `funding.csv`, `assumptions.csv`,
/// `manifest.csv`) and the charts as SVG files in `charts/`.
///
/// CSV files start with a UTF-8 byte-order mark: without it Excel reads UTF-8 as the local code
/// page and turns "£" and "−" into mojibake; the project's CSV reader and most tools skip it.
public enum EvidencePackWriter {
    /// Writes the pack into `folder` (created or replaced atomically); returns the relative paths written.
    @discardableResult
    public static func write(_ pack: EvidencePack, to folder: String, formats: Set<ExportFormat>) throws -> [String] {
        guard !formats.isEmpty else { throw ExportError("no format chosen; expected one or more of html, csv, md, json, xlsx") }
        var written: [String] = []
        try AtomicFolder.write(to: folder) { staging in
            func save(_ text: String, as name: String, byteOrderMark: Bool = false) throws {
                let data = (byteOrderMark ? Data([0xEF, 0xBB, 0xBF]) : Data()) + Data(text.utf8)
                try data.write(to: staging.appendingPathComponent(name))
                written.append(name)
            }
            let charts = Charts.all(for: pack)
            try FileManager.default.createDirectory(at: staging.appendingPathComponent("charts"), withIntermediateDirectories: false)
            for chart in charts + (pack.target?.charts ?? []) { try save(chart.svg, as: "charts/\(chart.fileName)") }
            if let pilot = pack.pilot {
                let chart = PilotChart.chart(pilot)
                try save(chart.svg, as: "charts/\(chart.fileName)")
            }
            if !pack.maps.isEmpty || pack.target != nil, let licence = pack.mapLicence { try save(licence, as: "charts/\(HexLayout.licenceFileName)") }
            if formats.contains(.html) { try save(HTMLWriter.write(pack, charts: charts), as: "evidence-pack.html") }
            if formats.contains(.md) { try save(PackDocuments.markdown(pack, charts: charts), as: "evidence-pack.md") }
            if formats.contains(.json) { try save(JSONText.write(PackDocuments.json(pack)), as: "evidence-pack.json") }
            if formats.contains(.csv) {
                for named in pack.namedTables { try save(CSVWriter.write(named.table), as: "\(named.stem).csv", byteOrderMark: true) }
            }
            if formats.contains(.xlsx) {
                try XLSXWriter.write(pack.namedTables.map { XLSXWriter.Sheet(name: $0.sheet, table: $0.table) },
                                     to: staging.appendingPathComponent("evidence-pack.xlsx").path)
                written.append("evidence-pack.xlsx")
            }
        }
        return written
    }
}
