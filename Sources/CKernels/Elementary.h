// Branch-free elementary functions, inlined into every variant of the kernels so that the
// loops over them vectorise. They are the C forms of BackstepCore's `Elementary.tanh` and
// `expm1Bounded`: the same reduction, the same polynomial, the same operations in the same order.

#include <stdint.h>
#include <string.h>

#define BK_INLINE static inline __attribute__((always_inline))
#define BK_INLINE_TARGET static inline __attribute__((always_inline))

/// Eight doubles, one per example of a block, and the masks comparisons of them give. Aligned
/// as doubles, so that they may sit anywhere in a buffer.
typedef double bk_v8 __attribute__((vector_size(64), aligned(8)));
typedef long long bk_l8 __attribute__((vector_size(64), aligned(8)));

BK_INLINE double bk_from_bits(int64_t bits) {
  double x;
  memcpy(&x, &bits, sizeof x);
  return x;
}

BK_INLINE int64_t bk_bits(double x) {
  int64_t bits;
  memcpy(&bits, &x, sizeof bits);
  return bits;
}

/// 1.5 · 2⁵²: adding it rounds a double of magnitude below 2⁵¹ to an integer, which then sits in
/// the low bits of the sum.
static const double bk_shifter = 6755399441055744.0;

/// 2^k for an integer-valued k in [−1022, 1023], from the exponent bits.
BK_INLINE double bk_pow2(double k) { return bk_from_bits((bk_bits(k + bk_shifter) - bk_bits(bk_shifter) + 1023) << 52); }

/// x = k·ln 2 + r with |r| ≤ ln 2 / 2 (Cody–Waite: ln 2 in two parts so that k·ln2hi is exact).
BK_INLINE double bk_reduce(double x, double *k) {
  *k = (x * 1.4426950408889634 + bk_shifter) - bk_shifter;
  return (x - *k * 6.93147180369123816490e-01) - *k * 1.90821492927058770002e-10;
}

/// e^r − 1 for |r| ≤ ln 2 / 2: the Taylor series through r¹³ by Estrin's scheme.
BK_INLINE double bk_taylor_expm1(double r) {
  const double r2 = r * r, r4 = r2 * r2, r8 = r4 * r4;
  const double q0 = r * (1 + r * 0.5), q1 = 1.0 / 6 + r * (1.0 / 24);
  const double q2 = 1.0 / 120 + r * (1.0 / 720), q3 = 1.0 / 5040 + r * (1.0 / 40320);
  const double q4 = 1.0 / 362880 + r * (1.0 / 3628800), q5 = 1.0 / 39916800 + r * (1.0 / 479001600);
  const double q6 = 1.0 / 6227020800.0;
  const double tail = (q1 + r2 * q2) + r4 * (q3 + r2 * q4) + r8 * (q5 + r2 * q6);
  return q0 + r * r2 * tail;
}

/// e^x − 1 for x in [−700, 700], accurate relative to a few ulps even near 0.
BK_INLINE double bk_expm1_bounded(double x) {
  double k;
  const double r = bk_reduce(x, &k);
  const double scale = bk_pow2(k);
  return scale * bk_taylor_expm1(r) + (scale - 1);
}

/// tanh x = E / (E + 2) with E = e^{2|x|} − 1; ±1 past 2|x| = 40.
BK_INLINE double bk_tanh1(double x) {
  double twice = 2 * (x < 0 ? -x : x);
  twice = 40 < twice ? 40 : twice;  // NaN passes through
  const double e = bk_expm1_bounded(twice);
  const double t = e / (e + 2);
  return x < 0 ? -t : t;
}

/// e^x for x ≤ 0, within an ulp or two of the C library's: the reduction and polynomial of
/// bk_expm1_bounded, 1 added before scaling, the scale split in two below 2⁻¹⁰⁰⁰ so that the
/// subnormal results come out too. 0 below −746, NaN for NaN.
BK_INLINE double bk_exp_nonpositive(double x) {
  x = x < -746 ? -746 : x;  // NaN passes through
  double k;
  const double r = bk_reduce(x, &k);
  const double high = k < -1000 ? -1000 : k;
  return ((1 + bk_taylor_expm1(r)) * bk_pow2(high)) * bk_pow2(k - high);
}

/// σ(z) = 1/(1 + e^−z) for z ≥ 0 and e^z/(1 + e^z) below, with e = e^−|z| from the vector exp:
/// one division and no branch. Within a few ulps of the portable sigmoid, not its bits.
BK_INLINE double bk_sigmoid1(double z) {
  const double e = bk_exp_nonpositive(z < 0 ? z : -z);
  return (z < 0 ? e : 1) / (1 + e);
}

