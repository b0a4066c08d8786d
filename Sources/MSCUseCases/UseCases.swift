/// The use cases: each question a user can ask, as one typed request in and one typed result out.
///
/// `msc`'s commands, the web server's handlers and the evidence pack ask these questions here:
/// a front end parses its input into a request, calls the use case, and encodes the
/// result (a table, JSON, a zip file). The use case owns everything between: which scenarios are
/// compared with which (``ScenarioSelection``, the one baseline rule), the Monte Carlo runs with
/// common random numbers (``SimulatedScenarios``), whether a decision can be made, the decision
/// analysis, the manifest that says how to reproduce the run, cancellation and progress
/// (``WorkControl``). So the same question asked on the command line, on the page or through the
/// pack is answered by the same code, and gives the same figure to the last digit.
///
/// | question | use case | front ends |
/// | --- | --- | --- |
/// | one scenario's Monte Carlo or central case | ``RunScenario`` | `msc run`, `POST /api/run` |
/// | scenarios side by side, with the decision and charts | ``Compare`` | `msc compare`, `POST /api/compare` |
/// | which option is worthwhile, which evidence to buy first | ``Decide`` | `msc decide`, `POST /api/decide` |
/// | what a pilot is worth | ``ValuePilot`` | `msc pilot`, `POST /api/pilot`, `msc export --pilot` |
/// | the evidence pack | ``BuildEvidencePack`` | `msc export`, `POST /api/evidence-pack` |
/// | each council's share of an area's posts | ``ShareAcrossArea`` | `msc share`, `POST /api/share` |
/// | one council under a scenario | ``CouncilCardLookup`` | `POST /api/council` |
/// | where the first posts go | ``TargetPosts`` | `msc target`, `POST /api/target`, `msc export --target` |
/// | how likely the posts survive their funding | ``FundingOutlook`` | `msc funding` |
///
/// Not yet here: `msc sensitivity`, `msc cost` and `msc training` each call one library entry
/// point (``MSCSimulation/SensitivityAnalysis``, the cost and training reports), which no other
/// front end asks; the server still writes some presentation of its own around the results (the
/// map's cells, the area view, the central case's caveats).
public enum UseCases {}
