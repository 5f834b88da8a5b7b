import ArgumentParser
import BackstepCore

extension ArgumentHelp {
  /// The help of a hyper-parameter's flag, as the table (``Hyperparameter``) declares it; a key
  /// missing from the table gets no help, which `FlagTests` refuses.
  static func setting(_ key: String, valueName: String? = nil) -> ArgumentHelp {
    ArgumentHelp(Hyperparameter.named(key)?.help ?? "", valueName: valueName)
  }
}
