import BackstepCore
import Testing

/// Which maps each stage reads and writes, for dense and batchnorm networks and for outputs
/// fused with their loss or chained through f′.
@Suite("What each stage reads and writes")
struct StageFlowTests {
  func ref(_ layer: Int, _ map: ShownMap) -> MapRef { MapRef(layer: layer, map: map) }

  func network(_ specs: [LayerSpec], loss: Loss) throws -> Network {
    try Network(inputs: 2, specs: specs, loss: loss, initializer: .xavierUniform, seed: 1)
  }

  @Test func aDenseNetworkWithAFusedOutput() throws {
    let net = try network([LayerSpec(units: 3, activation: .tanh), LayerSpec(units: 1, activation: .sigmoid)], loss: .bce)
    #expect(StageFlow.of(.forward(1), network: net) == StageFlow(reads: [.input, ref(1, .weights), ref(1, .bias)], writes: [ref(1, .z), ref(1, .a)]))
    #expect(StageFlow.of(.forward(2), network: net) == StageFlow(reads: [ref(1, .a), ref(2, .weights), ref(2, .bias)], writes: [ref(2, .z), ref(2, .a)]))
    #expect(StageFlow.of(.loss, network: net) == StageFlow(reads: [ref(2, .a), ref(2, .target)], writes: [ref(2, .outputGradient)]))
    // δ_2 = (a_2 − t)/B straight from the logit: no f′.
    #expect(
      StageFlow.of(.backward(2), network: net)
        == StageFlow(reads: [ref(2, .a), ref(2, .target), ref(1, .a)], writes: [ref(2, .delta), ref(2, .dW), ref(2, .db)]))
    #expect(
      StageFlow.of(.backward(1), network: net)
        == StageFlow(
          reads: [ref(2, .delta), ref(2, .weights), ref(1, .fPrime), .input],
          writes: [ref(1, .delta), ref(1, .fPrime), ref(1, .dW), ref(1, .db)]))
    #expect(
      StageFlow.of(.update, network: net)
        == StageFlow(
          reads: [ref(1, .dW), ref(1, .weights), ref(1, .db), ref(1, .bias), ref(2, .dW), ref(2, .weights), ref(2, .db), ref(2, .bias)],
          writes: [ref(1, .weights), ref(1, .bias), ref(2, .weights), ref(2, .bias)]))
  }

  @Test func anOutputChainedThroughFPrime() throws {
    let net = try network([LayerSpec(units: 3, activation: .relu), LayerSpec(units: 2, activation: .tanh)], loss: .mse)
    #expect(
      StageFlow.of(.backward(2), network: net)
        == StageFlow(
          reads: [ref(2, .outputGradient), ref(2, .fPrime), ref(1, .a)], writes: [ref(2, .delta), ref(2, .fPrime), ref(2, .dW), ref(2, .db)]))
  }

  @Test func aSoftmaxOutputUnderMSEUsesItsActivationsNotAnFPrime() throws {
    let net = try network([LayerSpec(units: 3, activation: .relu), LayerSpec(units: 2, activation: .softmax)], loss: .mse)
    let flow = StageFlow.of(.backward(2), network: net)
    #expect(flow.reads == [ref(2, .outputGradient), ref(2, .a), ref(1, .a)])
    #expect(!flow.writes.contains(ref(2, .fPrime)))
  }

  @Test func aBatchNormNetwork() throws {
    let specs = LayerSpec.withBatchNorm([LayerSpec(units: 3, activation: .relu)]) + [LayerSpec(units: 1, activation: .sigmoid)]
    let net = try network(specs, loss: .bce)
    #expect(net.depth == 3)
    // The dense layer below a batchnorm layer has no b.
    #expect(StageFlow.of(.forward(1), network: net) == StageFlow(reads: [.input, ref(1, .weights)], writes: [ref(1, .z), ref(1, .a)]))
    #expect(
      StageFlow.of(.forward(2), network: net)
        == StageFlow(
          reads: [ref(1, .a), ref(2, .weights), ref(2, .beta)], writes: [ref(2, .mean), ref(2, .variance), ref(2, .xhat), ref(2, .z), ref(2, .a)]))
    // dγ = Σ δ⊙x̂ reads the layer's own x̂; dβ sits in the db slot.
    #expect(
      StageFlow.of(.backward(2), network: net)
        == StageFlow(
          reads: [ref(3, .delta), ref(3, .weights), ref(2, .fPrime), ref(2, .xhat)],
          writes: [ref(2, .delta), ref(2, .fPrime), ref(2, .dW), ref(2, .db)]))
    // dL/da_1 comes back through the batch statistics of layer 2.
    #expect(
      StageFlow.of(.backward(1), network: net)
        == StageFlow(
          reads: [ref(2, .delta), ref(2, .weights), ref(2, .xhat), ref(2, .variance), ref(1, .fPrime), .input],
          writes: [ref(1, .delta), ref(1, .fPrime), ref(1, .dW)]))
    let update = StageFlow.of(.update, network: net)
    #expect(update.writes == [ref(1, .weights), ref(2, .weights), ref(2, .beta), ref(3, .weights), ref(3, .bias)])
    #expect(update.reads.count == 2 * update.writes.count)
  }

  /// What the stepper leaves in the record agrees with the flow: after each stage every map it
  /// writes holds values (f′ and the gradients included), on a dense and a batchnorm network.
  @Test(arguments: [false, true])
  func everyWrittenMapIsFilledByItsStage(batchNorm: Bool) throws {
    let hidden = [LayerSpec(units: 3, activation: .tanh)]
    let specs = (batchNorm ? LayerSpec.withBatchNorm(hidden) : hidden) + [LayerSpec(units: 2, activation: .identity)]
    var s = try RecordFixture.stepper(specs, loss: .mse)
    for _ in s.stages where s.nextStage != .update {
      let stage = s.advance()
      for written in StageFlow.of(stage, network: s.network).writes where written.map != .outputGradient {
        #expect(s.scale(of: written.map, layer: written.layer).largest > 0, "\(stage) wrote \(written)")
      }
    }
    #expect(s.record.dLdaOutput.count > 0)
  }
}
