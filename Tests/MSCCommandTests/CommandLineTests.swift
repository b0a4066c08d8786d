import Foundation
import Testing
import MSCTestSupport

extension MSCBinary {
    static func json(_ arguments: [String]) throws -> Any {
        let output = try run(arguments)
        #expect(output.status == 0, "\(arguments): \(output.stderr)")
        return try JSONSerialization.jsonObject(with: Data(output.stdout.utf8))
    }
}

@Suite(.serialized) struct CommandLineTests {
    /// `msc --help` as a user sees it in a pipe (80 columns): one line per command, each with its one-sentence abstract.
    static let help = """
        OVERVIEW: Model the cost, funding, survival and impact of Modern Slavery
        Coordinator posts in the local authorities of England and Wales.

        USAGE: msc <subcommand>

        OPTIONS:
          --version               Show the version.
          -h, --help              Show help information.

        SUBCOMMANDS:
          cost                    Employer cost of one coordinator post per year, with
                                  the source of each line.
          assumptions             List every assumption with its value, unit,
                                  distribution and source.
          authorities             List the 339 local authorities of England and Wales,
                                  with filters.
          training                Three-tier staff training: people to reach, trained
                                  and cost a year, years to full coverage, with and
                                  without a coordinator.
          fit                     Fit a Poisson rate model, an interrupted time series
                                  or a log-linear trend to a CSV file.
          pilot                   Value a pilot of the scenario's posts: EVSI and
                                  expected net benefit of sampling over a grid of sizes
                                  and durations.
          run                     Run one scenario: cost, identifications, NPV and BCR
                                  with uncertainty, or the central case.
          compare                 Compare scenarios side by side: central values, 90%
                                  intervals and differences against a baseline.
          sensitivity             Which assumptions the answer hangs on: tornado
                                  (one-way) and Sobol indices (variance-based) of NPV.
          decide                  Decision analysis: probability each scenario is
                                  worthwhile by value of an identification, EVPI and
                                  the value of resolving each input first (EVPPI).
          share                   Each council's share of a shared post, what each
                                  funder pays and what the council pays itself, against
                                  a post of its own.
          target                  Where first: the posts (own, county-area,
                                  police-force-area) a budget a year should fund, under
                                  both incidence indices, with robustness and the
                                  frontier.
          funding                 Survival of a scenario's posts through their funding
                                  renewals, and the expected cost to each funder.
          export                  Write an evidence pack for one or more scenarios:
                                  tables, SVG charts, assumptions annex and run
                                  manifest.
          serve                   Serve the web page and JSON API on this machine
                                  (http://127.0.0.1:8080/ by default).

          See 'msc help <subcommand>' for detailed help.

        """

    @Test func theBinaryIsTheOneBuiltWithTheseTests() throws {
        let bundleFolder = URL(fileURLWithPath: Bundle.main.executablePath ?? CommandLine.arguments[0])
            .resolvingSymlinksInPath().deletingLastPathComponent().path
        #expect(bundleFolder.hasPrefix(MSCBinary.executable.deletingLastPathComponent().path))
        #expect(FileManager.default.isExecutableFile(atPath: MSCBinary.executable.path))
    }

    @Test func helpIsPinned() throws {
        let output = try MSCBinary.run(["--help"])
        #expect(output.status == 0)
        #expect(output.stdout == Self.help)
        for command in ["cost", "assumptions", "authorities", "share", "funding", "fit", "training", "run", "compare", "sensitivity"] {
            #expect(output.stdout.contains("  \(command)"), "\(command) missing from --help")
        }
        let version = try MSCBinary.run(["--version"])
        #expect(version.status == 0 && !version.stdout.isEmpty)
    }

    @Test func costReproducesTheReport() throws {
        let cost = try #require(try MSCBinary.json(["cost", "--operational-budget", "0", "--posts", "339", "--format", "json"]) as? [String: Any])
        #expect(cost["total"] as? Double == 57533)
        #expect(cost["employmentCost"] as? Double == 57533)
        #expect(cost["totalForPosts"] as? Double == 19_503_687)
        let fewer = try #require(try MSCBinary.json(["cost", "--operational-budget", "0", "--posts", "330", "--format", "json"]) as? [String: Any])
        #expect(fewer["totalForPosts"] as? Double == 18_985_890)
        let solved = try #require(try MSCBinary.json(["cost", "--operational-budget", "0", "--target", "57533", "--format", "json"]) as? [String: Any])
        #expect(solved["salary"] as? Double == 44490.84)
    }

    @Test func authoritiesListsAll339() throws {
        let all = try #require(try MSCBinary.json(["authorities", "--format", "json"]) as? [[String: Any]])
        #expect(all.count == 339)
        let london = try #require(try MSCBinary.json(["authorities", "--tier", "london_borough", "--format", "json"]) as? [[String: Any]])
        #expect(london.count == 32)
        #expect(Set(all.compactMap { $0["code"] as? String }).count == 339)
    }

