import BackstepCore

/// The loss panel's title, fitted to its width without cutting a number: the newest train and
/// test loss, the batch loss the loss stage just computed (before the update puts a point on
/// the curves), and the accuracy, labelled with the set it was counted on.
///
/// A narrow panel first drops digits and spaces, then the word "loss", then the test loss and
/// the train loss; the accuracy and the fresh batch loss stay longest.
enum LossTitle {
  /// One piece of the title; pieces with a higher `drop` go first.
  struct Piece {
    var text: (_ digits: Int) -> String
    var drop: Int
  }

  static func pieces(_ session: Session, running: Bool) -> [Piece] {
    let h = session.stepper.history
    var pieces = [Piece(text: { _ in "loss" }, drop: 3)]
    if let loss = freshBatchLoss(session, running: running) { pieces.append(Piece(text: { "batch " + Format.short(loss, digits: $0) }, drop: 0)) }
    if let train = h.newestTrainLoss { pieces.append(Piece(text: { "train " + Format.short(train, digits: $0) }, drop: 1)) }
    if let test = h.newestTestLoss { pieces.append(Piece(text: { "test " + Format.short(test, digits: $0) }, drop: 2)) }
    let onTest = h.newestTestAccuracy != nil
    if let acc = h.newestTestAccuracy ?? h.newestTrainAccuracy {
      let text = Screen.accuracy(acc, losses: [h.newestTrainLoss, h.newestTestLoss])
      pieces.append(Piece(text: { _ in (onTest ? "test" : "train") + " acc " + text }, drop: 0))
    }
    return pieces
  }

  /// The loss the loss stage computed this iteration, while the update that would add it to
  /// the history has not run yet; nil otherwise, and in run mode, whose frames fall anywhere
  /// in an iteration and would make the title flicker.
  static func freshBatchLoss(_ session: Session, running: Bool) -> Double? {
    let s = session.stepper
    return !running && s.isFresh(.loss) && !s.isFresh(.update) ? s.record.loss : nil
  }

  /// The longest title that fits in `width` columns.
  static func text(_ session: Session, running: Bool, width: Int) -> String {
    var pieces = pieces(session, running: running)
    while true {
      for (digits, separator) in [(4, "  "), (3, " ")] {
        let title = pieces.map { $0.text(digits) }.joined(separator: separator)
        if title.count <= width { return title }
      }
      guard let worst = pieces.indices.max(by: { pieces[$0].drop < pieces[$1].drop }), pieces[worst].drop > 0 else {
        return pieces.map { $0.text(3) }.joined(separator: " ")
      }
      pieces.remove(at: worst)
    }
  }

  /// The title over compared networks' curves, longest that fits `width`: each network's newest
  /// train loss and accuracy by its letter, "train loss A 0.674 B 0.521  test acc A 57.5% B 80%";
  /// a narrow panel drops the accuracy, then digits, then words.
  static func compared(_ sessions: [Session], width: Int) -> String {
    let letters = NetworkTag.allCases.map(\.letter)
    func losses(_ digits: Int) -> String {
      zip(letters, sessions).compactMap { letter, s in s.stepper.history.newestTrainLoss.map { "\(letter) " + Format.short($0, digits: digits) } }
        .joined(separator: " ")
    }
    let onTest = sessions.allSatisfy { $0.stepper.history.newestTestAccuracy != nil }
    let accuracies = zip(letters, sessions).compactMap { letter, s -> String? in
      let h = s.stepper.history
      return (onTest ? h.newestTestAccuracy : h.newestTrainAccuracy).map { "\(letter) " + Screen.accuracy($0, losses: [h.newestTrainLoss, h.newestTestLoss]) }
    }
    let accuracy = accuracies.isEmpty ? "" : "  " + (onTest ? "test" : "train") + " acc " + accuracies.joined(separator: " ")
    let (long, short) = (losses(4), losses(3))
    let titles = long.isEmpty ? ["loss"] : ["train loss \(long)\(accuracy)", "loss \(long)\(accuracy)", "loss \(short)", short, "loss"]
    return titles.first { $0.count <= width } ?? "loss"
  }
}
