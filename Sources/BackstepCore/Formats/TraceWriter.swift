/// One line of a trace (JSON Lines) per optimizer step, so that backstep's numbers can be
/// compared with other tools' step by step.
///
/// Keys: `step` (1-based), `batch_indices` (0-based data rows of the CSV file, the header not
/// counted, or indices into the generated built-in set, whatever the split), `loss`, `data_loss`, `reg_loss` (the loss whose
/// gradient the step uses, from before the update), `z`, `a`, `deltas` (per layer,
/// [batch][units]), `dW`, `db` (per layer, before clipping; dW as [outputs][inputs]),
/// `applied_dW`, `applied_db` (after clipping), `weights_after`, `biases_after`, and
/// `grad_norms` with `dW`, `db`, `delta` (per-layer lists) and `global`.
public enum TraceWriter {
  /// The trace line of the step the stepper just finished.
  public static func line(for stepper: Stepper) -> String {
    let r = stepper.record
    let layers = r.layers
    func perLayer(_ f: (LayerRecord) -> String) -> String { "[" + layers.map(f).joined(separator: ",") + "]" }
    let norms = stepper.history.latest?.layers ?? []
    let gradNorms = JSONText.object([
      ("dW", JSONText.array(norms.map(\.normDW))),
      ("db", JSONText.array(norms.map(\.normDb))),
      ("delta", JSONText.array(norms.map(\.normDelta))),
      ("global", JSONText.number(r.globalGradNorm)),
    ])
    return JSONText.object([
      ("step", String(r.step)),
      ("batch_indices", JSONText.array(r.batchIndices.map { stepper.data.train.sourceRows[$0] })),
      ("loss", JSONText.number(r.loss)),
      ("data_loss", JSONText.number(r.dataLoss)),
      ("reg_loss", JSONText.number(r.regLoss)),
      ("z", perLayer { JSONText.matrix($0.z) }),
      ("a", perLayer { JSONText.matrix($0.a) }),
      ("deltas", perLayer { JSONText.matrix($0.delta) }),
      ("dW", perLayer { JSONText.matrix($0.dW) }),
      ("db", perLayer { JSONText.array($0.db) }),
      ("applied_dW", perLayer { JSONText.matrix($0.appliedDW) }),
      ("applied_db", perLayer { JSONText.array($0.appliedDb) }),
      ("weights_after", "[" + stepper.network.layers.map { JSONText.matrix($0.weights) }.joined(separator: ",") + "]"),
      ("biases_after", "[" + stepper.network.layers.map { JSONText.array($0.bias) }.joined(separator: ",") + "]"),
      ("grad_norms", gradNorms),
    ])
  }
}
