import CNcursesw
import CSignals
import Foundation
import TermGrid

/// The one place that talks to ncurses: starts and ends the session, draws a Frame, reads keys,
/// and turns signals into flags the main loop polls: the ``Terminal`` of a person.
///
/// Every way out restores the terminal: `close()` (also from `deinit`), the SIGINT, SIGTERM and
/// SIGHUP flags that make the loop end and close, and for every other signal whose default
/// action ends the process (SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE, SIGXCPU, SIGXFSZ,
/// SIGVTALRM, SIGPROF, SIGIO, SIGPWR, the real-time signals, and the crashes SIGSEGV, SIGABRT,
/// SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGSYS) a handler that calls `endwin` before anything else
/// happens: a crash then goes on to the Swift runtime's backtracer, which prints on the normal
/// screen, and the others end the process as their default action does (see
/// TerminalSignals.c). Ctrl-Z (SIGTSTP) only sets a flag too: the loop then calls
/// ``suspend()``, which puts the terminal back before the process stops, and redraws the whole
/// screen once it is continued; a SIGCONT after a stop from elsewhere redraws it as well.
/// Signals ignored at start stay ignored; `close()` puts back every action found at start.
public final class TerminalSession: Terminal {
  /// The colour level found (NO_COLOR and monochrome terminals give `.none`).
  public let colorLevel: ColorLevel
  /// Whether the locale is UTF-8; otherwise draw with the ASCII glyph table.
  public let unicode: Bool
  /// Why the screen is in ASCII and how to change that, when it is.
  public var note: String? { unicode ? nil : TerminalLocale.note }
  /// Whether the terminal reports mouse clicks.
  public let mouse: Bool

  private let screen: OpaquePointer
  private var open = true
  /// Whether this session caught the signals (and so puts their actions back when it closes).
  private let signals: Bool
  private var pairs: [PairKey: Int32] = [:]
  /// The last frame as sent (in the colours the terminal shows, each cell in its cheapest
  /// form), to find the cells that changed; nil when the screen must be drawn whole.
  private var sent: Frame?

  private struct PairKey: Hashable {
    var fg: Int32
    var bg: Int32
  }

  /// Starts a session on the controlling terminal. Throws ``TerminalError`` when there is none.
  public static func start() throws -> TerminalSession {
    guard isatty(0) == 1, isatty(1) == 1 else { throw TerminalError.notATerminal }
    let unicode = TerminalLocale.prepare()
    guard let term = ProcessInfo.processInfo.environment["TERM"], !term.isEmpty else { throw TerminalError.noTermVariable }
    return try start(term: term, input: backstep_stdin(), output: backstep_stdout(), unicode: unicode, signals: true)
  }

  /// Starts a session on a pseudo-terminal, as a terminal of type `term`, that catches no
  /// signal: `backstep bench` draws with it to count the bytes ncurses sends. The locale must
  /// be set already; `unicode` says whether it is UTF-8.
  public static func start(on pty: PseudoTerminal, term: String, unicode: Bool) throws -> TerminalSession {
    try start(term: term, input: pty.input, output: pty.output, unicode: unicode, signals: false)
  }

  private static func start(
    term: String, input: UnsafeMutablePointer<FILE>, output: UnsafeMutablePointer<FILE>, unicode: Bool, signals: Bool
  ) throws -> TerminalSession {
    // newterm, not initscr: initscr exits the process on an unknown TERM, newterm returns nil.
    guard let screen = newterm(term, output, input) else { throw TerminalError.unknownTerm(term) }
    set_term(screen)
    guard backstep_can_address_cursor() != 0 else {
      endwin()
      delscreen(screen)
      throw TerminalError.cannotPlaceCursor(term)
    }
    return TerminalSession(screen: screen, unicode: unicode, signals: signals)
  }

  private init(screen: OpaquePointer, unicode: Bool, signals: Bool) {
    self.screen = screen
    self.unicode = unicode
    self.signals = signals
    set_term(screen)
    cbreak()
    noecho()
    nonl()
    keypad(backstep_stdscr(), true)
    intrflush(backstep_stdscr(), false)
    curs_set(0)
    set_escdelay(25)
    var level = ColorLevel.none
    let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
    if !noColor && has_colors() {
      start_color()
      use_default_colors()
      let colors = backstep_colors()
      level = colors >= 256 ? .xterm256 : (colors >= 16 ? .ansi16 : .ansi8)
    }
    colorLevel = level
    var old: mmask_t = 0
    mouse = mousemask(backstep_button1_pressed(), &old) != 0
    mouseinterval(0)
    if signals { backstep_install_signals() }
  }

  deinit { close() }

  /// The terminal's size in cells.
  public var size: (width: Int, height: Int) {
    (Int(getmaxx(backstep_stdscr())), Int(getmaxy(backstep_stdscr())))
  }

  /// Whether a SIGINT, SIGTERM, SIGHUP, SIGTSTP or SIGCONT is pending, without taking it.
  public var hasSignal: Bool { backstep_peek_signal() != 0 }

  /// The most urgent pending SIGTERM, SIGHUP, SIGINT, SIGTSTP or SIGCONT, taken (so it is
  /// reported once).
  public func takeSignal() -> TerminalSignal? {
    switch backstep_take_signal() {
    case SIGTERM: .terminate
    case SIGHUP: .hangUp
    case SIGINT: .interrupt
    case SIGTSTP: .suspend
    case SIGCONT: .resume
    default: nil
    }
  }

