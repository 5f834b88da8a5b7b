/// The `training` section of a model file: the settings, named as on the command line.
struct RawTraining {
  var optimizer: String
  var lr: Double
  var momentum: Double?
  var dampening: Double?
  var nesterov: Bool?
  var weight_decay: Double?
  var lr_decay: Double?
  var initial_accumulator_value: Double?
  var alpha: Double?
  var centered: Bool?
  var beta1: Double?
  var beta2: Double?
  var amsgrad: Bool?
  var rho: Double?
  var eps: Double?
  var l1: Double?
  var l2: Double?
  var regularize_biases: Bool?
  var clip_norm: Double?
  var clip_value: Double?
  var dropout: Double?
  /// A number of rows, or absent for the full batch.
  var batch_size: Int?
  var shuffle: Bool?
  var seed: UInt64?

  init(_ s: TrainingSettings) {
    let o = s.optimizer
    optimizer = o.kind.rawValue
    lr = o.resolvedLR
    momentum = o.momentum
    dampening = o.dampening
    nesterov = o.nesterov
    weight_decay = o.weightDecay
    lr_decay = o.lrDecay
    initial_accumulator_value = o.initialAccumulatorValue
    alpha = o.alpha
    centered = o.centered
    beta1 = o.beta1
    beta2 = o.beta2
    amsgrad = o.amsgrad
    rho = o.rho
    eps = o.resolvedEps
    l1 = s.regularization.l1
    l2 = s.regularization.l2
    regularize_biases = s.regularization.includeBiases
    clip_norm = s.clipping.maxNorm
    clip_value = s.clipping.maxValue
    dropout = s.dropout
    batch_size = s.batchSize
    shuffle = s.shuffle
    seed = s.seed
  }

  /// Reads the `training` object of a model file; every field but `optimizer` and `lr` may be absent.
  init(_ t: JSONField) throws(FileError) {
    optimizer = try t.member("optimizer").string()
    lr = try t.member("lr").double()
    func number(_ key: String) throws(FileError) -> Double? { try t.optionalMember(key)?.double() }
    func flag(_ key: String) throws(FileError) -> Bool? { try t.optionalMember(key)?.bool() }
    momentum = try number("momentum")
    dampening = try number("dampening")
    nesterov = try flag("nesterov")
    weight_decay = try number("weight_decay")
    lr_decay = try number("lr_decay")
    initial_accumulator_value = try number("initial_accumulator_value")
    alpha = try number("alpha")
    centered = try flag("centered")
    beta1 = try number("beta1")
    beta2 = try number("beta2")
    amsgrad = try flag("amsgrad")
    rho = try number("rho")
    eps = try number("eps")
    l1 = try number("l1")
    l2 = try number("l2")
    regularize_biases = try flag("regularize_biases")
    clip_norm = try number("clip_norm")
    clip_value = try number("clip_value")
    dropout = try number("dropout")
    batch_size = try t.optionalMember("batch_size")?.int(in: 1...Int.max)
    shuffle = try flag("shuffle")
    seed = try t.optionalMember("seed")?.uint64()
  }

  /// The settings, checked as the command line's are. An error names the `training` field
  /// when the core says which setting is at fault, and the section otherwise.
  func settings(_ t: JSONField) throws(FileError) -> TrainingSettings {
    let optimizerField = t.optionalMember("optimizer") ?? t
    guard let kind = OptimizerSettings.Kind(rawValue: optimizer) else {
      throw optimizerField.fail("unknown optimizer \(JSONText.string(optimizer))")
    }
    let o = OptimizerSettings(kind: kind, lr: lr).overriding(
      momentum: momentum, dampening: dampening, nesterov: nesterov, weightDecay: weight_decay, lrDecay: lr_decay,
      initialAccumulatorValue: initial_accumulator_value, alpha: alpha, centered: centered, beta1: beta1, beta2: beta2,
      amsgrad: amsgrad, rho: rho, eps: eps)
    let s = TrainingSettings(
      optimizer: o,
      regularization: Regularization(l1: l1 ?? 0, l2: l2 ?? 0, includeBiases: regularize_biases ?? false),
      clipping: Clipping(maxNorm: clip_norm, maxValue: clip_value), dropout: dropout ?? 0,
      batchSize: batch_size, shuffle: shuffle ?? true, seed: seed ?? 1)
    do {
      try s.validate()
    } catch let error as ConfigurationError {
      let key = error.setting.map { String($0.map { $0 == "-" ? "_" : $0 }) }
      throw (key.flatMap(t.optionalMember) ?? t).fail(error.message)
    } catch {
      throw t.fail("\(error)")
    }
    return s
  }

  var json: String {
    var pairs: [(String, String)] = [("optimizer", JSONText.string(optimizer)), ("lr", JSONText.number(lr))]
    func add(_ key: String, _ value: Double?) { if let value { pairs.append((key, JSONText.number(value))) } }
    func add(_ key: String, _ value: Bool?) { if let value { pairs.append((key, value ? "true" : "false")) } }
    add("momentum", momentum)
    add("dampening", dampening)
    add("nesterov", nesterov)
    add("weight_decay", weight_decay)
    add("lr_decay", lr_decay)
    add("initial_accumulator_value", initial_accumulator_value)
    add("alpha", alpha)
    add("centered", centered)
    add("beta1", beta1)
    add("beta2", beta2)
    add("amsgrad", amsgrad)
    add("rho", rho)
    add("eps", eps)
    add("l1", l1)
    add("l2", l2)
    add("regularize_biases", regularize_biases)
    add("clip_norm", clip_norm)
    add("clip_value", clip_value)
    add("dropout", dropout)
    if let batch_size { pairs.append(("batch_size", String(batch_size))) }
    add("shuffle", shuffle)
    if let seed { pairs.append(("seed", String(seed))) }
    return JSONText.object(pairs)
  }
}
