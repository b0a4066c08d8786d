#ifndef MSC_CKERNELS_H
#define MSC_CKERNELS_H

#include <stddef.h>

/// Every post's salary (triangular) and operational budget (uniform) from the uniforms drawn for
/// them, laid out post after post (salary's, then budget's). The same operations as the Swift
/// formulas (TriangularQuantile and the uniform quantile, each held to its range with max then
/// min), compiled so that the loop runs several posts at once: Swift's square root checks for
/// negative arguments one value at a time, which keeps the loop scalar.
void msc_triangular_uniform_values(const double *uniforms, size_t posts,
                                   double minimum, double maximum, double width, double modeFraction,
                                   double belowMode, double aboveMode, double salaryLow, double salaryHigh,
                                   double budgetLower, double budgetUpper, double budgetLow, double budgetHigh,
                                   double *salaries, double *budgets);

#endif
