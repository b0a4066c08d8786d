#include "CKernels.h"
#include <math.h>

static inline __attribute__((always_inline)) void msc_triangular_uniform_loop(
    const double *uniforms, size_t posts, const msc_triangular_uniform_shape *shape, double *salaries, double *budgets) {
    // Copied to locals: the compiler then knows no store to the outputs changes them.
    const double minimum = shape->salaryMinimum, maximum = shape->salaryMaximum, width = shape->salaryWidth;
    const double modeFraction = shape->salaryModeFraction, belowMode = shape->salaryBelowMode;
    const double aboveMode = shape->salaryAboveMode;
    const double salaryLow = shape->salaryAdmissibleLow, salaryHigh = shape->salaryAdmissibleHigh;
    const double budgetLower = shape->budgetLower, budgetUpper = shape->budgetUpper;
    const double budgetLow = shape->budgetAdmissibleLow, budgetHigh = shape->budgetAdmissibleHigh;
    for (size_t post = 0; post < posts; post++) {
        const double p = uniforms[2 * post];
        double salary = minimum;
        if (width != 0) {
            const int below = p < modeFraction;
            const double belowArea = p * width * belowMode;
            const double aboveArea = (1 - p) * width * aboveMode;
            const double root = sqrt(below ? belowArea : aboveArea);
            salary = below ? minimum + root : maximum - root;
        }
        salary = salaryLow >= salary ? salaryLow : salary;
        salary = salaryHigh < salary ? salaryHigh : salary;
        double budget = budgetLower + uniforms[2 * post + 1] * (budgetUpper - budgetLower);
        budget = budgetLow >= budget ? budgetLow : budget;
        budget = budgetHigh < budget ? budgetHigh : budget;
        salaries[post] = salary;
        budgets[post] = budget;
    }
}

// On x86-64 the same loop is compiled twice: for any x86-64, and for processors with AVX2, where
// it takes four posts at a time. Every operation is IEEE arithmetic or a square root, correctly
// rounded whatever the register's width, so each value is the same either way. Elsewhere it is
// compiled once.
#if defined(__x86_64__)
__attribute__((target("avx2"))) static void msc_triangular_uniform_avx2(
    const double *uniforms, size_t posts, const msc_triangular_uniform_shape *shape, double *salaries, double *budgets) {
    msc_triangular_uniform_loop(uniforms, posts, shape, salaries, budgets);
}
#endif

void msc_triangular_uniform_values(const double *uniforms, size_t posts, const msc_triangular_uniform_shape *shape,
                                   double *salaries, double *budgets) {
#if defined(__x86_64__)
    if (__builtin_cpu_supports("avx2")) {
        msc_triangular_uniform_avx2(uniforms, posts, shape, salaries, budgets);
        return;
    }
#endif
    msc_triangular_uniform_loop(uniforms, posts, shape, salaries, budgets);
}

void msc_triangular_uniform_values_portable(const double *uniforms, size_t posts,
                                            const msc_triangular_uniform_shape *shape, double *salaries,
                                            double *budgets) {
    msc_triangular_uniform_loop(uniforms, posts, shape, salaries, budgets);
}
