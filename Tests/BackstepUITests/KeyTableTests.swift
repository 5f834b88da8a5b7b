import BackstepCore
import Foundation
import TermGrid
import Testing

@testable import BackstepUI

/// The key table is the one place keys are declared: dispatch, help and the README read it.
@Suite("Key table")
struct KeyTableTests {
  /// Action's cases without their payloads. Both switches have no default, so a new case of
  /// Action does not compile until it is placed here, with or without a key.
  enum Kind: CaseIterable {
    case step, finishIteration, finishEpoch, toggleRun, faster, slower, backStage, backIteration, reset, newSeed, tick
    case toggleHelp, closeOverlay, openPrompt, promptInput, promptBackspace, promptSubmit, gradientCheck, quit
    case toggleOptimizer, cycleHistograms
    case toggleBreakpointList, toggleBreakpoint, selectBreakpoint
    case cycleQuantity, toggleSharedScale, toggleLogScale, cyclePalette, cycleLossAxis
    case learningRateUp, learningRateDown, cycleActivation, cycleInitializer, cycleOptimizer, cycleDataset
    case cycleBatchSize, cycleRegularization, addLayer, removeLayer, widen, narrow
    case moveCursor, nextLayer, select, toggleExplain, switchNetwork
    case previousExample, nextExample, selectPoint
    case lessonNext, lessonBack

    init(_ action: Action) {
      switch action {
      case .step: self = .step
      case .finishIteration: self = .finishIteration
      case .finishEpoch: self = .finishEpoch
      case .toggleRun: self = .toggleRun
      case .faster: self = .faster
      case .slower: self = .slower
      case .backStage: self = .backStage
      case .backIteration: self = .backIteration
      case .reset: self = .reset
      case .newSeed: self = .newSeed
      case .tick: self = .tick
      case .toggleHelp: self = .toggleHelp
      case .closeOverlay: self = .closeOverlay
      case .openPrompt: self = .openPrompt
      case .promptInput: self = .promptInput
      case .promptBackspace: self = .promptBackspace
      case .promptSubmit: self = .promptSubmit
      case .gradientCheck: self = .gradientCheck
      case .toggleOptimizer: self = .toggleOptimizer
      case .cycleHistograms: self = .cycleHistograms
      case .quit: self = .quit
      case .toggleBreakpointList: self = .toggleBreakpointList
      case .toggleBreakpoint: self = .toggleBreakpoint
      case .selectBreakpoint: self = .selectBreakpoint
      case .cycleQuantity: self = .cycleQuantity
      case .toggleSharedScale: self = .toggleSharedScale
      case .toggleLogScale: self = .toggleLogScale
      case .cyclePalette: self = .cyclePalette
      case .cycleLossAxis: self = .cycleLossAxis
      case .learningRateUp: self = .learningRateUp
      case .learningRateDown: self = .learningRateDown
      case .cycleActivation: self = .cycleActivation
      case .cycleInitializer: self = .cycleInitializer
      case .cycleOptimizer: self = .cycleOptimizer
      case .cycleDataset: self = .cycleDataset
      case .cycleBatchSize: self = .cycleBatchSize
      case .cycleRegularization: self = .cycleRegularization
      case .addLayer: self = .addLayer
      case .removeLayer: self = .removeLayer
      case .widen: self = .widen
      case .narrow: self = .narrow
      case .moveCursor: self = .moveCursor
      case .nextLayer: self = .nextLayer
      case .select: self = .select
      case .toggleExplain: self = .toggleExplain
      case .switchNetwork: self = .switchNetwork
      case .previousExample: self = .previousExample
      case .nextExample: self = .nextExample
      case .selectPoint: self = .selectPoint
      case .lessonNext: self = .lessonNext
      case .lessonBack: self = .lessonBack
      }
    }