  /// Gives the terminal back as the shell had it (`endwin`) and stops the process as Ctrl-Z
  /// would have; returns once it is continued, with ncurses told the size the terminal has
  /// now (a resize while stopped signalled the shell, not this program). The next draw,
  /// after ``invalidate()``, goes back to the program's screen and repaints all of it.
  public func suspend() {
    guard open else { return }
    endwin()
    backstep_stop_process()
    backstep_refresh_size()
  }

  /// Draws a frame, writing only the cells that changed since the last one. Each is sent in
  /// the form that looks the same and costs the fewest bytes after the cell left of it
  /// (``TermGrid/Frame/cheapest(shown:)``): colour changes are most of what run mode sends.
  public func draw(_ frame: Frame) {
    guard open else { return }
    let shown = frame.cheapest { ColorMath.downgrade($0, to: cursesLevel) }
    let full = sent == nil || sent?.width != frame.width || sent?.height != frame.height
    if full { erase() }
    for y in 0..<shown.height {
      for x in 0..<shown.width {
        let cell = shown[x, y]
        if !full, let sent, sent[x, y] == cell { continue }
        let pair = pairNumber(cell.foreground, cell.background)
        let scalars = Array(cell.character.unicodeScalars.prefix(2)).map { wchar_t(bitPattern: $0.value) }
        _ = backstep_put(Int32(y), Int32(x), scalars.first ?? 32, scalars.count > 1 ? scalars[1] : 0, attributes(cell.attributes), pair)
      }
    }
    sent = shown
    wnoutrefresh(backstep_stdscr())
    doupdate()
  }

  /// Forgets what is on screen, so that the next draw repaints everything (after a resize).
  public func invalidate() {
    sent = nil
    clearok(backstep_stdscr(), true)
  }

  /// The next key, waiting at most `timeout` milliseconds (−1 waits for ever); nil on timeout,
  /// when a signal interrupted the wait, or when the bytes read were not a character.
  ///
  /// Bytes are read one at a time and assembled here (``UTF8Keys``) rather than by
  /// `wget_wch`, which, given a byte that is not valid UTF-8, went on reading bytes into its
  /// buffer and swallowed every key after it. An invalid byte is dropped on its own; without
  /// a UTF-8 locale every byte above 0x7F is (no key of the key map is one).
  public func readKey(timeout: Int) -> Key? {
    wtimeout(backstep_stdscr(), Int32(clamping: timeout))
    let ch = wgetch(backstep_stdscr())
    switch ch {
    case ERR: return nil
    case KEY_MOUSE:
      var event = MEVENT()
      guard getmouse(&event) == OK else { return nil }
      return .mouse(x: Int(event.x), y: Int(event.y))
    case 0..<0x80: return KeyTranslation.character(UInt32(ch))
    case 0x80..<0x100: return unicode ? character(startingWith: UInt8(ch)) : nil
    default: return KeyTranslation.functionKey(ch)
    }
  }

  /// The rest of a character whose first byte was `lead`: its continuation bytes arrive
  /// together with it, so a short wait for each is enough. A byte that does not continue the
  /// character is pushed back to be read as the next key.
  private func character(startingWith lead: UInt8) -> Key? {
    guard let length = UTF8Keys.length(lead: lead) else { return nil }
    var bytes = [lead]
    wtimeout(backstep_stdscr(), 50)
    while bytes.count < length {
      let ch = wgetch(backstep_stdscr())
      guard ch != ERR else { return nil }
      guard (0x80..<0x100).contains(ch), UTF8Keys.isContinuation(UInt8(ch)) else {
        ungetch(ch)
        return nil
      }
      bytes.append(UInt8(ch))
    }
    return UTF8Keys.scalar(bytes).flatMap { KeyTranslation.character($0.value) }
  }

  /// Ends the session and gives the terminal back as it was. Safe to call more than once.
  public func close() {
    guard open else { return }
    open = false
    endwin()
    if signals { backstep_restore_signals() }
    delscreen(screen)
  }

  private func attributes(_ a: Attributes) -> attr_t {
    var out = backstep_a_normal()
    if a.contains(.bold) { out |= backstep_a_bold() }
    if a.contains(.dim) { out |= backstep_a_dim() }
    if a.contains(.reverse) { out |= backstep_a_reverse() }
    if a.contains(.underline) { out |= backstep_a_underline() }
    if a.contains(.italic) { out |= backstep_a_italic() }
    return out
  }

  /// The colour pair for a foreground and background, allocated once (alloc_pair deduplicates).
  private func pairNumber(_ fg: Color, _ bg: Color) -> Int32 {
    guard colorLevel != .none else { return 0 }
    let key = PairKey(fg: curses(fg), bg: curses(bg))
    if key.fg == -1 && key.bg == -1 { return 0 }
    if let p = pairs[key] { return p }
    let p = alloc_pair(key.fg, key.bg)
    let pair = p < 0 ? 0 : p
    pairs[key] = pair
    return pair
  }

  /// The level colours are given to ncurses at: 256 colours at most, as indices.
  private var cursesLevel: ColorLevel { colorLevel == .truecolor ? .xterm256 : colorLevel }

  private func curses(_ c: Color) -> Int32 {
    switch ColorMath.downgrade(c, to: cursesLevel) {
    case .default: -1
    case .indexed(let i): Int32(i)
    case .rgb(let r, let g, let b): Int32(ColorMath.nearest256(r, g, b))
    }
  }
}
