import ArgumentParser
import Foundation
import MSCModel

@main
struct MSC: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "msc",
        abstract: "Model the cost, funding, survival and impact of Modern Slavery Coordinator posts in the local authorities of England and Wales.",
        version: toolkitVersion,
        subcommands: [
            CostCommand.self,
            AssumptionsCommand.self,
            AuthoritiesCommand.self,
            TrainingCommand.self,
            FitCommand.self,
            PilotCommand.self,
            RunCommand.self,
            CompareCommand.self,
            SensitivityCommand.self,
            DecideCommand.self,
            ShareCommand.self,
            TargetCommand.self,
            FundingCommand.self,
            ExportCommand.self,
            ServeCommand.self,
        ]
    )

    /// Runs the command, turning input errors into one line on stderr and a non-zero exit.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as InputError {
            FileHandle.standardError.write(Data("msc: error: \(error.description)\n".utf8))
            Foundation.exit(2)
        } catch let error as Interrupted {
            FileHandle.standardError.write(Data("msc: \(error.message)\n".utf8))
            Foundation.exit(130)
        } catch let error as CommandFailure {
            FileHandle.standardError.write(Data("msc: error: \(error.message)\n".utf8))
            Foundation.exit(2)
        } catch {
            // Help and version requests print in full, as usual.
            if exitCode(for: error) == .success { exit(withError: error) }
            // Everything else is one line on stderr and exit status 2, like input-file errors.
            let message = message(for: error).split(separator: "\n").first.map(String.init) ?? String(describing: error)
            FileHandle.standardError.write(Data("msc: error: \(message) (see msc --help)\n".utf8))
            Foundation.exit(2)
        }
    }
}
