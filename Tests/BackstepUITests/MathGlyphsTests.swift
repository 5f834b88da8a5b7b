import Testing

@testable import BackstepUI

/// The symbols of the captions' formulas, in UTF-8 and in ASCII.
@Suite("Math glyphs")
struct MathGlyphsTests {
  static func slots(_ math: MathGlyphs) -> [String: String] {
    var slots: [String: String] = [:]
    for child in Mirror(reflecting: math).children {
      if let name = child.label, let text = child.value as? String { slots[name] = text }
    }
    return slots
  }

  @Test func everyASCIISymbolIsPureASCII() {
    let slots = Self.slots(.ascii)
    #expect(slots.count >= 13)
    for (name, text) in slots {
      #expect(!text.isEmpty && text.allSatisfy { $0.isASCII }, "ascii \(name) is \(text)")
    }
    #expect(MathGlyphs.ascii.name("dW", 12).allSatisfy { $0.isASCII })
  }

  @Test func everyUnicodeSymbolDiffersFromItsASCII() {
    let ascii = Self.slots(.ascii), unicode = Self.slots(.unicode)
    #expect(Set(ascii.keys) == Set(unicode.keys))
    for (name, text) in unicode {
      #expect(text != ascii[name], "\(name) is the same in both tables")
      #expect(!text.allSatisfy { $0.isASCII }, "unicode \(name) is plain ASCII")
    }
    #expect(MathGlyphs.unicode.name("a", 2) == "a₂")
    #expect(MathGlyphs.ascii.name("a", 2) == "a2")
  }

  /// The ASCII screen folds what is left over to ASCII anyway; the table's words read better
  /// than the fold's letters (delta, not d).
  @Test func theASCIITableSpellsGreekOut() {
    #expect(MathGlyphs.ascii.delta == "delta")
    #expect(MathGlyphs.ascii.gamma == "gamma")
  }
}
