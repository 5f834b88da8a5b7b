import BackstepCore
import Testing

/// The first three updates of each optimizer on θ0 = [1, −2] with the gradients
/// g1 = [0.5, −1], g2 = [0.25, 2], g3 = [−1, 0.1], against values computed by hand from the
/// update formulas of PyTorch's `torch.optim` documentation.
@Suite("Optimizers follow torch.optim")
struct OptimizerTests {
  static let gradients: [[Double]] = [[0.5, -1.0], [0.25, 2.0], [-1.0, 0.1]]

  struct Case: CustomTestStringConvertible, Sendable {
    let name: String
    let settings: OptimizerSettings
    let expected: [[Double]]
    var testDescription: String { name }
  }

  static func settings(
    _ kind: OptimizerSettings.Kind, lr: Double? = nil, _ edit: (inout OptimizerSettings) -> Void = { _ in }
  )
    -> OptimizerSettings
  {
    var s = OptimizerSettings(kind: kind, lr: lr)
    edit(&s)
    return s
  }

  static let cases: [Case] = [
    Case(name: "sgd", settings: settings(.sgd, lr: 0.1), expected: [[0.95, -1.9], [0.9249999999999999, -2.1], [1.025, -2.11]]),
    Case(
      name: "sgd momentum 0.9 dampening 0.1",
      settings: settings(.sgd, lr: 0.1) {
        $0.momentum = 0.9
        $0.dampening = 0.1
      }, expected: [[0.95, -1.9], [0.8825, -1.99], [0.91175, -2.08]]),
    Case(
      name: "sgd nesterov weight decay",
      settings: settings(.sgd, lr: 0.1) {
        $0.momentum = 0.9
        $0.nesterov = true
        $0.weightDecay = 0.01
      }, expected: [[0.9031, -1.8062], [0.81257411, -2.10014822], [0.942869708191, -2.201336916382]]),
    Case(
      name: "adagrad lr decay, initial accumulator",
      settings: settings(.adagrad, lr: 0.1) {
        $0.lrDecay = 0.05
        $0.initialAccumulatorValue = 0.1
      },
      expected: [
        [0.9154845745414341, -1.9046537410845317], [0.8784131962538002, -1.9889980158941392],
        [0.9549046802313044, -1.993019597304905],
      ]),
    Case(
      name: "rmsprop defaults", settings: settings(.rmsprop),
      expected: [
        [0.900000019999996, -1.900000009999999], [0.855098702557817, -1.989532302199152],
        [0.9425726616071325, -1.9940269223469145],
      ]),
    Case(
      name: "rmsprop centered with momentum",
      settings: settings(.rmsprop) {
        $0.momentum = 0.5
        $0.centered = true
      },
      expected: [
        [0.899496238676095, -1.8994962285750878], [0.8039356040222583, -1.9388682905304337],
        [0.8436523063794414, -1.9630544440582887],
      ]),
    Case(
      name: "adam", settings: settings(.adam, lr: 0.1),
      expected: [
        [0.900000002, -1.900000001], [0.8067820404774624, -1.9366103534720749],
        [0.8274177428854115, -1.9677376894782834],
      ]),
    Case(
      name: "adam amsgrad weight decay",
      settings: settings(.adam, lr: 0.1) {
        $0.amsgrad = true
        $0.weightDecay = 0.1
      },
      expected: [
        [0.9000000016666666, -1.9000000008333333], [0.8050097658613199, -1.9250178784643248],
        [0.8120982607786772, -1.9416188938569523],
      ]),
    // Step 1 by hand: θ·(1 − 0.1·0.1) = 0.99, then 0.99 − (0.1/0.1)·0.05/(0.5 + 1e−8) = 0.890000002;
    // steps 2 and 3 as torch.optim.AdamW(lr=0.1, weight_decay=0.1) gives them.
    Case(
      name: "adamw weight decay 0.1",
      settings: settings(.adamw, lr: 0.1) { $0.weightDecay = 0.1 },
      expected: [
        [0.890000002, -1.880000001], [0.7878820404574624, -1.897810353462075],
        [0.8006389224608368, -1.9099595859336627],
      ]),
    Case(
      name: "adadelta defaults", settings: settings(.adadelta),
      expected: [
        [0.9968377855834876, -1.9968377381511013], [0.9947526985556963, -2.000878334104818],
        [0.9990594141678937, -2.001161041785811],
      ]),
  ]

  @Test(arguments: cases)
  func firstThreeUpdates(_ c: Case) {
    var theta = [1.0, -2.0]
    var buffers: [String: [Double]] = [:]
    for (t, g) in Self.gradients.enumerated() {
      Optimizer.step(c.settings, t: t + 1, parameters: &theta, gradient: g, buffers: &buffers)
      for k in 0..<2 {
        #expect(
          Fixture.relativeError(theta[k], c.expected[t][k]) < 1e-12,
          "\(c.name) step \(t + 1) θ[\(k)] = \(theta[k]), expected \(c.expected[t][k])")
      }
    }
  }

  @Test func defaultsAreTorchDefaults() {
    #expect(OptimizerSettings(kind: .adam).resolvedLR == 0.001)
    #expect(OptimizerSettings(kind: .adam).resolvedEps == 1e-8)
    #expect(OptimizerSettings(kind: .adagrad).resolvedEps == 1e-10)
    #expect(OptimizerSettings(kind: .adadelta).resolvedLR == 1.0)
    #expect(OptimizerSettings(kind: .adadelta).resolvedEps == 1e-6)
    #expect(OptimizerSettings(kind: .rmsprop).alpha == 0.99)
    #expect(OptimizerSettings(kind: .adamw).weightDecay == 0.01)
    #expect(OptimizerSettings(kind: .adam).weightDecay == 0)
  }

  @Test func friendlyNames() throws {
    let m = try OptimizerSettings(named: "momentum")
    #expect(m.kind == .sgd && m.momentum == 0.9 && !m.nesterov)
    let n = try OptimizerSettings(named: "nesterov")
    #expect(n.kind == .sgd && n.momentum == 0.9 && n.nesterov)
    #expect(throws: ConfigurationError.self) { try OptimizerSettings(named: "lbfgs") }
  }

  @Test func invalidSettingsThrow() {
    #expect(throws: ConfigurationError.self) { try OptimizerSettings(kind: .sgd, lr: 0).validate() }
    #expect(throws: ConfigurationError.self) { try OptimizerSettings(kind: .sgd, lr: -1).validate() }
    var s = OptimizerSettings(kind: .sgd)
    s.nesterov = true
    #expect(throws: ConfigurationError.self) { try s.validate() }
    var a = OptimizerSettings(kind: .adam)
    a.beta1 = 1
    #expect(throws: ConfigurationError.self) { try a.validate() }
  }
}
