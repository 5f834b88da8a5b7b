import BackstepCore

/// How much work the screen may do in one piece, counted in multiply-adds, since nothing can
/// read a key in the middle of a piece: the whole-set loss measured after an update in run
/// mode, or a gradient check. 10⁸ multiply-adds take about half a second in a debug build
/// and a twentieth of one in a release build, so that p and q get through within about a
/// second on any of them.
enum WorkBudget {
  static let multiplyAdds = 100_000_000

  /// The decision surface's share of one frame of run mode, in multiply-adds of its forward
  /// pass (``SurfaceRefresh/pointCost(_:)`` a grid point): about 0.6 ms in a release build,
  /// so that a frame of a wide network stays within a few milliseconds.
  static let surfacePerFrame = 2_000_000

  /// The frames one refresh of the surface may be spread over while running: its grid is the
  /// finest that this many frames' shares pay for, so the surface is at most about a third of
  /// a second behind the weights.
  static let surfaceFrames = 10

  /// Multiply-adds of one forward pass of `rows` rows: rows × Σ inputs·units over the layers.
  /// Saturates at Int.max rather than overflow.
  static func forwardPass(_ network: Network, rows: Int) -> Int {
    saturated(rows, network.layers.reduce(0) { $0 + $1.weights.count })
  }

  /// a + b, or Int.max when it does not fit.
  static func saturatedSum(_ a: Int, _ b: Int) -> Int {
    let (sum, overflow) = a.addingReportingOverflow(b)
    return overflow ? Int.max : sum
  }

  /// a · b, or Int.max when it does not fit.
  static func saturated(_ a: Int, _ b: Int) -> Int {
    let (product, overflow) = a.multipliedReportingOverflow(by: b)
    return overflow ? Int.max : product
  }

  /// The cost of measuring the loss and accuracy over both sets after an update: two forward
  /// passes (loss, then accuracy) over every row.
  static func evaluation(_ stepper: Stepper) -> Int {
    saturated(2, forwardPass(stepper.network, rows: stepper.data.train.count + stepper.data.test.count))
  }

  /// The cost of a gradient check on a batch of `rows`: four forward passes per parameter
  /// (the fourth-order central difference) and one forward and backward pass besides.
  static func gradientCheck(_ network: Network, rows: Int) -> Int {
    saturated(saturated(4, network.parameterCount) + 3, forwardPass(network, rows: rows))
  }
}
