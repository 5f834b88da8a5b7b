// The kernels, written once. Kernels.c includes this file once per instruction set with
// BK_NAME(x) naming that variant, under a target attribute that lets the compiler use the
// set's vector width. Each loop keeps the summation order of the
// portable Swift kernels, and Kernels.c compiles them without fused multiply-adds, so that
// every variant gives the portable numbers bit for bit.

/// Row r of C = init + A·B from column `from` on, one sum at a time (see product).
static void BK_NAME(product_row)(long r, long from, long N, long K, const double *restrict a, long ra, long ka,
                                 const double *restrict b, long ldb, const double *restrict init, double *restrict c,
                                 long ldc) {
  for (long col = from; col < N; col++) {
    double s = init ? init[col] : 0;
    for (long k = 0; k < K; k++) s += a[r * ra + k * ka] * b[k * ldb + col];
    c[r * ldc + col] = s;
  }
}

/// C = init + A·B for C [M × N] (row stride ldc), A[r][k] at a[r·ra + k·ka], B[k][c] at
/// b[k·ldb + c], init a row [N] added first (or none, for 0). Each C[r][c] is init, then the
/// terms k = 0, 1, … in order, whatever the block shape, so the three products below keep the
/// portable loops' summation order. Blocks of four rows by eight columns keep their 32 sums in
/// registers while k runs, so each multiply-add costs a broadcast and no store.
static void BK_NAME(product)(long M, long N, long K, const double *restrict a, long ra, long ka, const double *restrict b,
                             long ldb, const double *restrict init, double *restrict c, long ldc) {
  const bk_v8 zero = {0};
  long r = 0;
  for (; r + 4 <= M; r += 4) {
    long col = 0;
    for (; col + BK_LANES <= N; col += BK_LANES) {
      bk_v8 s0 = zero, s1, s2, s3;
      if (init) memcpy(&s0, init + col, sizeof s0);
      s1 = s2 = s3 = s0;
      const double *restrict ar = a + r * ra;
      for (long k = 0; k < K; k++) {
        bk_v8 bv;
        memcpy(&bv, b + k * ldb + col, sizeof bv);
        s0 += ar[k * ka] * bv;
        s1 += ar[ra + k * ka] * bv;
        s2 += ar[2 * ra + k * ka] * bv;
        s3 += ar[3 * ra + k * ka] * bv;
      }
      memcpy(c + r * ldc + col, &s0, sizeof s0);
      memcpy(c + (r + 1) * ldc + col, &s1, sizeof s1);
      memcpy(c + (r + 2) * ldc + col, &s2, sizeof s2);
      memcpy(c + (r + 3) * ldc + col, &s3, sizeof s3);
    }
    for (long q = r; q < r + 4; q++) BK_NAME(product_row)(q, col, N, K, a, ra, ka, b, ldb, init, c, ldc);
  }
  for (; r < M; r++) BK_NAME(product_row)(r, 0, N, K, a, ra, ka, b, ldb, init, c, ldc);
}

/// z = a · Wᵀ + b: a [B × nIn] times Wᵀ [nIn × n], b first.
static void BK_NAME(affine)(const double *restrict a, const double *restrict wT, const double *restrict b,
                            double *restrict z, long rows, long nIn, long n) {
  BK_NAME(product)(rows, n, nIn, a, nIn, 1, wT, n, b, z, n);
}

/// dW = δᵀ · a: δᵀ [n × B] (read from δ [B × n]) times a [B × nIn], each sum in example order.
static void BK_NAME(weight_gradient)(const double *restrict delta, const double *restrict a, double *restrict dW,
                                     long rows, long n, long nIn) {
  BK_NAME(product)(n, nIn, rows, delta, 1, n, a, nIn, 0, dW, nIn);
}

/// g = δ · W: δ [B × n] times W [n × nIn], each sum over the units in order.
static void BK_NAME(input_gradient)(const double *restrict delta, const double *restrict w, double *restrict g,
                                    long rows, long n, long nIn) {
  BK_NAME(product)(rows, nIn, n, delta, n, 1, w, nIn, 0, g, nIn);
}

static void BK_NAME(column_sums)(const double *restrict delta, double *restrict db, long rows, long n) {
  for (long o = 0; o < n; o++) db[o] = 0;
  for (long i = 0; i < rows; i++)
    for (long o = 0; o < n; o++) db[o] += delta[i * n + o];
}

static void BK_NAME(tanh)(const double *restrict z, double *restrict a, long count) {
  for (long i = 0; i < count; i++) a[i] = bk_tanh1(z[i]);
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