    @Test func kentSharesSumToOne() throws {
        let share = try #require(try MSCBinary.json(["share", "Scenarios/county-shared.yaml", "--area", "Kent", "--format", "json"]) as? [String: Any])
        let rows = try #require(share["councils"] as? [[String: Any]])
        for key in ["code", "name", "costShares", "grossAnnualCost", "netAnnualCost", "ownPostNetAnnualCost", "coverage"] {
            #expect(rows.allSatisfy { $0[key] != nil }, "\(key) missing")
        }
        #expect(rows.count == 13)
        let total = rows.compactMap { ($0["costShares"] as? [Double])?.first }.reduce(0, +)
        #expect(abs(total - 1) < 1e-12)
    }

    @Test func compareIsByteIdenticalWhateverTheThreadCount() throws {
        let base = ["compare", "Scenarios/status-quo.yaml", "Scenarios/national-rollout.yaml", "--runs", "600", "--seed", "11", "--format", "json"]
        let one = try MSCBinary.run(base + ["--threads", "1"])
        let two = try MSCBinary.run(base + ["--threads", "2"])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout == two.stdout)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [String: Any])
        let scenarios = try #require(parsed["scenarios"] as? [[String: Any]])
        #expect(scenarios.count == 2)
        let metrics = try #require(scenarios[1]["metrics"] as? [String: Any])
        let npv = try #require(metrics["npv"] as? [String: Any])
        for key in ["mean", "sd", "p5", "p50", "p95", "mcse"] { #expect(npv[key] is Double, "\(key)") }
    }

    @Test func deterministicRunHasTheAppraisalFields() throws {
        let run = try #require(try MSCBinary.json(["run", "Scenarios/national-rollout.yaml", "--deterministic", "--format", "json"]) as? [String: Any])
        for key in ["costs", "benefits", "pvCosts", "pvBenefits", "npv", "bcr", "switchingValues"] {
            #expect(run[key] != nil, "\(key) missing")
        }
        let costs = try #require(run["costs"] as? [Double])
        #expect(costs.count == 10)
    }

    @Test func badInputIsOneClearLineAndExitTwo() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("msc-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = MSCBinary.root.appendingPathComponent("Assumptions")
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) where name.hasSuffix(".yaml") || name.hasSuffix(".csv") {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let cost = folder.appendingPathComponent("cost.yaml")
        let text = try String(contentsOf: cost, encoding: .utf8).replacingOccurrences(of: "  value: 0.16\n", with: "  value: 1.6\n")
        try text.write(to: cost, atomically: true, encoding: .utf8)
        let output = try MSCBinary.run(["cost", "--assumptions", folder.path])
        #expect(output.status == 2)
        #expect(output.stderr.split(separator: "\n").count == 1)
        #expect(output.stderr.contains("cost.yaml:") && output.stderr.contains("pensionRate.value"))
        #expect(output.stdout.isEmpty)

        let scenario = folder.appendingPathComponent("typo.yaml")
        let typo = try String(contentsOf: MSCBinary.root.appendingPathComponent("Scenarios/county-shared.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "baseline: local-mix", with: "baseline: local-mixx")
        try typo.write(to: scenario, atomically: true, encoding: .utf8)
        let compared = try MSCBinary.run(["compare", scenario.path, "Scenarios/status-quo.yaml", "--runs", "10"])
        #expect(compared.status == 2)
        #expect(compared.stderr.contains("baseline") && compared.stderr.contains("local-mixx"))

        let missing = try MSCBinary.run(["run", "Scenarios/no-such-scenario.yaml"])
        #expect(missing.status != 0)
        #expect(missing.stderr.split(separator: "\n").count == 1)
        #expect(!missing.stderr.contains("Fatal error"))
    }

    @Test func fitReproducesDobsonThroughTheCommandLine() throws {
        // R's glm example (Dobson 1990, p. 93): counts ~ outcome + treatment, Poisson.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("dobson-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        try "counts,outcome,treatment,one\n18,1,1,1\n17,2,1,1\n15,3,1,1\n20,1,2,1\n10,2,2,1\n20,3,2,1\n25,1,3,1\n13,2,3,1\n12,3,3,1\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let fit = try #require(try MSCBinary.json(["fit", file.path, "--outcome", "counts", "--exposure", "one",
                                                   "--factors", "outcome,treatment", "--format", "json"]) as? [String: Any])
        let coefficients = try #require(fit["coefficients"] as? [[String: Any]])
        let estimates = coefficients.compactMap { $0["estimate"] as? Double }
        let errors = coefficients.compactMap { $0["standardError"] as? Double }
        let expected = [3.044522, -0.454255, -0.292987, 0, 0], expectedErrors = [0.170899, 0.202171, 0.192742, 0.2, 0.2]
        #expect(estimates.count == 5)
        for (got, want) in zip(estimates, expected) { #expect(abs(got - want) < 5e-6) }
        for (got, want) in zip(errors, expectedErrors) { #expect(abs(got - want) < 5e-6) }
        #expect(abs((fit["deviance"] as? Double ?? 0) - 5.129141) < 5e-6)
        #expect(fit["dispersion"] is Double)
    }
}
