/// A node of an HTML or inline-SVG document: an element, escaped text, trusted markup, or a fragment of nodes.
///
/// Views build a tree of these values and render it once; text and attribute values are escaped when they
/// are rendered, so a product name such as `<Sale> "Tom & Jerry"` can never become markup.
public struct HTMLNode: Sendable, Hashable {
    indirect enum Kind: Sendable, Hashable {
        case element(name: String, attributes: [HTMLAttribute], children: [HTMLNode])
        case text(String)
        case trusted(String)
        case fragment([HTMLNode])
    }

    let kind: Kind

    private init(_ kind: Kind) {
        self.kind = kind
    }

    /// An element with its attributes (in the order given) and children.
    ///
    /// - Parameter name: the tag name, a constant such as `"div"`; void elements (`input`, `meta`, …) are
    ///   rendered without an end tag and must have no children.
    public static func element(_ name: String, attributes: [HTMLAttribute] = [], children: [HTMLNode] = []) -> HTMLNode {
        assert(HTMLNode.isValidName(name), "invalid tag name '\(name)'")
        assert(!HTMLNode.voidElements.contains(name) || children.isEmpty, "void element <\(name)> cannot have children")
        return HTMLNode(.element(name: name, attributes: attributes, children: children))
    }

    /// An element whose children come from a builder block.
    public static func element(_ name: String, _ attributes: [HTMLAttribute] = [],
                               @HTMLBuilder content: () -> [HTMLNode]) -> HTMLNode {
        element(name, attributes: attributes, children: content())
    }

    /// Text, escaped when rendered.
    public static func text(_ text: String) -> HTMLNode { HTMLNode(.text(text)) }

    /// Markup written verbatim. Only for constants of the program (the doctype), never for anything a user,
    /// a platform or the warehouse supplied.
    public static func trusted(_ markup: String) -> HTMLNode { HTMLNode(.trusted(markup)) }

    /// Several nodes rendered one after another, with no element around them.
    public static func fragment(_ nodes: [HTMLNode]) -> HTMLNode { HTMLNode(.fragment(nodes)) }

    /// Several nodes from a builder block, with no element around them.
    public static func fragment(@HTMLBuilder _ content: () -> [HTMLNode]) -> HTMLNode { fragment(content()) }

    /// Renders nothing.
    public static let empty = HTMLNode.fragment([])

    /// A complete HTML5 document: the doctype followed by `<html lang=…>`.
    public static func document(lang: String = "en", @HTMLBuilder _ content: () -> [HTMLNode]) -> HTMLNode {
        fragment([.trusted("<!DOCTYPE html>"), element("html", attributes: [.lang(lang)], children: content())])
    }

    /// Elements that have no end tag in HTML syntax.
    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]

    /// Tag and attribute names are program constants; this catches a typo or a stray space early in debug builds.
    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: ":"):
                true
            default:
                false
            }
        }
    }
}
