/// The surface panel's title: what the panel shows, and whose weights when they are not the
/// current ones (run mode refreshes the surface over a few frames, see
/// ``AppState/refreshSurface(width:height:context:)``), so that what the screen says is true.
enum SurfaceTitle {
  /// The longest title that fits in `width` columns whole, else the shortest; `prefix` goes
  /// before each (a compared network's letter, "B: ").
  static func text(_ session: Session, prefix: String = "", width: Int) -> String {
    let titles =
      session.surfaceStepBehind.map { step in
        [
          "output of step \(step) over the input plane, training points", "output of step \(step) over the input plane", "output of step \(step)",
          "step \(step)",
        ]
      } ?? ["output over the input plane, training points", "output over the input plane", "output over inputs"]
    let prefixed = titles.map { prefix + $0 }
    return prefixed.first { $0.count <= width } ?? prefixed[prefixed.count - 1]
  }
}
