#include "CKernels.h"

// GSL's taus and taus2 generators (rng/taus.c) keep three unsigned longs and differ only in how
// they are seeded; a draw is the same three Tausworthe steps, and `get_double` divides the 32-bit
// result by 2^32. The same steps here, on the same state, give the same stream bit for bit (a test
// compares them with gsl_rng_uniform), with no call through GSL's function pointer per number.
typedef struct {
    unsigned long int s1, s2, s3;
} msc_taus_state;

#define MSC_TAUS_MASK 0xffffffffUL
#define MSC_TAUSWORTHE(s, a, b, c, d) (((((s) & (c)) << (d)) & MSC_TAUS_MASK) ^ (((((s) << (a)) & MSC_TAUS_MASK) ^ (s)) >> (b)))

void msc_taus_fill_uniform(void *state, double *uniforms, size_t n) {
    msc_taus_state *taus = (msc_taus_state *)state;
    unsigned long int s1 = taus->s1, s2 = taus->s2, s3 = taus->s3;
    for (size_t i = 0; i < n; i++) {
        s1 = MSC_TAUSWORTHE(s1, 13, 19, 4294967294UL, 12);
        s2 = MSC_TAUSWORTHE(s2, 2, 25, 4294967288UL, 4);
        s3 = MSC_TAUSWORTHE(s3, 3, 11, 4294967280UL, 17);
        uniforms[i] = (s1 ^ s2 ^ s3) / 4294967296.0;
    }
    taus->s1 = s1;
    taus->s2 = s2;
    taus->s3 = s3;
}
