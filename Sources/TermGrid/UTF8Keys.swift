/// Characters typed at a UTF-8 terminal arrive as one to four bytes. The backend reads bytes
/// and assembles them here, so that a byte that cannot be part of a character (0xFF, a lone
/// continuation byte, a lead byte whose sequence breaks off) is dropped on its own and the key
/// after it still gets through.
public enum UTF8Keys {
  /// The length of the sequence `lead` starts: 1 for ASCII, 2–4 for the lead bytes of longer
  /// characters, nil for bytes that cannot start one (continuation bytes 80–BF, C0, C1 and
  /// F5–FF).
  public static func length(lead: UInt8) -> Int? {
    switch lead {
    case 0x00...0x7F: 1
    case 0xC2...0xDF: 2
    case 0xE0...0xEF: 3
    case 0xF0...0xF4: 4
    default: nil
    }
  }

  /// Whether `byte` continues a sequence (10xxxxxx).
  public static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

  /// The character of one whole sequence; nil when the bytes are not exactly one valid
  /// character (overlong forms, surrogates and values past U+10FFFF are not).
  public static func scalar(_ bytes: [UInt8]) -> Unicode.Scalar? {
    var iterator = bytes.makeIterator()
    var codec = Unicode.UTF8()
    // The codec reads ahead into its own buffer: ask it, not the iterator, whether more is left.
    guard case .scalarValue(let scalar) = codec.decode(&iterator), case .emptyInput = codec.decode(&iterator) else { return nil }
    return scalar
  }
}
