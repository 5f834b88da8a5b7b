/// The time steps of a CSV file of sequences: feature columns named `x@1 … x@T` (one feature per
/// step) or `x1@1, x2@1, …, x1@T, x2@T` (several), step-major, every step with the same
/// features in the same order as step 1. Each problem is named at its header column.
enum SequenceColumns {
  /// Whether a column name is `feature@t`: something before the last `@`, a whole number after it.
  static func isTimeStep(_ name: String) -> Bool {
    guard let at = name.lastIndex(of: "@"), at != name.startIndex else { return false }
    return Int(name[name.index(after: at)...]) != nil
  }

  /// T when the feature columns are time steps (any of them is named `name@t`, t a whole
  /// number), nil for a plain table, whose names may hold an `@` otherwise (`price@usd`).
  /// `columns` are the feature columns' 0-based indices in the file.
  static func steps(of names: [String], columns: [Int], file: String) throws -> Int? {
    guard names.contains(where: isTimeStep) else { return nil }
    var features: [String] = []
    var step = 1, index = 0
    for (name, column) in zip(names, columns) {
      func fail(_ message: String) -> DataError {
        DataError(file: file, line: 1, column: column + 1, columnName: name, message: message)
      }
      guard let at = name.lastIndex(of: "@"), let t = Int(name[name.index(after: at)...]), t >= 1, at != name.startIndex else {
        throw fail("a sequence's feature columns are all named feature@step, as x@3 or x2@3; this one has no time step")
      }
      let feature = String(name[..<at])
      if features.isEmpty, t != 1 { throw fail("time step 1 is missing: the first feature column is of step \(t)") }
      if t == step + 1, step > 1 || !features.isEmpty {
        if step > 1, index < features.count { throw fail("time step \(step) lacks \(features[index])@\(step), which step 1 has") }
        step = t
        index = 0
      } else if t > step {
        throw fail("time step \(step + 1) is missing: the columns go from step \(step) to step \(t)")
      } else if t < step {
        throw fail("time steps out of order: step \(t) comes after step \(step); write the columns step by step, x@1, x@2, …")
      }
      if step == 1 {
        features.append(feature)
        continue
      }
      guard index < features.count, features[index] == feature else {
        let expected = index < features.count ? "\(features[index])@\(step)" : "no more columns"
        throw fail("time step \(step) has other features than step 1 (\(features.joined(separator: ", "))): expected \(expected) here")
      }
      index += 1
    }
    if step > 1, index < features.count, let last = zip(names, columns).reversed().first {
      throw DataError(
        file: file, line: 1, column: last.1 + 1, columnName: last.0, message: "time step \(step) lacks \(features[index])@\(step), which step 1 has")
    }
    return step
  }
}
