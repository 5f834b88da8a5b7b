import TermGrid

/// The key presses a lesson's key name stands for: one key of the table by its name
/// (`space`, `n`), or a prompt command (`:lr 0.3` is `:`, each letter, then Enter).
public enum LessonKeys {
  public static func presses(_ name: String) -> [Key] {
    if name.hasPrefix(":") { return name.map(Key.character) + [.enter] }
    return KeyBinding.key(named: name).map { [$0] } ?? []
  }
}
