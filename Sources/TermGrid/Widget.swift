/// A piece of the screen: a small value configured by its properties that draws itself into
/// the rectangle it is given, never outside it, degrading on its own when the space is small.
///
/// `Context` is what the application tells every widget about the output (its colours, its
/// glyphs); TermGrid draws cells and does not know what a colour means to an application.
public protocol Widget<Context> {
  associatedtype Context
  func render(in area: Rect, into frame: inout Frame, context: Context)
}
