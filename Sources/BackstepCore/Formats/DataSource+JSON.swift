extension DataSource {
  /// Reads the `data` section of a model file, every field optional, each checked for its kind
  /// where it stands: `{"dataset": "circle", "points": 200, "noise": 0, "seed": 1,
  /// "train_ratio": 0.5}` (a sequence set with its `seq_len`) or `{"csv": "d.csv", "test_csv": …, "features": […], "targets": […]}`.
  init(_ d: JSONField) throws(FileError) {
    self.init()
    _ = try d.members()
    func names(_ key: String) throws(FileError) -> [String]? {
      try d.optionalMember(key)?.elements().map { (e) throws(FileError) in try e.string() }
    }
    dataset = try d.optionalMember("dataset")?.string()
    points = try d.optionalMember("points")?.int()
    noise = try d.optionalMember("noise")?.double()
    seqLen = try d.optionalMember("seq_len")?.int(in: 1...RunConfiguration.maxSeqLen)
    seed = try d.optionalMember("seed")?.uint64()
    csv = try d.optionalMember("csv")?.string()
    testCSV = try d.optionalMember("test_csv")?.string()
    features = try names("features")
    targets = try names("targets")
    trainRatio = try d.optionalMember("train_ratio")?.double()
  }
}
