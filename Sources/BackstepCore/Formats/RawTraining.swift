/// The `training` section of a model file: the optimizer's name and the settings of the
/// hyper-parameter table that have a model-file key (``Hyperparameter/modelKey``), named as on
/// the command line in snake_case (`weight_decay`), in the table's order.
struct RawTraining {
  var optimizer: String
  /// The settings, in the fields of a configuration; `lr` is always present.
  var values = RunConfiguration()

  init(_ s: TrainingSettings) {
    let o = s.optimizer
    optimizer = o.kind.rawValue
    values.lr = o.resolvedLR
    values.momentum = o.momentum
    values.dampening = o.dampening
    values.nesterov = o.nesterov
    values.weightDecay = o.weightDecay
    values.lrDecay = o.lrDecay
    values.initialAccumulatorValue = o.initialAccumulatorValue
    values.alpha = o.alpha
    values.centered = o.centered
    values.beta1 = o.beta1
    values.beta2 = o.beta2
    values.amsgrad = o.amsgrad
    values.rho = o.rho
    values.eps = o.resolvedEps
    values.l1 = s.regularization.l1
    values.l2 = s.regularization.l2
    values.regularizeBiases = s.regularization.includeBiases
    values.clipNorm = s.clipping.maxNorm
    values.clipValue = s.clipping.maxValue
    values.dropout = s.dropout
    values.batchSize = s.batchSize
    values.shuffle = s.shuffle
    values.seed = s.seed
  }

  /// Reads the `training` object of a model file; every field but `optimizer` and `lr` may be absent.
  init(_ t: JSONField) throws(FileError) {
    optimizer = try t.member("optimizer").string()
    _ = try t.member("lr").double()
    for entry in Hyperparameter.all {
      guard let key = entry.modelKey, let field = t.optionalMember(key) else { continue }
      switch entry.value {
      case .number(_, let path): values[keyPath: path] = try field.double()
      case .count(_, let path): values[keyPath: path] = try field.int()
      case .toggle(let path): values[keyPath: path] = try field.bool()
      case .rows: values.batchSize = try field.int(in: 1...Int.max)
      case .seed: values.seed = try field.uint64()
      case .widths, .breakpoints: continue
      }
    }
  }

  /// The settings, checked as the command line's are. An error names the `training` field
  /// when the core says which setting is at fault, and the section otherwise.
  func settings(_ t: JSONField) throws(FileError) -> TrainingSettings {
    let optimizerField = t.optionalMember("optimizer") ?? t
    guard let kind = OptimizerSettings.Kind(rawValue: optimizer) else {
      throw optimizerField.fail("unknown optimizer \(JSONText.string(optimizer))")
    }
    do {
      // Absent fields take the defaults of a fresh run of this optimizer, and no batch size is the full batch.
      return try values.trainingSettings(base: TrainingSettings(optimizer: OptimizerSettings(kind: kind)), seed: values.seed ?? 1)
    } catch let error as ConfigurationError {
      let key = error.setting.flatMap { Hyperparameter.named($0)?.modelKey }
      throw (key.flatMap(t.optionalMember) ?? t).fail(error.message)
    } catch {
      throw t.fail("\(error)")
    }
  }

  var json: String {
    var pairs: [(String, String)] = [("optimizer", JSONText.string(optimizer))]
    for entry in Hyperparameter.all {
      guard let key = entry.modelKey else { continue }
      let value: String? =
        switch entry.value {
        case .number(_, let path): values[keyPath: path].map(JSONText.number)
        case .count(_, let path): values[keyPath: path].map { String($0) }
        case .toggle(let path): values[keyPath: path].map { $0 ? "true" : "false" }
        case .rows: values.batchSize.map { String($0) }
        case .seed: values.seed.map { String($0) }
        case .widths, .breakpoints: nil
        }
      if let value { pairs.append((key, value)) }
    }
    return JSONText.object(pairs)
  }
}
