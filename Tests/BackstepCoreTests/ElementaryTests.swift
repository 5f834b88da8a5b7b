import BackstepCore
import Foundation
import Testing

@Suite("Scalar functions")
struct ElementaryTests {
  /// Our tanh against the C library's over many magnitudes, both signs: within 3e−15 relative.
  @Test func tanhAgreesWithTheCLibrary() {
    var worst = 0.0
    var x = 1e-300
    while x < 800 {
      for v in [x, -x, x * 1.37, -x * 0.71] {
        let exact = Foundation.tanh(v)
        let ours = Elementary.tanh(v)
        worst = max(worst, abs(ours - exact) / abs(exact))
      }
      x *= 1.03
    }
    #expect(worst < 3e-15, "worst relative error \(worst)")
    #expect(Elementary.tanh(0) == 0)
    #expect(Elementary.tanh(.infinity) == 1 && Elementary.tanh(-.infinity) == -1)
    #expect(Elementary.tanh(.nan).isNaN)
  }

  /// The branch-free exp behind tanh against the C library's over its whole domain.
  @Test func boundedExpAgreesWithTheCLibrary() {
    var worst = 0.0
    var x = -700.0
    while x <= 700 {
      let exact = Foundation.exp(x)
      worst = max(worst, abs(Elementary.expBounded(x) - exact) / exact)
      x += 0.0137
    }
    #expect(worst < 5e-16, "worst relative error \(worst)")
    #expect(Elementary.expBounded(0) == 1)
    #expect(Elementary.expBounded(.nan).isNaN)
  }

  /// e^x − 1 keeps its relative accuracy down to the smallest x, where tanh relies on it.
  @Test func boundedExpm1AgreesWithTheCLibrary() {
    var worst = 0.0
    var x = 1e-300
    while x < 700 {
      for v in [x, -x, x * 1.37] where v > -700 && v < 700 {
        let exact = Foundation.expm1(v)
        worst = max(worst, abs(Elementary.expm1Bounded(v) - exact) / abs(exact))
      }
      x *= 1.05
    }
    #expect(worst < 1e-15, "worst relative error \(worst)")
    #expect(Elementary.expm1Bounded(0) == 0)
  }

  @Test func sigmoidAndSoftplusAreStable() {
    #expect(Elementary.sigmoid(-1000) == 0)
    #expect(Elementary.sigmoid(1000) == 1)
    #expect(Elementary.softplus(1000) == 1000)
    #expect(abs(Elementary.softplus(-1000)) < 1e-300)
    #expect(abs(Elementary.softplus(0) - log(2)) < 1e-16)
  }
}
