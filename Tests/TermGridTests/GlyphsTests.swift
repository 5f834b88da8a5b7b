import Testing

@testable import TermGrid

/// The two glyph tables: ASCII for terminals without UTF-8, UTF-8 for the rest.
@Suite("Glyph tables")
struct GlyphsTests {
  /// Every text slot of a table by name, read by reflection so that a new slot is checked too.
  static func slots(_ glyphs: Glyphs) -> [String: String] {
    var slots: [String: String] = [:]
    for child in Mirror(reflecting: glyphs).children {
      guard let name = child.label else { continue }
      switch child.value {
      case let c as Character: slots[name] = String(c)
      case let s as String: slots[name] = s
      case let list as [Character]: slots[name] = String(list)
      default: continue
      }
    }
    return slots
  }

  @Test func everyASCIISlotIsPureASCII() {
    let slots = Self.slots(.ascii)
    #expect(slots.count >= 25)
    for (name, text) in slots {
      #expect(!text.isEmpty && text.allSatisfy { $0.isASCII }, "ascii \(name) is \(text)")
    }
  }

  /// Both tables have the same slots, and differ in each but the plain plot's marks, which
  /// are ASCII in both.
  @Test func theUnicodeTableDiffersWhereExpected() {
    let ascii = Self.slots(.ascii), unicode = Self.slots(.unicode)
    #expect(Set(ascii.keys) == Set(unicode.keys))
    let same = Set(ascii.keys.filter { ascii[$0] == unicode[$0] })
    #expect(same == ["plainTrain", "plainTest"])
    #expect(Glyphs.unicode.dotsPerCell == (2, 4) && Glyphs.ascii.dotsPerCell == (1, 1))
  }

  /// A Frame cell holds one character: every single glyph of the UTF-8 table is one.
  @Test func unicodeGlyphsAreSingleCharacters() {
    for (name, text) in Self.slots(.unicode) where !["shades", "pause", "eighths"].contains(name) {
      #expect(text.count == 1, "\(name) is \(text)")
    }
    #expect(Glyphs.unicode.shades.count == Glyphs.ascii.shades.count)
    // A bar's top cell, one to eight eighths full, in both tables.
    #expect(Glyphs.unicode.eighths.count == 8 && Glyphs.ascii.eighths.count == 8)
  }
}
