import Testing

@testable import TermGrid

/// Bytes a terminal sends, assembled into characters; invalid bytes are told apart.
@Suite("UTF-8 keys")
struct UTF8KeysTests {
  @Test func leadBytesGiveTheirLengths() {
    #expect(UTF8Keys.length(lead: 0x41) == 1)
    #expect(UTF8Keys.length(lead: 0xC3) == 2)
    #expect(UTF8Keys.length(lead: 0xE9) == 3)
    #expect(UTF8Keys.length(lead: 0xF0) == 4)
    for invalid: UInt8 in [0x80, 0xA9, 0xBF, 0xC0, 0xC1, 0xF5, 0xFE, 0xFF] {
      #expect(UTF8Keys.length(lead: invalid) == nil, "\(invalid) cannot start a character")
    }
  }

  @Test func wholeSequencesDecodeAndBrokenOnesDoNot() {
    #expect(UTF8Keys.scalar([0xC3, 0xA9]) == "é")
    #expect(UTF8Keys.scalar([0xE2, 0x88, 0x9E]) == "∞")
    #expect(UTF8Keys.scalar([0xF0, 0x9F, 0x99, 0x82]) == "🙂")
    #expect(UTF8Keys.scalar([0xC3, 0x41]) == nil)
    #expect(UTF8Keys.scalar([0xE9]) == nil)
    #expect(UTF8Keys.scalar([0xC0, 0xAF]) == nil, "overlong")
    #expect(UTF8Keys.scalar([0xED, 0xA0, 0x80]) == nil, "surrogate")
    #expect(UTF8Keys.scalar([0xC3, 0xA9, 0x41]) == nil, "more than one character")
    #expect(UTF8Keys.isContinuation(0xA9) && !UTF8Keys.isContinuation(0x41) && !UTF8Keys.isContinuation(0xC3))
  }
}
