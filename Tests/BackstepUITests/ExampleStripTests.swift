import BackstepCore
import TermGrid
import Testing

@testable import BackstepUI

/// The selected example's row: its numbers are ``ExampleReading``'s, a number not computed
/// yet says the stage that computes it, and a narrow row drops whole parts, never a number.
///
/// The 2-2-1 network (tanh hidden, sigmoid output, bce, W1 = [[0.1, 0.2], [−0.3, 0.4]],
/// b1 = [0.5, −0.5], W2 = [[0.7, −0.6]], b2 = [0.2], x = [[1, 2], [0, −1]], t = [1, 0]); its
/// second example by hand: z2 = 0.7·tanh(0.3) − 0.6·tanh(−0.9) + 0.2 = 0.8337, a2 = σ(z2) = 0.697,
/// ℓ = log(1 + e^z2) = 1.19, dL/da2 = 1/((1 − a2)·B) = 1.65.
@Suite("The example strip")
struct ExampleStripTests {
  static func stepper() throws -> Stepper {
    let network = try Network(
      inputs: 2,
      layers: [
        DenseLayer(weights: try #require(Matrix([[0.1, 0.2], [-0.3, 0.4]])), bias: [0.5, -0.5], activation: .tanh),
        DenseLayer(weights: try #require(Matrix([[0.7, -0.6]])), bias: [0.2], activation: .sigmoid),
      ], loss: .bce)
    let inputs = try #require(Matrix([[1, 2], [0, -1]])), targets = try #require(Matrix([[1], [0]]))
    let data = Dataset(name: "hand", inputs: inputs, targets: targets, labels: [1, 0], problem: .classification)
    var settings = TrainingSettings(optimizer: OptimizerSettings(kind: .sgd, lr: 0.5))
    settings.shuffle = false
    return try Stepper(network: network, data: DataSplit(train: data, test: data.subset([])), settings: settings)
  }

  static func strip(_ s: Stepper, example: Int) -> ExampleStrip {
    ExampleStrip(
      reading: s.example(example), position: example, examples: s.record.input.rows, depth: s.network.depth,
      flow: s.lastStage.map { StageFlow.of($0, network: s.network) })
  }

  static func text(_ strip: ExampleStrip, width: Int = 120, unicode: Bool = true) -> String {
    var frame = Frame(width: width, height: 1)
    strip.render(in: frame.bounds, into: &frame, context: RenderContext(level: .none, unicode: unicode))
    return frame.text(row: 0)
  }

  @Test func theSecondExampleByHand() throws {
    var s = try Self.stepper()
    for _ in 0..<3 { s.advance() }
    #expect(s.lastStage == .loss)
    let text = Self.text(Self.strip(s, example: 1))
    for part in ["example 2 of 2", "row 2", "x = (0, -1)", "t = 0", "a₂ = 0.697", "loss = 1.19", "dL/da₂ = 1.65"] {
      #expect(text.contains(part), "\(part) in \(text)")
    }
  }

  @Test func everyNumberIsTheReadings() throws {
    var s = try Self.stepper()
    for _ in 0..<3 { s.advance() }
    let r = try #require(s.example(0))
    let text = Self.text(Self.strip(s, example: 0))
    let prediction = try #require(r.prediction), loss = try #require(r.loss), gradient = try #require(r.dLda)
    #expect(text.contains("x = " + ExampleStrip.vector(r.input)))
    #expect(text.contains("a₂ = " + ExampleStrip.vector(prediction)))
    #expect(text.contains("loss = " + ExampleStrip.number(loss)))
    #expect(text.contains("dL/da₂ = " + ExampleStrip.vector(gradient)))
  }

  @Test func whatIsNotComputedSaysItsStage() throws {
    var s = try Self.stepper()
    #expect(Self.text(Self.strip(s, example: 0)).contains("come with the first batch"))
    s.advance()
    let text = Self.text(Self.strip(s, example: 0))
    #expect(text.contains("x = (1, 2)") && text.contains("t = 1"))
    #expect(text.contains("a₂ comes at F2") && text.contains("loss comes at loss") && text.contains("dL/da₂ comes at loss"))
  }

  @Test func theStageReadingXOrTMarksItAndTheLossMarksItsResult() throws {
    var s = try Self.stepper()
    s.advance()
    #expect(Self.text(Self.strip(s, example: 0)).contains("in x = "))
    s.advance()
    s.advance()
    let text = Self.text(Self.strip(s, example: 0))
    #expect(!text.contains("in x = "))
    #expect(text.contains("in t = ") && text.contains("in a₂ = ") && text.contains("out dL/da₂ = "))
  }

  @Test func aNarrowRowDropsWholePartsByPriority() throws {
    var s = try Self.stepper()
    for _ in 0..<3 { s.advance() }
    let strip = Self.strip(s, example: 1)
    let full = Self.text(strip)
    let narrow = Self.text(strip, width: 60)
    #expect(full.contains("row 2") && !narrow.contains("row 2"), "the training row goes first")
    #expect(full.contains("example 2 of 2  row 2  x = (0, -1)"))
    #expect(!narrow.contains("dL/da₂"), "then dL/da, in the short forms")
    #expect(narrow.contains("ex 2/2") && narrow.contains("t=0") && narrow.contains("a₂=0.697") && narrow.contains("loss=1.19"))
    let narrower = Self.text(strip, width: 40)
    #expect(!narrower.contains("x=") && narrower.contains("loss=1.19"), "x gives way before the loss: \(narrower)")
    // Every part left is whole: each number in it is the full one.
    let parts = strip.fitted(width: 60, math: .unicode)
    #expect(parts.count < strip.parts(.unicode).count)
    for part in parts {
      #expect(narrow.contains(part.runs.map(\.0).joined()))
    }
    #expect(!narrow.contains("…"))
  }

  @Test func threeClassesShowTheClassAndTheProbabilities() {
    // Numbered from 0, as the data sets and the surface's legend number the classes.
    #expect(ExampleStrip.target([0, 0, 1]) == "class 2")
    #expect(ExampleStrip.target([0.5]) == "0.5")
    #expect(ExampleStrip.vector([0.25, 0.5, 0.25]) == "(0.25, 0.5, 0.25)")
  }

  @Test func asciiWritesTheOutputsNamePlain() throws {
    var s = try Self.stepper()
    for _ in 0..<3 { s.advance() }
    let text = Self.text(Self.strip(s, example: 1), unicode: false)
    #expect(text.contains("a2 = 0.697") && text.contains("dL/da2 = 1.65"))
  }
}
