import CursesTerminal
import Foundation
import TermGrid
import Testing

@testable import backstep

/// What ncurses sends for a frame, counted on a pseudo-terminal: only the cells that changed.
/// (ncurses keeps one current screen per process, hence one test at a time.)
@Suite("What a session sends", .serialized)
struct PseudoTerminalTests {
  /// A frame with text, colours and half blocks, as the screen draws.
  static func frame(width: Int, height: Int) -> Frame {
    var frame = Frame(width: width, height: height)
    frame.put("loss 0.693", x: 1, y: 0, foreground: .indexed(117), attributes: [.bold])
    for x in 0..<width { frame[x, 2] = Cell("▀", foreground: .indexed(UInt8(16 + x % 200)), background: .indexed(UInt8(16 + (x * 7) % 200))) }
    frame.put("paused", x: width - 7, y: height - 1, foreground: .indexed(214), background: .indexed(237))
    return frame
  }

  /// Draws `frame` whole on a session on a pseudo-terminal of its size, then runs `body` with
  /// the session and a count of the bytes sent since that first frame.
  static func afterFirstFrame(_ frame: Frame, _ body: (TerminalSession, () -> Int) throws -> Void) throws {
    let pty = try #require(PseudoTerminal(width: frame.width, height: frame.height))
    let unicode = setlocale(LC_CTYPE, "C.UTF-8") != nil
    let session = try TerminalSession.start(on: pty, term: "xterm-256color", unicode: unicode)
    defer {
      session.close()
      pty.close()
    }
    session.draw(frame)
    let first = pty.bytesSent()
    #expect(first > 0)
    try body(session) { pty.bytesSent() - first }
  }

  @Test func aFrameDrawnAgainSendsNothing() throws {
    let frame = Self.frame(width: 40, height: 10)
    try Self.afterFirstFrame(frame) { session, sent in
      for _ in 0..<5 { session.draw(frame) }
      #expect(sent() == 0)
    }
  }

  /// One changed cell costs a cursor move, its colours and its character: less than the
  /// characters of one line.
  @Test func oneChangedCellSendsOnlyThatCell() throws {
    var frame = Self.frame(width: 40, height: 10)
    try Self.afterFirstFrame(frame) { session, sent in
      frame[20, 5] = Cell("x", foreground: .indexed(196))
      session.draw(frame)
      #expect(sent() > 0)
      #expect(sent() < frame.width, "one cell took \(sent()) bytes")
    }
  }

  /// The bench's traffic figure sees run mode's frames, and nothing for a paused screen.
  @Test func theBenchCountsRunModeAndNothingWhilePaused() throws {
    // The measurement itself requires run mode to have sent frames (it stops otherwise).
    let traffic = try #require(try BenchTraffic.measure(seconds: 0.5))
    #expect(traffic.idleBytes == 0)
  }
}
