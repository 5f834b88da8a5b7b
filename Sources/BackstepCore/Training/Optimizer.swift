import CKernels

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One optimizer step on one parameter tensor, following the update formulas of PyTorch's
/// `torch.optim` documentation (and the order of operations of its implementation, so that
/// results agree to the last few bits). t is the 1-based step.
public enum Optimizer {
  /// θ ← update(θ, g) for one tensor. `g` is the clipped gradient; `buffers` this tensor's state.
  public static func step(
    _ settings: OptimizerSettings, t: Int, parameters theta: inout [Double], gradient: [Double],
    buffers: inout [String: [Double]]
  ) {
    let n = theta.count
    let lr = settings.resolvedLR
    let eps = settings.resolvedEps
    let wd = settings.weightDecay
    var g = gradient
    if wd != 0 && settings.kind != .adamw {
      // L2 weight decay inside the gradient, as every torch.optim optimizer but AdamW does.
      for i in 0..<n { g[i] += wd * theta[i] }
    }
    func buffer(_ name: String, initial: Double = 0) -> [Double] {
      buffers[name] ?? Array(repeating: initial, count: n)
    }

    switch settings.kind {
    case .sgd:
      let mu = settings.momentum
      if mu != 0 {
        var b: [Double]
        if let existing = buffers["momentum_buffer"] {
          b = existing
          for i in 0..<n { b[i] = mu * b[i] + (1 - settings.dampening) * g[i] }
        } else {
          b = g
        }
        buffers["momentum_buffer"] = b
        if settings.nesterov {
          for i in 0..<n { g[i] += mu * b[i] }
        } else {
          g = b
        }
      }
      descend(&theta, along: g, rate: lr)

    case .adagrad:
      let clr = lr / (1 + Double(t - 1) * settings.lrDecay)
      var sum = buffer("sum", initial: settings.initialAccumulatorValue)
      for i in 0..<n {
        sum[i] += g[i] * g[i]
        theta[i] -= clr * g[i] / (sum[i].squareRoot() + eps)
      }
      buffers["sum"] = sum

    case .rmsprop:
      let alpha = settings.alpha
      var v = buffer("square_avg")
      for i in 0..<n { v[i] = alpha * v[i] + (1 - alpha) * g[i] * g[i] }
      buffers["square_avg"] = v
      var denom = [Double](repeating: 0, count: n)
      if settings.centered {
        var gAvg = buffer("grad_avg")
        for i in 0..<n {
          gAvg[i] = alpha * gAvg[i] + (1 - alpha) * g[i]
          denom[i] = (v[i] - gAvg[i] * gAvg[i]).squareRoot() + eps
        }
        buffers["grad_avg"] = gAvg
      } else {
        for i in 0..<n { denom[i] = v[i].squareRoot() + eps }
      }
      if settings.momentum > 0 {
        var b = buffer("momentum_buffer")
        for i in 0..<n {
          b[i] = settings.momentum * b[i] + g[i] / denom[i]
          theta[i] -= lr * b[i]
        }
        buffers["momentum_buffer"] = b
      } else {
        for i in 0..<n { theta[i] -= lr * g[i] / denom[i] }
      }

    case .adam, .adamw:
      // AdamW decays the parameters themselves first, apart from the gradient.
      if settings.kind == .adamw && wd != 0 {
        for i in 0..<n { theta[i] *= 1 - lr * wd }
      }
      let b1 = settings.beta1, b2 = settings.beta2
      var m = buffer("exp_avg")
      var v = buffer("exp_avg_sq")
      let bc1 = 1 - pow(b1, Double(t))
      let bc2 = 1 - pow(b2, Double(t))
      let stepSize = lr / bc1
      let bc2Sqrt = bc2.squareRoot()
      var vMax = settings.amsgrad ? buffer("max_exp_avg_sq") : []
      for i in 0..<n {
        m[i] = b1 * m[i] + (1 - b1) * g[i]
        v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i]
        let second: Double
        if settings.amsgrad {
          vMax[i] = max(vMax[i], v[i])
          second = vMax[i]
        } else {
          second = v[i]
        }
        let denom = second.squareRoot() / bc2Sqrt + eps
        theta[i] -= stepSize * m[i] / denom
      }
      buffers["exp_avg"] = m
      buffers["exp_avg_sq"] = v
      if settings.amsgrad { buffers["max_exp_avg_sq"] = vMax }

    case .adadelta:
      let rho = settings.rho
      var v = buffer("square_avg")
      var u = buffer("acc_delta")
      for i in 0..<n {
        v[i] = rho * v[i] + (1 - rho) * g[i] * g[i]
        let delta = (u[i] + eps).squareRoot() / (v[i] + eps).squareRoot() * g[i]
        u[i] = rho * u[i] + (1 - rho) * delta * delta
        theta[i] -= lr * delta
      }
      buffers["square_avg"] = v
      buffers["acc_delta"] = u
    }
  }

  /// θ ← θ − lr·g, the plain step, on the kernel path in effect.
  static func descend(_ theta: inout [Double], along g: [Double], rate lr: Double) {
    let path = KernelPath.current
    guard path != .portable else {
      for i in 0..<theta.count { theta[i] -= lr * g[i] }
      return
    }
    g.withUnsafeBufferPointer { gp in
      theta.withUnsafeMutableBufferPointer { tp in bk_sgd(path.c, tp.baseAddress, gp.baseAddress, lr, tp.count) }
    }
  }
}
