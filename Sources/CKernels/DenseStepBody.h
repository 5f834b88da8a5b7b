// One step's gradients of a small dense network over a whole batch, the blocked way: eight
// examples across the vector lanes (one `bk_v8`: a zmm register, two ymm or four xmm),
// forward and backward for a block before the next, so that activations and deltas stay in
// registers and L1. Every sum keeps the order of the stage-by-stage path on the same path (z
// over the inputs, dL/da over the units, dW and db over the examples: in example order on a
// baseline, in eight lanes reduced once a step on a fused path) and every product its rounding,
// so the step is bit for bit the one the stepper runs stage by stage on that path. Kernels.c
// includes this once per instruction set.

#include <math.h>

/// f applied lane by lane; a loop of fixed length over a local array, which the compiler
/// vectorises. The sigmoid calls the C library's exp on a baseline, as the portable path does,
/// and the vector exp on a fused path, as its sigmoid kernel does.
BK_INLINE_TARGET bk_v8 BK_NAME(activate)(int activation, bk_v8 s) {
  double lanes[BK_LANES];
  memcpy(lanes, &s, sizeof lanes);
  switch (activation) {
    case BK_ACT_TANH:
      for (int j = 0; j < BK_LANES; j++) lanes[j] = bk_tanh1(lanes[j]);
      break;
    case BK_ACT_SIGMOID:
#if BK_FUSED
      for (int j = 0; j < BK_LANES; j++) lanes[j] = bk_sigmoid1(lanes[j]);
      break;
#endif
      for (int j = 0; j < BK_LANES; j++) {
        const double z = lanes[j];
        if (z >= 0) {
          lanes[j] = 1 / (1 + exp(-z));
        } else {
          const double e = exp(z);
          lanes[j] = e / (1 + e);
        }
      }
      break;
    case BK_ACT_RELU:
      for (int j = 0; j < BK_LANES; j++) lanes[j] = lanes[j] <= 0 ? 0 : lanes[j];  // NaN passes through
      break;
    default: break;
  }
  memcpy(&s, lanes, sizeof lanes);
  return s;
}

/// g · f′, with f′ from a = f(z): 1 − a², a(1 − a), 1 or 0 (relu: a > 0 exactly when z > 0), or 1.
BK_INLINE_TARGET bk_v8 BK_NAME(times_derivative)(int activation, bk_v8 a, bk_v8 g) {
  const bk_v8 one = {1, 1, 1, 1, 1, 1, 1, 1};
  switch (activation) {
    case BK_ACT_TANH: return g * (1 - a * a);
    case BK_ACT_SIGMOID: return g * (a * (1 - a));
    case BK_ACT_RELU: return g * (bk_v8)((bk_l8)one & (a > 0));
    default: return g * one;
  }
}

