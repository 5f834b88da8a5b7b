import TermGrid
import Testing

@testable import BackstepCore
@testable import BackstepUI

/// Each column's heading names its maps' axes, and `v` cycles exactly what the help names.
@Suite("Column headings")
struct ColumnHeadingTests {
  @Test func theLongestWordingThatFitsIsChosen() {
    let delta = ColumnHeading(name: "δ", formula: "δ = dL/dz", axes: .unitsByExamples)
    let all = delta.wordings(times: "×")
    #expect(all == ["δ = dL/dz, units × examples", "δ: units × examples", "δ: units × ex", "δ = dL/dz", "δ"])
    for width in 0...30 {
      let text = delta.text(width: width, times: "×") { $0 }
      let fitting = all.filter { $0.count <= width }
      #expect(text == (fitting.first ?? "δ"), "width \(width)")
    }
  }

  /// At 120×36 every heading names rows and columns: units × examples for a and δ, outputs ×
  /// inputs for W and dW.
  @Test(arguments: [Quantity.a, .z, .weights])
  func theHeadingsNameTheAxes(_ quantity: Quantity) throws {
    var state = try AppState(config: RunConfiguration())
    while state.view.quantity != quantity { state.update(.cycleQuantity) }
    let frame = Screen.render(state, width: 120, height: 36, context: RenderContext(level: .xterm256, unicode: true))
    let headings = try #require(frame.plainText.split(separator: "\n").first { $0.hasPrefix("│layer ") })
    let first = quantity == .weights ? "W: out" : "\(quantity.rawValue): units × ex"
    #expect(headings.contains(first), "no \(first) in \(headings)")
    #expect(headings.contains("δ: units × ex") && headings.contains("dW: out × in"), "\(headings)")
  }

  /// The help's line for `v` lists the quantities the key cycles, each once, in order.
  @Test func vCyclesExactlyWhatTheHelpNames() throws {
    let binding = try #require(KeyMap.bindings.first { $0.keys.contains { $0.action == .cycleQuantity } })
    let named = try #require(binding.help.split(separator: ":").last)
      .replacingOccurrences(of: " or ", with: ", ").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    var state = try AppState(config: RunConfiguration())
    var seen = [state.view.quantity.rawValue]
    for _ in 1..<named.count {
      state.update(.cycleQuantity)
      seen.append(state.view.quantity.rawValue)
    }
    #expect(seen == named)
    state.update(.cycleQuantity)
    #expect(state.view.quantity == .a, "v does not come back to a after the quantities the help names")
  }
}
