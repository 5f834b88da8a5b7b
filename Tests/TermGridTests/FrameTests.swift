import Foundation
import Testing

@testable import TermGrid

@Suite("Frames, rectangles and colours")
struct FrameTests {
  @Test func putClipsToTheRectangleAndTheFrame() {
    var frame = Frame(width: 10, height: 3)
    let clip = Rect(x: 2, y: 1, width: 4, height: 1)
    let end = frame.put("abcdefgh", x: 1, y: 1, style: .plain, clip: clip)
    #expect(frame.plainText.split(separator: "\n", omittingEmptySubsequences: false)[1] == "  bcde")
    #expect(end <= clip.maxX)
    frame.put("xyz", x: 8, y: 2, style: .plain)
    #expect(frame.plainText.split(separator: "\n", omittingEmptySubsequences: false)[2] == "        xy")
  }

  /// Text in default styles on an overlay takes the overlay's backdrop; coloured cells keep theirs.
  @Test func backdropFillsOnlyDefaultBackgrounds() {
    var frame = Frame(width: 6, height: 2)
    frame.put("ab", x: 0, y: 0)
    frame.put("cd", x: 2, y: 0, background: .indexed(1))
    frame.backdrop(Rect(x: 1, y: 0, width: 4, height: 1), .indexed(235))
    #expect(frame[0, 0].background == .default)
    #expect(frame[1, 0].background == .indexed(235))
    #expect(frame[2, 0].background == .indexed(1) && frame[3, 0].background == .indexed(1))
    #expect(frame[4, 0].background == .indexed(235))
    #expect(frame[4, 1].background == .default)
  }

  @Test func weightedRowsShareTheHeightInProportion() {
    let rows = Rect(x: 0, y: 0, width: 5, height: 20).rows(weighted: [1, 3])
    #expect(rows.count == 2)
    #expect(rows.map(\.height).reduce(0, +) == 20)
    #expect(rows[1].height == 15 && rows[0].y == 0 && rows[1].y == 5)
  }

  @Test func centeredFitsInside() {
    let outer = Rect(x: 3, y: 2, width: 20, height: 10)
    let box = outer.centered(width: 8, height: 4)
    #expect(box == Rect(x: 9, y: 5, width: 8, height: 4))
    let clamped = outer.centered(width: 50, height: 50)
    #expect(clamped.width <= 20 && clamped.height <= 10)
  }

  @Test(arguments: [
    (UInt8(0), UInt8(0), UInt8(0), UInt8(16)), (255, 255, 255, 231), (255, 0, 0, 196), (128, 128, 128, 244),
  ])
  func nearestXtermColour(_ r: UInt8, _ g: UInt8, _ b: UInt8, _ expected: UInt8) {
    #expect(ColorMath.nearest256(r, g, b) == expected)
  }

  /// CIE lightness L* (0 black … 100 white) of an sRGB colour.
  static func lightness(_ color: Color) -> Double {
    guard case .rgb(let r, let g, let b) = color else { return .nan }
    func linear(_ c: UInt8) -> Double {
      let v = Double(c) / 255
      return v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
    }
    let y = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
    return y > 0.008856 ? 116 * cbrt(y) - 16 : 903.3 * y
  }

  /// −x and +x are equally bright (within 1.5 L*, less than a step a person can see on a
  /// projector) and differ in hue; zero is the darkest point. (The first palettes were up to
  /// 19 L* apart: a positive value looked larger than a negative one of the same size.)
  @Test func divergingPaletteIsSymmetricInBrightnessAndNeverTrapsOnNaN() {
    for palette in Palette.allCases {
      let zero = Self.lightness(palette.diverging(0, level: .truecolor))
      for step in 1...32 {
        let t = Double(step) / 32
        let negative = palette.diverging(-t, level: .truecolor), positive = palette.diverging(t, level: .truecolor)
        let (ln, lp) = (Self.lightness(negative), Self.lightness(positive))
        #expect(abs(ln - lp) <= 1.5, "\(palette.name) at ±\(t): L* \(ln) and \(lp)")
        #expect(ln > zero && lp > zero, "\(palette.name) at ±\(t) is darker than zero")
        #expect(negative != positive || palette == .grey)
      }
      #expect(palette.diverging(.nan, level: .xterm256) == palette.diverging(0, level: .xterm256))
    }
    #expect(Palette.sequential(.nan, level: .truecolor) == Palette.sequential(0, level: .truecolor))
  }

  @Test func ansiOutputCarriesColoursAndResets() {
    var frame = Frame(width: 3, height: 1)
    frame[0, 0] = Cell("x", foreground: .indexed(196))
    let text = frame.ansi(level: .xterm256)
    #expect(text.contains("38;5;196m"))
    #expect(text.hasSuffix("\u{1B}[0m"))
    #expect(frame.plainText == "x")
  }

  @Test func colourLayerNamesEachStyleOnce() {
    var frame = Frame(width: 4, height: 1)
    frame[1, 0] = Cell("a", foreground: .indexed(1))
    frame[2, 0] = Cell("b", foreground: .indexed(1))
    frame[3, 0] = Cell("c", attributes: .bold)
    let layer = frame.colorLayer
    #expect(layer.hasPrefix(".aab\n--\n"))
    #expect(layer.split(separator: "\n").count == 4)
  }

  /// Past 62 styles every cell still names its own style: codes grow to two characters.
  @Test func colourLayerTellsApartMoreStylesThanLetters() {
    var frame = Frame(width: 100, height: 2)
    for x in 0..<100 { frame[x, 0] = Cell("x", foreground: .rgb(UInt8(x), 0, 0)) }
    frame[5, 1] = Cell("y", foreground: .rgb(99, 0, 0))
    let lines = frame.colorLayer.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let rows = Array(lines[0..<2]), legend = Array(lines[3...])
    #expect(lines[2] == "--")
    #expect(legend.count == 100)
    #expect(rows[0].count == 200 && rows[1].count == 200)
    let codes = stride(from: 0, to: 200, by: 2).map { i in String(Array(rows[0])[i..<(i + 2)]) }
    #expect(Set(codes).count == 100, "two cells of different styles share a code")
    #expect(!rows.joined().contains("?"))
    // The same style has the same code wherever it appears, and the legend names it.
    #expect(String(Array(rows[1])[10..<12]) == codes[99])
    #expect(String(Array(rows[1])[0..<2]) == "..")
    #expect(legend[99] == codes[99] + " = fg #630000 bg default")
  }
}
