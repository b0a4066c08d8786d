import Foundation
import MSCTestSupport

/// The generated hostile inputs: each kind of input crossed with values a careless or hostile
/// user would give, spread over every command that reads that input.
enum HostileCases {
    static let all: [HostileCase] = assumptionFiles() + scenarios() + authorityTables() + fitData() + options() + exportNames()

    /// Values no number in any unit may take; each is refused wherever a number is read.
    static let impossibleNumbers = ["1e308", "-1e308", ".nan", ".inf", "1e999", "abc", "[1, 2]", "''"]

    /// Scenario commands, rotated over the cases so that each reads every kind of broken input.
    /// Sensitivity evaluates thousands of runs when it succeeds, so it meets refusals only.
    static func scenarioCommand(_ index: Int, _ path: String, refusalOnly: Bool = true) -> [String] {
        let commands: [[String]] = [
            ["run", path, "--runs", "5", "--threads", "1"],
            ["funding", path, "--runs", "200"],
            ["compare", path, "Scenarios/status-quo.yaml", "--runs", "5", "--threads", "1"],
            ["share", path, "--area", "Kent"],
            ["training", path, "--authority", "Camden"],
            ["run", path, "--deterministic"],
            ["export", path, "--out", (path as NSString).deletingLastPathComponent + "/pack", "--runs", "5", "--threads", "1", "--format", "csv"],
            ["sensitivity", path, "--samples", "100"],
            ["decide", path, "Scenarios/status-quo.yaml", "--runs", "100", "--threads", "1"],
        ]
        // Sensitivity and decide run thousands of evaluations when they succeed: refusals only.
        let usable = refusalOnly ? commands : commands.filter { $0[0] != "sensitivity" && $0[0] != "decide" }
        return usable[index % usable.count]
    }

    /// The commands this suite was written for, each met by cases of its own.
    static let knownCommands = ["cost", "assumptions", "authorities", "training", "fit", "run", "compare", "sensitivity",
                                "share", "funding", "export", "decide"]

