import BackstepCore
import TermGrid
import Testing

@testable import BackstepUI

/// A change that rebuilds the network keeps the old run's loss curve as a labelled ghost, drawn
/// faintly under the new curves on one axis, and the status line says the run restarted.
@Suite("The loss plot's ghost")
struct LossGhostTests {
  static func trained(_ iterations: Int = 20) throws -> AppState {
    var state = try AppState(config: RunConfiguration())
    for _ in 0..<iterations { state.update(.finishIteration) }
    return state
  }

  static let context = RenderContext(level: .xterm256, unicode: true)

  /// The loss panel's rows of a 120×36 screen, as text, and the cells drawn in the ghost's role.
  static func lossPanel(_ state: AppState) -> (text: String, ghostCells: Int) {
    let frame = Screen.render(state, width: 120, height: 36, context: context)
    let ghost = context.style(.ghostLine)
    let braille = frame.cells.filter { c in
      c.foreground == ghost.foreground && c.attributes == ghost.attributes
        && c.character.unicodeScalars.first.map { (0x2801...0x28FF).contains($0.value) } == true
    }
    return (frame.plainText, braille.count)
  }

  static func type(_ line: String, into state: inout AppState) { LiveChangeCaptionTests.type(line, into: &state) }

  @Test func aNewActivationKeepsTheOldCurveLabelledAndSaysTheRunRestarted() throws {
    var state = try Self.trained()
    let old = try #require(state.stepper.history.trainLoss.last ?? nil)
    Self.type("act relu", into: &state)
    #expect(state.message == "act relu; the run restarted (the old loss curve stays as a ghost)")
    let ghost = try #require(state.session.ghost)
    #expect(ghost.label == "before: act tanh")
    #expect(ghost.train.last == old)
    let (text, cells) = Self.lossPanel(state)
    #expect(text.contains("┄ before: act tanh"))
    #expect(cells > 0, "the ghost is drawn before the new run has a point")
    #expect(text.contains("step 20"), "the step axis covers the ghost")
    #expect(!text.contains("no loss yet"))
  }

  /// The y axis covers both curves: its labels are those of the two ranges together.
  @Test func theAxisCoversBothRuns() throws {
    var state = try Self.trained(0)
    Self.type("lr 1", into: &state)
    Self.type("act relu", into: &state)
    for _ in 0..<60 { state.update(.finishIteration) }
    Self.type("act sigmoid", into: &state)
    for _ in 0..<3 { state.update(.finishIteration) }
    state.view.lossAxis = .linear
    let ghost = try #require(state.session.ghost)
    let own = try #require(state.stepper.history.lossRange.ends(log: false))
    let both = try #require(state.stepper.history.lossRange.union(ghost.range).ends(log: false))
    #expect(both != own, "the ghost reaches beyond the new run")
    func labels(_ e: (low: Double, high: Double)) -> [String?] { LossPlot.tickLabels([e.high, e.high / 2 + e.low / 2, e.low]) }
    let shown = labels(both).compactMap { $0 }
    let text = Self.lossPanel(state).text
    for label in shown { #expect(text.contains("│" + label), "\(label)") }
    #expect(labels(own) != labels(both))
  }

  /// With no ghost, nothing on screen changes for it.
  @Test func aFreshRunRestartsWithoutAGhost() throws {
    var state = try AppState(config: RunConfiguration())
    state.handle(.character("a"))
    #expect(state.session.ghost == nil)
    #expect(state.message?.hasSuffix("; the run restarted") == true)
    #expect(!Self.lossPanel(state).text.contains("before"))
    #expect(Self.lossPanel(state).ghostCells == 0)
  }

  /// A rebuild with no new curve keeps the ghost, labelled against the run now on screen.
  @Test func theGhostStaysThroughARunWithNoCurveAndIsRelabelled() throws {
    var state = try Self.trained()
    Self.type("act relu", into: &state)
    Self.type("layers 8", into: &state)
    #expect(state.session.ghost?.label == "before: act tanh, layers 4,4")
    state.update(.finishIteration)
    Self.type("layers 8,8", into: &state)
    #expect(state.session.ghost?.label == "before: layers 8")
  }

  /// `r` starts the same run again, whose curve then retraces the ghost: the ghost shows
  /// that the run is repeatable, and what live changes since the start did to it.
  @Test func resettingKeepsTheCurveAsTheRunBeforeTheReset() throws {
    var state = try Self.trained()
    state.handle(.character("r"))
    #expect(state.session.ghost?.label == "before: reset")
    for _ in 0..<20 { state.update(.finishIteration) }
    #expect(state.session.ghost?.train == state.stepper.history.trainLoss)
  }

  /// Without UTF-8 the ghost is plotted in dots, as its legend's sample shows.
  @Test func anAsciiScreenPlotsTheGhostInDots() throws {
    var state = try Self.trained()
    Self.type("act relu", into: &state)
    let text = Screen.render(state, width: 120, height: 36, context: RenderContext(level: .none, unicode: false)).plainText
    let legend = try #require(text.split(separator: "\n").first { $0.contains("before: act tanh") })
    #expect(legend.contains(". before: act tanh"))
    // The plot's rows, right of its y axis: only the ghost's dots, as the new run has no point.
    let plotRows = text.split(separator: "\n").drop { !$0.contains("before: act tanh") }.dropFirst().prefix(4)
    let marks = plotRows.compactMap { $0.split(separator: "|").last }.joined()
    #expect(marks.filter { $0 == "." }.count >= 10)
    #expect(marks.allSatisfy { $0 == "." || $0 == " " })
  }

  @Test func theLegendShortensTheLabelBeforeDroppingIt() throws {
    var state = try Self.trained()
    Self.type("act relu", into: &state)
    let text = Screen.render(state, width: 80, height: 24, context: Self.context).plainText
    #expect(text.contains("┄ before"))
  }
}
