// One function per element the dashboard uses, so views read like the markup they produce:
// `.section(.class("card")) { .h2 { "Revenue" } }`.

extension HTMLNode {
    // MARK: Document

    public static func head(@HTMLBuilder _ content: () -> [HTMLNode]) -> HTMLNode { element("head", content: content) }
    public static func body(_ attributes: HTMLAttribute..., @HTMLBuilder content: () -> [HTMLNode]) -> HTMLNode {
        element("body", attributes, content: content)
    }
    public static func meta(_ attributes: HTMLAttribute...) -> HTMLNode { element("meta", attributes: attributes) }
    public static func link(_ attributes: HTMLAttribute...) -> HTMLNode { element("link", attributes: attributes) }
    public static func title(_ text: String) -> HTMLNode { element("title", attributes: [], children: [.text(text)]) }
    /// An external script; the content-security policy forbids inline script, so there is no body.
    public static func script(_ attributes: HTMLAttribute...) -> HTMLNode { element("script", attributes: attributes) }

    // MARK: Sections and text

    public static func header(_ attributes: HTMLAttribute..., @HTMLBuilder content: () -> [HTMLNode]) -> HTMLNode {
        element("header", attributes, content: content)
    }
    public static func nav(_ attributes: HTMLAttribute..., @HTMLBuilder content: () -> [HTMLNode]) -> HTMLNode {
        element("nav", attributes, content: content)
    }
    public static func main(_ attributes: HTMLAttribute..., @HTMLBuilder content: () -> [HTMLNode]) -> HTMLNode {
        element("main", attributes, content: content)
    }
    public static func footer(_ attributes: HTMLAttribute..., @HTMLBuilder content: () -> [HTMLNode]) -> HTMLNode {
        element("footer", attributes, content: content)
    }
    public static func section(_ attributes: HTMLAttribute..., @HTMLBuilder content: () -> [HTMLNode]) -> HTMLNode {
        element("section", attributes, content: content)
    }
    public static func article(_ attributes: HTMLAttribute..., @HTMLBuilder content: () -> [HTMLNode]) -> HTMLNode {
        element("article", attributes, content: content)
    }
    public static func div(_ attributes: HTMLAttribute..., @HTMLBuilder content: () -> [HTMLNode]) -> HTMLNode {
        element("div", attributes, content: content)
    }
    public static func h1(_ attributes: HTMLAttribute..., @HTMLBuilder content: () -> [HTMLNode]) -> HTMLNode {
        element("h1", attributes, content: content)
    }
    public static func h2(_ attributes: HTMLAttribute..., @HTMLBuilder content: () -> [HTMLNode]) -> HTMLNode {
        element("h2", attributes, content: content)
    }
    public static func h3(_ attributes: HTMLAttribute..., @HTMLBuilder content: () -> [HTMLNode]) -> HTMLNode {
        element("h3", attributes, content: content)
    }
    public static func p(_ attributes: HTMLAttribute..., @HTMLBuilder content: () -> [HTMLNode]) -> HTMLNode {
        element("p", attributes, content: content)
    }
    public static func span(_ attributes: HTMLAttribute..., @HTMLBuilder content: () -> [HTMLNode]) -> HTMLNode {
        element("span", attributes, content: content)
    }
    public static func strong(_ attributes: HTMLAttribute..., @HTMLBuilder content: () -> [HTMLNode]) -> HTMLNode {
        element("strong", attributes, content: content)
    }
    public static func small(_ attributes: HTMLAttribute..., @HTMLBuilder content: () -> [HTMLNode]) -> HTMLNode {
        element("small", attributes, content: content)
    }
    public static func code(_ attributes: HTMLAttribute..., @HTMLBuilder content: () -> [HTMLNode]) -> HTMLNode {
        element("code", attributes, content: content)
    }
    public static func time(_ attributes: HTMLAttribute..., @HTMLBuilder content: () -> [HTMLNode]) -> HTMLNode {
        element("time", attributes, content: content)
    }
    public static func a(_ attributes: HTMLAttribute..., @HTMLBuilder content: () -> [HTMLNode]) -> HTMLNode {
        element("a", attributes, content: content)
    }
    public static func ul(_ attributes: HTMLAttribute..., @HTMLBuilder content: () -> [HTMLNode]) -> HTMLNode {
        element("ul", attributes, content: content)
    }
    public static func li(_ attributes: HTMLAttribute..., @HTMLBuilder content: () -> [HTMLNode]) -> HTMLNode {
        element("li", attributes, content: content)
    }
    public static func figure(_ attributes: HTMLAttribute..., @HTMLBuilder content: () -> [HTMLNode]) -> HTMLNode {
        element("figure", attributes, content: content)
    }
    public static func figcaption(_ attributes: HTMLAttribute..., @HTMLBuilder content: () -> [HTMLNode]) -> HTMLNode {
        element("figcaption", attributes, content: content)
    }

