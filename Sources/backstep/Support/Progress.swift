import BackstepCore
import Foundation

/// A progress line on stderr, redrawn at most ten times a second.
final class Progress {
  let total: Int
  let enabled: Bool
  private var lastDraw = 0.0
  private let start = Date()
  private var drawn = false

  init(total: Int, enabled: Bool) {
    self.total = total
    self.enabled = enabled
  }

  func update(step: Int, loss: Double) {
    guard enabled else { return }
    let now = Date().timeIntervalSince(start)
    guard now - lastDraw >= 0.1 || step == total else { return }
    lastDraw = now
    let rate = now > 0 ? Double(step) / now : 0
    let width = 24
    let filled = total > 0 ? min(width, width * step / total) : width
    let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
    let line = "\r[\(bar)] step \(step)/\(total)  loss \(Format.short(loss))  \(Format.short(rate, digits: 3)) steps/s "
    _ = Console.write(line, to: STDERR_FILENO)
    drawn = true
  }

  /// A one-line note of what long work is doing now, on stderr when it is a terminal.
  static func note(_ text: String) {
    guard isatty(STDERR_FILENO) != 0 else { return }
    _ = Console.write("\r\u{1B}[K\(text) …", to: STDERR_FILENO)
  }

  /// Clears a note left by `note(_:)`.
  static func clearNote() {
    guard isatty(STDERR_FILENO) != 0 else { return }
    _ = Console.write("\r\u{1B}[K", to: STDERR_FILENO)
  }

  func finish() {
    if drawn { _ = Console.write("\r\u{1B}[K", to: STDERR_FILENO) }
  }
}
