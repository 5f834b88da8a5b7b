import Foundation
import TermGrid
import Testing

@testable import BackstepUI

/// The theme maps every role the visualizer draws with to a style at every colour level.
@Suite("Theme")
struct ThemeTests {
  @Test(arguments: ColorLevel.allCases)
  func everyRoleHasAStyleAtEveryLevel(_ level: ColorLevel) {
    let theme = Theme(level: level)
    let styles = Role.allCases.map { theme.style($0) }
    #expect(styles.count == Role.allCases.count)
    #expect(theme.hasColor == (level != .none))
    if level != .none {
      // A coloured theme sets apart what matters: not every role may fall back to plain text.
      #expect(styles.contains { $0.foreground != .default || $0.background != .default })
    }
  }

  /// NO_COLOR and monochrome terminals get `.none`: then every role is told apart by bold, dim,
  /// reverse and underline alone, and no cell carries a colour.
  @Test func monochromeGivesAttributesOnly() {
    let theme = Theme(level: .none)
    for role in Role.allCases {
      let style = theme.style(role)
      #expect(style.foreground == .default && style.background == .default, "\(role) has a colour in monochrome")
    }
    for role in [Role.currentStage, .selection, .statusBar, .nonFinite, .cursorMark, .title, .dim] {
      #expect(!theme.style(role).attributes.isEmpty, "\(role) looks like plain text in monochrome")
    }
  }

  /// The 8- and 16-colour themes use only the ANSI colours, which every colour terminal has.
  @Test(arguments: [ColorLevel.ansi8, .ansi16])
  func ansiThemesUseTheFirstSixteenColours(_ level: ColorLevel) {
    let theme = Theme(level: level)
    for role in Role.allCases {
      for color in [theme.style(role).foreground, theme.style(role).background] {
        if case .indexed(let i) = color { #expect(i < (level == .ansi8 ? 8 : 16), "\(role) at \(level)") }
        if case .rgb = color { Issue.record("\(role) at \(level) is rgb") }
      }
    }
  }

  /// The cursor's mark and the overlay's backdrop must stand out against what lies under them.
  @Test(arguments: [ColorLevel.ansi8, .ansi16, .xterm256, .truecolor])
  func theCursorMarkAndTheBackdropDiffer(_ level: ColorLevel) {
    let theme = Theme(level: level)
    #expect(theme.style(.cursorMark).foreground != .default)
    #expect(theme.style(.cursorMark).attributes.contains(.bold))
    #expect(theme.style(.overlayBackdrop).background != .default)
    #expect(theme.style(.overlayBackdrop).background != theme.style(.cursorMark).foreground)
  }
}
