// The kernels, written once. Kernels.c includes this file once per instruction set with
// BK_NAME(x) naming that variant and BK_FUSED saying how it adds, under a target attribute
// that lets the compiler use the set's vector width.
//
// BK_FUSED 0 (the baselines, SSE2 and NEON): each loop keeps the summation order of the
// portable Swift kernels and rounds every product before its sum, so the variant gives the
// portable numbers bit for bit.
// BK_FUSED 1 (AVX2 with FMA, AVX-512): each product is added with one rounding (a fused
// multiply-add), in the same order; db, and dW of a layer of at most BK_LANE_WEIGHTS weights,
// are summed over the examples in eight lanes (see weight_gradient_lanes), as the blocked dense
// step sums them. The
// numbers are the portable ones to about 1e-15 relative, not their bits.

#if BK_FUSED
#define BK_MADD(s, x, y) __builtin_elementwise_fma((x), (y), (s))
#else
#define BK_MADD(s, x, y) ((s) + (x) * (y))
#endif

/// x in every lane. (Helpers that take or return a bk_v8 are defined in each variant, so that
/// each is compiled for its width.)
BK_INLINE_TARGET bk_v8 BK_NAME(splat)(double x) { return (bk_v8){x, x, x, x, x, x, x, x}; }

/// The sum of a sum's eight lanes, pairwise: ((s₀ + s₁) + (s₂ + s₃)) + ((s₄ + s₅) + (s₆ + s₇)).
/// BackstepCore's TermSum adds lanes the same way, so that an explained dW adds up to its bits.
BK_INLINE_TARGET double BK_NAME(lanes_total)(bk_v8 s) {
  return ((s[0] + s[1]) + (s[2] + s[3])) + ((s[4] + s[5]) + (s[6] + s[7]));
}

/// Row r of C = init + A·B from column `from` on, one sum at a time (see product).
static void BK_NAME(product_row)(long r, long from, long N, long K, const double *restrict a, long ra, long ka,
                                 const double *restrict b, long kb, long cb, const double *restrict init,
                                 double *restrict c, long ldc) {
  for (long col = from; col < N; col++) {
    double s = init ? init[col] : 0;
    for (long k = 0; k < K; k++) s = BK_MADD(s, a[r * ra + k * ka], b[k * kb + col * cb]);
    c[r * ldc + col] = s;
  }
}

/// C[r..r+4][col..col+8] from the packed panels: four rows of A, k-major [kc × 4], and eight
/// columns of B [kc × 8], both contiguous, so that the 32 sums stay in registers while k runs
/// and each multiply-add costs a broadcast and no store. `from` holds the sums so far (C after
/// an earlier panel of k, else init and its copies) and receives them.
BK_INLINE_TARGET void BK_NAME(block)(long kc, const double *restrict ap, const double *restrict bp, bk_v8 *restrict from) {
  bk_v8 s0 = from[0], s1 = from[1], s2 = from[2], s3 = from[3];
  for (long k = 0; k < kc; k++) {
    bk_v8 bv;
    memcpy(&bv, bp + k * BK_LANES, sizeof bv);
    s0 = BK_MADD(s0, BK_NAME(splat)(ap[4 * k]), bv);
    s1 = BK_MADD(s1, BK_NAME(splat)(ap[4 * k + 1]), bv);
    s2 = BK_MADD(s2, BK_NAME(splat)(ap[4 * k + 2]), bv);
    s3 = BK_MADD(s3, BK_NAME(splat)(ap[4 * k + 3]), bv);
  }
  from[0] = s0, from[1] = s1, from[2] = s2, from[3] = s3;
}

