/// The lines of an asciinema asciicast v2 file (`.cast`): newline-delimited JSON, a header
/// object and then one event a line, `[time, code, data]`, time in seconds since the start.
///
/// Only the events a screen recording needs are written: `"o"`, bytes written to the terminal,
/// and `"r"`, the terminal resized to `"WxH"`.
public enum Asciicast {
  /// The first line: what a player needs before the first event.
  public struct Header: Sendable {
    /// The terminal's size in cells when the recording starts.
    public var width: Int
    public var height: Int
    /// Unix time of the start, in whole seconds.
    public var timestamp: Int?
    public var title: String?
    /// Captured environment variables (`TERM`, `SHELL`), in the order given.
    public var environment: [(String, String)]

    public init(width: Int, height: Int, timestamp: Int? = nil, title: String? = nil, environment: [(String, String)] = []) {
      self.width = width
      self.height = height
      self.timestamp = timestamp
      self.title = title
      self.environment = environment
    }

    /// The header as one JSON object, without the newline.
    public var line: String {
      var pairs: [(String, String)] = [("version", "2"), ("width", String(width)), ("height", String(height))]
      if let timestamp { pairs.append(("timestamp", String(timestamp))) }
      if let title { pairs.append(("title", JSONText.string(title))) }
      if !environment.isEmpty { pairs.append(("env", JSONText.object(environment.map { ($0.0, JSONText.string($0.1)) }))) }
      return JSONText.object(pairs)
    }
  }

  /// Output: `text` written to the terminal `seconds` after the start.
  public static func output(at seconds: Double, _ text: String) -> String {
    event(at: seconds, code: "o", text)
  }

  /// The terminal took a new size, `width` × `height` cells.
  public static func resize(at seconds: Double, width: Int, height: Int) -> String {
    event(at: seconds, code: "r", "\(width)x\(height)")
  }

  /// One event line, without the newline; the time to the microsecond, as recorders write it.
  static func event(at seconds: Double, code: String, _ data: String) -> String {
    let micros = (max(seconds, 0) * 1e6).rounded()
    return "[" + JSONText.number(micros / 1e6) + ", " + JSONText.string(code) + ", " + JSONText.string(data) + "]"
  }
}
