import BackstepCore

/// The closing lines of a headless run.
enum Summary {
  static func text(for s: Stepper, stoppedBecause reason: String) -> String {
    let train = Evaluation.loss(of: s.network, on: s.data.train)
    let test = Evaluation.loss(of: s.network, on: s.data.test)
    var lines = [
      "\(s.data.train.name): \(s.network.architecture), \(s.network.loss.rawValue), \(s.settings.optimizer.summary), \(reason)",
      "step \(s.step)  epoch \(s.epoch)",
      "train loss \(train.map { Format.short($0, digits: 6) } ?? "-")  test loss \(test.map { Format.short($0, digits: 6) } ?? "-")",
    ]
    if let a = Evaluation.accuracy(of: s.network, on: s.data.train) {
      let b = Evaluation.accuracy(of: s.network, on: s.data.test)
      lines.append(
        "train accuracy \(percent(a))  test accuracy \(b.map(percent) ?? "-")")
    }
    return lines.joined(separator: "\n")
  }

  static func percent(_ x: Double) -> String { Format.short(100 * x, digits: 4) + "%" }
}
