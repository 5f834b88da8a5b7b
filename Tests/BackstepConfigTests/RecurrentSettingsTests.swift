import BackstepConfig
import BackstepCore
import Testing

@Suite("Recurrent settings in a settings file")
struct RecurrentSettingsTests {
  @Test func rnnKeysBuildARecurrentNetworkOnASequenceSet() throws {
    let c = try ConfigFile.parse("dataset: adding\nrnn: 8\nrnn-activation: relu\nseq-len: 12\nlayers: [4]\npoints: 40\n", path: "c.yaml")
    #expect(c.rnn == 8 && c.rnnActivation == .relu && c.seqLen == 12)
    let run = try c.resolve()
    #expect(run.network.isRecurrent)
    #expect(run.network.layers[0].spec == LayerSpec(units: 8, activation: .relu, kind: .recurrent))
    #expect(run.network.widths == [2, 8, 4, 1])
    #expect(run.data.train.steps == 12)
    #expect(run.dataSource.seqLen == 12)
  }

  @Test func aRecurrentActivationIsTanhOrRelu() throws {
    let error = try #require(throws: FileError.self) { try ConfigFile.parse("rnn-activation: sigmoid\n", path: "c.yaml") }
    #expect(error.description.contains("tanh, relu"))
    #expect(throws: (any Error).self) { try ConfigFile.parse("seq-len: 0\n", path: "c.yaml") }
  }

  @Test func sequencesNeedARecurrentLayerAndItsActivationNeedsIt() throws {
    var dense = RunConfiguration()
    dense.dataset = "parity"
    let error = try #require(throws: ConfigurationError.self) { try dense.resolve() }
    #expect(error.message.contains("--rnn"))
    var orphan = RunConfiguration()
    orphan.rnnActivation = .relu
    #expect(throws: ConfigurationError.self) { try orphan.resolve() }
    var table = RunConfiguration()
    table.rnn = 4
    #expect(throws: ConfigurationError.self) { try table.resolve() }
  }
}
