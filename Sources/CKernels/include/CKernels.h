#ifndef MSC_CKERNELS_H
#define MSC_CKERNELS_H

#include <stddef.h>
#include <stdint.h>

/// What stays the same from post to post when salaries (triangular) and operational budgets
/// (uniform) are turned from uniforms into values: the salary's triangular quantile as
/// `TriangularQuantile` holds it, the budget's bounds, and each input's admissible range.
/// Named fields, so that the Swift caller cannot swap two of them by position.
typedef struct {
    /// The triangle: its ends, `maximum − minimum`, where the mode falls as a fraction of the
    /// width, and the mode's distances from each end as `TriangularQuantile` keeps them.
    double salaryMinimum;
    double salaryMaximum;
    double salaryWidth;
    double salaryModeFraction;
    double salaryBelowMode;
    double salaryAboveMode;
    /// The salary's admissible range (each value held to it with max then min).
    double salaryAdmissibleLow;
    double salaryAdmissibleHigh;
    /// The budget's uniform bounds and its admissible range.
    double budgetLower;
    double budgetUpper;
    double budgetAdmissibleLow;
    double budgetAdmissibleHigh;
} msc_triangular_uniform_shape;

/// Every post's salary (triangular) and operational budget (uniform) from the uniforms drawn for
/// them, laid out post after post (salary's, then budget's). The same operations as the Swift
/// formulas (TriangularQuantile and the uniform quantile, each held to its range with max then
/// min), compiled so that the loop runs several posts at once: Swift's square root checks for
/// negative arguments one value at a time, which keeps the loop scalar.
void msc_triangular_uniform_values(const double *uniforms, size_t posts, const msc_triangular_uniform_shape *shape,
                                   double *salaries, double *budgets);

/// msc_triangular_uniform_values as compiled for any processor of its kind, never with wider
/// registers chosen at run time: the same values bit for bit (a test compares the two).
void msc_triangular_uniform_values_portable(const double *uniforms, size_t posts,
                                            const msc_triangular_uniform_shape *shape, double *salaries,
                                            double *budgets);

/// How many of the n values are below `low`, how many lie in [low, high] and how many above
/// `high`, in one pass with no branch (the comparisons come out as masks, several values at a
/// time); a NaN is in none of the three. A quantile's bracket is checked with these counts before
/// the few values inside it are gathered.
void msc_count_below_within_above(const double *values, size_t n, double low, double high,
                                  size_t *below, size_t *within, size_t *above);

/// The values in [low, high], in their order, written to `inside` (room for one more than
/// there are: each value is written and kept only if inside, so there is no branch); returns how many.
size_t msc_gather_within(const double *values, size_t n, double low, double high, double *inside);

/// The next n uniforms in [0, 1) of a GSL taus or taus2 generator, given its state (`gsl_rng.state`,
/// which it advances), bit for bit those `gsl_rng_uniform` gives one call at a time: the engine
/// draws hundreds of numbers an iteration, and the call through GSL's function pointer for each
/// was much of their cost.
void msc_taus_fill_uniform(void *state, double *uniforms, size_t n);

/// 1 when a uniform in [0, 1) whose bit pattern is `uniform` lies below the bound whose pattern is
/// `bound`, else 0. For these values (the uniforms, 0, 1, ±∞ and the doubles between) the order of
/// the patterns, read as signed integers, is the order of the values, and their difference never
/// overflows: the answer is the sign of the difference, a subtraction and a shift with no flag.
static inline size_t msc_bits_below(int64_t uniform, int64_t bound) {
    return (size_t)(((uint64_t)uniform - (uint64_t)bound) >> 63);
}

/// What the iteration's draw settles for one part of a group's posts, as the funding draw's first
/// pass reads it: the uniforms the part takes for its renewal (0 or 1), the bound its lapses lie
/// below, the bound of those that ask the host to absorb (bit patterns, see msc_bits_below), and
/// its source. One record per part, so the pass finds them all from one pointer.
typedef struct {
    int64_t lapseBound;
    int64_t askBound;
    long uniformsTaken;
    long source;
} msc_part_rule;

/// A part that lapses uncovered, as the first pass lists it for the second: its cell (post ×
/// parts + part), its source and its renewal uniform.
typedef struct {
    long cell;
    long source;
    double uniform;
} msc_part_lapse;

/// One group's posts, each with the same parts, as the funding draw's first pass reads them, and
/// where it writes what it finds (FundingLapseKernel.fundedYears). Named fields, so that the Swift
/// caller cannot swap two of them by position.
typedef struct {
    /// The renewal uniforms, at least two per part and two more (read ahead, never taken).
    const double *window;
    /// Each part of a post, in decision order.
    const msc_part_rule *rules;
    size_t partCount;
    size_t posts;
    /// The bound of an absorb uniform that the host absorbs below (the absorb probability).
    int64_t absorbBound;
    /// Out, by cell (post × parts + part): LONG_MAX (no year yet).
    long *cellYear;
    /// Out, room for every cell: the parts that lapse uncovered, in order.
    msc_part_lapse *lapsed;
} msc_funding_parts;

