import BackstepCore

/// The `:` prompt's commands.
extension AppState {
  mutating func runCommand(_ text: String) {
    do {
      switch try PromptCommand.parse(text) {
      case .set(let edit, let kind):
        edit(&session.config)
        switch kind {
        case .network: rebuild(message: text, dropModel: true)
        case .data: rebuild(message: text)
        case .training: reconfigure(message: text, namingLR: PromptCommand.namesOptimizer(text))
        case .watch: rewatch(message: text)
        }
      case .check: gradientCheck()
      case .reset: update(.reset)
      case .quit: shouldQuit = true
      case .help: overlay = .help(page: 0)
      case .metrics(let path): try writeMetrics(to: path)
      case .breakpoints: overlay = .breakpoints
      case .compare(let change): compare(change)
      }
    } catch {
      message = "\(error)"
    }
  }
}
