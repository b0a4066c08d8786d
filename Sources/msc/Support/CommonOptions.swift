import ArgumentParser
import Foundation
import MSCModel
import MSCReport

extension TableFormat: ExpressibleByArgument {}

/// Options every command shares: where the assumptions are and how to write the output.
struct CommonOptions: ParsableArguments {
    @Option(help: "Output format: table, csv, md or json.")
    var format: TableFormat = .table

    @Option(help: ArgumentHelp("Folder of assumption files to use instead of the shipped Assumptions/.", valueName: "dir"))
    var assumptions: String?

    /// The assumption set named by `--assumptions`, or the shipped one.
    func loadAssumptions() throws -> AssumptionSet {
        try AssumptionLoader.load(directory: assumptions ?? AssumptionLoader.defaultDirectory())
    }
}

/// A command-level failure with a message for the user (not an input-file problem).
struct CommandFailure: Error {
    let message: String
}

/// Writes to standard output.
func emit(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}
