import ArgumentParser
import MSCModel

@main
struct MSC: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "msc",
        abstract: "Model the cost, funding, survival and impact of Modern Slavery Coordinator posts in local authorities in England and Wales.",
        version: toolkitVersion,
        subcommands: []
    )
}
