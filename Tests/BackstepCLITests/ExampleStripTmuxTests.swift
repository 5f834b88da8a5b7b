import BackstepCore
import Foundation
import Testing

/// The selected example followed through a whole iteration in the real binary: `.` selects
/// the second example, space steps through every stage, and the strip under the stage strip
/// reads its target, the output and its loss, the numbers the core computes for the same run.
@Suite("The example strip in a terminal", .serialized)
struct ExampleStripTmuxTests {
  @Test func selectAnExampleAndReadItsTargetPredictionAndLoss() throws {
    var stepper = try RunConfiguration().resolve().makeStepper()
    let stages = stepper.stages.count
    for _ in 0..<stages { stepper.advance() }
    let reading = try #require(stepper.example(1))
    let depth = stepper.network.depth
    let digits: [Character] = ["₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"]
    let output = "a" + String(String(depth).compactMap { $0.wholeNumberValue.map { digits[$0] } })
    func number(_ x: Double) -> String { Format.short(x, digits: 3) }
    let prediction = try #require(reading.prediction), loss = try #require(reading.loss)

    let t = try Tmux([])
    t.wait { $0.contains("gradient magnitude") }
    // forward(1), then the second example of its batch.
    try t.send("Space", ".")
    var screen = t.wait { $0.contains("[F1]") && $0.contains("example 2 of") }
    #expect(screen.contains("\(output) comes at F\(depth)"), "the output is not computed yet:\n\(screen)")
    for _ in 1..<stages { try t.send("Space") }
    screen = t.wait { $0.contains("[update]") && $0.contains("loss = ") }
    let strip = try #require(screen.split(separator: "\n").first { $0.contains("example 2 of") }, "\(screen)")
    #expect(strip.contains("t = \(reading.target.count == 1 ? number(reading.target[0]) : "")"), "\(strip)")
    #expect(strip.contains("\(output) = \(number(prediction[0]))"), "\(strip)")
    #expect(strip.contains("loss = \(number(loss))"), "\(strip)")
    try t.send("q")
    #expect(t.exitStatus() == 0)
  }
}