/// Where each part's uniforms are and whether it lapses uncovered: a part takes its renewal
/// uniform and, if it lapses and its host may be asked to absorb it, one more, so where the next
/// part's uniform lies hangs on this one's. Returns the uncovered lapses listed; `used` is set to
/// the uniforms taken.
size_t msc_funding_part_lapses(const msc_funding_parts *parts, size_t *used);

/// The second and third passes of the funding draw (FundingLapseKernel.fundedYears): the year
/// each listed lapse falls in, then each post's year. Named fields, so that the Swift caller
/// cannot swap two of them by position.
typedef struct {
    /// The uncovered lapses the first pass listed (msc_funding_parts).
    size_t lapses;
    const msc_part_lapse *lapsed;
    /// By source: its renewal points (held to the lowest so far), `pointStride` of them from
    /// `source × pointStride`, padded with −∞ (which no v passes); and where its years after 0,
    /// 1, … renewals start in `yearAfterRenewals`. Every source has the same count of points, so
    /// the count of those v passes is a loop of one length for every lapse, whose end the
    /// processor foresees (a length per source ended unforeseen at each lapse).
    size_t pointStride;
    const long *yearStart;
    const double *renewalPoints;
    const long *yearAfterRenewals;
    /// In and out, by cell (post × parts + part): the year the part lapses uncovered in, LONG_MAX for none.
    long *cellYear;
    /// The posts and the share of each part (in decision order); the gap tolerated with its
    /// rounding allowance; the horizon in years (at least 0).
    size_t posts;
    size_t partCount;
    const double *partShare;
    double allowedGap;
    long horizonYears;
    /// Working space, room for every part: a post's uncovered lapses, year and share.
    long *lapsedYear;
    double *lapsedShare;
    /// Out, by post: the years it stays funded.
    long *postYears;
} msc_funding_years;

/// The year of each listed lapse (the count of renewal points its v = 1 − u passes picks it), then
/// each post's first year whose uncovered shares, summed in decision order, exceed the gap.
void msc_funding_lapse_years(const msc_funding_years *years);

/// One iteration's posts as the kernel's evaluation sums them (ScenarioKernel.evaluate): the
/// per-post inputs, the constants, and the buckets the sums go to. Named fields, so that the Swift
/// caller cannot swap two of them by position.
typedef struct {
    size_t posts;
    /// By post: its group in the kernel's grouping in use (ScenarioKernel.Grouping: by years, or
    /// by years and funding group), its first year and the year after its last in the horizon,
    /// and the year its funding ends as drawn (held to [first, last] here).
    const long *group;
    const long *activeStart;
    const long *activeEnd;
    const long *endYear;
    /// By post: the salary and operational budget drawn, the smallest share of a salary anyone
    /// in it is paid, the FTE paid, the people in it and its effect base.
    const double *salary;
    const double *budget;
    const double *smallestPaidShare;
    const double *paidFTE;
    const double *people;
    const double *effect;
    /// The smallest pay growth factor of the horizon and the NI secondary threshold: a post
    /// whose every salary stays at or above the threshold is costed linearly.
    double smallestGrowth;
    double niThreshold;
    /// Buckets per group (years + 1, the last holding all the group's posts), the horizon, and
    /// the first of MSC_UNREAD_BUCKETS buckets no year reads (for the "ended" sums of a post
    /// funded to its last year).
    long bucketsPerGroup;
    long years;
    long unreadBucket;
    /// In and out, by bucket: Σ salary × FTE paid, Σ people × budget, Σ people (posts costed
    /// linearly), Σ effect base and Σ posts.
    double *salaryFTE;
    double *peopleBudget;
    double *peopleCount;
    double *effectBase;
    double *postCount;
    /// Out, by post: the year its funding ends, held to [first, last].
    long *end;
    /// Out: the posts not costed linearly, in order (room for every post).
    long *exactPosts;
    /// Whether the funding draw found every funding group's posts ending alike (as when a
    /// national grant's posts lapse together), so that consecutive posts mostly share an "ended"
    /// bucket: the "ended" sums are then kept in registers. Only the speed depends on it; the
    /// sums are the same either way.
    int endedAlike;
} msc_post_sums;

/// The buckets after the groups' that take the "ended" sums of posts funded to their last year,
/// used in turn so that consecutive posts' additions to them do not wait on one another.
#define MSC_UNREAD_BUCKETS 8

/// Adds every post to its group's "all posts" bucket and to the bucket of the year its funding
/// ends (an unread one when it lasts to its last year), in post order; returns how many posts
/// must be costed year by year instead (listed in `exactPosts`).
size_t msc_sum_posts(const msc_post_sums *sums);

#endif
