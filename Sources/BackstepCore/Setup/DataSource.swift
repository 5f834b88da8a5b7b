import Foundation

/// Where a run's rows came from, as a model file remembers them, so that `--model net.json`
/// alone reopens on the same data: a built-in set with its points, noise, split and seed, or
/// a CSV file with its columns, split or test file.
///
/// In a model file a CSV path is relative to the model file's folder, so a folder of a model
/// and its data can move as one; in memory it is as given (relative to the working folder).
public struct DataSource: Equatable, Sendable, Codable {
  /// A built-in set's name (`circle`, `xor`, …); nil for a CSV file.
  public var dataset: String?
  public var points: Int?
  public var noise: Double?
  /// The time steps of a built-in sequence set.
  public var seqLen: Int?
  /// The share of rows that trained; nil for a CSV file that trained on all its rows.
  public var trainRatio: Double?
  /// The seed the built-in set was drawn with.
  public var seed: UInt64?
  /// The CSV file of the rows, and of the test rows when they came from their own file.
  public var csv: String?
  public var testCSV: String?
  /// The CSV columns chosen by name, when they were (nil: the `y…` rule chose).
  public var features: [String]?
  public var targets: [String]?

  enum CodingKeys: String, CodingKey {
    case dataset, points, noise, seed, csv, features, targets
    case seqLen = "seq_len"
    case trainRatio = "train_ratio"
    case testCSV = "test_csv"
  }

  public init() {}

  /// The source a configuration's data settings describe, with built-in defaults filled in.
  public init(_ config: RunConfiguration, seed: UInt64) {
    if let file = config.dataFile {
      csv = file
      testCSV = config.testDataFile
      features = config.features
      targets = config.targets
      trainRatio = config.trainRatio
    } else {
      dataset = config.dataset ?? RunConfiguration.defaultDataset
      points = config.points ?? RunConfiguration.defaultPoints
      noise = config.noise ?? 0
      if BuiltinDataset(rawValue: dataset ?? "")?.isSequence == true { seqLen = config.seqLen ?? RunConfiguration.defaultSeqLen }
      trainRatio = config.trainRatio ?? RunConfiguration.defaultBuiltinTrainRatio
      self.seed = seed
    }
  }

  /// The configuration with its data settings taken from this source where it sets none.
  /// Naming a data set or a CSV file replaces the source whole; other data flags override
  /// field by field (`--points 100` redraws the same set with 100 points).
  public func laid(under config: RunConfiguration) -> RunConfiguration {
    guard config.dataset == nil && config.dataFile == nil else { return config }
    var c = config
    c.dataset = dataset
    c.dataFile = csv
    c.testDataFile = config.testDataFile ?? testCSV
    c.points = config.points ?? points
    c.noise = config.noise ?? noise
    c.seqLen = config.seqLen ?? seqLen
    c.trainRatio = config.trainRatio ?? (config.testDataFile == nil ? trainRatio : nil)
    c.features = config.features ?? features
    c.targets = config.targets ?? targets
    return c
  }

  /// The same source with its CSV paths rewritten from `folder`'s point of view:
  /// `relative` for writing into a model file there, otherwise for reading one from there.
  public func paths(from folder: String, relative: Bool) -> DataSource {
    var s = self
    let rewrite = { (p: String) in relative ? Self.relativePath(p, from: folder) : Self.resolvedPath(p, from: folder) }
    s.csv = csv.map(rewrite)
    s.testCSV = testCSV.map(rewrite)
    return s
  }

  /// The folder a file is in: `runs` for `runs/net.json`, `.` for `net.json`.
  public static func folder(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  /// `path` as seen from `folder`: `../data/points.csv`. Both are taken from the working folder
  /// when relative.
  static func relativePath(_ path: String, from folder: String) -> String {
    let target = absoluteComponents(path)
    let base = absoluteComponents(folder)
    var common = 0
    while common < min(target.count, base.count) && target[common] == base[common] { common += 1 }
    let up = Array(repeating: "..", count: base.count - common)
    let parts = up + target[common...]
    return parts.isEmpty ? "." : parts.joined(separator: "/")
  }

  /// A path from a model file, taken from the model file's folder unless it is absolute.
  static func resolvedPath(_ path: String, from folder: String) -> String {
    "/" + absoluteComponents(path.hasPrefix("/") ? path : folder + "/" + path).joined(separator: "/")
  }

  /// The components of an absolute, normalised path: no `.`, `..` or empty parts.
  static func absoluteComponents(_ path: String) -> [String] {
    let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    var parts: [String] = []
    for part in full.split(separator: "/", omittingEmptySubsequences: true) {
      switch part {
      case ".": continue
      case "..": _ = parts.popLast()
      default: parts.append(String(part))
      }
    }
    return parts
  }
}