/// C = init + A·B for C [M × N] (row stride ldc), A[r][k] at a[r·ra + k·ka], B[k][c] at
/// b[k·kb + c·cb] (so Wᵀ is read from W as it lies), init a row [N] added first (or none, for 0). Each C[r][c] is init, then the
/// terms k = 0, 1, … in order, whatever the block shape, so the three products below keep the
/// portable loops' summation order.
///
/// Blocks of four rows by eight columns keep their sums in registers (see block). They run over
/// panels of B of up to BK_PANEL_K rows by BK_PANEL_N columns, copied into eight-column strips
/// that lie contiguous (a strip of 256 rows is 16 kB, which stays in L1 while every block of
/// rows passes), and four rows of A copied k-major beside them: read in place, the rows of a
/// wide B or a strided A lie a page apart and evict one another from L1. A sum left in C after
/// one panel of k is taken up again from C for the next, which keeps its order and its bits.
static void BK_NAME(product)(long M, long N, long K, const double *restrict a, long ra, long ka, const double *restrict b,
                             long kb, long cb, const double *restrict init, double *restrict c, long ldc) {
  const long rows = M / 4 * 4, cols = N / BK_LANES * BK_LANES;
  double *panel = rows > 0 && cols > 0 ? malloc(sizeof(double) * BK_PANEL_K * (BK_PANEL_N + 4)) : 0;
  if (!panel) {
    for (long r = 0; r < M; r++) BK_NAME(product_row)(r, 0, N, K, a, ra, ka, b, kb, cb, init, c, ldc);
    return;
  }
  double *restrict rowsK = panel + BK_PANEL_K * BK_PANEL_N;  // [kc × 4]
  for (long k0 = 0; k0 < K || k0 == 0; k0 += BK_PANEL_K) {
    const long kc = K - k0 < BK_PANEL_K ? K - k0 : BK_PANEL_K;
    for (long c0 = 0; c0 < cols; c0 += BK_PANEL_N) {
      const long nc = cols - c0 < BK_PANEL_N ? cols - c0 : BK_PANEL_N;
      for (long j = 0; j < nc; j += BK_LANES) {
        if (cb == 1) {
          for (long k = 0; k < kc; k++) memcpy(panel + j * kc + k * BK_LANES, b + (k0 + k) * kb + c0 + j, sizeof(double) * BK_LANES);
        } else {
          for (long q = 0; q < BK_LANES; q++)
            for (long k = 0; k < kc; k++) panel[j * kc + k * BK_LANES + q] = b[(k0 + k) * kb + (c0 + j + q) * cb];
        }
      }
      for (long r = 0; r < rows; r += 4) {
        for (long k = 0; k < kc; k++)
          for (long q = 0; q < 4; q++) rowsK[4 * k + q] = a[(r + q) * ra + (k0 + k) * ka];
        for (long j = 0; j < nc; j += BK_LANES) {
          bk_v8 sums[4];
          for (long q = 0; q < 4; q++) {
            const double *from = k0 > 0 ? c + (r + q) * ldc + c0 + j : init ? init + c0 + j : 0;
            if (from) memcpy(&sums[q], from, sizeof sums[q]);
            else sums[q] = (bk_v8){0};
          }
          BK_NAME(block)(kc, rowsK, panel + j * kc, sums);
          for (long q = 0; q < 4; q++) memcpy(c + (r + q) * ldc + c0 + j, &sums[q], sizeof sums[q]);
        }
      }
    }
  }
  free(panel);
  for (long r = 0; r < rows; r++) BK_NAME(product_row)(r, cols, N, K, a, ra, ka, b, kb, cb, init, c, ldc);
  for (long r = rows; r < M; r++) BK_NAME(product_row)(r, 0, N, K, a, ra, ka, b, kb, cb, init, c, ldc);
}

/// z = a · Wᵀ + b: a [B × nIn] times Wᵀ [nIn × n], read from W [n × nIn], b first.
static void BK_NAME(affine)(const double *restrict a, const double *restrict w, const double *restrict b,
                            double *restrict z, long rows, long nIn, long n) {
  BK_NAME(product)(rows, n, nIn, a, nIn, 1, w, 1, nIn, b, z, n);
}

#if BK_FUSED
/// x [rows × cols] into xT [cols × stride], each column a row of examples, zero past `rows`.
static void BK_NAME(examples_across)(const double *restrict x, double *restrict xT, long rows, long cols, long stride) {
  for (long k = 0; k < cols; k++) {
    for (long i = 0; i < rows; i++) xT[k * stride + i] = x[i * cols + k];
    for (long i = rows; i < stride; i++) xT[k * stride + i] = 0;
  }
}