    /// Whether a key of the table asks for this kind of action. The others come from the clock
    /// (tick), the prompt's own keys (input, backspace, submit) and the breakpoint list's.
    var fromKeys: Bool {
      switch self {
      // A point is picked by the same click as a heat-map cell, read from the surface's region.
      // The presenter's keys are in their own group, KeyMap.presenter, read before the table.
      case .tick, .promptInput, .promptBackspace, .promptSubmit, .selectPoint, .toggleBreakpoint, .selectBreakpoint, .lessonNext, .lessonBack: false
      case .step, .finishIteration, .finishEpoch, .toggleRun, .faster, .slower, .backStage, .backIteration, .reset, .newSeed,
        .toggleHelp, .closeOverlay, .openPrompt, .gradientCheck, .toggleOptimizer, .cycleHistograms, .quit, .cycleQuantity, .toggleSharedScale, .toggleLogScale,
        .cyclePalette, .cycleLossAxis, .learningRateUp, .learningRateDown, .cycleActivation, .cycleInitializer, .cycleOptimizer, .cycleDataset,
        .cycleBatchSize, .cycleRegularization, .addLayer, .removeLayer, .widen, .narrow, .moveCursor, .nextLayer, .select,
        .toggleExplain, .switchNetwork, .previousExample, .nextExample, .toggleBreakpointList:
        true
      }
    }
  }

  static let pairs = KeyMap.bindings.flatMap(\.keys)

  @Test func everyActionAKeyCanAskForHasAKey() {
    let bound = Set(Self.pairs.map { Kind($0.action) })
    for kind in Kind.allCases where kind.fromKeys {
      #expect(bound.contains(kind), "no key asks for \(kind)")
    }
    #expect(bound.allSatisfy { $0.fromKeys })
  }

  @Test func everyDirectionOfTheCursorHasAKey() {
    let moves = Self.pairs.compactMap { pair -> [Int]? in
      if case .moveCursor(let dx, let dy) = pair.action { return [dx, dy] }
      return nil
    }
    #expect(Set(moves) == [[0, -1], [0, 1], [-1, 0], [1, 0]])
  }

  @Test func noKeyIsBoundTwice() {
    var seen: Set<Key> = []
    for (key, _) in Self.pairs {
      #expect(!seen.contains(key), "\(key) is bound twice")
      seen.insert(key)
    }
    let labels = KeyMap.bindings.map(\.label)
    #expect(Set(labels).count == labels.count)
  }

  @Test func dispatchGivesEachKeyItsListedAction() {
    for (key, action) in Self.pairs {
      // A click is read from the regions of the frame drawn, by the run loop.
      if case .mouse = key { continue }
      #expect(KeyMap.action(for: key) == action, "\(key)")
    }
    #expect(KeyMap.action(for: .mouse(x: 0, y: 0)) == nil)
    #expect(KeyMap.action(for: .character("=")) == .faster)
    #expect(KeyMap.action(for: .character("_")) == .slower)
    #expect(KeyMap.action(for: .character("Z")) == nil)
  }

  @Test func theUnlistedAliasesOfPlusAndMinusAreListedNow() throws {
    var state = try AppState(config: RunConfiguration())
    let start = state.runner.speedLevel
    state.handle(.character("="))
    #expect(state.runner.speedLevel == start + 1)
    state.handle(.character("_"))
    #expect(state.runner.speedLevel == start)
    #expect(KeyMap.bindings.contains { $0.label == "+/= -/_" })
  }

  /// Every page of the help as drawn, turned by the help key from the first until it closes.
  static func helpPages(_ state: AppState, width: Int, height: Int, context: RenderContext) -> [String] {
    var state = state
    state.update(.toggleHelp)
    var pages: [String] = []
    while case .help = state.overlay, pages.count <= KeyMap.table.count {
      pages.append(Screen.render(state, width: width, height: height, context: context).plainText)
      state.update(.toggleHelp)
    }
    return pages
  }

