import BackstepCore

/// The inspector on a recurrent layer's map over time: the entry of unit u at time step t of
/// the selected example, `h₃,₇` (row, column of the map), with its value and how it was made
/// where that is one product: h = f(z), and δ_t = dL/dh_t · f′(z_t) with dL/dh_t from the
/// layer above at t = T and (δ_{t+1}·W_hh) below it (``Stepper/timeStepDelta(layer:example:unit:t:)``).
extension Caption {
  static func overTime(_ shown: ShownSession, _ math: MathGlyphs) -> Line? {
    let s = shown.stepper, c = shown.cursor
    guard let maps = s.timeMaps(layer: c.layer, example: shown.example), c.row < maps.units, c.column < maps.steps else { return nil }
    let u = c.row + 1, t = c.column + 1
    let f = s.network.layers[c.layer - 1].activation.rawValue
    let z = math.entry("z", u, t)
    let names: [ShownMap: String] = [.a: math.entry("h", u, t), .z: z, .delta: math.entry(math.delta, u, t), .fPrime: "\(f)\(math.prime)(\(z))"]
    let name = names[c.map] ?? z
    let space = TextBlock.unbreakable
    let place = " (unit\(space)\(u), t=\(t), ex\(space)\(shown.example + 1))"
    func value(_ map: ShownMap) -> Double? { maps.isPresent(map, t: t) ? maps.values(map)?[c.row, c.column] : nil }
    guard let v = value(c.map) else {
      let stage: Stage = c.map == .a || c.map == .z ? .forwardStep(c.layer, t: t) : .backwardStep(c.layer, t: t)
      return Line([("inspect ", .key), (name + place, .text), ("   comes at \(Screen.stageLabel(stage, unicode: math.subscripts)).", .caption)] + hint(shown))
    }
    var runs: [(String, Role)] = [("inspect ", .key), ("\(name) = ", .text)]
    var checks = true
    switch c.map {
    case .a:
      runs.append(("\(f)(\(z)) = ", .text))
    case .delta:
      if let parts = s.timeStepDelta(layer: c.layer, example: shown.example, unit: c.row, t: t) {
        let incoming =
          parts.fromAbove ? "dL/d\(math.entry("h", u, t))" : "(\(math.name(math.delta, t + 1))\(math.dot)W_hh)\(Subscript.of(u, unicode: math.subscripts))"
        runs.append(("\(incoming) \(math.dot) \(names[.fPrime] ?? "") = \(exact(parts.incoming)) \(math.dot) \(exact(parts.fPrime)) = ", .text))
        checks = parts.value == v
      }
    default: break
    }
    runs += [(exact(v), .accent), (place, .dim)] + (checks ? [] : [(" (parts do not add up)", .warning)])
    // The same entry in the maps that go with it.
    let partners: [ShownMap] = c.map == .z ? [.a] : (c.map == .a ? [.z] : [.z, .delta].filter { $0 != c.map })
    for map in partners {
      guard let p = value(map), let partner = names[map] else { continue }
      runs += [("   \(partner) = ", .text), (exact(p), .accent)]
    }
    return Line(runs + hint(shown))
  }
}