    // MARK: Forms

    public static func form(_ attributes: HTMLAttribute..., @HTMLBuilder content: () -> [HTMLNode]) -> HTMLNode {
        element("form", attributes, content: content)
    }
    public static func fieldset(_ attributes: HTMLAttribute..., @HTMLBuilder content: () -> [HTMLNode]) -> HTMLNode {
        element("fieldset", attributes, content: content)
    }
    public static func legend(_ attributes: HTMLAttribute..., @HTMLBuilder content: () -> [HTMLNode]) -> HTMLNode {
        element("legend", attributes, content: content)
    }
    public static func label(_ attributes: HTMLAttribute..., @HTMLBuilder content: () -> [HTMLNode]) -> HTMLNode {
        element("label", attributes, content: content)
    }
    public static func input(_ attributes: HTMLAttribute...) -> HTMLNode { element("input", attributes: attributes) }
    public static func button(_ attributes: HTMLAttribute..., @HTMLBuilder content: () -> [HTMLNode]) -> HTMLNode {
        element("button", attributes, content: content)
    }

    // MARK: Tables

    public static func table(_ attributes: HTMLAttribute..., @HTMLBuilder content: () -> [HTMLNode]) -> HTMLNode {
        element("table", attributes, content: content)
    }
    public static func caption(_ attributes: HTMLAttribute..., @HTMLBuilder content: () -> [HTMLNode]) -> HTMLNode {
        element("caption", attributes, content: content)
    }
    public static func thead(@HTMLBuilder _ content: () -> [HTMLNode]) -> HTMLNode { element("thead", content: content) }
    public static func tbody(@HTMLBuilder _ content: () -> [HTMLNode]) -> HTMLNode { element("tbody", content: content) }
    public static func tfoot(@HTMLBuilder _ content: () -> [HTMLNode]) -> HTMLNode { element("tfoot", content: content) }
    public static func tr(_ attributes: HTMLAttribute..., @HTMLBuilder content: () -> [HTMLNode]) -> HTMLNode {
        element("tr", attributes, content: content)
    }
    public static func th(_ attributes: HTMLAttribute..., @HTMLBuilder content: () -> [HTMLNode]) -> HTMLNode {
        element("th", attributes, content: content)
    }
    public static func td(_ attributes: HTMLAttribute..., @HTMLBuilder content: () -> [HTMLNode]) -> HTMLNode {
        element("td", attributes, content: content)
    }

    // MARK: SVG

    public static func svg(_ attributes: HTMLAttribute..., @HTMLBuilder content: () -> [HTMLNode]) -> HTMLNode {
        element("svg", [HTMLAttribute("xmlns", "http://www.w3.org/2000/svg")] + attributes, content: content)
    }
    public static func g(_ attributes: HTMLAttribute..., @HTMLBuilder content: () -> [HTMLNode]) -> HTMLNode {
        element("g", attributes, content: content)
    }
    public static func path(_ attributes: HTMLAttribute..., @HTMLBuilder content: () -> [HTMLNode] = { [] }) -> HTMLNode {
        element("path", attributes, content: content)
    }
    public static func rect(_ attributes: HTMLAttribute..., @HTMLBuilder content: () -> [HTMLNode] = { [] }) -> HTMLNode {
        element("rect", attributes, content: content)
    }
    public static func line(_ attributes: HTMLAttribute..., @HTMLBuilder content: () -> [HTMLNode] = { [] }) -> HTMLNode {
        element("line", attributes, content: content)
    }
    public static func circle(_ attributes: HTMLAttribute..., @HTMLBuilder content: () -> [HTMLNode] = { [] }) -> HTMLNode {
        element("circle", attributes, content: content)
    }
    public static func polyline(_ attributes: HTMLAttribute..., @HTMLBuilder content: () -> [HTMLNode] = { [] }) -> HTMLNode {
        element("polyline", attributes, content: content)
    }
    /// SVG `<text>`; named apart from `text(_:)`, which makes an escaped text node.
    public static func svgText(_ attributes: HTMLAttribute..., @HTMLBuilder content: () -> [HTMLNode]) -> HTMLNode {
        element("text", attributes, content: content)
    }
    /// SVG `<title>`: the accessible name of a chart, or the tooltip of the shape it is inside.
    public static func svgTitle(_ text: String) -> HTMLNode { element("title", attributes: [], children: [.text(text)]) }
    public static func desc(_ text: String) -> HTMLNode { element("desc", attributes: [], children: [.text(text)]) }
}
