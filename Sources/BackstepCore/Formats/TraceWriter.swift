/// One line of a trace (JSON Lines) per optimizer step, so that backstep's numbers can be
/// compared with other tools' step by step.
///
/// Keys: `step` (1-based), `batch_indices` (0-based data rows of the CSV file, the header not
/// counted, or indices into the generated built-in set, whatever the split), `loss`, `data_loss`, `reg_loss` (the loss whose
/// gradient the step uses, from before the update), `z`, `a`, `deltas` (per layer,
/// [batch][units]), `dW`, `db` (per layer, before clipping; dW as [outputs][inputs]),
/// `applied_dW`, `applied_db` (after clipping), `weights_after`, `biases_after`, and
/// `grad_norms` with `dW`, `db`, `delta` (per-layer lists) and `global`.
///
/// A recurrent layer's `z`, `a` and `deltas` are [T][batch][units], index t − 1 for time step t;
/// its weights-slot keys hold [W_ih, W_hh] and its biases-slot keys [b_ih, b_hh]; and
/// `delta_through_time` lists ‖dL/dz_t‖ for t = 1 … T (null for every other layer).
public enum TraceWriter {
  /// The trace line of the step the stepper just finished.
  public static func line(for stepper: Stepper) -> String {
    let r = stepper.record
    let layers = stepper.network.layers
    let records = r.layers
    func perLayer(_ f: (Layer, LayerRecord) -> String) -> String {
      "[" + zip(layers, records).map(f).joined(separator: ",") + "]"
    }
    let norms = stepper.history.latest?.layers ?? []
    let gradNorms = JSONText.object([
      ("dW", JSONText.array(norms.map(\.normDW))),
      ("db", JSONText.array(norms.map(\.normDb))),
      ("delta", JSONText.array(norms.map(\.normDelta))),
      ("global", JSONText.number(r.globalGradNorm)),
    ])
    let batchRows = r.batchIndices.map { stepper.data.train.sourceRows[$0] }
    var pairs: [(String, String)] = [
      ("step", String(r.step)),
      ("batch_indices", JSONText.array(batchRows)),
      ("loss", JSONText.number(r.loss)),
      ("data_loss", JSONText.number(r.dataLoss)),
      ("reg_loss", JSONText.number(r.regLoss)),
      ("z", perLayer { perStep($1, \.z) ?? JSONText.matrix($1.z) }),
      ("a", perLayer { perStep($1, \.h) ?? JSONText.matrix($1.a) }),
      ("deltas", perLayer { perStep($1, \.delta) ?? JSONText.matrix($1.delta) }),
    ]
    pairs += [
      ("dW", perLayer { weightsSlot($0, $1.dW) }),
      ("db", perLayer { biasesSlot($0, $1.db) }),
      ("applied_dW", perLayer { weightsSlot($0, $1.appliedDW) }),
      ("applied_db", perLayer { biasesSlot($0, $1.appliedDb) }),
      ("weights_after", perLayer { layer, _ in weightsSlot(layer, layer.weights) }),
      ("biases_after", perLayer { layer, _ in biasesSlot(layer, layer.recurrent.map { $0.biasIH + $0.biasHH } ?? layer.bias) }),
      ("grad_norms", gradNorms),
    ]
    if stepper.network.isRecurrent {
      pairs.append(("delta_through_time", perLayer { _, rec in rec.recurrent.map { JSONText.array($0.deltaNorms) } ?? "null" }))
    }
    if layers.contains(where: { $0.batchNorm != nil }) {
      pairs.append(("batchnorm", perLayer { layer, rec in layer.batchNorm == nil ? "null" : batchNormJSON(rec.batchNorm) }))
    }
    return JSONText.object(pairs)
  }

  /// A weights-slot tensor: a dense layer's matrix `[units][inputs]`, batchnorm's γ as `[n]`,
  /// a recurrent layer's `[W_ih [H][I], W_hh [H][H]]`.
  static func weightsSlot(_ layer: Layer, _ m: Matrix) -> String {
    if let r = layer.recurrent {
      let ih = r.slice(of: .weightsIH, weights: m, biases: []), hh = r.slice(of: .weightsHH, weights: m, biases: [])
      guard !ih.isEmpty else { return "null" }
      return "[" + JSONText.matrix(Matrix(rows: r.units, cols: r.inputs, storage: ih)) + ","
        + JSONText.matrix(Matrix(rows: r.units, cols: r.units, storage: hh)) + "]"
    }
    return layer.dense != nil ? JSONText.matrix(m) : JSONText.array(m.storage)
  }

  /// A biases-slot vector, or `null` for a dense layer without a bias; a recurrent layer's
  /// `[b_ih [H], b_hh [H]]` from the two side by side.
  static func biasesSlot(_ layer: Layer, _ v: [Double]) -> String {
    if let d = layer.dense, !d.hasBias { return "null" }
    if let r = layer.recurrent {
      guard v.count == 2 * r.units else { return "null" }
      return "[" + JSONText.array(Array(v[..<r.units])) + "," + JSONText.array(Array(v[r.units...])) + "]"
    }
    return JSONText.array(v)
  }

  /// A recurrent layer's values at every time step, [T][batch][units]; nil for other layers.
  static func perStep(_ rec: LayerRecord, _ values: KeyPath<RecurrentRecord, [Matrix]>) -> String? {
    rec.recurrent.map { "[" + $0[keyPath: values].map(JSONText.matrix).joined(separator: ",") + "]" }
  }

  static func batchNormJSON(_ b: BatchNormRecord?) -> String {
    guard let b else { return "null" }
    return JSONText.object([
      ("mean", JSONText.array(b.mean)), ("var", JSONText.array(b.variance)), ("xhat", JSONText.matrix(b.xhat)),
      ("running_mean", JSONText.array(b.runningMean)), ("running_var", JSONText.array(b.runningVar)),
    ])
  }
}
