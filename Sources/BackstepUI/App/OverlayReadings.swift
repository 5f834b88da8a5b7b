import BackstepCore

/// The readings the optimizer and histogram overlays draw, measured by the core when an
/// overlay opens and again only when what they read has changed: the screen never reduces
/// over values, and a frame drawn 30 times a second does not re-measure a wide network.
public struct OverlayReadings: Sendable {
  /// What a reading was taken from: the step, the stage reached, the record's step, the
  /// weights' scales (new weights after a rebuild) and the settings, current and waiting.
  struct Version: Equatable, Sendable {
    var step: Int
    var reached: Int
    var recordStep: Int
    var weightScales: [[ShownMap: MapScale]]
    var settings: TrainingSettings
    var pending: Stepper.PendingSettings?

    init(_ s: Stepper) {
      step = s.step
      reached = s.reached
      recordStep = s.record.step
      weightScales = s.weightScales
      settings = s.settings
      pending = s.pending
    }
  }

  public internal(set) var optimizer: OptimizerReading?
  public internal(set) var histograms: LayerHistograms?
  var version: Version?

  public init() {}

  init(optimizer: OptimizerReading? = nil, histograms: LayerHistograms? = nil, version: Version) {
    self.optimizer = optimizer
    self.histograms = histograms
    self.version = version
  }
}

/// Opening the optimizer and histogram overlays, and keeping their readings current.
extension AppState {
  mutating func toggleOptimizer() {
    overlay = overlay == .optimizer ? .none : .optimizer
    refreshOverlay()
  }

  /// Opens the histograms on the weights; when open, shows the next quantity.
  mutating func cycleHistograms() {
    if case .histograms(let subject) = overlay {
      overlay = .histograms(subject.next)
    } else {
      overlay = .histograms(.weights)
    }
    refreshOverlay()
  }

  /// Measures what the open overlay shows when the stepper has moved since it was measured,
  /// and drops the readings when neither overlay is open. Run mode trains outside
  /// ``update(_:)``, so whoever draws runs this first, as it does ``refreshSurface(width:height:context:)``.
  public mutating func refreshOverlay() {
    let version = OverlayReadings.Version(stepper)
    let current = readings.version == version
    switch overlay {
    case .optimizer:
      if !current || readings.optimizer == nil { readings = OverlayReadings(optimizer: OptimizerReading(stepper), version: version) }
    case .histograms(let subject):
      if !current || readings.histograms?.subject != subject {
        readings = OverlayReadings(histograms: LayerHistograms(stepper, subject: subject), version: version)
      }
    default:
      if readings.version != nil { readings = OverlayReadings() }
    }
  }
}
