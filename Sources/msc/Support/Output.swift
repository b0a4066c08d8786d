import Foundation
import MSCReport

/// Writes to standard output.
func emit(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}

/// Writes `report` to standard output in `format`; a `manifest` (seed, runs, files) goes into the
/// JSON only, as the tables carry their own notes.
func emit(_ report: some Report, format: TableFormat, manifest: RunManifest? = nil) {
    if format == .json, let manifest {
        emit(JSONText.write(manifest.attached(to: report.json)))
    } else {
        emit(report.rendered(as: format))
    }
}

/// Columns of the terminal standard output goes to; `COLUMNS`, or 120 when it is not a terminal
/// (a file or pipe), so wide tables are cut the same way in a script's log.
var terminalWidth: Int {
    var size = winsize()
    if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
        return Int(size.ws_col)
    }
    if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
    return 120
}