/// dW = δᵀ · a in lanes: each dW[o, k] is Σ_i δ[i, o]·a[i, k] with lane j adding the examples
/// j, j + 8, … (fused) and the lanes added by lanes_total at the end, the order of the
/// blocked dense step. Examples run along the rows of transposed copies, two units by two
/// inputs of sums in registers. Returns 0 when the copies cannot be allocated.
static int BK_NAME(weight_gradient_lanes)(const double *restrict delta, const double *restrict a, double *restrict dW,
                                          long rows, long n, long nIn) {
  const long stride = (rows + BK_LANES - 1) / BK_LANES * BK_LANES;
  double *copies = malloc(sizeof(double) * (size_t)(stride * (n + nIn) + 1));
  if (!copies) return 0;
  double *restrict dT = copies, *restrict aT = copies + stride * n;
  BK_NAME(examples_across)(delta, dT, rows, n, stride);
  BK_NAME(examples_across)(a, aT, rows, nIn, stride);
  const bk_v8 zero = {0};
  for (long o = 0; o < n; o += 2) {
    const long o1 = o + 1 < n ? o + 1 : o;
    for (long k = 0; k < nIn; k += 2) {
      const long k1 = k + 1 < nIn ? k + 1 : k;
      bk_v8 s00 = zero, s01 = zero, s10 = zero, s11 = zero;
      for (long i = 0; i < stride; i += BK_LANES) {
        bk_v8 d0, d1, a0, a1;
        memcpy(&d0, dT + o * stride + i, sizeof d0);
        memcpy(&d1, dT + o1 * stride + i, sizeof d1);
        memcpy(&a0, aT + k * stride + i, sizeof a0);
        memcpy(&a1, aT + k1 * stride + i, sizeof a1);
        s00 = BK_MADD(s00, d0, a0);
        s01 = BK_MADD(s01, d0, a1);
        s10 = BK_MADD(s10, d1, a0);
        s11 = BK_MADD(s11, d1, a1);
      }
      dW[o * nIn + k] = BK_NAME(lanes_total)(s00);
      dW[o * nIn + k1] = BK_NAME(lanes_total)(s01);
      dW[o1 * nIn + k] = BK_NAME(lanes_total)(s10);
      dW[o1 * nIn + k1] = BK_NAME(lanes_total)(s11);
    }
  }
  free(copies);
  return 1;
}

/// db = Σ_i δ_i in lanes, as weight_gradient_lanes sums dW: lane j adds the examples j, j + 8, ….
static void BK_NAME(column_sums_lanes)(const double *restrict delta, double *restrict db, long rows, long n) {
  for (long o = 0; o < n; o++) {
    double lanes[BK_LANES] = {0};
    for (long i = 0; i < rows; i++) lanes[i % BK_LANES] += delta[i * n + o];
    bk_v8 s;
    memcpy(&s, lanes, sizeof s);
    db[o] = BK_NAME(lanes_total)(s);
  }
}
#endif

/// dW = δᵀ · a: δᵀ [n × B] (read from δ [B × n]) times a [B × nIn], each sum in example order
/// (in lanes on a fused path, for a layer of at most BK_LANE_WEIGHTS weights).
static void BK_NAME(weight_gradient)(const double *restrict delta, const double *restrict a, double *restrict dW,
                                     long rows, long n, long nIn) {
#if BK_FUSED
  if (n * nIn <= BK_LANE_WEIGHTS && BK_NAME(weight_gradient_lanes)(delta, a, dW, rows, n, nIn)) return;
#endif
  BK_NAME(product)(n, nIn, rows, delta, 1, n, a, nIn, 1, 0, dW, nIn);
}

/// g = δ · W: δ [B × n] times W [n × nIn], each sum over the units in order.
static void BK_NAME(input_gradient)(const double *restrict delta, const double *restrict w, double *restrict g,
                                    long rows, long n, long nIn) {
  BK_NAME(product)(rows, nIn, n, delta, n, 1, w, nIn, 1, 0, g, nIn);
}

/// db = Σ_i δ_i in example order (in lanes on a fused path, as the blocked dense step sums it).
static void BK_NAME(column_sums)(const double *restrict delta, double *restrict db, long rows, long n) {
#if BK_FUSED
  BK_NAME(column_sums_lanes)(delta, db, rows, n);
#else
  for (long o = 0; o < n; o++) db[o] = 0;
  for (long i = 0; i < rows; i++)
    for (long o = 0; o < n; o++) db[o] += delta[i * n + o];
#endif
}

static void BK_NAME(tanh)(const double *restrict z, double *restrict a, long count) {
  for (long i = 0; i < count; i++) a[i] = bk_tanh1(z[i]);
}

static void BK_NAME(sigmoid)(const double *restrict z, double *restrict a, long count) {
  for (long i = 0; i < count; i++) a[i] = bk_sigmoid1(z[i]);
}

static void BK_NAME(tanh_backward)(const double *restrict a, const double *restrict g, double *restrict fPrime,
                                   double *restrict delta, long count) {
  for (long i = 0; i < count; i++) {
    fPrime[i] = 1 - a[i] * a[i];
    delta[i] = g[i] * fPrime[i];
  }
}

static void BK_NAME(sgd)(double *restrict theta, const double *restrict g, double lr, long count) {
  for (long i = 0; i < count; i++) theta[i] -= lr * g[i];
}
