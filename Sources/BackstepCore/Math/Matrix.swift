/// A dense row-major matrix of float64, `rows × cols`.
///
/// The storage is a flat array so that the hot loops of the engine can walk it with unsafe
/// buffer pointers. For a mini-batch, rows are examples: activations are `[B × units]`.
public struct Matrix: Equatable, Sendable {
  public private(set) var rows: Int
  public private(set) var cols: Int
  /// Row-major values: element (i, j) is `storage[i * cols + j]`.
  public var storage: [Double]

  /// A matrix filled with one value.
  public init(rows: Int, cols: Int, repeating value: Double = 0) {
    precondition(rows >= 0 && cols >= 0, "matrix dimensions must be non-negative")
    self.rows = rows
    self.cols = cols
    self.storage = Array(repeating: value, count: rows * cols)
  }

  /// A matrix over existing row-major values; `storage.count` must be `rows * cols`.
  public init(rows: Int, cols: Int, storage: [Double]) {
    precondition(storage.count == rows * cols, "storage does not match \(rows)×\(cols)")
    self.rows = rows
    self.cols = cols
    self.storage = storage
  }

  /// A matrix from nested rows. Returns nil when the rows are ragged.
  public init?(_ nested: [[Double]]) {
    let cols = nested.first?.count ?? 0
    guard nested.allSatisfy({ $0.count == cols }) else { return nil }
    self.init(rows: nested.count, cols: cols, storage: nested.flatMap { $0 })
  }

  public subscript(i: Int, j: Int) -> Double {
    get { storage[i * cols + j] }
    set { storage[i * cols + j] = newValue }
  }

  /// Row `i` as an array.
  public func row(_ i: Int) -> [Double] { Array(storage[(i * cols)..<((i + 1) * cols)]) }

  /// The rows as nested arrays, for files and traces.
  public var nested: [[Double]] { (0..<rows).map(row) }

  public var count: Int { storage.count }

  /// Changes the shape, reusing the allocation when the element count allows.
  /// Contents are unspecified afterwards; callers overwrite them.
  public mutating func reshape(rows: Int, cols: Int) {
    if self.rows == rows && self.cols == cols { return }
    self.rows = rows
    self.cols = cols
    if storage.count != rows * cols {
      storage = Array(repeating: 0, count: rows * cols)
    }
  }

  /// The rows at the given indices, in that order: `[indices.count × cols]`. Every row in
  /// order (a full batch) is the matrix itself, shared rather than copied.
  public func gatherRows(_ indices: [Int]) -> Matrix {
    if indices.count == rows && Self.inOrder(indices) { return self }
    var out = Matrix(rows: indices.count, cols: cols)
    for (r, i) in indices.enumerated() {
      for j in 0..<cols { out.storage[r * cols + j] = storage[i * cols + j] }
    }
    return out
  }

  /// Whether `indices` are 0, 1, 2, … in order: a plain loop over the buffer, which a full
  /// batch pays on every step (the generic `elementsEqual` against a range cost 24
  /// instructions a row).
  static func inOrder(_ indices: [Int]) -> Bool {
    indices.withUnsafeBufferPointer { p in
      for i in 0..<p.count where p[i] != i { return false }
      return true
    }
  }

  /// The Frobenius norm, sqrt(Σ x²).
  public var frobeniusNorm: Double {
    var sum = 0.0
    for x in storage { sum += x * x }
    return sum.squareRoot()
  }

  /// Mean of |x| over every element (0 for an empty matrix).
  public var meanAbsolute: Double {
    guard !storage.isEmpty else { return 0 }
    var sum = 0.0
    for x in storage { sum += abs(x) }
    return sum / Double(storage.count)
  }

  /// True when every element is finite.
  public var isFinite: Bool { storage.allSatisfy { $0.isFinite } }

  /// The transpose, `cols × rows`.
  public var transposed: Matrix {
    var out = Matrix(rows: cols, cols: rows)
    for i in 0..<rows {
      for j in 0..<cols { out.storage[j * rows + i] = storage[i * cols + j] }
    }
    return out
  }
}
