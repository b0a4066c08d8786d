#include <limits.h>
#include <string.h>

#include "CKernels.h"

static inline int64_t msc_bits_at(const double *window, size_t position) {
    int64_t bits;
    memcpy(&bits, window + position, sizeof bits);
    return bits;
}

size_t msc_funding_part_lapses(const msc_funding_parts *parts, size_t *used) {
    const size_t partCount = parts->partCount, cells = parts->posts * partCount;
    for (size_t cell = 0; cell < cells; cell++) parts->cellYear[cell] = LONG_MAX;
    // One loop over the cells, the part wrapping round: the loop is a chain from each part's
    // uniform to the next's, and what it runs per part (few instructions, few live pointers)
    // is what sets its pace.
    const double *window = parts->window;
    const msc_part_rule *rules = parts->rules;
    const int64_t absorbBound = parts->absorbBound;
    msc_part_lapse *lapsed = parts->lapsed;
    size_t position = 0, lapses = 0, part = 0;
    int64_t bits = msc_bits_at(window, 0);
    for (size_t cell = 0; cell < cells; cell++) {
        const msc_part_rule *rule = rules + part;
        const size_t lapsing = msc_bits_below(bits, rule->lapseBound);
        const size_t asked = msc_bits_below(bits, rule->askBound);
        // The next part's uniform is one of two: just after this part's renewal uniform, or
        // one further when this part takes an absorb uniform. Both are loaded as soon as this
        // part's start is known and the answer picks one, so the chain from part to part is a
        // test and a pick, not a test and a load. The pick falls either way at random: a
        // branch would be mispredicted half the time, so the compiler is told to avoid one.
        const size_t next = position + (size_t)rule->uniformsTaken;
        const int64_t atNext = msc_bits_at(window, next), pastNext = msc_bits_at(window, next + 1);
        // The absorb uniform, when one is asked for, is the one after the renewal uniform.
        const size_t absorbed = asked & msc_bits_below(atNext, absorbBound);
        // Listed whatever it drew, and kept in the list only for an uncovered lapse.
        lapsed[lapses].cell = (long)cell;
        lapsed[lapses].source = rule->source;
        memcpy(&lapsed[lapses].uniform, &bits, sizeof bits);
        lapses += lapsing & (1 - absorbed);
        position = next + asked;
        bits = __builtin_unpredictable(asked) ? pastNext : atNext;
        part = part + 1 == partCount ? 0 : part + 1;
    }
    *used = position;
    return lapses;
}

void msc_funding_lapse_years(const msc_funding_years *years) {
    const size_t stride = years->pointStride;
    for (size_t lapse = 0; lapse < years->lapses; lapse++) {
        const long source = years->lapsed[lapse].source;
        const double v = 1.0 - years->lapsed[lapse].uniform;
        const double *points = years->renewalPoints + (size_t)source * stride;
        // The first renewal point v fails is the count of those it passes (the points never
        // rise), each comparison added as its bit. A source not drawn has only padding, and its
        // one year is the known one.
        long renewed = 0;
        for (size_t k = 0; k < stride; k++) renewed += v <= points[k];
        years->cellYear[years->lapsed[lapse].cell] = years->yearAfterRenewals[years->yearStart[source] + renewed];
    }

    // As FundingMix.fundedYears: the first lapse year at which the uncovered shares, summed in
    // decision order, exceed the tolerated gap. When every part's share alone exceeds it, so does
    // any sum that includes it (adding shares never lowers a sum, rounded or not): the post is
    // lost at its first uncovered lapse.
    const size_t parts = years->partCount;
    const double allowed = years->allowedGap;
    int everyShareDecides = 1;
    for (size_t part = 0; part < parts; part++) {
        if (!(years->partShare[part] > allowed)) everyShareDecides = 0;
    }
    for (size_t post = 0; post < years->posts; post++) {
        const long *cells = years->cellYear + post * parts;
        long lost = LONG_MAX;
        if (everyShareDecides) {
            for (size_t part = 0; part < parts; part++) lost = cells[part] < lost ? cells[part] : lost;
        } else {
            // The post's uncovered lapses, then every one tried as the year the gap opens.
            size_t kept = 0;
            for (size_t part = 0; part < parts; part++) {
                years->lapsedYear[kept] = cells[part];
                years->lapsedShare[kept] = years->partShare[part];
                kept += cells[part] != LONG_MAX;
            }
            for (size_t candidate = 0; candidate < kept; candidate++) {
                const long year = years->lapsedYear[candidate];
                double uncovered = 0.0;
                for (size_t index = 0; index < kept; index++) {
                    if (years->lapsedYear[index] <= year) uncovered += years->lapsedShare[index];
                }
                if (uncovered > allowed && year < lost) lost = year;
            }
        }
        years->postYears[post] = lost < years->horizonYears ? lost : years->horizonYears;
    }
}
