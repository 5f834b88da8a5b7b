// The kernels, written once. Kernels.c includes this file once per instruction set with
// BK_NAME(x) naming that variant, under a target attribute that lets the compiler use the
// set's vector width and fused multiply-add. Each loop keeps the summation order of the
// portable Swift kernels, so that the variants differ from them only by the rounding of
// fused multiply-adds.

/// z = a · Wᵀ + b. With four or more units the inner loop runs over the units against Wᵀ;
/// narrower layers (an output of one to three units) take eight examples across the lanes and
/// keep each example's dot product over the inputs in order.
static void BK_NAME(affine)(const double *restrict a, const double *restrict w, const double *restrict wT,
                            const double *restrict b, double *restrict z, long rows, long nIn, long n) {
  if (n >= 4) {
    for (long i = 0; i < rows; i++) {
      double *restrict zrow = z + i * n;
      for (long o = 0; o < n; o++) zrow[o] = b[o];
      for (long k = 0; k < nIn; k++) {
        const double ak = a[i * nIn + k];
        const double *restrict wrow = wT + k * n;
        for (long o = 0; o < n; o++) zrow[o] += ak * wrow[o];
      }
    }
    return;
  }
  enum { lanes = 8 };
  for (long o = 0; o < n; o++) {
    const double *restrict wrow = w + o * nIn;
    long i = 0;
    for (; i + lanes <= rows; i += lanes) {
      double s[lanes];
      for (int j = 0; j < lanes; j++) s[j] = b[o];
      for (long k = 0; k < nIn; k++)
        for (int j = 0; j < lanes; j++) s[j] += a[(i + j) * nIn + k] * wrow[k];
      for (int j = 0; j < lanes; j++) z[(i + j) * n + o] = s[j];
    }
    for (; i < rows; i++) {
      double s = b[o];
      for (long k = 0; k < nIn; k++) s += a[i * nIn + k] * wrow[k];
      z[i * n + o] = s;
    }
  }
}

/// dW = δᵀ · a, each dW[o, k] summed in example order. A layer with fewer inputs than units
/// collects dWᵀ in scratch, whose rows run over the units, and transposes it at the end.
static void BK_NAME(weight_gradient)(const double *restrict delta, const double *restrict a, double *restrict dW,
                                     double *restrict scratch, long rows, long n, long nIn) {
  if (nIn < n) {
    for (long j = 0; j < nIn * n; j++) scratch[j] = 0;
    for (long i = 0; i < rows; i++) {
      const double *restrict drow = delta + i * n;
      for (long k = 0; k < nIn; k++) {
        const double ak = a[i * nIn + k];
        double *restrict grow = scratch + k * n;
        for (long o = 0; o < n; o++) grow[o] += drow[o] * ak;
      }
    }
    for (long o = 0; o < n; o++)
      for (long k = 0; k < nIn; k++) dW[o * nIn + k] = scratch[k * n + o];
    return;
  }
  for (long j = 0; j < n * nIn; j++) dW[j] = 0;
  for (long i = 0; i < rows; i++) {
    const double *restrict arow = a + i * nIn;
    for (long o = 0; o < n; o++) {
      const double d = delta[i * n + o];
      double *restrict grow = dW + o * nIn;
      for (long k = 0; k < nIn; k++) grow[k] += d * arow[k];
    }
  }
}

/// g = δ · W, each g[i, k] summed over the units in order.
static void BK_NAME(input_gradient)(const double *restrict delta, const double *restrict w, double *restrict g,
                                    long rows, long n, long nIn) {
  for (long i = 0; i < rows; i++) {
    double *restrict grow = g + i * nIn;
    for (long k = 0; k < nIn; k++) grow[k] = 0;
    for (long o = 0; o < n; o++) {
      const double d = delta[i * n + o];
      const double *restrict wrow = w + o * nIn;
      for (long k = 0; k < nIn; k++) grow[k] += d * wrow[k];
    }
  }
}

static void BK_NAME(column_sums)(const double *restrict delta, double *restrict db, long rows, long n) {
  for (long o = 0; o < n; o++) db[o] = 0;
  for (long i = 0; i < rows; i++)
    for (long o = 0; o < n; o++) db[o] += delta[i * n + o];
}

static void BK_NAME(tanh)(const double *restrict z, double *restrict a, long count) {
  for (long i = 0; i < count; i++) a[i] = bk_tanh1(z[i]);
}

static void BK_NAME(sigmoid)(const double *restrict z, double *restrict a, long count) {
  for (long i = 0; i < count; i++) a[i] = bk_sigmoid1(z[i]);
}

static void BK_NAME(exp)(const double *restrict x, double *restrict y, long count) {
  for (long i = 0; i < count; i++) y[i] = bk_exp1(x[i]);
}

static void BK_NAME(tanh_backward)(const double *restrict a, const double *restrict g, double *restrict fPrime,
                                   double *restrict delta, long count) {
  for (long i = 0; i < count; i++) {
    fPrime[i] = 1 - a[i] * a[i];
    delta[i] = g[i] * fPrime[i];
  }
}

static void BK_NAME(sigmoid_backward)(const double *restrict a, const double *restrict g, double *restrict fPrime,
                                      double *restrict delta, long count) {
  for (long i = 0; i < count; i++) {
    fPrime[i] = a[i] * (1 - a[i]);
    delta[i] = g[i] * fPrime[i];
  }
}

static void BK_NAME(sgd)(double *restrict theta, const double *restrict g, double lr, long count) {
  for (long i = 0; i < count; i++) theta[i] -= lr * g[i];
}