    /// Subcommands in `msc --help` that landed after the suite was written: each is met at least
    /// by an unknown option (a command that runs a server is never started with good arguments).
    static let knownLaterCommands: [String] = {
        guard let help = try? MSCBinary.run(["--help"]).stdout else { return [] }
        let known = Set(knownCommands + ["help"])
        return help.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let word = line.split(separator: " ").first.map(String.init),
                  word.first?.isLetter == true, word.allSatisfy({ $0.isLowercase || $0 == "-" }), !known.contains(word) else { return nil }
            return word
        }
    }()

    // MARK: Assumption files

    static func assumptionFiles() -> [HostileCase] {
        var cases: [HostileCase] = []
        let commands: [@Sendable (String) -> [String]] = [
            { ["cost", "--assumptions", $0] },
            { ["assumptions", "--assumptions", $0] },
            { ["training", "--assumptions", $0, "--authority", "Camden"] },
            { ["run", "Scenarios/status-quo.yaml", "--assumptions", $0, "--runs", "5"] },
            { ["funding", "Scenarios/local-mix.yaml", "--assumptions", $0] },
            { ["share", "Scenarios/county-shared.yaml", "--area", "Kent", "--assumptions", $0] },
            { ["sensitivity", "Scenarios/status-quo.yaml", "--assumptions", $0, "--samples", "100"] },
            { ["export", "Scenarios/status-quo.yaml", "--assumptions", $0, "--out", ($0 as NSString).deletingLastPathComponent + "/pack", "--runs", "5"] },
        ]
        // Every value of every sixth assumption, and every parameter of every fourth distribution,
        // in each shipped file, made impossible.
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: HostileFixtures.shippedAssumptions.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted()
        var valueIndex = 0, distributionIndex = 0
        for file in files {
            let text = (try? String(contentsOf: HostileFixtures.shippedAssumptions.appendingPathComponent(file), encoding: .utf8)) ?? ""
            for (name, keys, parameters) in YAMLEdit.assumptions(in: text) {
                if keys.contains("value") {
                    defer { valueIndex += 1 }
                    if valueIndex % 10 == 0 {
                        let value = impossibleNumbers[(valueIndex / 10) % impossibleNumbers.count]
                        let command = commands[(valueIndex / 10) % commands.count]
                        cases.append(HostileCase(kind: .assumptionFile, label: "\(file) \(name).value: \(value)", arguments: { folder in
                            command(try HostileFixtures.assumptions(in: folder, file: file, text: { try YAMLEdit.set([name, "value"], to: value, in: $0) }))
                        }, expected: .refusedAt(file: file, key: "\(name).value")))
                    }
                }
                if !parameters.isEmpty {
                    defer { distributionIndex += 1 }
                    guard distributionIndex % 7 == 0 else { continue }
                    for (offset, parameter) in parameters.enumerated() {
                        for value in ["1e308", "-1e308", "abc"] {
                            let command = commands[(distributionIndex + offset) % commands.count]
                            cases.append(HostileCase(kind: .assumptionFile, label: "\(file) \(name).distribution.\(parameter): \(value)", arguments: { folder in
                                command(try HostileFixtures.assumptions(in: folder, file: file, text: {
                                    try YAMLEdit.set([name, "distribution", parameter], to: value, in: $0)
                                }))
                            }, expected: .refusedAt(file: file, key: "\(name).distribution.\(parameter)")))
                        }
                    }
                }
            }
        }
        // Whole-file breakage of cost.yaml, each met by a different command.
        let broken: [(String, @Sendable (Data) -> Data, String?)] = [
            ("empty file", { _ in Data() }, nil),
            ("a list, not a mapping", { _ in Data("- 1\n- 2\n".utf8) }, nil),
            ("tab indentation", { Data(String(decoding: $0, as: UTF8.self).replacingOccurrences(of: "\n  unit:", with: "\n\tunit:").utf8) }, nil),
            ("duplicate assumption", { $0 + Data("\nsalary:\n  description: again\n".utf8) }, nil),
            ("unknown key", { Data(String(decoding: $0, as: UTF8.self).replacingOccurrences(of: "\n  unit: GBP_per_year", with: "\n  unitt: GBP_per_year").utf8) }, "salary.unitt"),
            ("unit outside the list", { Data(String(decoding: $0, as: UTF8.self).replacingOccurrences(of: "  unit: GBP_per_year", with: "  unit: pounds").utf8) }, "salary.unit"),
            ("not UTF-8", { $0.prefix(200) + Data([0xFF, 0xFE, 0x00, 0xC3]) + $0.dropFirst(200) }, nil),
            ("a description of 30,000 characters", { Data(String(decoding: $0, as: UTF8.self).replacingOccurrences(of: "\nsalary:\n  description:", with: "\nsalary:\n  description: \(String(repeating: "x", count: 30_000))").utf8) }, "salary.description"),
            ("an assumption name in snake case", { $0 + Data("\nbad_name:\n  description: x\n  unit: ratio\n  value: 1\n  evidence: illustrative\n  notes: x\n".utf8) }, "bad_name"),
            ("a YAML anchor bomb", { $0 + Data("\nbomb: &a [*a]\n".utf8) }, nil),
        ]
        for (index, (label, transform, key)) in broken.enumerated() {
            let command = commands[index % commands.count]
            cases.append(HostileCase(kind: .assumptionFile, label: "cost.yaml: \(label)", arguments: { folder in
                command(try HostileFixtures.assumptions(in: folder, file: "cost.yaml", writing: transform))
            }, expected: key.map { .refusedAt(file: "cost.yaml", key: $0) } ?? .refusedNaming(["cost.yaml"])))
        }
        cases.append(HostileCase(kind: .assumptionFile, label: "cost.yaml of 60 MB", arguments: { folder in
            let path = try HostileFixtures.assumptions(in: folder, file: "cost.yaml", text: { $0 })
            try HostileFixtures.sparseFile(at: URL(fileURLWithPath: path + "/cost.yaml"), bytes: 60_000_000)
            return ["cost", "--assumptions", path]
        }, expected: .refusedAt(file: "cost.yaml", key: nil)))
        cases.append(HostileCase(kind: .assumptionFile, label: "a folder named cost.yaml", arguments: { folder in
            let path = try HostileFixtures.assumptions(in: folder, file: "cost.yaml", writing: nil)
            try FileManager.default.createDirectory(atPath: path + "/cost.yaml", withIntermediateDirectories: false)
            return ["assumptions", "--assumptions", path]
        }, expected: .refusedNaming(["cost.yaml"])))
        for (label, path) in [("a folder that does not exist", "/nonexistent/assumptions"), ("a file, not a folder", "Scenarios/status-quo.yaml"),
                              ("empty text", "")] {
            cases.append(HostileCase(kind: .assumptionFile, label: "--assumptions \(label)", arguments: { _ in
                ["cost", "--assumptions", path]
            }, expected: .refusedNaming(path.isEmpty ? ["--assumptions"] : [path])))
        }
        return cases
    }

    // MARK: Scenarios

    static func scenarios() -> [HostileCase] {
        let long = String(repeating: "n", count: 201)
        // (scenario, key path, values, refused at this key; nil when the value may be taken)
        let edits: [(String, [String], [String], String?)] = [
            ("status-quo", ["horizonYears"], ["0", "101", "1e308", "2.5", "abc", ".nan"], "horizonYears"),
            ("national-rollout", ["priceBaseYear"], ["3000-01", "1999-00", "2025-27", "2025", "abc"], "priceBaseYear"),
            ("local-mix", ["name"], ["''", "\"\(long)\"", "\"a\\nb\"", "[a, b]"], "name"),
            ("status-quo", ["deployment", "count"], ["0", "1e9", "-1", "2.5", "abc"], "deployment.count"),
            ("regional-hub", ["deployment", "fte", "residentsPerFTE"], ["0", "1", "1000", "1e308", "abc"], "deployment.fte.residentsPerFTE"),
            ("regional-hub", ["deployment", "fte", "minimumFTE"], ["0", "0.01", "1e9", "-1", ".inf"], "deployment.fte.minimumFTE"),
            ("county-shared", ["funding", "sources", "share"], ["1.5", "-0.1", "abc", ".nan", "1e308"], nil),
            ("local-mix", ["funding", "sources", "termYears"], ["0", "0.5", "1e308", "-1", "abc"], nil),
            ("police-force-area", ["funding", "sources", "renewalProbability"], ["1.5", "-1", "abc", "1e308"], nil),
            ("status-quo", ["funding", "absorbProbability"], ["2", "-1", "abc"], "funding.absorbProbability"),
            ("regional-hub", ["funding", "gapTolerance"], ["-1", "1e308", "abc"], "funding.gapTolerance"),
            ("regional-hub", ["baseline"], ["hostile", "../status-quo", "\"\""], "baseline"),
            ("county-shared", ["costSharing"], ["by-magic", "[population]"], "costSharing"),
        ]
        var cases: [HostileCase] = []
        var index = 0
        for (source, path, values, key) in edits {
            for value in values {
                let commandIndex = index
                index += 1
                cases.append(HostileCase(kind: .scenario, label: "\(source) \(path.joined(separator: ".")): \(value.prefix(30))", arguments: { folder in
                    scenarioCommand(commandIndex, try HostileFixtures.scenario(in: folder, from: source, named: "hostile") {
                        try YAMLEdit.set(path, to: value, in: $0)
                    })
                }, expected: key.map { .refusedAt(file: "hostile.yaml", key: $0) } ?? .refusedAt(file: "hostile.yaml", key: nil)))
            }
        }
        // Overrides appended to a shipped scenario: impossible values, unknown names, absurd distributions.
        let overrides: [(String, String?)] = [
            ("fte: 0", "overrides.fte"), ("fte: 1e9", "overrides.fte"), ("salary: 1e308", "overrides.salary"),
            ("salary: -1", "overrides.salary"), ("pensionRate: 1.5", "overrides.pensionRate"), ("noSuchAssumption: 1", "overrides.noSuchAssumption"),
            ("salary:\n    value: 44000\n    distribution: {kind: normal, mean: 44000, standardDeviation: 1e308}", "overrides.salary.distribution.standardDeviation"),
            ("identificationRateRatio:\n    value: 1.5\n    distribution: {kind: lognormal, logMean: 1000, logStandardDeviation: 0.3}", "overrides.identificationRateRatio.distribution.logMean"),
            ("identificationRateRatio:\n    value: 1.5\n    distribution: {kind: lognormal, logMean: 0.4, logStandardDeviation: 50}", "overrides.identificationRateRatio.distribution.logStandardDeviation"),
            ("pccGrantRenewalProbability:\n    value: 0.9\n    distribution: {kind: beta, alpha: 1e-300, beta: 1}", "overrides.pccGrantRenewalProbability.distribution.alpha"),
            ("discountRateYears0To30: -0.9", "overrides.discountRateYears0To30"),
            ("salary:\n    value: 44000\n    distribution: {kind: uniform, minimum: 50000, maximum: 40000}", nil),
        ]
        for (offset, (text, key)) in overrides.enumerated() {
            let commandIndex = index + offset
            cases.append(HostileCase(kind: .scenario, label: "override \(text.split(separator: "\n")[0])", arguments: { folder in
                scenarioCommand(commandIndex, try HostileFixtures.scenario(in: folder, from: "status-quo", named: "hostile") {
                    $0 + "\noverrides:\n  \(text)\n"
                })
            }, expected: .refusedAt(file: "hostile.yaml", key: key)))
        }
        index += overrides.count
        // Structural breakage.
        let broken: [(String, @Sendable (String) -> String, String?)] = [
            ("unknown top-level key", { $0 + "\nhorizonYear: 10\n" }, "horizonYear"),
            ("tab indentation", { $0.replacingOccurrences(of: "\n  rule:", with: "\n\trule:") }, nil),
            ("empty file", { _ in "" }, nil),
            ("a scalar", { _ in "just text\n" }, nil),
            ("duplicate key", { $0 + "\nname: again\n" }, nil),
            ("a question of 30,000 characters", { $0.replacingOccurrences(of: "\nquestion: ", with: "\nquestion: \(String(repeating: "q", count: 30_000)) ") }, "question"),
            ("unknown deployment rule", { $0.replacingOccurrences(of: "rule: existing", with: "rule: everywhere") }, "deployment.rule"),
            ("an authority that does not exist", { $0.replacingOccurrences(of: "  count: 9 ", with: "  codes: [E99999999]\n  count: 1 ") }, nil),
        ]
        for (offset, (label, transform, key)) in broken.enumerated() {
            let commandIndex = index + offset
            cases.append(HostileCase(kind: .scenario, label: label, arguments: { folder in
                scenarioCommand(commandIndex, try HostileFixtures.scenario(in: folder, from: "status-quo", named: "hostile", transform: transform))
            }, expected: .refusedAt(file: "hostile.yaml", key: key)))
        }
        for command in ["run", "funding", "share", "training", "sensitivity", "export", "compare", "decide"] {
            cases.append(HostileCase(kind: .scenario, label: "\(command): a scenario file that does not exist", arguments: { folder in
                var arguments = [command, folder.appendingPathComponent("missing.yaml").path]
                if command == "share" { arguments += ["--area", "Kent"] }
                if command == "export" { arguments += ["--out", folder.appendingPathComponent("pack").path] }
                if command == "compare" || command == "decide" { arguments += ["Scenarios/status-quo.yaml"] }
                return arguments
            }, expected: .refusedNaming(["missing.yaml"])))
        }
        // Edges that are real answers: each runs and prints only finite figures.
        let edges: [(String, String, @Sendable (String) -> String)] = [
            ("a horizon of 1 year", "status-quo", { $0.replacingOccurrences(of: "horizonYears: 10", with: "horizonYears: 1") }),
            ("a horizon of 100 years", "status-quo", { $0.replacingOccurrences(of: "horizonYears: 10", with: "horizonYears: 100") }),
            ("a rate ratio of exactly 1 (no effect)", "status-quo", { $0 + "\noverrides:\n  identificationRateRatio: 1\n" }),
            ("posts of 0.1 FTE", "status-quo", { $0.replacingOccurrences(of: "  count: 9 ", with: "  fte: 0.1\n  count: 9 ") }),
            ("a baseline that is not there", "regional-hub", { $0.replacingOccurrences(of: "baseline: status-quo", with: "baseline: nowhere") }),
            ("no renewal ever", "status-quo", { $0 + "\noverrides:\n  localCoreBudgetRenewalProbability: 0\n  pccGrantRenewalProbability: 0\n  publicHealthGrantRenewalProbability: 0\n  hostAbsorbProbability: 0\n" }),
        ]
        for (offset, (label, source, transform)) in edges.enumerated() {
            for format in offset % 2 == 0 ? ["table", "csv"] : ["md", "json"] {
                let commandIndex = offset * 2 + (format == "table" || format == "md" ? 0 : 1)
                cases.append(HostileCase(kind: .scenario, label: "\(label) (\(format))", arguments: { folder in
                    let path = try HostileFixtures.scenario(in: folder, from: source, named: "edge", transform: transform)
                    var arguments = scenarioCommand(commandIndex, path, refusalOnly: false)
                    if arguments[0] == "compare" { arguments[2] = folder.appendingPathComponent("status-quo.yaml").path }
                    if arguments[0] == "training" { arguments = ["training", path, "--authority", "Camden"] }
                    if arguments[0] == "export" { return arguments }
                    return arguments + ["--format", format]
                }, expected: label.contains("baseline") ? .eitherNaming(["baseline"]) : .succeeds))
            }
        }
        for (offset, format) in ["json"].enumerated() {
            let (label, source, transform) = edges[offset + 2]
            cases.append(HostileCase(kind: .scenario, label: "decide: \(label) (\(format))", arguments: { folder in
                let path = try HostileFixtures.scenario(in: folder, from: source, named: "edge", transform: transform)
                return ["decide", folder.appendingPathComponent("status-quo.yaml").path, path, "--runs", "100", "--threads", "1", "--format", format]
            }, expected: .succeeds))
        }
        return cases
    }

    // MARK: Authority tables

    static func authorityTables() -> [HostileCase] {
        let commands: [@Sendable (String) -> [String]] = [
            { ["authorities", "--assumptions", $0] },
            { ["training", "--assumptions", $0] },
            { ["run", "Scenarios/local-mix.yaml", "--assumptions", $0, "--runs", "5"] },
            { ["funding", "Scenarios/county-shared.yaml", "--assumptions", $0] },
            { ["share", "Scenarios/county-shared.yaml", "--area", "Kent", "--assumptions", $0] },
            { ["compare", "Scenarios/status-quo.yaml", "Scenarios/local-mix.yaml", "--assumptions", $0, "--runs", "5"] },
            { ["export", "Scenarios/local-mix.yaml", "--assumptions", $0, "--out", ($0 as NSString).deletingLastPathComponent + "/pack", "--runs", "5"] },
            { ["sensitivity", "Scenarios/local-mix.yaml", "--assumptions", $0, "--samples", "100"] },
        ]
        let long = String(repeating: "x", count: 201)
        // The population column is named for its year (population_mid2024); read its name from the header.
        let header = (try? String(contentsOf: HostileFixtures.shippedAssumptions.appendingPathComponent("authorities.csv"), encoding: .utf8))?
            .split(separator: "\n").first.map { $0.split(separator: ",").map(String.init) } ?? []
        let population = header.first { $0.hasPrefix("population") && $0 != "population_status" } ?? "population"
        // Line 2 is Hartlepool, a unitary council with no quoted fields.
        let fields: [(String, [String])] = [
            ("code", ["X123", "", "E0600000A", "=1+1"]),
            ("name", ["", long]),
            ("official_name", [long]),
            ("tier", ["mayor", ""]),
            ("nation", ["France", "Wales"]),
            ("region", ["", long]),
            ("county_code", ["E10000016"]),
            ("police_force_area", [""]),
            (population, ["0", "-5", "1e308", "1e9", "abc", "nan", "inf", "1.5", ""]),
            ("police_force_area_code", ["E23000001"]),
            ("has_msc", ["maybe", "2"]),
        ]
        var cases: [HostileCase] = []
        var index = 0
        for (column, values) in fields {
            for value in values {
                let command = commands[index % commands.count]
                index += 1
                cases.append(HostileCase(kind: .authorityTable, label: "\(column): \(value.prefix(20).debugDescription)", arguments: { folder in
                    command(try HostileFixtures.assumptions(in: folder, file: "authorities.csv", text: {
                        try CSVEdit.setField(column, to: value, line: 2, in: $0)
                    }))
                }, expected: .refusedAt(file: "authorities.csv", key: nil)))
            }
        }
        let broken: [(String, @Sendable (String) -> String)] = [
            ("only the header", { String($0.split(separator: "\n")[0]) + "\n" }),
            ("a misspelt column", { text in
                var lines = text.components(separatedBy: "\n")
                lines[0] = lines[0].replacingOccurrences(of: "has_msc", with: "has_msk")
                return lines.joined(separator: "\n")
            }),
            ("a duplicate column", { $0.replacingOccurrences(of: "code,name,", with: "code,code,") }),
            ("a ragged row", { $0.replacingOccurrences(of: "E06000001,Hartlepool,", with: "E06000001,Hartlepool,extra,") }),
            ("an unclosed quote", { $0.replacingOccurrences(of: "E06000001,Hartlepool,", with: "E06000001,\"Hartlepool,") }),
            ("a duplicate row", { text in
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                return (lines.prefix(2) + [lines[1]] + lines.dropFirst(2)).joined(separator: "\n")
            }),
            ("an empty file", { _ in "" }),
            ("a district whose county is missing", { text in
                text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("E10000016,") }.joined(separator: "\n")
            }),
        ]
        for (label, transform) in broken {
            let command = commands[index % commands.count]
            index += 1
            cases.append(HostileCase(kind: .authorityTable, label: label, arguments: { folder in
                command(try HostileFixtures.assumptions(in: folder, file: "authorities.csv", text: transform))
            }, expected: .refusedAt(file: "authorities.csv", key: nil)))
        }
        for (label, bytes) in [("UTF-16 text", Data([0xFF, 0xFE, 0x63, 0x00])), ("bytes that are not UTF-8", Data([0x63, 0x6F, 0xFF, 0xFE, 0x0A]))] {
            let command = commands[index % commands.count]
            index += 1
            cases.append(HostileCase(kind: .authorityTable, label: label, arguments: { folder in
                command(try HostileFixtures.assumptions(in: folder, file: "authorities.csv", writing: { _ in bytes }))
            }, expected: .refusedAt(file: "authorities.csv", key: nil)))
        }
        // Hostile names are taken and shown safely in every format.
        let hostileNames = ["=HYPERLINK(\"http://example.invalid\";\"x\")", "<script>alert(1)</script>", "a|b|c", "@SUM(A1:A9)",
                            "-2+3", "+44 20", "back\\\\slash", "\u{202E}txt.exe"]
        for (offset, name) in hostileNames.enumerated() {
            let format = ["csv", "md", "table", "json"][offset % 4]
            let quoted = "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            let useTraining = offset % 2 == 1
            cases.append(HostileCase(kind: .authorityTable, label: "name \(name.debugDescription) (\(format))", arguments: { folder in
                let path = try HostileFixtures.assumptions(in: folder, file: "authorities.csv", text: { (text: String) throws -> String in
                    try CSVEdit.setField("name", to: quoted, line: 2, in: text)
                })
                return useTraining
                    ? ["training", "--assumptions", path, "--authority", "E06000001", "--format", format]
                    : ["authorities", "--region", "North East", "--assumptions", path, "--format", format]
            }, expected: .succeeds))
        }
        return cases
    }

    // MARK: Fit data

    /// Twenty rows of counts with a true/false predictor and a three-level factor, noisy enough to fit.
    static func goodFitRows() -> [[String]] {
        (0..<20).map { i in
            let population = 50_000 + 7_919 * i
            let count = 3 + (i * 7) % 11 + (i % 2 == 0 ? 4 : 0)
            return [String(count), String(population), i % 2 == 0 ? "true" : "false", ["North", "South", "West"][i % 3]]
        }
    }

    static func csv(_ rows: [[String]]) -> String {
        (["referrals,population,hasMSC,region"] + rows.map { $0.joined(separator: ",") }).joined(separator: "\n") + "\n"
    }

    static func fitData() -> [HostileCase] {
        var cases: [HostileCase] = []
        func add(_ label: String, _ text: String, _ extra: [String] = ["--predictors", "hasMSC", "--factors", "region"],
                 expected: HostileCase.Expected) {
            cases.append(HostileCase(kind: .fitData, label: label, arguments: { folder in
                let path = folder.appendingPathComponent("data.csv").path
                try text.write(toFile: path, atomically: false, encoding: .utf8)
                return ["fit", path] + extra
            }, expected: expected))
        }
        let good = goodFitRows()
        let cellValues: [(Int, String, [String])] = [
            (0, "referrals", ["-1", "1.5", "1e300", "nan", "inf", "", "abc", "1e14", "0x10"]),
            (1, "population", ["0", "-1", "1e300", "", "abc", "inf"]),
            (2, "hasMSC", ["maybe", "inf", ""]),
            (3, "region", [""]),
        ]
        for (column, name, values) in cellValues {
            for (offset, value) in values.enumerated() {
                var rows = good
                rows[offset % rows.count][column] = value
                add("\(name) \(value.debugDescription) on line \(offset % rows.count + 2)", csv(rows), expected: .refusedAt(file: "data.csv", key: name))
            }
        }
        var zero = good
        for i in zero.indices { zero[i][0] = "0" }
        add("every count 0", csv(zero), expected: .refusedAt(file: "data.csv", key: "referrals"))
        var separated = good
        for i in separated.indices where separated[i][2] == "true" { separated[i][0] = "0" }
        add("separation by a true/false predictor", csv(separated), expected: .refusedAt(file: "data.csv", key: "hasMSC"))
        var level = good
        for i in level.indices where level[i][3] == "West" { level[i][0] = "0" }
        add("separation by a factor level", csv(level), expected: .refusedAt(file: "data.csv", key: "region"))
        var continuous = good
        for i in continuous.indices { continuous[i][0] = i < 10 ? "0" : String(5 + i) }
        add("separation by a continuous predictor", (["referrals,population,hasMSC,region,rank"] + continuous.enumerated().map { ($0.element + [String($0.offset)]).joined(separator: ",") }).joined(separator: "\n"),
            ["--predictors", "rank"], expected: .eitherNaming(["data.csv"]))
        add("as many rows as parameters", csv(Array(good.prefix(4))), expected: .refusedAt(file: "data.csv", key: nil))
        var constant = good
        for i in constant.indices { constant[i][2] = "true" }
        add("a predictor that never varies", csv(constant), expected: .refusedAt(file: "data.csv", key: "hasMSC"))
        add("only the header", csv([]), expected: .refusedAt(file: "data.csv", key: nil))
        add("an empty file", "", expected: .refusedAt(file: "data.csv", key: nil))
        add("a ragged row", csv(good).replacingOccurrences(of: "\n3,", with: "\n3,1,"), expected: .refusedAt(file: "data.csv", key: nil))
        add("a column named twice", csv(good).replacingOccurrences(of: "hasMSC,region", with: "hasMSC,hasMSC"), ["--predictors", "hasMSC"],
            expected: .refusedAt(file: "data.csv", key: "hasMSC"))
        add("an outcome column that is not there", csv(good), ["--outcome", "victims"], expected: .refusedAt(file: "data.csv", key: "victims"))
        add("a predictor given twice", csv(good), ["--predictors", "hasMSC,hasMSC"], expected: .refusedAt(file: "data.csv", key: "hasMSC"))
        add("an effect that was not fitted", csv(good), ["--predictors", "hasMSC", "--effect", "region"], expected: .refusedNaming(["--effect"]))
        // Good data answers with finite figures in every format and dispersion.
        for (offset, dispersion) in ["fixed", "pearson", "robust"].enumerated() {
            for format in ["table", "csv", "md", "json"] {
                add("good data, \(dispersion) (\(format))", csv(good),
                    ["--predictors", "hasMSC", "--factors", "region", "--dispersion", dispersion, "--format", format] + (offset == 0 ? ["--exposure", "none"] : []),
                    expected: .succeeds)
            }
        }
        // Time series for the segmented and trend models.
        let quarters = (0..<16).map { "\(2020 + $0 / 4) Q\($0 % 4 + 1)" }
        func series(_ values: [String]) -> String {
            (["period,value"] + zip(quarters, values).map { "\($0),\($1)" }).joined(separator: "\n") + "\n"
        }
        let wiggle = [0, 4, -3, 2, -1]
        let noisy: [String] = (0..<16).map { String(100 + 3 * $0 + wiggle[$0 % 5]) }
        let exact: [String] = (0..<16).map { String(100 + 3 * $0) }
        let doubling: [String] = (0..<16).map { String(1 << $0) }
        let seriesCases: [(String, [String], String, HostileCase.Expected)] = [
            ("segmented, good", noisy, "segmented", HostileCase.Expected.succeeds),
            ("trend, good", noisy, "trend", .succeeds),
            ("segmented, values exactly on lines", exact, "segmented", .refusedAt(file: "data.csv", key: "value")),
            ("trend, values exactly on a curve", doubling, "trend", .refusedAt(file: "data.csv", key: "value")),
            ("trend, a zero value", ["0"] + noisy.dropFirst(), "trend", .refusedAt(file: "data.csv", key: "value")),
            ("segmented, a value of 1e300", ["1e300"] + noisy.dropFirst(), "segmented", .refusedAt(file: "data.csv", key: "value")),
            ("trend, text for a value", ["many"] + noisy.dropFirst(), "trend", .refusedAt(file: "data.csv", key: "value")),
        ]
        for (label, values, model, expected) in seriesCases {
            for format in ["table", "md"] {
                var extra = ["--model", model, "--outcome", "value", "--format", format]
                if model == "segmented" { extra += ["--intervention", "2022 Q1"] }
                add("\(label) (\(format))", series(values), extra, expected: expected)
            }
        }
        add("segmented, an intervention outside the series", series(noisy), ["--model", "segmented", "--outcome", "value", "--intervention", "2040 Q1"],
            expected: .refusedNaming(["2040 Q1"]))
        add("trend, periods out of order", series(noisy).replacingOccurrences(of: "2020 Q2", with: "2023 Q4"), ["--model", "trend", "--outcome", "value"],
            expected: .refusedAt(file: "data.csv", key: "period"))
        return cases
    }

    // MARK: Options

    static func options() -> [HostileCase] {
        let huge = String(repeating: "z", count: 10_000)
        let badNumbers = ["inf", "nan", "1e308", "-1", "abc"]
        // (command prefix, option, values that must be refused)
        let table: [([String], String, [String])] = [
            (["cost"], "--salary", badNumbers),
            (["cost"], "--target", badNumbers),
            (["cost"], "--operational-budget", badNumbers),
            (["cost"], "--pension", ["-inf", "1.5", ""]),
            (["cost"], "--overhead", ["inf", "nan", "2"]),
            (["cost"], "--apprenticeship-levy", ["inf", "-0.1"]),
            (["cost"], "--fte", ["0", "1.5", "0.01", "1e999"]),
            (["cost"], "--posts", ["0", "-1", "1e9", "abc", "99999999999999999999"]),
            (["cost"], "--tax-year", ["3000-01", "1999-00", "2025", huge]),
            (["cost"], "--salary-year", ["1900-01", "2030-31", "abc"]),
            (["cost"], "--format", ["", "xml"]),
            (["run", "Scenarios/status-quo.yaml"], "--runs", ["0", "5000001", "1e3"]),
            (["run", "Scenarios/status-quo.yaml", "--runs", "5"], "--threads", ["0", "257", "abc"]),
            (["run", "Scenarios/status-quo.yaml", "--runs", "5"], "--target-mcse", ["inf", "nan", "0", "-5", "1e308"]),
            (["run", "Scenarios/status-quo.yaml", "--runs", "5"], "--sampling", ["", "random"]),
            (["run", "Scenarios/status-quo.yaml", "--runs", "5"], "--seed", ["-1", "abc", "1e3"]),
            (["compare", "Scenarios/status-quo.yaml", "Scenarios/local-mix.yaml"], "--runs", ["0", "nan"]),
            (["funding", "Scenarios/local-mix.yaml"], "--runs", ["0", "10000001", "abc"]),
            (["sensitivity", "Scenarios/status-quo.yaml"], "--samples", ["0", "99", "200001", "abc"]),
            (["training"], "--horizon", ["0", "101", "abc"]),
            (["training"], "--coordinator-fte", ["0", "1e9", "nan", "0.01"]),
            (["training"], "--authority", ["Atlantis", "", huge]),
            (["share", "Scenarios/county-shared.yaml"], "--area", ["", "Atlantis", huge]),
            (["share", "Scenarios/county-shared.yaml", "--area", "Kent"], "--area-kind", ["", "planet"]),
            (["authorities"], "--tier", ["", "mayor"]),
            (["authorities"], "--region", ["Atlantis", huge]),
            (["authorities"], "--county", ["Atlantis", huge]),
            (["authorities"], "--police-force-area", ["Atlantis", huge]),
            (["assumptions"], "--name", [huge]),
            (["fit", "DATA", "--predictors", "hasMSC"], "--model", ["", "linear"]),
            (["fit", "Assumptions/data/nrm_referrals_uk_quarterly.csv", "--model", "trend", "--outcome", "adult"], "--horizon", ["-1", "401", "abc"]),
            (["fit", "Assumptions/data/nrm_referrals_uk_quarterly.csv", "--model", "trend", "--outcome", "adult"], "--since", ["3000 Q1", "abc"]),
            (["fit", "DATA", "--predictors", "hasMSC"], "--dispersion", ["", "magic"]),
            (["fit", "DATA", "--predictors", "hasMSC", "--effect", "hasMSC"],
             "--save-as", ["", "Not-Camel", huge]),
            (["decide", "Scenarios/status-quo.yaml", "Scenarios/local-mix.yaml", "--runs", "100"], "--threshold", ["inf", "-1", "1e308"]),
            (["decide", "Scenarios/status-quo.yaml", "Scenarios/local-mix.yaml", "--runs", "100"], "--baseline", [huge]),
            (["decide", "Scenarios/status-quo.yaml", "Scenarios/local-mix.yaml"], "--runs", ["99", "0", "abc"]),
            (["decide", "Scenarios/status-quo.yaml", "Scenarios/local-mix.yaml", "--runs", "100"], "--sampling", ["sobol", ""]),
            (["decide", "Scenarios/status-quo.yaml", "Scenarios/local-mix.yaml", "--runs", "100"], "--target-mcse", ["5", "inf"]),
            (["export", "Scenarios/status-quo.yaml", "--out", "/tmp/msc-never-written"], "--format", ["", "csv,,md", "pdf", ","]),
            (["export", "Scenarios/status-quo.yaml", "--out", "/tmp/msc-never-written"], "--title", [huge, "two\nlines"]),
        ]
        var cases: [HostileCase] = []
        let data = csv(goodFitRows())
        for (prefix, option, values) in table {
            for value in values {
                cases.append(HostileCase(kind: .option, label: "\(prefix[0]) \(option) \(value.prefix(20).debugDescription)", arguments: { folder in
                    // DATA stands for a good fit data set written into the case's folder.
                    let path = folder.appendingPathComponent("data.csv").path
                    if prefix.contains("DATA") { try data.write(toFile: path, atomically: false, encoding: .utf8) }
                    return prefix.map { $0 == "DATA" ? path : $0 } + [option, value]
                }, expected: .refusedNaming([option])))
            }
        }
        // Paths: an export or an estimate where it cannot or must not go.
        let paths: [(String, @Sendable (URL) throws -> [String], [String])] = [
            ("--out empty", { _ in ["export", "Scenarios/status-quo.yaml", "--out", ""] }, ["--out"]),
            ("--out under a folder that does not exist", { ["export", "Scenarios/status-quo.yaml", "--out", $0.appendingPathComponent("no/such/pack").path] },
             ["--out", "does not exist"]),
            ("--out in /proc", { _ in ["export", "Scenarios/status-quo.yaml", "--out", "/proc/msc-pack"] }, ["--out", "/proc/msc-pack"]),
            ("--out a file", { folder in
                let file = folder.appendingPathComponent("file.txt")
                try "mine".write(to: file, atomically: false, encoding: .utf8)
                return ["export", "Scenarios/status-quo.yaml", "--out", file.path]
            }, ["--out", "file.txt"]),
            ("--out a folder of the user's files", { folder in
                let pack = folder.appendingPathComponent("mine")
                try FileManager.default.createDirectory(at: pack, withIntermediateDirectories: false)
                try "notes".write(to: pack.appendingPathComponent("notes.txt"), atomically: false, encoding: .utf8)
                return ["export", "Scenarios/status-quo.yaml", "--out", pack.path, "--runs", "5"]
            }, ["notes.txt"]),
            ("--out a hidden file in an otherwise empty folder", { folder in
                let pack = folder.appendingPathComponent("mine")
                try FileManager.default.createDirectory(at: pack, withIntermediateDirectories: false)
                try "x".write(to: pack.appendingPathComponent(".DS_Store"), atomically: false, encoding: .utf8)
                return ["export", "Scenarios/status-quo.yaml", "--out", pack.path, "--runs", "5"]
            }, [".DS_Store"]),
            ("--out a symbolic link", { folder in
                let link = folder.appendingPathComponent("link")
                try FileManager.default.createSymbolicLink(at: link, withDestinationURL: folder)
                return ["export", "Scenarios/status-quo.yaml", "--out", link.path, "--runs", "5"]
            }, ["--out", "symbolic link"]),
            ("--save-estimate in a folder that does not exist", { _ in
                ["fit", "Assumptions/authorities.csv", "--outcome", "population", "--exposure", "none", "--predictors", "has_msc",
                 "--effect", "has_msc", "--save-estimate", "/nonexistent/dir/x.yaml"]
            }, ["--save-estimate", "does not exist"]),
            ("--save-estimate over an assumption file", { folder in
                let file = folder.appendingPathComponent("impact.yaml")
                try "keep: me\n".write(to: file, atomically: false, encoding: .utf8)
                return ["fit", "Assumptions/authorities.csv", "--outcome", "population", "--exposure", "none", "--predictors", "has_msc",
                        "--effect", "has_msc", "--save-estimate", file.path]
            }, ["--save-estimate", "not written by msc fit"]),
            ("--save-estimate a folder", { folder in
                ["fit", "Assumptions/authorities.csv", "--outcome", "population", "--exposure", "none", "--predictors", "has_msc",
                 "--effect", "has_msc", "--save-estimate", folder.path]
            }, ["--save-estimate"]),
        ]
        for (label, arguments, parts) in paths {
            cases.append(HostileCase(kind: .option, label: label, arguments: arguments, expected: .refusedNaming(parts)))
        }
        // Every command, including any that landed later: an unknown option, a bad --format.
        let commands = knownCommands + knownLaterCommands
        let valid: [String: [String]] = [
            "fit": ["Assumptions/data/nrm_referrals_uk_quarterly.csv"], "run": ["Scenarios/status-quo.yaml"],
            "compare": ["Scenarios/status-quo.yaml", "Scenarios/local-mix.yaml"], "sensitivity": ["Scenarios/status-quo.yaml"],
            "share": ["Scenarios/county-shared.yaml", "--area", "Kent"], "funding": ["Scenarios/status-quo.yaml"],
            "export": ["Scenarios/status-quo.yaml", "--out", "/tmp/msc-never-written"],
            "decide": ["Scenarios/status-quo.yaml", "Scenarios/local-mix.yaml"], "pilot": ["Scenarios/national-rollout.yaml"],
            "target": ["Scenarios/national-rollout.yaml", "--budget", "5000000"],
        ]
        for command in commands {
            cases.append(HostileCase(kind: .option, label: "\(command) --no-such-option", arguments: { _ in
                [command] + (valid[command] ?? []) + ["--no-such-option"]
            }, expected: .refusedNaming(["--no-such-option"])))
        }
        return cases
    }

    // MARK: Hostile names in exports

    static func exportNames() -> [HostileCase] {
        let names = ["<script>alert('x')</script>", "=HYPERLINK(\"http://example.invalid\",\"click\")", "+cmd|' /C calc'!A0",
                     "a | b | c", "\"quoted\", with commas", "../../../etc/passwd", "*bold* _em_ `code` [x](javascript:alert(1))",
                     "🏴 ünïcødé", String(repeating: "w", count: 200)]
        var cases: [HostileCase] = []
        for (index, name) in names.enumerated() {
            let yamlName = "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
            let formats = index % 3 == 0 ? "html,csv,md,json,xlsx" : ["html,xlsx", "csv,md", "json,xlsx,md"][index % 3]
            cases.append(HostileCase(kind: .exportName, label: "scenario named \(name.prefix(30).debugDescription)", arguments: { folder in
                let path = try HostileFixtures.scenario(in: folder, from: "status-quo", named: "named") {
                    try YAMLEdit.set(["name"], to: yamlName, in: $0)
                }
                var arguments = ["export", path, "--out", folder.appendingPathComponent("pack").path, "--runs", "5", "--threads", "1", "--format", formats]
                if index % 4 == 1 { arguments += ["--title", name] }
                return arguments
            }, expected: .succeeds))
        }
        // A name that would display as something else (a text-direction override) is refused, not exported.
        for hidden in ["\u{202E}evil\u{202C}", "bell\\a"] {
            cases.append(HostileCase(kind: .exportName, label: "scenario named with a hidden character \(hidden.debugDescription)",
                                     arguments: { folder in
                let path = try HostileFixtures.scenario(in: folder, from: "status-quo", named: "named") {
                    try YAMLEdit.set(["name"], to: "\"\(hidden)\"", in: $0)
                }
                return ["export", path, "--out", folder.appendingPathComponent("pack").path, "--runs", "5", "--format", "html"]
            }, expected: .refusedAt(file: "named.yaml", key: "name")))
        }
        // A funding label and a title, each hostile, in a pack of two scenarios.
        cases.append(HostileCase(kind: .exportName, label: "a hostile funding label", arguments: { folder in
            let path = try HostileFixtures.scenario(in: folder, from: "national-rollout", named: "labelled") {
                try YAMLEdit.set(["funding", "sources", "label"], to: "\"=cmd|' /C calc'!A0 <b>|</b>\"", in: $0)
                    .replacingOccurrences(of: "name: national-rollout", with: "name: labelled")
            }
            return ["export", "Scenarios/status-quo.yaml", path, "--out", folder.appendingPathComponent("pack").path, "--runs", "5", "--threads", "1",
                    "--title", "@title | <i>", "--format", "html,csv,md,xlsx"]
        }, expected: .succeeds))
        cases.append(HostileCase(kind: .exportName, label: "a scenario name with a line break", arguments: { folder in
            let path = try HostileFixtures.scenario(in: folder, from: "status-quo", named: "named") {
                try YAMLEdit.set(["name"], to: "\"one\\ntwo\"", in: $0)
            }
            return ["export", path, "--out", folder.appendingPathComponent("pack").path, "--runs", "5"]
        }, expected: .refusedAt(file: "named.yaml", key: "name")))
        cases.append(HostileCase(kind: .exportName, label: "a scenario name of 201 characters", arguments: { folder in
            let path = try HostileFixtures.scenario(in: folder, from: "status-quo", named: "named") {
                try YAMLEdit.set(["name"], to: String(repeating: "w", count: 201), in: $0)
            }
            return ["export", path, "--out", folder.appendingPathComponent("pack").path, "--runs", "5"]
        }, expected: .refusedAt(file: "named.yaml", key: "name")))
        cases.append(HostileCase(kind: .exportName, label: "re-export over the pack's own files", arguments: { folder in
            let pack = folder.appendingPathComponent("pack").path
            let first = try MSCBinary.run(["export", "Scenarios/status-quo.yaml", "--out", pack, "--runs", "5", "--format", "csv"])
            guard first.status == 0 else { throw HostileFixtures.Missing(description: "first export failed: \(first.stderr)") }
            return ["export", "Scenarios/status-quo.yaml", "--out", pack, "--runs", "5", "--format", "md,xlsx"]
        }, expected: .succeeds))
        return cases
    }
}
