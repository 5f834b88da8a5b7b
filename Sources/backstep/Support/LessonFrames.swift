import BackstepCore
import BackstepUI
import Foundation
import TermGrid

/// `backstep demo LESSON --frames DIR`: the lesson played headless, the screen after its start
/// and after each step written as NAME-00.txt, NAME-01.txt … (and NAME-NN.ans in colour), each
/// file atomically.
struct LessonFrames {
  let size: (Int, Int)
  let level: ColorLevel

  func write(_ lesson: Lesson, name: String, to dir: String) throws {
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let (width, height) = size
    let plain = RenderContext(level: .none, unicode: true)
    let colour = RenderContext(level: level, unicode: true)
    var state = try AppState(lesson: lesson)
    let digits = max(2, String(lesson.steps.count).count)
    var index = 0
    while true {
      // As the run loop does before each frame: a `run:` step moves no cursor, yet changes what it explains.
      state.refreshExplanation()
      state.refreshSurface(width: width, height: height, context: plain)
      let base = (dir as NSString).appendingPathComponent(name + "-" + String(repeating: "0", count: max(0, digits - String(index).count)) + String(index))
      try AtomicFile.write(Screen.render(state, width: width, height: height, context: plain).plainText + "\n", to: base + ".txt")
      if let player = state.lesson, case let hidden = LessonPanel.hiddenRows(player, width: width, height: height), hidden > 0 {
        _ = Console.error("\((base as NSString).lastPathComponent).txt: the caption is cut at \(width)x\(height): \(hidden) of its rows do not fit the panel")
      }
      if level != .none {
        try AtomicFile.write(Screen.render(state, width: width, height: height, context: colour).ansi(level: level) + "\n", to: base + ".ans")
      }
      guard let player = state.lesson, !player.isAtEnd else { break }
      state.playNextLessonStep()
      index += 1
    }
    try Console.out("\(index + 1) frames of \(name) in \(dir)")
  }
}
