#include "CKernels.h"

void msc_count_below_within_above(const double *values, size_t n, double low, double high,
                                  size_t *below, size_t *within, size_t *above) {
    size_t countBelow = 0, countWithin = 0, countAbove = 0;
    for (size_t i = 0; i < n; i++) {
        double value = values[i];
        countBelow += value < low;
        countWithin += (value >= low) & (value <= high);
        countAbove += value > high;
    }
    *below = countBelow;
    *within = countWithin;
    *above = countAbove;
}

size_t msc_gather_within(const double *values, size_t n, double low, double high, double *inside) {
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        double value = values[i];
        inside[kept] = value;
        kept += (value >= low) & (value <= high);
    }
    return kept;
}
