import ArgumentParser
import Foundation
import MSCModel
import MSCReport
import MSCSimulation
import MSCUseCases

/// `msc target SCENARIO --budget AMOUNT` (or `--posts N`): which posts a budget should fund.
struct TargetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "target",
        abstract: "Where first: the posts (own, county-area, police-force-area) a budget a year should fund, under both incidence indices, with robustness and the frontier.",
        discussion: """
        Chooses, from every council's own post, one post per county area and one per police force area \
        (councils with a coordinator today keep it, outside the budget), the set that maximises the expected \
        additional identifications a year (or --objective net-benefit) within --budget pounds a year or \
        --posts N, no council served twice. Exact (branch and bound with a proven bound). Expected values \
        are over the Monte Carlo's draws; robustness is each draw's own optimum. Shown under the uniform index \
        and the police-force-area index (NRM referrals made by each force: police activity as much as incidence).
        """)

    @Argument(help: "Scenario file, e.g. Scenarios/national-rollout.yaml (its salary, FTE rule, sharing and assumptions are used).")
    var scenario: String

    @Option(parsing: .unconditional, help: ArgumentHelp("Budget a year in pounds, e.g. 5000000.", valueName: "pounds"))
    var budget: Double?

    @Option(parsing: .unconditional, help: ArgumentHelp("A number of posts instead of a budget.", valueName: "n"))
    var posts: Int?

    @Option(help: ArgumentHelp("identifications (default) or net-benefit (identifications × the value of one, less the cost).", valueName: "objective"))
    var objective: Targeting.Objective = .identifications

    @Option(parsing: .unconditional, help: ArgumentHelp("Budgets on the frontier, from 0 to every council's own post (0: no frontier).", valueName: "n"))
    var frontier: Int = 20

    @Option(parsing: .unconditional, help: "Iterations (Monte Carlo runs).")
    var runs: Int = 10_000

    @Option(help: "Random seed: the same seed gives the same output to the last digit, whatever the thread count.")
    var seed: UInt64 = 20250101

    @Option(parsing: .unconditional, help: "Worker threads (default: the number of cores).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .customLong("mark"), parsing: .singleValue,
            help: ArgumentHelp("A scenario file whose own posts are placed beside the frontier (repeatable).", valueName: "file"))
    var marked: [String] = []

    @Option(name: .customLong("save-scenario"),
            help: ArgumentHelp("Write a scenario file whose deployment is the chosen set (the scenario's other settings kept).", valueName: "file"))
    var saveScenario: String?

    @Option(name: .customLong("save-index"),
            help: ArgumentHelp("The index whose set --save-scenario writes: uniform (default) or police-force-area.", valueName: "index"))
    var saveIndex: IncidenceIndexKind = .uniform

    @Option(name: .customLong("save-name"), help: ArgumentHelp("The saved scenario's name.", valueName: "name"))
    var saveName: String = "targeted-rollout"

    @Option(name: .customLong("save-note"), parsing: .singleValue,
            help: ArgumentHelp("A line of comment for the saved scenario's header, e.g. why this budget (repeatable).", valueName: "text"))
    var saveNotes: [String] = []

    @OptionGroup var common: CommonOptions

    func validate() throws {
        switch (budget, posts) {
        case (nil, nil): throw ValidationError("give --budget POUNDS or --posts N")
        case (.some, .some): throw ValidationError("give --budget or --posts, not both")
        case (.some(let amount), nil):
            guard amount.isFinite, amount >= 0, amount <= 1e10 else {
                throw ValidationError("--budget must be pounds a year from 0 to 10,000,000,000, found \(amount)")
            }
        case (nil, .some(let count)):
            guard count >= 0, count <= 10_000 else { throw ValidationError("--posts must be a whole number from 0 to 10,000, found \(count)") }
        }
        guard (0...200).contains(frontier) else { throw ValidationError("--frontier must be from 0 to 200, found \(frontier)") }
        guard (1...1_000_000).contains(runs) else { throw ValidationError("--runs must be from 1 to 1,000,000, found \(runs)") }
        guard (1...256).contains(threads) else { throw ValidationError("--threads must be from 1 to 256, found \(threads)") }
        if saveNotes.contains(where: { $0.contains(where: \.isNewline) || $0.count > InputBounds.nameCharacters }) {
            throw ValidationError("--save-note: expected one line of at most \(InputBounds.nameCharacters) characters")
        }
        if let saveScenario, saveScenario.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--save-scenario: expected the path of a file to write, found empty text")
        }
        guard !saveName.isEmpty, saveName.count <= InputBounds.nameCharacters, !saveName.contains(where: { $0.isNewline || $0 == "#" || $0 == ":" }) else {
            throw ValidationError("--save-name: expected one line of at most \(InputBounds.nameCharacters) characters without # or :")
        }
    }

    func run() throws {
        let targeting = Targeting.Request(
            scenarioPath: scenario, assumptionsDirectory: common.assumptionsDirectory, authoritiesPath: common.authoritiesPath,
            settings: try common.settings(), limit: budget.map { .budget($0) } ?? .posts(posts ?? 0), objective: objective,
            runs: runs, seed: seed, threads: threads, frontierSteps: frontier, markedScenarioPaths: marked)
        let request = TargetPosts.Request(scenario: try ScenarioRuns.load(scenario, common: common),
                                          marked: try marked.map { try ScenarioRuns.load($0, common: common) },
                                          published: try common.loadAuthorities(), targeting: targeting)
        ScenarioRuns.installInterruptHandler()
        let result = try ScenarioRuns.call { try TargetPosts.run(request, control: WorkControl(cancellation: interruptToken)) }
        emit(TargetReport(result: result), format: common.format)
        if let saveScenario { try save(result, to: saveScenario) }
    }

    /// Writes the chosen set under --save-index as a scenario file, with how to make it again.
    private func save(_ result: Targeting.Result, to path: String) throws {
        let source = try String(contentsOfFile: scenario, encoding: .utf8)
        let limitText = budget.map { "£\(NumberText.grouped($0, decimals: 0)) a year" } ?? "\(posts ?? 0) posts"
        let limitOption = budget.map { "--budget \(NumberText.fixed($0, decimals: 0))" } ?? "--posts \(posts ?? 0)"
        let header = [
            "Generated by: msc target \(scenario) \(limitOption) --objective \(objective.rawValue) --runs \(runs) --seed \(seed) "
                + "--save-index \(saveIndex.rawValue) --save-scenario \(path)",
            "The set of new posts msc target chooses for \(limitText) under the \(saveIndex.label) index, from \(scenario)'s rules;",
            "today's posts are kept. Regenerate it with the command above (each note below given as --save-note), not by editing the list.",
        ] + (saveNotes.isEmpty ? [] : [""] + saveNotes)
        let text = try Targeting.scenarioText(
            source: source, result: result, index: saveIndex, name: saveName,
            question: "With \(limitText) for new posts, which councils and shared posts should it fund first, and what does that buy compared with today?",
            header: header)
        do { try text.write(toFile: path, atomically: true, encoding: .utf8) }
        catch { throw CommandFailure(message: "--save-scenario: cannot write \(path): \(error.localizedDescription)") }
        // On stderr: stdout carries the report in the format asked for (JSON stays JSON).
        FileHandle.standardError.write(Data("Wrote the \(saveIndex.label) index's set as scenario \(saveName) to \(path)\n".utf8))
    }
}

extension Targeting.Objective: ExpressibleByArgument {}
extension IncidenceIndexKind: ExpressibleByArgument {}