static void BK_NAME(dense_gradients)(const bk_dense_layer *layers, long depth, const double *restrict x,
                                     const double *restrict t, long rows, int loss, double *restrict work) {
  // work: the input block [inputs] in lanes; per layer a and δ [units] in lanes; on a fused
  // path, per layer the lanes of dW [units × inputs] and db [units]; then the block of the
  // layer below, example by example [lanes × inputs], for dW on a baseline.
  const long inputs = layers[0].inputs, outputs = layers[depth - 1].units;
  bk_v8 *xT = (bk_v8 *)work;
  bk_v8 *cursor = xT + inputs;
  bk_v8 *acts[BK_MAX_DEPTH], *deltas[BK_MAX_DEPTH];
#if BK_FUSED
  bk_v8 *laneW[BK_MAX_DEPTH], *laneB[BK_MAX_DEPTH];
#endif
  const bk_v8 zero = {0};
  for (long l = 0; l < depth; l++) {
    acts[l] = cursor, cursor += layers[l].units;
    deltas[l] = cursor, cursor += layers[l].units;
#if BK_FUSED
    laneW[l] = cursor, cursor += layers[l].units * layers[l].inputs;
    laneB[l] = cursor, cursor += layers[l].units;
    for (long j = 0; j < layers[l].units * layers[l].inputs; j++) laneW[l][j] = zero;
    for (long o = 0; o < layers[l].units; o++) laneB[l][o] = zero;
#endif
    for (long j = 0; j < layers[l].units * layers[l].inputs; j++) layers[l].dW[j] = 0;
    for (long o = 0; o < layers[l].units; o++) layers[l].db[o] = 0;
  }
#if !BK_FUSED
  double *byExample = (double *)cursor;  // [lanes × the widest layer's inputs]
#endif
  const double batch = (double)rows, entries = (double)rows * (double)outputs;
  for (long start = 0; start < rows; start += BK_LANES) {
    const long live = rows - start < BK_LANES ? rows - start : BK_LANES;
    double lane[BK_LANES];
    for (long k = 0; k < inputs; k++) {
      for (long j = 0; j < BK_LANES; j++) lane[j] = j < live ? x[(start + j) * inputs + k] : 0;
      memcpy(&xT[k], lane, sizeof lane);
    }
    // forward: z = b + a_0·W_0 + a_1·W_1 + …
    for (long l = 0; l < depth; l++) {
      const bk_dense_layer *L = &layers[l];
      const bk_v8 *prev = l == 0 ? xT : acts[l - 1];
      for (long o = 0; o < L->units; o++) {
        bk_v8 s = BK_NAME(splat)(L->b[o]);
        const double *w = L->w + o * L->inputs;
        for (long k = 0; k < L->inputs; k++) s = BK_MADD(s, prev[k], BK_NAME(splat)(w[k]));
        acts[l][o] = BK_NAME(activate)(L->activation, s);
      }
    }
    // δ at the output: (a − t)/B from the logit for BCE; dL/da · f′ for the squared errors; 0
    // in the lanes past the batch, so that they add nothing to dW and db below
    {
      const bk_dense_layer *L = &layers[depth - 1];
      bk_l8 isLive;
      for (long j = 0; j < BK_LANES; j++) isLive[j] = j < live ? -1 : 0;
      for (long o = 0; o < L->units; o++) {
        for (long j = 0; j < BK_LANES; j++) lane[j] = j < live ? t[(start + j) * outputs + o] : 0;
        bk_v8 target;
        memcpy(&target, lane, sizeof lane);
        const bk_v8 a = acts[depth - 1][o];
        switch (loss) {
          case BK_LOSS_BCE: deltas[depth - 1][o] = (a - target) / batch; break;
          case BK_LOSS_MSE_MEAN: deltas[depth - 1][o] = BK_NAME(times_derivative)(L->activation, a, 2 * (a - target) / entries); break;
          default: deltas[depth - 1][o] = BK_NAME(times_derivative)(L->activation, a, (a - target) / batch); break;
        }
        deltas[depth - 1][o] = (bk_v8)((bk_l8)deltas[depth - 1][o] & isLive);
      }
    }
    // backward: dW and db over the examples, then dL/da_{l−1} = δ·W over the units in order
    for (long l = depth - 1; l >= 0; l--) {
      const bk_dense_layer *L = &layers[l];
      const long n = L->units, m = L->inputs;
      const bk_v8 *prev = l == 0 ? xT : acts[l - 1];
      const bk_v8 *d = deltas[l];
#if BK_FUSED
      // each lane sums its own examples; the lanes are added once, after the last block
      for (long o = 0; o < n; o++) {
        bk_v8 *restrict gW = laneW[l] + o * m;
        for (long k = 0; k < m; k++) gW[k] = BK_MADD(gW[k], d[o], prev[k]);
        laneB[l][o] += d[o];
      }
#else
      for (long k = 0; k < m; k++) {
        memcpy(lane, &prev[k], sizeof lane);
        for (long j = 0; j < live; j++) byExample[j * m + k] = lane[j];
      }
      for (long o = 0; o < n; o++) {
        memcpy(lane, &d[o], sizeof lane);
        double *restrict gW = L->dW + o * m;
        // eight weights of the row at a time stay in a register while the examples run in order
        long k0 = 0;
        for (; k0 + BK_LANES <= m; k0 += BK_LANES) {
          bk_v8 row;
          memcpy(&row, gW + k0, sizeof row);
          for (long j = 0; j < live; j++) {
            bk_v8 aj;
            memcpy(&aj, byExample + j * m + k0, sizeof aj);
            row += lane[j] * aj;
          }
          memcpy(gW + k0, &row, sizeof row);
        }
        for (long j = 0; j < live; j++) {
          for (long k = k0; k < m; k++) gW[k] += lane[j] * byExample[j * m + k];
          L->db[o] += lane[j];
        }
      }
#endif
      if (l == 0) break;
      for (long k = 0; k < m; k++) {
        bk_v8 g = zero;
        for (long o = 0; o < n; o++) g = BK_MADD(g, d[o], BK_NAME(splat)(L->w[o * m + k]));
        deltas[l - 1][k] = BK_NAME(times_derivative)(layers[l - 1].activation, prev[k], g);
      }
    }
  }
#if BK_FUSED
  for (long l = 0; l < depth; l++) {
    for (long j = 0; j < layers[l].units * layers[l].inputs; j++) layers[l].dW[j] = BK_NAME(lanes_total)(laneW[l][j]);
    for (long o = 0; o < layers[l].units; o++) layers[l].db[o] = BK_NAME(lanes_total)(laneB[l][o]);
  }
#endif
}
