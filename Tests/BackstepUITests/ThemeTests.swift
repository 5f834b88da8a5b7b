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

  /// PuTTY's default, TERM=xterm, has 8 colours: the key bar's letters, hints and message keep
  /// a colour of their own against its background.
  @Test(arguments: [ColorLevel.ansi8, .ansi16])
  func theKeyBarIsReadableWithEightColours(_ level: ColorLevel) {
    let theme = Theme(level: level)
    let bar = theme.style(.statusBar)
    #expect(bar.background != .default)
    for foreground in [bar.foreground, theme.style(.key).foreground, theme.style(.accent).foreground] {
      #expect(foreground != bar.background && foreground != .default)
    }
    #expect(theme.style(.currentStage).foreground != theme.style(.currentStage).background)
  }

  /// With 8 colours a heat map keeps three levels a side, zero, weak and strong, all told apart.
  @Test(arguments: [Palette.blueOrange, .purpleGreen])
  func eightColourHeatMapsKeepThreeLevelsASide(_ palette: Palette) {
    let values = [-0.9, -0.3, 0, 0.3, 0.9]
    let colours = values.map { palette.diverging($0, level: .ansi8) }
    #expect(Set(colours.map { "\($0)" }).count == values.count, "\(colours)")
    for colour in colours {
      if case .indexed(let i) = colour { #expect(i < 8) } else { Issue.record("\(colour) is not one of the 8 colours") }
    }
    // A dimmed (stale) map keeps the sign and zero apart.
    #expect(palette.diverging(-0.9, level: .ansi8, dimmed: true) != palette.diverging(0.9, level: .ansi8, dimmed: true))
  }
}
