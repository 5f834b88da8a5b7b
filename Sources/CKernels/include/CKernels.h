#ifndef BACKSTEP_CKERNELS_H
#define BACKSTEP_CKERNELS_H

/// The vector training kernels: one C source compiled once per instruction set, the variant
/// chosen at run time from what the processor reports. Every function takes the path to run;
/// the caller decides it once. Matrices are row-major float64; shapes are given in each comment
/// with B examples, nIn inputs and n units.

/// The kernel paths. `BK_PORTABLE` is the plain Swift code, not these functions; passed here it
/// runs the baseline build of this file.
typedef enum bk_path {
  BK_PORTABLE = 0,
  BK_SSE2 = 1,
  BK_AVX2 = 2,
  BK_AVX512 = 3,
  BK_NEON = 4,
} bk_path;

/// 1 when this build has the path and the processor and operating system run it, else 0.
int bk_available(bk_path path);

/// 1 for the fused paths (AVX2 with FMA, AVX-512): each product is added with one rounding, and
/// db, and dW of a layer of at most BK_LANE_WEIGHTS weights, are summed over the examples in
/// eight lanes (lane j adds the examples j, j + 8, …; the lanes are then added pairwise,
/// ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7))). 0 for the others, which keep the
/// portable order and rounding bit for bit. Every kernel of one path, the blocked step
/// included, sums alike.
int bk_fused(bk_path path);

/// z = a · Wᵀ + b.  a [B × nIn], W [n × nIn] (read as Wᵀ, not copied), b [n], z [B × n].
void bk_affine(bk_path path, const double *a, const double *w, const double *b, double *z, long rows, long nIn, long n);

/// dW = δᵀ · a.  δ [B × n], a [B × nIn], dW [n × nIn]; each sum over the examples in order,
/// or in lanes (see bk_fused).
void bk_weight_gradient(bk_path path, const double *delta, const double *a, double *dW, long rows, long n, long nIn);

/// g = δ · W.  δ [B × n], W [n × nIn], g [B × nIn].
void bk_input_gradient(bk_path path, const double *delta, const double *w, double *g, long rows, long n, long nIn);

/// db = Σ_i δ_i.  δ [B × n], db [n]; in example order, or in lanes (see bk_fused).
void bk_column_sums(bk_path path, const double *delta, double *db, long rows, long n);

/// a = tanh(z) over count values.
void bk_tanh(bk_path path, const double *z, double *a, long count);

/// a = σ(z) over count values, through a vector exp: for the fused paths, whose sigmoid is the
/// portable one to a few ulps, not its bits (the others call the C library's exp, as Swift does).
void bk_sigmoid(bk_path path, const double *z, double *a, long count);

/// f′ = 1 − a² and δ = g · f′ over count values: tanh's backward from its output.
void bk_tanh_backward(bk_path path, const double *a, const double *g, double *fPrime, double *delta, long count);

/// θ ← θ − lr · g over count values: plain SGD.
void bk_sgd(bk_path path, double *theta, const double *g, double lr, long count);

/// The activations and losses the blocked dense step computes.
enum { BK_ACT_IDENTITY = 0, BK_ACT_TANH = 1, BK_ACT_SIGMOID = 2, BK_ACT_RELU = 3 };
enum { BK_LOSS_MSE = 0, BK_LOSS_MSE_MEAN = 1, BK_LOSS_BCE = 2 };

/// Examples per block of the dense step, and the most layers it takes.
enum { BK_LANES = 8, BK_MAX_DEPTH = 64 };

/// The most weights a layer may have for a fused path to sum its dW in lanes; a wider layer's
/// dW takes the blocked product in example order, whose sums stay in registers.
enum { BK_LANE_WEIGHTS = 1024 };

/// The panel of B a product copies and keeps in the caches while every block of rows of C
/// passes: k rows by columns, 256 × 64 doubles (128 kB), in strips of eight columns.
enum { BK_PANEL_K = 256, BK_PANEL_N = 64 };

/// One dense layer for the blocked step: its weights in, its gradients out.
typedef struct bk_dense_layer {
  long inputs, units;
  const double *w;  // W [units × inputs]
  const double *b;  // b [units]
  int activation;   // BK_ACT_*
  double *dW;       // dW [units × inputs], written
  double *db;       // db [units], written
} bk_dense_layer;

/// The doubles of work space bk_dense_gradients needs for these layers.
long bk_dense_work_size(const bk_dense_layer *layers, long depth);

/// dW and db of every layer for one step over a batch, without the penalty: x [B × inputs],
/// t [B × outputs], loss BK_LOSS_* (mean over the batch; BCE needs a sigmoid output and takes δ
/// from the logit). Examples run eight to a block across the vector lanes, forward and backward
/// together; every sum keeps the order of the stage-by-stage kernels of the same path, so the
/// gradients are bit for bit the ones they compute. Returns 0 when depth is out of range.
int bk_dense_gradients(bk_path path, const bk_dense_layer *layers, long depth, const double *x, const double *t, long rows,
                       int loss, double *work);

#endif
