import Foundation

/// Reads a data set from a CSV file: a header row naming the columns, then one row per example.
///
/// By default, columns whose name starts with `y` (or `Y`) are targets and the rest are
/// features; `features` and `targets` choose columns by name instead. One target column of 0s
/// and 1s makes a two-class problem. With `classLabels` (the `ce` loss), a single target column
/// of whole numbers 0…K−1 holds class labels and becomes one-hot targets. Anything else is
/// regression. Every problem is a ``DataError`` with the file, line and column.
///
/// Feature columns named `x@1 … x@T` or `x1@1, x2@1, …, x1@T, x2@T` make each row a sequence of T
/// time steps (see ``SequenceColumns``).
public enum CSVDataLoader {
  /// The most classes a label column may name. Each class is a one-hot column and an output
  /// unit, so a stray label such as 999999 would otherwise ask for gigabytes before training.
  public static let maxClasses = 256

  public static func load(
    path: String, features: [String]? = nil, targets: [String]? = nil, classLabels: Bool = false,
    classes: Int? = nil
  ) throws -> Dataset {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw DataError(file: path, message: "no such file", isMissingFile: true)
    }
    guard !isDirectory.boolValue else { throw DataError(file: path, message: "is a directory, not a CSV file", isMissingFile: true) }
    // read(2), not FileManager: a FIFO or `<(…)` is a file to read too.
    let data: [UInt8]
    do { data = try FileContents.read(path: path) } catch { throw DataError(file: path, message: error.message, isMissingFile: error.kind == .missing) }
    return try parse(
      bytes: data, path: path, features: features, targets: targets, classLabels: classLabels, classes: classes)
  }

  /// Parses CSV text; `path` only names the source in messages.
  public static func parse(
    text: String, path: String, features: [String]? = nil, targets: [String]? = nil, classLabels: Bool = false,
    classes: Int? = nil
  ) throws -> Dataset {
    try parse(bytes: Array(text.utf8), path: path, features: features, targets: targets, classLabels: classLabels, classes: classes)
  }

  /// Parses the bytes of a CSV file as ``load(path:features:targets:classLabels:classes:)`` reads
  /// them; `path` only names the source in messages.
  public static func parse(
    bytes: [UInt8], path: String, features: [String]? = nil, targets: [String]? = nil, classLabels: Bool = false,
    classes: Int? = nil
  ) throws -> Dataset {
    let table = try CSVTable.parse(bytes: bytes, file: path)
    let (featureColumns, targetColumns) = try chooseColumns(table.header, features: features, targets: targets, file: path)
    let n = table.rows.count
    var x = Matrix(rows: n, cols: featureColumns.count)
    var raw = Matrix(rows: n, cols: targetColumns.count)
    for (r, row) in table.rows.enumerated() {
      for (j, c) in featureColumns.enumerated() {
        x[r, j] = try number(row.fields[c], file: path, line: row.line, column: c, name: table.header[c])
      }
      for (j, c) in targetColumns.enumerated() {
        raw[r, j] = try number(row.fields[c], file: path, line: row.line, column: c, name: table.header[c])
      }
    }
    let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    let featureNames = featureColumns.map { table.header[$0] }
    let steps = try SequenceColumns.steps(of: featureNames, columns: featureColumns, file: path)
    let targetNames = targetColumns.map { table.header[$0] }

    if classLabels {
      guard targetColumns.count == 1 else {
        if targetColumns.allSatisfy({ c in table.rows.allSatisfy { $0.fields[c] == "0" || $0.fields[c] == "1" } }) {
          // Already one-hot rows.
          let labels = (0..<n).map { Evaluation.predictedClass(raw, row: $0) }
          return Dataset(
            name: name, inputs: x, targets: raw, labels: labels, problem: .classification, featureNames: featureNames, targetNames: targetNames, steps: steps)
        }
        throw DataError(
          file: path,
          message:
            "class labels need one target column of whole numbers 0…K−1, or one-hot 0/1 columns; found \(targetColumns.count) columns (\(targetNames.joined(separator: ", ")))"
        )
      }
      let c = targetColumns[0]
      var labels: [Int] = []
      for (r, row) in table.rows.enumerated() {
        let v = raw[r, 0]
        guard v >= 0, v == v.rounded() else {
          throw DataError(
            file: path, line: row.line, column: c + 1, columnName: table.header[c],
            message: "\(Excerpt.escaped(row.fields[c])) is not a class label (a whole number 0, 1, 2, …)")
        }
        guard v < Double(maxClasses) else {
          throw DataError(
            file: path, line: row.line, column: c + 1, columnName: table.header[c],
            message: "class label \(Excerpt.escaped(row.fields[c])) is too large: at most \(maxClasses) classes are allowed, 0…\(maxClasses - 1)")
        }
        if let classes, Int(v) >= classes {
          throw DataError(
            file: path, line: row.line, column: c + 1, columnName: table.header[c],
            message: "class label \(Int(v)) is out of range: the model has \(classes) classes, 0…\(classes - 1)")
        }
        labels.append(Int(v))
      }
      let k = max(classes ?? 0, (labels.max() ?? 0) + 1, 2)
      var oneHot = Matrix(rows: n, cols: k)
      for (r, l) in labels.enumerated() { oneHot[r, l] = 1 }
      return Dataset(
        name: name, inputs: x, targets: oneHot, labels: labels, problem: .classification, featureNames: featureNames,
        targetNames: (0..<k).map { "\(targetNames[0])=\($0)" }, steps: steps)
    }
    if targetColumns.count == 1, raw.storage.allSatisfy({ $0 == 0 || $0 == 1 }) {
      return Dataset(
        name: name, inputs: x, targets: raw, labels: raw.storage.map { Int($0) }, problem: .classification,
        featureNames: featureNames, targetNames: targetNames, steps: steps)
    }
    return Dataset(name: name, inputs: x, targets: raw, problem: .regression, featureNames: featureNames, targetNames: targetNames, steps: steps)
  }

  /// Feature and target column indices: by name when given, else `y…` columns are targets.
  static func chooseColumns(_ header: [String], features: [String]?, targets: [String]?, file: String) throws -> ([Int], [Int]) {
    func index(_ name: String, _ role: String) throws -> Int {
      guard let i = header.firstIndex(of: name) else {
        throw DataError(file: file, line: 1, message: "no column named \(Excerpt.quoted(name)) for --\(role); the columns are \(Excerpt.list(header))")
      }
      return i
    }
    let targetColumns =
      try targets.map { try $0.map { try index($0, "targets") } }
      ?? header.indices.filter { header[$0].lowercased().hasPrefix("y") && !(features ?? []).contains(header[$0]) }
    let featureColumns =
      try features.map { try $0.map { try index($0, "features") } }
      ?? header.indices.filter { !targetColumns.contains($0) }
    if let both = featureColumns.first(where: targetColumns.contains) {
      throw DataError(file: file, line: 1, message: "column \(Excerpt.quoted(header[both])) is chosen both as a feature and as a target")
    }
    guard !targetColumns.isEmpty else {
      throw DataError(
        file: file, line: 1, message: "no target column: name one with --targets, or start its name with y (columns: \(Excerpt.list(header)))")
    }
    guard !featureColumns.isEmpty else {
      throw DataError(file: file, line: 1, message: "no feature column: every column is a target (columns: \(Excerpt.list(header)))")
    }
    return (featureColumns, targetColumns)
  }

  /// A finite number in any common notation (1, -2.5, +3, .5, 5., 1e-3, 1E+3).
  static func number(_ field: String, file: String, line: Int, column: Int, name: String) throws -> Double {
    func fail(_ message: String) -> DataError {
      DataError(file: file, line: line, column: column + 1, columnName: name, message: message)
    }
    guard !field.isEmpty else { throw fail("the value is missing") }
    let lower = field.lowercased()
    let unsigned = lower.hasPrefix("-") || lower.hasPrefix("+") ? String(lower.dropFirst()) : lower
    if unsigned.hasPrefix("0x") { throw fail("\(Excerpt.quoted(field)) is a hexadecimal number; write it in decimal") }
    if unsigned == "nan" { throw fail("NaN is not allowed in the data") }
    if unsigned.hasPrefix("inf") { throw fail("infinity is not allowed in the data") }
    guard unsigned.allSatisfy({ "0123456789.e+-".contains($0) }), let v = Double(field) else {
      throw fail("\(Excerpt.quoted(field)) is not a number")
    }
    if v.isInfinite { throw fail("\(Excerpt.escaped(field)) is too large for a double") }
    return v
  }
}
