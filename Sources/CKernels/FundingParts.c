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
