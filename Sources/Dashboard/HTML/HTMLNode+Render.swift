extension HTMLNode {
    /// How `render` lays out the markup.
    public enum RenderStyle: Sendable {
        /// No whitespace is added: what the server sends.
        case compact
        /// Block elements on their own lines, indented by two spaces per level, for snapshot tests and reading.
        /// Whitespace is only added next to elements that are blocks by default, where HTML collapses it, and
        /// text and inline elements (`<a>`, `<span>`, SVG `<text>`) are never split; a stylesheet that makes a
        /// block inline may see an extra space, which is why the server sends `compact`.
        case indented
    }

    /// The markup of this node, with text and attribute values escaped.
    public func render(_ style: RenderStyle = .compact) -> String {
        var output = ""
        switch style {
        case .compact:
            render(into: &output, level: nil)
        case .indented:
            // At the top (doctype, <html>) whitespace between nodes is ignored, so each goes on its own line.
            for node in flattened {
                node.render(into: &output, level: 0)
                output += "\n"
            }
        }
        return output
    }

    /// Renders compactly when `level` is nil, else indented at `level`.
    private func render(into output: inout String, level: Int?) {
        switch kind {
        case .text(let text):
            HTMLNode.escape(text, into: &output)
        case .trusted(let markup):
            output += markup
        case .fragment(let nodes):
            for node in nodes { node.render(into: &output, level: level) }
        case .element(let name, let attributes, let children):
            if let level { output += String(repeating: "  ", count: level) }
            output += "<" + name
            for attribute in attributes {
                output += " " + attribute.name
                if let value = attribute.value {
                    output += "=\""
                    HTMLNode.escape(value, into: &output)
                    output += "\""
                }
            }
            output += ">"
            if HTMLNode.voidElements.contains(name) { return }
            let flatChildren = children.flatMap(\.flattened)
            if let level, !HTMLNode.inlineElements.contains(name), flatChildren.contains(where: \.isBlockLevel) {
                // Block children each get a line; runs of text and inline elements stay together on one line,
                // since whitespace inside a run would show but whitespace next to a block box collapses.
                output += "\n"
                var run: [HTMLNode] = []
                func flushRun() {
                    guard !run.isEmpty else { return }
                    output += String(repeating: "  ", count: level + 1)
                    for node in run { node.render(into: &output, level: nil) }
                    output += "\n"
                    run.removeAll()
                }
                for child in flatChildren {
                    if child.isBlockLevel {
                        flushRun()
                        child.render(into: &output, level: level + 1)
                        output += "\n"
                    } else {
                        run.append(child)
                    }
                }
                flushRun()
                output += String(repeating: "  ", count: level)
            } else {
                for child in flatChildren { child.render(into: &output, level: nil) }
            }
            output += "</" + name + ">"
        }
    }

    /// The node with fragments dissolved into their members.
    private var flattened: [HTMLNode] {
        if case .fragment(let nodes) = kind { return nodes.flatMap(\.flattened) }
        return [self]
    }

    /// Whether whitespace around this node is insignificant, so the indented style may add some.
    private var isBlockLevel: Bool {
        guard case .element(let name, _, _) = kind else { return false }
        return !HTMLNode.inlineElements.contains(name)
    }

    /// Elements whose surrounding whitespace shows on the page (phrasing content), plus SVG text, where a
    /// space would move the glyphs.
    private static let inlineElements: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "br", "button", "cite", "code", "data", "dfn", "em", "i", "img", "input",
        "kbd", "label", "mark", "meter", "output", "pre", "progress", "q", "s", "samp", "select", "small", "span",
        "strong", "sub", "sup", "textarea", "time", "u", "var", "wbr", "text", "tspan",
    ]

    /// Escapes the five characters that are special in text or in a quoted attribute value.
    static func escape(_ text: String, into output: inout String) {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            output += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.unicodeScalars.append(scalar)
            }
        }
    }
}
