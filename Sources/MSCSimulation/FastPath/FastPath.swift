// The fast path of the Monte Carlo: everything in this folder, the C in `Sources/CKernels`, and the
// two GSLKit pieces named below. Each part computes what a readable formula elsewhere computes, in a
// form that runs faster, and a test holds it to that formula. The readable model is the reference:
// a change to a formula goes there first, and the fast part follows until its test passes again.
//
// | Fast part | Held to (readable) | By |
// | --- | --- | --- |
// | `ScenarioKernel.evaluate`, C `msc_sum_posts` (each post once per iteration, yearly sums through a few totals, posts grouped by their years alone unless survival weights need their funding group) | `ScenarioModel.evaluate(national:posts:)` in MSCModel (every post in every year) | `KernelPropertyTests` (random scenario shapes from a generator that shrinks a failure to a small scenario); `EngineAgreementTests` on the shipped plans |
// | `PostDraws.drawCosts`, `PerPostQuantile`, C `msc_triangular_uniform_values` (salaries and budgets from a block of uniforms) | `Distribution.draw(fromUniform:)` held to the admissible range, one post at a time | `PerPostQuantileTests`, bit for bit, every pair of shapes |
// | `PostDraws.drawFunding`, `FundingLapseKernel`, C `msc_funding_part_lapses` and `msc_funding_lapse_years` (what each source's draw settles worked out once per iteration, one record per part; then a group's posts in three passes: where each part's uniforms lie and whether it lapses uncovered, tested on bit patterns against a bound exact in u; the year of each listed lapse, counting renewal points padded to one length; each post's year) | `FundingMix.drawLapses` then `FundingMix.fundedYears` in MSCModel | `FundingLapseKernelTests`, year for year and draw for draw (and the bit-pattern test against the readable comparison at every bound) |
// | GSLKit `Statistics.quantilesByBracketing`, C `msc_count_below_within_above` and `msc_gather_within` (percentiles of a run; a rank whose value is 0 only when the data hold no −0) | quickselect over all the values (`gsl_stats_select`) | `StatisticsTests.bracketedQuantilesMatchQuickselectBitForBit` |
// | GSLKit `RandomStream.fillUniform`, `BufferedUniforms` (uniforms a block at a time) | `gsl_rng_uniform`, one call per number | `DistributionTests` (the same numbers in the same order) |
//
// The bracketing and the block fill stay in GSLKit because GSLKit's own public functions (quantiles,
// the streams) use them; this note is where they are listed with the rest. The C target takes its
// parameters as named structs declared in `CKernels.h`, never as a row of positional doubles, and is
// compiled without fused multiply-adds or errno so each value has the bits the Swift formula gives.
//
// The engine around this folder (`Engine/`: chunks, streams, storage of results) decides which
// iterations draw which numbers; nothing here may change that order, so a seed gives the same output
// at any thread count.
