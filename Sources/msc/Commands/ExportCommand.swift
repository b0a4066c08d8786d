import ArgumentParser
import Foundation
import MSCModel
import MSCReport
import MSCSimulation
import MSCUseCases

/// `msc export A [B…] --out DIR`: an evidence pack (headline, per-authority and funding tables,
/// assumptions annex, charts and run manifest) in HTML, CSV, Markdown, JSON and XLSX.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write an evidence pack for one or more scenarios: tables, SVG charts, assumptions annex and run manifest.",
        discussion: """
        The pack is written to a temporary folder beside --out and moved into place only when every file \
        is written, so a failed export leaves --out as it was. An existing --out is replaced only if it is \
        empty or holds only the files an earlier pack wrote, unchanged (listed in its manifest, .msc-evidence-pack); \
        any other file makes the export refuse, naming it. CSV files are UTF-8 with a byte-order mark so Excel reads £ correctly.
        """)

    @Argument(help: "Scenario files, e.g. Scenarios/status-quo.yaml Scenarios/national-rollout.yaml.")
    var scenarios: [String]

    @Option(help: ArgumentHelp("Folder to write the pack to (created, or replaced if it holds an earlier pack).", valueName: "dir"))
    var out: String

    // Not CommonOptions: its --format names one table format, here --format lists file formats.
    @Option(name: .customLong("format"), parsing: .singleValue,
            help: ArgumentHelp("Formats, comma-separated: html, csv, md, json, xlsx (default: all).", valueName: "list"))
    var formatList: [String] = []

    @Option(help: ArgumentHelp("Folder of assumption files to use instead of the shipped Assumptions/.", valueName: "dir"))
    var assumptions: String?

    @Option(help: ArgumentHelp("Title of the pack (default: the scenario names).", valueName: "text"))
    var title: String?

    @Option(help: ArgumentHelp("Compare every scenario with this one (a name or file) instead of the baseline each declares.", valueName: "name"))
    var baseline: String?

    @Option(name: .customLong("set"), parsing: .singleValue,
            help: ArgumentHelp("Override an assumption for this run, e.g. --set pensionRate=0.2 (repeatable).", valueName: "name=value"))
    var settingTexts: [String] = []

    @Flag(help: "Add what a pilot of the first scenario's posts against its baseline is worth (as msc pilot values it).")
    var pilot = false

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Add a \"Where first?\" section: the posts this budget a year should fund under the first scenario's rules (as msc target chooses them), its frontier and map.", valueName: "pounds"))
    var target: Double?

    @OptionGroup var runOptions: RunOptions

    /// The formats asked for; every format when none was given.
    func chosenFormats() throws -> Set<ExportFormat> {
        guard !formatList.isEmpty else { return Set(ExportFormat.allCases) }
        let names = formatList.flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        if names.contains("") {
            throw ValidationError("--format: expected a comma-separated list of html, csv, md, json, xlsx, found an empty entry in \"\(formatList.joined(separator: ","))\"")
        }
        return Set(try names.map { name in
            guard let format = ExportFormat(rawValue: name) else {
                throw ValidationError("--format: unknown format '\(name)'; expected html, csv, md, json or xlsx")
            }
            return format
        })
    }

    func validate() throws {
        guard !scenarios.isEmpty else { throw ValidationError("give at least one scenario file") }
        if pilot, runOptions.sampling == .sobol { throw ValidationError("--pilot is not available with --sampling sobol; expected mc or lhs") }
        if pilot, runOptions.runs < 100 { throw ValidationError("--pilot needs --runs of at least 100 (the regressions need them)") }
        if let target, !(target.isFinite && target >= 0 && target <= 1e10) {
            throw ValidationError("--target must be pounds a year from 0 to 10,000,000,000, found \(target)")
        }
        if target != nil, runOptions.sampling != .monteCarlo || runOptions.targetMCSE != nil {
            throw ValidationError("--target is available with --sampling mc and --runs only (msc target draws plain Monte Carlo)")
        }
        _ = try chosenFormats()
        if out.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--out: expected the path of a folder to write the pack to, found empty text")
        }
        if let title, title.count > InputBounds.nameCharacters || title.contains(where: \.isNewline) {
            throw ValidationError("--title: expected one line of at most \(InputBounds.nameCharacters) characters")
        }
    }

    func run() throws {
        // Refuse a bad --out before the simulation, not after minutes of running.
        do { try AtomicFolder.checkDestination(out) } catch let error as ExportError { throw CommandFailure(message: "--out: \(error.message)") }
        let common = try CommonOptions.parse((assumptions.map { ["--assumptions", $0] } ?? []) + settingTexts.flatMap { ["--set", $0] })
        let layout = try HexLayout.load(assumptionsDirectory: common.assumptionsDirectory)
        let request = BuildEvidencePack.Request(
            selection: try ScenarioRuns.selection(scenarios, baseline: baseline, common: common), settings: runOptions.settings,
            command: ScenarioRuns.commandLine, maps: (layout, try common.loadAuthorities()), pilot: pilot, targetBudget: target,
            assumptionsDirectory: common.assumptionsDirectory, title: title)
        let pack = try ScenarioRuns.call {
            do { return try BuildEvidencePack.run(request, control: ScenarioRuns.control(runOptions)) }
            catch UseCaseError.noComparator(let name) {
                throw CommandFailure(message: "--pilot: \(name) declares no baseline to pilot against; give --baseline")
            } catch let error as DecisionError where pilot {
                throw CommandFailure(message: "--pilot: \(error.description)")
            } catch let error as ComparisonPlans.BaselineError where baseline != nil {
                throw CommandFailure(message: "--baseline: \(error.message)")
            }
        }
        let earlier = AtomicFolder.earlierPackFiles(in: out)
        let written: [String]
        do {
            written = try EvidencePackWriter.write(pack, to: out, formats: try chosenFormats())
        } catch let error as ExportError {
            throw CommandFailure(message: "--out: \(error.message)")
        }
        emit("Wrote \(written.count) files to \(out):\n" + written.map { "  \($0)\n" }.joined())
        // A narrower --format into an earlier pack replaces it whole: say what is gone.
        let removed = earlier.filter { !written.contains($0) }
        if !removed.isEmpty {
            emit("Removed \(removed.count) file\(removed.count == 1 ? "" : "s") of the earlier pack in \(out) that this export did not write (--format \(try chosenFormats().map(\.rawValue).sorted().joined(separator: ","))):\n"
                 + removed.map { "  \($0)\n" }.joined())
        }
    }
}
