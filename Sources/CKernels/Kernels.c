// The kernels of KernelBody.h, compiled once for the baseline of the target (SSE2 on x86-64,
// NEON on arm64) and, on x86-64, again for AVX2 with FMA and for AVX-512, each under a target
// attribute: the package's own build flags stay those of the baseline, so the binary runs
// everywhere and uses the wider units only where the processor reports them.

// No fused multiply-adds but where a kernel asks for one (BK_MADD on a fused path): elsewhere
// every product is rounded before its sum, as in the portable Swift loops, so that the
// baselines give their numbers bit for bit, and each path's stage-by-stage kernels and its
// blocked step round alike.
#pragma clang fp contract(off)

#include "CKernels.h"
#include "Elementary.h"

#include <stdlib.h>

// The helpers that take eight-lane vectors by value are always inlined, so no call passes
// one in registers whose width the variants disagree on.
#pragma clang diagnostic ignored "-Wpsabi"

#if defined(__x86_64__)
#include <cpuid.h>
#endif

#define BK_NAME(x) bk_base_##x
#define BK_FUSED 0
#include "KernelBody.h"
#include "DenseStepBody.h"
#undef BK_NAME
#undef BK_FUSED
#undef BK_MADD

#if defined(__x86_64__)
#pragma clang attribute push(__attribute__((target("avx2,fma"))), apply_to = function)
#define BK_NAME(x) bk_avx2_##x
#define BK_FUSED 1
#include "KernelBody.h"
#include "DenseStepBody.h"
#undef BK_NAME
#undef BK_FUSED
#undef BK_MADD
#pragma clang attribute pop

#pragma clang attribute push(__attribute__((target("avx512f,avx512dq,avx512vl,avx2,fma"))), apply_to = function)
#define BK_NAME(x) bk_avx512_##x
#define BK_FUSED 1
#include "KernelBody.h"
#include "DenseStepBody.h"
#undef BK_NAME
#undef BK_FUSED
#undef BK_MADD
#pragma clang attribute pop

/// The extended state the operating system saves (XCR0), read with xgetbv.
static uint64_t bk_xcr0(void) {
  uint32_t lo, hi;
  __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
  return ((uint64_t)hi << 32) | lo;
}

/// What cpuid reports, and whether the operating system saves the wide registers.
static int bk_x86_has(bk_path path) {
  unsigned a, b, c, d;
  if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
  const int osxsave = (c >> 27) & 1, avx = (c >> 28) & 1, fma = (c >> 12) & 1;
  if (!osxsave || !avx) return 0;
  const uint64_t xcr0 = bk_xcr0();
  if ((xcr0 & 0x6) != 0x6) return 0;  // SSE and AVX state
  if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return 0;
  const int avx2 = (b >> 5) & 1, avx512f = (b >> 16) & 1, avx512dq = (b >> 17) & 1, avx512vl = (b >> 31) & 1;
  if (path == BK_AVX2) return avx2 && fma;
  return avx2 && fma && avx512f && avx512dq && avx512vl && (xcr0 & 0xe0) == 0xe0;  // opmask and ZMM state
}
#endif

int bk_fused(bk_path path) { return path == BK_AVX2 || path == BK_AVX512; }

int bk_available(bk_path path) {
  switch (path) {
    case BK_PORTABLE: return 1;
#if defined(__x86_64__)
    case BK_SSE2: return 1;
    case BK_AVX2:
    case BK_AVX512: return bk_x86_has(path);
#elif defined(__aarch64__)
    case BK_NEON: return 1;
#endif
    default: return 0;
  }
}

// Runs the variant of a kernel that the path names; the baseline one for the portable, SSE2
// and NEON paths.
#if defined(__x86_64__)
#define BK_DISPATCH(name, ...)                  \
  switch (path) {                               \
    case BK_AVX512: bk_avx512_##name(__VA_ARGS__); break; \
    case BK_AVX2: bk_avx2_##name(__VA_ARGS__); break;     \
    default: bk_base_##name(__VA_ARGS__); break;          \
  }
#else
#define BK_DISPATCH(name, ...) bk_base_##name(__VA_ARGS__)
#endif

void bk_affine(bk_path path, const double *a, const double *w, const double *b, double *z, long rows, long nIn, long n) {
  BK_DISPATCH(affine, a, w, b, z, rows, nIn, n)
}

void bk_weight_gradient(bk_path path, const double *delta, const double *a, double *dW, long rows, long n, long nIn) {
  BK_DISPATCH(weight_gradient, delta, a, dW, rows, n, nIn)
}

void bk_input_gradient(bk_path path, const double *delta, const double *w, double *g, long rows, long n, long nIn) {
  BK_DISPATCH(input_gradient, delta, w, g, rows, n, nIn)
}

void bk_column_sums(bk_path path, const double *delta, double *db, long rows, long n) {
  BK_DISPATCH(column_sums, delta, db, rows, n)
}

void bk_tanh(bk_path path, const double *z, double *a, long count) { BK_DISPATCH(tanh, z, a, count) }

void bk_sigmoid(bk_path path, const double *z, double *a, long count) { BK_DISPATCH(sigmoid, z, a, count) }


void bk_tanh_backward(bk_path path, const double *a, const double *g, double *fPrime, double *delta, long count) {
  BK_DISPATCH(tanh_backward, a, g, fPrime, delta, count)
}


long bk_dense_work_size(const bk_dense_layer *layers, long depth) {
  long size = layers[0].inputs * BK_LANES, widest = 0;
  for (long l = 0; l < depth; l++) {
    size += (3 * layers[l].units + layers[l].units * layers[l].inputs) * BK_LANES;
    widest = layers[l].inputs > widest ? layers[l].inputs : widest;
  }
  return size + widest * BK_LANES;
}

int bk_dense_gradients(bk_path path, const bk_dense_layer *layers, long depth, const double *x, const double *t, long rows,
                       int loss, double *work) {
  if (depth < 1 || depth > BK_MAX_DEPTH) return 0;
  BK_DISPATCH(dense_gradients, layers, depth, x, t, rows, loss, work)
  return 1;
}

void bk_sgd(bk_path path, double *theta, const double *g, double lr, long count) { BK_DISPATCH(sgd, theta, g, lr, count) }
