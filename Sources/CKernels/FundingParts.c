#include <limits.h>
#include <string.h>

#include "CKernels.h"

static inline int64_t msc_bits_at(const double *window, size_t position) {
    int64_t bits;
    memcpy(&bits, window + position, sizeof bits);
    return bits;
}

size_t msc_funding_part_lapses(const msc_funding_parts *parts, size_t *used) {
    const double *window = parts->window;
    const long *sources = parts->partSources;
    const long *taken = parts->uniformsTaken;
    const int64_t *lapseBound = parts->lapseBound, *askBound = parts->askBound;
    const int64_t absorbBound = parts->absorbBound;
    long *cellYear = parts->cellYear, *lapsedCell = parts->lapsedCell, *lapsedSource = parts->lapsedSource;
    double *lapsedUniform = parts->lapsedUniform;
    size_t position = 0, lapses = 0, cell = 0;
    int64_t bits = msc_bits_at(window, 0);
    for (size_t post = 0; post < parts->posts; post++) {
        for (size_t part = 0; part < parts->partCount; part++) {
            const long source = sources[part];
            const size_t lapsing = msc_bits_below(bits, lapseBound[source]);
            const size_t asked = msc_bits_below(bits, askBound[source]);
            // The next part's uniform is one of two: just after this part's renewal uniform, or
            // one further when this part takes an absorb uniform. Both are loaded as soon as this
            // part's start is known and the answer picks one, so the chain from part to part is a
            // test and a pick, not a test and a load. The pick falls either way at random: a
            // branch would be mispredicted half the time, so the compiler is told to avoid one.
            const size_t next = position + (size_t)taken[source];
            const int64_t atNext = msc_bits_at(window, next), pastNext = msc_bits_at(window, next + 1);
            // The absorb uniform, when one is asked for, is the one after the renewal uniform.
            const size_t absorbed = asked & msc_bits_below(atNext, absorbBound);
            // Listed whatever it drew, and kept in the list only for an uncovered lapse.
            cellYear[cell] = LONG_MAX;
            lapsedCell[lapses] = (long)cell;
            lapsedSource[lapses] = source;
            memcpy(lapsedUniform + lapses, &bits, sizeof bits);
            lapses += lapsing & (1 - absorbed);
            cell++;
            position = next + asked;
            bits = __builtin_unpredictable(asked) ? pastNext : atNext;
        }
    }
    *used = position;
    return lapses;
}

void msc_funding_lapse_years(const msc_funding_years *years) {
    const double *points = years->renewalPoints;
    for (size_t lapse = 0; lapse < years->lapses; lapse++) {
        const long source = years->lapsedSource[lapse];
        const double v = 1.0 - years->lapsedUniform[lapse];
        // The first renewal point v fails is the count of those it passes (the points never
        // rise), each comparison added as its bit. A source not drawn has no points, and its one
        // year is the known one.
        long renewed = 0;
        for (long k = years->countStart[source]; k < years->countEnd[source]; k++) renewed += v <= points[k];
        years->cellYear[years->lapsedCell[lapse]] = years->yearAfterRenewals[years->yearStart[source] + renewed];
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
