import ArgumentParser
import BackstepCore

extension Activation: ExpressibleByArgument {}
extension Loss: ExpressibleByArgument {}

/// The shape of the network: hidden widths, activations, loss, initialiser, or a model file.
struct NetworkOptions: ParsableArguments {
  @Option(name: .long, parsing: .unconditional, help: .setting("layers", valueName: "widths")) var layers: String?

  @Option(name: .long, help: ArgumentHelp("Hidden activation: \(Activation.names(Activation.hidden)) (default tanh).", valueName: "name"))
  var activation: Activation?

  @Option(name: .long, parsing: .unconditional, help: .setting("rnn", valueName: "H")) var rnn: Int?

  @Option(
    name: .customLong("rnn-activation"),
    help: ArgumentHelp("The recurrent layer's activation: \(Activation.names(RecurrentLayer.activations)) (default tanh).", valueName: "name"))
  var rnnActivation: Activation?

  @Flag(name: .customLong("batch-norm"), inversion: .prefixedNo, help: .setting("batch-norm")) var batchNorm: Bool?

  @Option(name: .long, help: ArgumentHelp("Output activation (default: what the loss needs, identity for regression).", valueName: "name"))
  var output: Activation?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Loss: " + Loss.allCases.map { l in l.requiredOutput.map { "\(l.rawValue) (\($0.rawValue) output)" } ?? l.rawValue }.joined(separator: ", ") + ".",
      valueName: "name"))
  var loss: Loss?

  @Option(
    name: .customLong("init"),
    help: ArgumentHelp("Initialiser: xavier, xavier_normal, he, he_normal, uniform:A, normal:S, zeros, playground.", valueName: "name"))
  var initializer: String?

  @Option(name: .long, parsing: .unconditional, help: .setting("bias-init")) var biasInit: Double?

  @Option(
    name: .long, help: ArgumentHelp("Start from a model file (its network, and its training settings unless flags say otherwise).", valueName: "file.json"))
  var model: String?

  /// Sets the network and the table's settings; returns the keys of the table seen here.
  func apply(to c: inout RunConfiguration) throws -> Set<String> {
    let seen = try applyTableSettings(to: &c)
    c.activation = activation
    c.rnnActivation = rnnActivation
    c.output = output
    c.loss = loss
    c.initializer = initializer
    c.model = model
    return seen
  }
}