  /// The help's pages are those of the screen it is drawn on: one on a large terminal, where the
  /// help key then closes it at once, more at 80×24; a page past the end after a resize to a
  /// larger screen becomes its last.
  @Test func theHelpHasThePagesOfTheScreenItIsDrawnOn() throws {
    var state = try AppState(config: RunConfiguration())
    let small = HelpOverlay.keyPages(state.helpGroups, width: 80, height: 24).count
    let large = HelpOverlay.keyPages(state.helpGroups, width: 200, height: 60).count
    #expect(small > 1 && large == 1)
    state.handle(.character("?"))
    #expect(state.overlay == .help(page: 0))
    state.fitHelp(width: 200, height: 60)
    let drawn = Screen.render(state, width: 200, height: 60, context: RenderContext(level: .none, unicode: true)).plainText
    for group in KeyMap.table { for binding in group.bindings { #expect(drawn.contains(binding.help), "\(binding.help) on the one page") } }
    state.handle(.character("?"))
    #expect(state.overlay == .none)
    state.handle(.character("?"))
    state.fitHelp(width: 80, height: 24)
    state.handle(.character("?"))
    #expect(state.overlay == .help(page: 1))
    state.fitHelp(width: 200, height: 60)
    #expect(state.overlay == .help(page: 0))
  }

  /// The help key opens the help, turns its pages and closes it from the last; Esc closes it
  /// from any page, and the help key still closes a gradient check.
  @Test func theHelpKeyTurnsThePagesOfTheHelp() throws {
    var lesson = try AppState(lesson: PresenterTests.lesson())
    let pages = HelpOverlay.keyPages(lesson.helpGroups).count
    #expect(pages == 2)
    var seen: [Overlay] = []
    for _ in 0...pages {
      lesson.handle(.character("?"))
      seen.append(lesson.overlay)
    }
    #expect(seen == [.help(page: 0), .help(page: 1), .none])
    lesson.handle(.function(1))
    lesson.handle(.function(1))
    #expect(lesson.overlay == .help(page: 1))
    lesson.handle(.escape)
    #expect(lesson.overlay == .none)
    var plain = try AppState(config: RunConfiguration())
    let plainPages = HelpOverlay.keyPages(plain.helpGroups).count
    for page in 0..<plainPages {
      plain.handle(.character("?"))
      #expect(plain.overlay == .help(page: page))
    }
    plain.handle(.character("?"))
    #expect(plain.overlay == .none, "the help key closes the help from its last page")
    plain.overlay = .gradientCheck("table")
    plain.handle(.character("?"))
    #expect(plain.overlay == .none)
  }

  @Test func everyKeyIsInTheRenderedHelp() throws {
    let state = try AppState(config: RunConfiguration())
    let pages = Self.helpPages(state, width: 120, height: 60, context: RenderContext(level: .xterm256, unicode: true))
    #expect(state.overlay == .none && !pages.isEmpty)
    let text = pages.joined(separator: "\n")
    for group in KeyMap.table {
      #expect(text.contains(group.title))
    }
    for binding in KeyMap.bindings {
      #expect(text.contains(binding.label) && text.contains(binding.help), "help lacks \(binding.label)  \(binding.help)")
      for (key, _) in binding.keys {
        #expect(binding.label.contains(KeyBinding.name(of: key)), "\(binding.label) does not name \(key)")
      }
    }
  }

  @Test func theStatusLineNamesItsKeysFromTheTable() throws {
    var state = try AppState(config: RunConfiguration())
    let idle = Screen.hints(state)
    #expect(idle.map(\.key) == ["space", "n", "p", "b", "v", "?", ":", "q"])
    #expect(idle.contains { $0.key == "p" && $0.label == "run" })
    state.update(.toggleRun)
    #expect(Screen.hints(state).contains { $0.key == "p" && $0.label == "pause" })
    for hint in idle {
      #expect(KeyMap.bindings.contains { $0.keys.first.map { KeyBinding.name(of: $0.key) } == hint.key })
    }
  }

  /// README's key table is written out, and must say what the table says, line for line.
  @Test func theReadmeListsTheTable() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("README.md")
    let readme = try String(contentsOf: url, encoding: .utf8)
    for group in KeyMap.table + [KeyMap.presenter] {
      for binding in group.bindings {
        let row = "| \(group.title) | `\(binding.label)` | \(binding.help) |"
        #expect(readme.contains(row), "README lacks \(row)")
      }
    }
  }

  /// The sentences on screen that say what to press take the key from the table, and the first
  /// group's keys are the ones teachers' notes and the demos name.
  @Test func theScreenNamesTheKeysTheTableBinds() throws {
    #expect(KeyMap.key(for: .step) == "space")
    #expect(KeyMap.key(for: .finishIteration) == "n")
    #expect(KeyMap.key(for: .toggleRun) == "p")
    #expect(KeyMap.key(for: .backStage) == "b")
    #expect(KeyMap.key(for: .toggleHelp) == "?")
    let state = try AppState(config: RunConfiguration())
    let text = Screen.render(state, width: 160, height: 40, context: RenderContext(level: .none, unicode: true)).plainText
    #expect(text.contains("Press space to run forward(1)"))
    #expect(text.contains("no loss yet: press space or n"))
  }
}
