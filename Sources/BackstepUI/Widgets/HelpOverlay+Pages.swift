import TermGrid

/// The key help in pages. A page is a run of whole sections that the box shows without cutting
/// on the screen it is drawn on, so a large terminal shows every key at once and 80×24 turns
/// pages: the help key turns to the next page, and closes the help from the last.
extension HelpOverlay {
  /// `sections` split into pages in order, each the longest run of whole sections that fits the
  /// box on a `width` × `height` screen (the longest, not the first that stops fitting: packing
  /// into columns may fit a run that a shorter one does not). A section too long for any page
  /// has a page of its own, which says what it leaves out.
  static func pages(_ sections: [Section], width: Int = ScreenLayout.minimumWidth, height: Int = ScreenLayout.minimumHeight) -> [[Section]] {
    // The box takes the screen less a row above and below, less its two borders.
    let inside = height - 4
    var pages: [[Section]] = []
    var start = 0
    while start < sections.count {
      let end = (start + 1...sections.count).last { fits(Array(sections[start..<$0]), width: width, rows: inside) } ?? start + 1
      pages.append(Array(sections[start..<end]))
      start = end
    }
    return pages.isEmpty ? [[]] : pages
  }

  /// Whether `sections` fit `rows` rows in one to three columns of a box `width` wide.
  static func fits(_ sections: [Section], width: Int, rows: Int) -> Bool {
    let blocks = lines(sections)
    return (1...3).contains { count in
      let columns = columns(blocks, count: count)
      return boxWidth(columns) <= width && (columns.map(\.count).max() ?? 0) <= rows
    }
  }

  /// The pages of the help for `table`'s keys on a `width` × `height` screen.
  public static func keyPages(
    _ table: [KeyGroup], width: Int = ScreenLayout.minimumWidth, height: Int = ScreenLayout.minimumHeight
  ) -> [[Section]] {
    pages(sections(table), width: width, height: height)
  }

  /// Page `page` of the help for `table`'s keys on a `width` × `height` screen (the last page
  /// past the end), with a footer naming the page and the key that turns it when there is more
  /// than one.
  public static func keys(
    _ table: [KeyGroup], page: Int, title: String, width: Int = ScreenLayout.minimumWidth, height: Int = ScreenLayout.minimumHeight
  ) -> HelpOverlay {
    let pages = keyPages(table, width: width, height: height)
    let index = min(max(page, 0), pages.count - 1)
    guard pages.count > 1 else { return HelpOverlay(title: title, sections: pages[index]) }
    let key = KeyMap.key(for: .toggleHelp)
    let last = index == pages.count - 1
    let footer = Line([("\(index + 1)/\(pages.count)  ", .dim), (key, .key), (last ? " closes the help" : " for more keys", .dim)])
    return HelpOverlay(title: title, sections: pages[index], footer: footer)
  }
}
