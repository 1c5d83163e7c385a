/// A reusable piece of a page: a value (the figures it shows) whose `html` is a pure function of it.
///
/// Components can be written directly inside an `@HTMLBuilder` block.
public protocol HTMLComponent: Sendable {
    /// The markup for this value.
    var html: HTMLNode { get }
}
