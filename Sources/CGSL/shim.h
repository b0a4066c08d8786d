// CGSL: the C shim between GSL and Swift. It has no stable API of its own: only GSLKit uses it.
//
// Why a shim: GSL's generator types (`gsl_rng_mt19937`, `gsl_qrng_sobol`, ...) are mutable C
// globals, which Swift 6's strict concurrency refuses to read. Each is returned here from a
// `static inline` function instead, so Swift sees a function call, not a shared global.
#ifndef MSC_CGSL_SHIM_H
#define MSC_CGSL_SHIM_H

#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_qrng.h>
#include <gsl/gsl_vector.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_blas.h>
#include <gsl/gsl_multifit.h>
#include <gsl/gsl_bspline.h>
#include <gsl/gsl_statistics_double.h>
#include <gsl/gsl_sort_double.h>
#include <gsl/gsl_roots.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_version.h>

/// The Mersenne Twister generator type (GSL's default, period 2^19937 - 1).
static inline const gsl_rng_type *cgsl_rng_mt19937(void) { return gsl_rng_mt19937; }
/// L'Ecuyer's combined multiple recursive generator, offered as an alternative stream type.
static inline const gsl_rng_type *cgsl_rng_mrg(void) { return gsl_rng_mrg; }
/// L'Ecuyer's maximally equidistributed combined Tausworthe generator (period about 2^88).
static inline const gsl_rng_type *cgsl_rng_taus2(void) { return gsl_rng_taus2; }
/// The Sobol quasi-random sequence type (GSL supports dimensions 1...40).
static inline const gsl_qrng_type *cgsl_qrng_sobol(void) { return gsl_qrng_sobol; }
/// Brent's bracketing root solver type.
static inline const gsl_root_fsolver_type *cgsl_root_fsolver_brent(void) { return gsl_root_fsolver_brent; }

/// The status code GSL returns for success, as the `int` its functions return (the macro imports as `Int`).
static inline int cgsl_success(void) { return GSL_SUCCESS; }

/// The version string of the GSL library linked at run time (`gsl_version` is a mutable C global,
/// which Swift 6 refuses to read directly), e.g. "2.7.1".
static inline const char *cgsl_version(void) { return gsl_version; }
/// The GSL version the package was compiled against (the `GSL_VERSION` header macro).
static inline const char *cgsl_header_version(void) { return GSL_VERSION; }

#endif
