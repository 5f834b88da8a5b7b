// One step's gradients of a small dense network over a whole batch, the blocked way: eight
// examples across the vector lanes (one `bk_v8`: a zmm register, two ymm or four xmm),
// forward and backward for a block before the next, so that activations and deltas stay in
// registers and L1. Each lane collects its own dW and db; the lanes are added once at the
// end. Kernels.c includes this once per instruction set.

/// f applied lane by lane; a loop of fixed length over a local array, which the compiler vectorises.
BK_INLINE_TARGET bk_v8 BK_NAME(activate)(int activation, bk_v8 s) {
  double lanes[BK_LANES];
  memcpy(lanes, &s, sizeof lanes);
  switch (activation) {
    case BK_ACT_TANH:
      for (int j = 0; j < BK_LANES; j++) lanes[j] = bk_tanh1(lanes[j]);
      break;
    case BK_ACT_SIGMOID:
      for (int j = 0; j < BK_LANES; j++) lanes[j] = bk_sigmoid1(lanes[j]);
      break;
    case BK_ACT_RELU:
      for (int j = 0; j < BK_LANES; j++) lanes[j] = lanes[j] <= 0 ? 0 : lanes[j];  // NaN passes through
      break;
    default: break;
  }
  memcpy(&s, lanes, sizeof lanes);
  return s;
}

/// d · f′, with f′ from a = f(z): 1 − a², a(1 − a), [a > 0], or 1.
BK_INLINE_TARGET bk_v8 BK_NAME(times_derivative)(int activation, bk_v8 a, bk_v8 d) {
  switch (activation) {
    case BK_ACT_TANH: return d * (1 - a * a);
    case BK_ACT_SIGMOID: return d * (a * (1 - a));
    case BK_ACT_RELU: return (bk_v8)((bk_l8)d & (a > 0));
    default: return d;
  }
}

static void BK_NAME(dense_gradients)(const bk_dense_layer *layers, long depth, const double *restrict x,
                                     const double *restrict t, long rows, int loss, double *restrict work) {
  // work, in blocks of eight lanes: the input block [inputs]; then per layer a and δ [units],
  // dW [units × inputs] and db [units], each lane its own sum.
  const long inputs = layers[0].inputs, outputs = layers[depth - 1].units;
  bk_v8 *xT = (bk_v8 *)work;
  bk_v8 *cursor = xT + inputs;
  bk_v8 *acts[BK_MAX_DEPTH], *deltas[BK_MAX_DEPTH], *dWs[BK_MAX_DEPTH], *dbs[BK_MAX_DEPTH];
  const bk_v8 zero = {0};
  for (long l = 0; l < depth; l++) {
    const long n = layers[l].units, m = layers[l].inputs;
    acts[l] = cursor, cursor += n;
    deltas[l] = cursor, cursor += n;
    dWs[l] = cursor, cursor += n * m;
    dbs[l] = cursor, cursor += n;
    for (long j = 0; j < n * m; j++) dWs[l][j] = zero;
    for (long j = 0; j < n; j++) dbs[l][j] = zero;
  }
  const double scale = loss == BK_LOSS_MSE_MEAN ? 2.0 / ((double)rows * (double)outputs) : 1.0 / (double)rows;
  for (long start = 0; start < rows; start += BK_LANES) {
    const long live = rows - start < BK_LANES ? rows - start : BK_LANES;
    double lane[BK_LANES];
    for (long k = 0; k < inputs; k++) {
      for (long j = 0; j < BK_LANES; j++) lane[j] = j < live ? x[(start + j) * inputs + k] : 0;
      memcpy(&xT[k], lane, sizeof lane);
    }
    // forward
    for (long l = 0; l < depth; l++) {
      const bk_dense_layer *L = &layers[l];
      const bk_v8 *prev = l == 0 ? xT : acts[l - 1];
      for (long o = 0; o < L->units; o++) {
        bk_v8 s = zero + L->b[o];
        const double *w = L->w + o * L->inputs;
        for (long k = 0; k < L->inputs; k++) s += prev[k] * w[k];
        acts[l][o] = BK_NAME(activate)(L->activation, s);
      }
    }
    // δ at the output: (a − t)/B from the logit for BCE; the chain through f′ for the squared errors
    {
      const bk_dense_layer *L = &layers[depth - 1];
      for (long o = 0; o < L->units; o++) {
        for (long j = 0; j < BK_LANES; j++) lane[j] = j < live ? t[(start + j) * outputs + o] : 0;
        bk_v8 target;
        memcpy(&target, lane, sizeof lane);
        const bk_v8 a = acts[depth - 1][o];
        bk_v8 d = (a - target) * scale;
        for (long j = 0; j < BK_LANES; j++) lane[j] = j < live ? 1 : 0;
        bk_v8 mask;
        memcpy(&mask, lane, sizeof lane);
        d *= mask;  // lanes past the end of the batch add nothing
        deltas[depth - 1][o] = loss == BK_LOSS_BCE ? d : BK_NAME(times_derivative)(L->activation, a, d);
      }
    }
    // backward
    for (long l = depth - 1; l >= 0; l--) {
      const bk_dense_layer *L = &layers[l];
      const bk_v8 *prev = l == 0 ? xT : acts[l - 1];
      const bk_v8 *d = deltas[l];
      for (long o = 0; o < L->units; o++) {
        const bk_v8 dO = d[o];
        bk_v8 *gW = dWs[l] + o * L->inputs;
        for (long k = 0; k < L->inputs; k++) gW[k] += dO * prev[k];
        dbs[l][o] += dO;
      }
      if (l == 0) break;
      for (long k = 0; k < L->inputs; k++) {
        bk_v8 g = zero;
        for (long o = 0; o < L->units; o++) g += d[o] * L->w[o * L->inputs + k];
        deltas[l - 1][k] = BK_NAME(times_derivative)(layers[l - 1].activation, prev[k], g);
      }
    }
  }
  // the lanes added once, in lane order
  for (long l = 0; l < depth; l++) {
    const long n = layers[l].units, m = layers[l].inputs;
    for (long e = 0; e < n * m + n; e++) {
      const bk_v8 v = e < n * m ? dWs[l][e] : dbs[l][e - n * m];
      double s = 0;
      for (int j = 0; j < BK_LANES; j++) s += v[j];
      if (e < n * m) layers[l].dW[e] = s;
      else layers[l].db[e - n * m] = s;
    }
  }
}
