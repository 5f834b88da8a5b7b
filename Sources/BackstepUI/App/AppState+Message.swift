/// How long the status line's message stands out: long enough to be seen on a projector, where
/// a word in the corner is missed, and short enough that an old message does not pass for news.
extension AppState {
  /// Seconds a new message is shown in reverse video.
  public static let messageHoldSeconds = 3.0

  /// Whether the message is new enough to stand out.
  public var messageIsNew: Bool { message != nil && messageAge < Self.messageHoldSeconds }

  /// Milliseconds until the message stops standing out, at least 1; nil when it does not
  /// stand out. A paused run loop waits for a key no longer than this, then draws once more.
  public var msUntilMessageSettles: Int? {
    guard messageIsNew else { return nil }
    return max(1, Int(((Self.messageHoldSeconds - messageAge) * 1000).rounded(.up)))
  }
}
