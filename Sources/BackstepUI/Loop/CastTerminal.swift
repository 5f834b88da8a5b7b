import BackstepCore
import TermGrid

/// A terminal that records what it shows: every call goes to the terminal it wraps, and each
/// frame drawn is also appended to an asciicast v2 file (see ``BackstepCore/Asciicast``) as the
/// ANSI text that repaints it — the whole screen for the first frame and after a resize or an
/// invalidation, only the cells that changed otherwise, so that the file stays small.
///
/// Times come from the run loop's ``RunClock``, counted from the moment the recording starts.
/// The file is written to a temporary file and put in place by ``finish()``; a program that
/// dies before that leaves any older file as it was.
public final class CastTerminal: Terminal {
  let inner: any Terminal
  let clock: any RunClock
  private let writer: AtomicFile.Writer
  private let start: Double
  /// The frame the recording shows now; nil when the next must be written whole.
  private var shown: Frame?
  /// The size the recording last announced, in its header or in a resize event.
  private var announced: (width: Int, height: Int)
  /// The time of the last event, so that times never go back.
  private var last = 0.0
  /// The first failure to write; the recording stops there and ``finish()`` reports it.
  private var failure: FileError?

  /// Starts recording `inner` into `writer` (opened before the terminal started, so that a
  /// path that cannot be written is named while the shell still shows it). Writes the header:
  /// `inner`'s size, and `timestamp`, `title` and `environment` as given.
  public init(
    recording inner: any Terminal, into writer: AtomicFile.Writer, clock: any RunClock, timestamp: Int? = nil, title: String? = nil,
    environment: [(String, String)] = []
  ) {
    self.inner = inner
    self.clock = clock
    self.writer = writer
    start = clock.now()
    announced = inner.size
    let header = Asciicast.Header(width: announced.width, height: announced.height, timestamp: timestamp, title: title, environment: environment)
    append(header.line)
  }

  /// Puts the recording in place. Throws the first write failure, if there was one.
  public func finish() throws(FileError) {
    if let failure { throw failure }
    try writer.commit()
  }

  public var colorLevel: ColorLevel { inner.colorLevel }
  public var unicode: Bool { inner.unicode }
  public var note: String? { inner.note }
  public var size: (width: Int, height: Int) { inner.size }

  public func draw(_ frame: Frame) {
    inner.draw(frame)
    let time = max(clock.now() - start, last)
    last = time
    if frame.width != announced.width || frame.height != announced.height {
      announced = (frame.width, frame.height)
      append(Asciicast.resize(at: time, width: frame.width, height: frame.height))
    }
    let text = frame.ansiUpdate(from: shown, level: inner.colorLevel)
    shown = frame
    if !text.isEmpty { append(Asciicast.output(at: time, text)) }
  }

  public func invalidate() {
    inner.invalidate()
    shown = nil
  }

  public func readKey(timeout: Int) -> Key? { inner.readKey(timeout: timeout) }
  public var hasSignal: Bool { inner.hasSignal }
  public func takeSignal() -> TerminalSignal? { inner.takeSignal() }

  public func suspend() {
    inner.suspend()
    shown = nil
  }

  /// Writes one line, unless an earlier write failed.
  private func append(_ line: String) {
    guard failure == nil else { return }
    do { try writer.write(line + "\n") } catch { failure = error }
  }
}
