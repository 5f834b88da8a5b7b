/// A terminal as small as a test needs: a grid of characters that takes cursor moves
/// (`ESC [ row ; col H`), clearing (`ESC [ 2J`) and printable characters; every other escape
/// (colours, cursor visibility) is read and ignored. Enough to see what a recording shows.
struct ANSIScreen {
  private(set) var rows: [[Character]]
  private var row = 0
  private var column = 0

  init(width: Int, height: Int) {
    rows = Array(repeating: Array(repeating: " ", count: width), count: height)
  }

  /// Writes `text` as a terminal would.
  mutating func feed(_ text: String) {
    var characters = Array(text)[...]
    while let c = characters.popFirst() {
      guard c == "\u{1B}" else {
        if row < rows.count && column < rows[row].count { rows[row][column] = c }
        column += 1
        continue
      }
      guard characters.popFirst() == "[" else { continue }
      var parameters = ""
      while let p = characters.popFirst() {
        guard p.isLetter else {
          parameters.append(p)
          continue
        }
        command(p, parameters)
        break
      }
    }
  }

  private mutating func command(_ final: Character, _ parameters: String) {
    switch final {
    case "H":
      let numbers = parameters.split(separator: ";").map { Int($0) ?? 1 }
      row = (numbers.first ?? 1) - 1
      column = (numbers.count > 1 ? numbers[1] : 1) - 1
    case "J" where parameters == "2":
      rows = rows.map { Array(repeating: " ", count: $0.count) }
    default: break
    }
  }

  /// The characters, one line per row, trailing spaces removed (as ``Frame/plainText``).
  var plainText: String {
    rows.map { line in
      var text = String(line)
      while text.last == " " { text.removeLast() }
      return text
    }.joined(separator: "\n")
  }
}
