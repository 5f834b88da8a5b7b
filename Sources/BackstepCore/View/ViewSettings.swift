/// How the heat maps are coloured when the visualizer opens, as a lesson's settings file
/// (`view: {scale: shared, log: true}`) or the flags (`--scale shared --log`) set it; the keys
/// `s` and `l` change it afterwards. Unset fields keep the defaults: a scale per map, linear.
public struct ViewSettings: Equatable, Sendable, Codable {
  /// Which maps share a colour scale.
  public enum Scale: String, CaseIterable, Codable, Sendable {
    /// Each map to its own largest |x| (the default).
    case layer
    /// One scale per column, the largest |x| over every layer: compares layers, as in a
    /// vanishing gradient.
    case shared
  }

  public var scale: Scale?
  /// Colours by log10|x| over six decades rather than by x.
  public var log: Bool?

  public init(scale: Scale? = nil, log: Bool? = nil) {
    self.scale = scale
    self.log = log
  }

  /// Fields of `other` that are set replace this one's: flags over a settings file.
  public func overridden(by other: ViewSettings?) -> ViewSettings {
    ViewSettings(scale: other?.scale ?? scale, log: other?.log ?? log)
  }
}
