// One step's gradients of a small dense network over a whole batch, the blocked way: eight
// examples across the vector lanes, forward and backward for a block before the next, so
// that activations and deltas stay in registers and L1. Each lane collects its own dW and db;
// the lanes are added once at the end. Kernels.c includes this once per instruction set.

/// d ← d · f′, with f′ from a = f(z), lane by lane; the switch stays outside the loops.
BK_INLINE_TARGET void BK_NAME(derivative_from_output)(int activation, const double *restrict a, double *restrict d) {
  switch (activation) {
    case BK_ACT_TANH:
      for (int j = 0; j < BK_LANES; j++) d[j] *= 1 - a[j] * a[j];
      break;
    case BK_ACT_SIGMOID:
      for (int j = 0; j < BK_LANES; j++) d[j] *= a[j] * (1 - a[j]);
      break;
    case BK_ACT_RELU:
      for (int j = 0; j < BK_LANES; j++) d[j] = a[j] > 0 ? d[j] : 0;
      break;
    default: break;
  }
}

static void BK_NAME(dense_gradients)(const bk_dense_layer *layers, long depth, const double *restrict x,
                                     const double *restrict t, long rows, int loss, double *restrict work) {
  // work: per layer, a and δ [units × lanes], then dW and db per lane [units × inputs × lanes], [units × lanes];
  // first the input block [inputs × lanes].
  const long inputs = layers[0].inputs, outputs = layers[depth - 1].units;
  double *xT = work;
  double *cursor = xT + inputs * BK_LANES;
  double *acts[BK_MAX_DEPTH], *deltas[BK_MAX_DEPTH], *dWs[BK_MAX_DEPTH], *dbs[BK_MAX_DEPTH];
  for (long l = 0; l < depth; l++) {
    const long n = layers[l].units, m = layers[l].inputs;
    acts[l] = cursor, cursor += n * BK_LANES;
    deltas[l] = cursor, cursor += n * BK_LANES;
    dWs[l] = cursor, cursor += n * m * BK_LANES;
    dbs[l] = cursor, cursor += n * BK_LANES;
    for (long j = 0; j < n * m * BK_LANES; j++) dWs[l][j] = 0;
    for (long j = 0; j < n * BK_LANES; j++) dbs[l][j] = 0;
  }
  const double scale = loss == BK_LOSS_MSE_MEAN ? 2.0 / ((double)rows * (double)outputs) : 1.0 / (double)rows;
  for (long start = 0; start < rows; start += BK_LANES) {
    const long live = rows - start < BK_LANES ? rows - start : BK_LANES;
    for (long k = 0; k < inputs; k++)
      for (long j = 0; j < BK_LANES; j++) xT[k * BK_LANES + j] = j < live ? x[(start + j) * inputs + k] : 0;
    // forward
    for (long l = 0; l < depth; l++) {
      const bk_dense_layer *L = &layers[l];
      const double *restrict prev = l == 0 ? xT : acts[l - 1];
      double *restrict a = acts[l];
      for (long o = 0; o < L->units; o++) {
        double s[BK_LANES];
        for (int j = 0; j < BK_LANES; j++) s[j] = L->b[o];
        for (long k = 0; k < L->inputs; k++) {
          const double w = L->w[o * L->inputs + k];
          for (int j = 0; j < BK_LANES; j++) s[j] += prev[k * BK_LANES + j] * w;
        }
        double *restrict ao = a + o * BK_LANES;
        switch (L->activation) {
          case BK_ACT_TANH: for (int j = 0; j < BK_LANES; j++) ao[j] = bk_tanh1(s[j]); break;
          case BK_ACT_SIGMOID: for (int j = 0; j < BK_LANES; j++) ao[j] = bk_sigmoid1(s[j]); break;
          case BK_ACT_RELU: for (int j = 0; j < BK_LANES; j++) ao[j] = s[j] <= 0 ? 0 : s[j]; break;
          default: for (int j = 0; j < BK_LANES; j++) ao[j] = s[j]; break;
        }
      }
    }
    // δ at the output: (a − t)/B from the logit for BCE; the chain through f′ for the squared errors
    {
      const bk_dense_layer *L = &layers[depth - 1];
      for (long o = 0; o < L->units; o++) {
        double *restrict d = deltas[depth - 1] + o * BK_LANES;
        const double *restrict a = acts[depth - 1] + o * BK_LANES;
        for (int j = 0; j < BK_LANES; j++) d[j] = j < live ? (a[j] - t[(start + j) * outputs + o]) * scale : 0;
        if (loss != BK_LOSS_BCE) BK_NAME(derivative_from_output)(L->activation, a, d);
      }
    }
    // backward
    for (long l = depth - 1; l >= 0; l--) {
      const bk_dense_layer *L = &layers[l];
      const double *restrict prev = l == 0 ? xT : acts[l - 1];
      const double *restrict d = deltas[l];
      for (long o = 0; o < L->units; o++) {
        const double *restrict dO = d + o * BK_LANES;
        double *restrict gW = dWs[l] + o * L->inputs * BK_LANES;
        for (long k = 0; k < L->inputs; k++)
          for (int j = 0; j < BK_LANES; j++) gW[k * BK_LANES + j] += dO[j] * prev[k * BK_LANES + j];
        for (int j = 0; j < BK_LANES; j++) dbs[l][o * BK_LANES + j] += dO[j];
      }
      if (l == 0) break;
      double *restrict below = deltas[l - 1];
      for (long k = 0; k < L->inputs; k++) {
        double g[BK_LANES];
        for (int j = 0; j < BK_LANES; j++) g[j] = 0;
        for (long o = 0; o < L->units; o++) {
          const double w = L->w[o * L->inputs + k];
          for (int j = 0; j < BK_LANES; j++) g[j] += d[o * BK_LANES + j] * w;
        }
        for (int j = 0; j < BK_LANES; j++) below[k * BK_LANES + j] = g[j];
        BK_NAME(derivative_from_output)(layers[l - 1].activation, prev + k * BK_LANES, below + k * BK_LANES);
      }
    }
  }
  // the lanes added once, in lane order
  for (long l = 0; l < depth; l++) {
    const long n = layers[l].units, m = layers[l].inputs;
    for (long e = 0; e < n * m; e++) {
      double s = 0;
      for (int j = 0; j < BK_LANES; j++) s += dWs[l][e * BK_LANES + j];
      layers[l].dW[e] = s;
    }
    for (long o = 0; o < n; o++) {
      double s = 0;
      for (int j = 0; j < BK_LANES; j++) s += dbs[l][o * BK_LANES + j];
      layers[l].db[o] = s;
    }
  }
}
