/// A breakpoint that held: which, where, and the reading that made it hold.
public struct BreakHit: Equatable, Sendable, CustomStringConvertible {
  public var condition: BreakCondition
  public var step: Int
  public var stage: Stage
  /// The layer the condition read (1-based), when it reads one.
  public var layer: Int?
  /// What was read, in words: "‖dW₁‖ = 3.2e+04", "12 of 16 units dead", "loss 0.0499".
  public var reading: String
  /// For `nan`: the quantity that went bad and whether it holds a NaN.
  public var fault: Stepper.StageFault?

  /// "exploding at B1 of step 412, ‖dW₁‖ = 3.2e+04".
  public var description: String {
    "\(condition) at \(stage.label) of step \(step)" + (reading.isEmpty ? "" : ", \(reading)")
  }
}
